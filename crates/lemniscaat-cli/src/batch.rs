//! Entitlements, ledgers and explanations as the command prints them.

use crate::csv::CsvRows;
use crate::render::{csv_cell, Table};
use crate::{t, Format};
use lemniscaat::batch::{Batch, LineRef, RowSource};
use lemniscaat::dataset::{Dataset, Employee};
use lemniscaat::ledger::LedgerInput;
use lemniscaat::locale;
use lemniscaat::svg::Lang;
use lemniscaat::{entitlement_with, EntitlementInput, Error, ErrorCode, RuleBook, SchoolYear};
use std::io::Write;

/// Entitlements from a CSV of appointments: `employee_id,category,wtf,start,end` and, for an
/// export over several years, `school_year` (a header row with these names is required; other
/// columns are ignored). Without `sy` every school year of the column gets its lines; with it,
/// only that year's rows are read. `threads`: 0 for every core. The answer is written to `out`;
/// in CSV line by line as the batch hands the lines over.
pub fn entitlements_csv(
    book: &RuleBook,
    data: &str,
    sy: Option<SchoolYear>,
    threads: usize,
    format: Format,
    out: &mut crate::Output,
) -> Result<(), Error> {
    let rows = CsvRows::read(data)?;
    let sy = match sy {
        None if !rows.has_school_year() => Some(SchoolYear::containing(crate::today())),
        x => x,
    };
    let batch = Batch::of(sy).book(book).threads(threads);
    let warn = |w: &[lemniscaat::Finding]| {
        for w in w {
            let _ = writeln!(std::io::stderr(), "lemniscaat: {}: {}", w.code.as_str(), w.message_en());
        }
    };
    let text = match format {
        Format::Json => {
            let res = batch.run(&rows)?;
            warn(&res.warnings);
            lemniscaat::json::to_string_pretty(&res) + "\n"
        }
        Format::Csv => {
            // Lines gather in a buffer written out every 64 KiB; the first write error stops
            // the writing and is the answer.
            let mut buf = String::with_capacity(1 << 17);
            buf.push_str("employee_id,school_year,rule_set,hours,money,extra_hours,error_code,error_column,error_line\n");
            let mut failed = None;
            let s = batch.each(&rows, |l| {
                csv_line(&mut buf, &l, &rows);
                if buf.len() >= 1 << 16 && failed.is_none() {
                    failed = out.write_all(buf.as_bytes()).err();
                    buf.clear();
                }
            })?;
            if let Some(e) = failed {
                return Err(out.failed(&e));
            }
            warn(&s.warnings);
            buf
        }
        Format::Table | Format::Html => {
            let res = batch.run(&rows)?;
            warn(&res.warnings);
            let mut tb =
                Table::new(["employee", "school year", "rule set", "hours", "money", "extra hours", "error"].map(String::from).to_vec())
                    .numeric(&[3, 4, 5]);
            for l in &res.lines {
                tb.row(vec![
                    l.employee.clone(),
                    l.school_year.map(|y| y.to_string()).unwrap_or_default(),
                    l.rule_set.clone().unwrap_or_default(),
                    l.hours.map(|x| x.to_string()).unwrap_or_default(),
                    l.money.map(|x| x.to_string()).unwrap_or_default(),
                    l.extra_hours.to_string(),
                    l.error.as_ref().map(|e| format!("{} (line {}, {})", e.code, rows.line(e.row), e.column)).unwrap_or_default(),
                ]);
            }
            tb.render()
        }
    };
    out.write_all(text.as_bytes()).map_err(|e| out.failed(&e))
}

/// One line of the CSV answer.
fn csv_line(out: &mut String, l: &LineRef<'_>, rows: &CsvRows<'_>) {
    use std::fmt::Write as _;
    out.push_str(&csv_cell(l.employee));
    out.push(',');
    if let Some(y) = l.school_year {
        let _ = write!(out, "{y}");
    }
    out.push(',');
    out.push_str(l.rule_set.unwrap_or(""));
    out.push(',');
    match (l.hours, l.money, l.error) {
        (Some(h), Some(m), None) => {
            let _ = write!(out, "{h},{m},{},,,", l.extra_hours);
        }
        (_, _, Some(e)) => {
            let _ = write!(out, ",,,{},{},{}", e.code.as_str(), e.column, rows.line(e.row));
        }
        _ => out.push_str(",,,,,"),
    }
    out.push('\n');
}

/// Entitlements of a dataset's staff.
pub fn entitlements_dataset(book: &RuleBook, ds: &Dataset, sy: SchoolYear, format: Format, l: Lang) -> Result<String, Error> {
    let mut results = Vec::new();
    for (i, e) in ds.employees.iter().enumerate() {
        if !e.appointments.iter().any(|a| a.range().days_within(&sy.range()) > 0) {
            continue;
        }
        let mut input = EntitlementInput::new(sy, e.appointments.clone());
        input.options = ds.options;
        input.rule_set = ds.rule_set.clone();
        input.support_extension_plan = e.asks_support_extension();
        input.explain = format == Format::Json;
        let r = entitlement_with(book, &input).map_err(|er| er.within(&format!("/employees/{i}")))?;
        results.push((e, r));
    }
    Ok(match format {
        Format::Json => {
            let v: Vec<serde_json::Value> =
                results.iter().map(|(e, r)| serde_json::json!({ "employee": e.id, "name": e.name, "entitlement": r })).collect();
            lemniscaat::json::to_string_pretty(&v) + "\n"
        }
        _ => {
            let mut tb = Table::new(vec![
                t(l, "employee", "medewerker"),
                t(l, "school", "school"),
                t(l, "rule set", "regelset"),
                t(l, "hours", "uren"),
                t(l, "money EUR", "geld EUR"),
                t(l, "extra", "extra"),
                t(l, "warnings", "waarschuwingen"),
            ])
            .numeric(&[3, 4]);
            for (e, r) in &results {
                tb.row(vec![
                    format!("{} {}", e.id, e.name.clone().unwrap_or_default()),
                    e.school.clone().unwrap_or_default(),
                    r.rule_set.clone(),
                    r.hours.to_string(),
                    r.money.to_string(),
                    r.extra.iter().map(|b| format!("{} u {}", b.hours, b.bucket)).collect::<Vec<_>>().join("; "),
                    r.warnings.iter().map(|w| w.code.as_str()).collect::<Vec<_>>().join(" "),
                ]);
            }
            if format == Format::Csv {
                tb.csv()
            } else {
                format!("{} {sy}\n\n{}", t(l, "Entitlements in school year", "Basisrecht in schooljaar"), tb.render())
            }
        }
    })
}

fn employee<'a>(ds: &'a Dataset, id: &str) -> Result<(usize, &'a Employee), Error> {
    ds.employees.iter().enumerate().find(|(_, e)| e.id == id).ok_or_else(|| {
        Error::new(ErrorCode::InvalidValue, format!("no employee '{id}' in the dataset"), format!("geen medewerker '{id}' in de dataset"))
            .at("--employee")
    })
}

/// The ledger statements of one employee.
#[allow(clippy::too_many_arguments)]
pub fn ledger(
    book: &RuleBook,
    ds: &Dataset,
    id: &str,
    years: &[String],
    as_of: chrono::NaiveDate,
    format: Format,
    l: Lang,
) -> Result<String, Error> {
    let (i, e) = employee(ds, id)?;
    let mut school_years: Vec<SchoolYear> =
        years.iter().map(|s| s.parse::<SchoolYear>().map_err(|er| er.at("--school-year"))).collect::<Result<_, _>>()?;
    if school_years.is_empty() {
        school_years.push(SchoolYear::containing(as_of));
    }
    let input = LedgerInput {
        appointments: e.appointments.clone(),
        events: e.ledger.clone(),
        school_years,
        rule_set: ds.rule_set.clone(),
        options: ds.options,
        support_extension_plan: e.asks_support_extension(),
        as_of: Some(as_of),
        expiring_within_days: Some(90),
        explain: true,
    };
    let r = lemniscaat::ledger::ledger_with(book, &input).map_err(|er| {
        let p = Employee::ledger_error_path(i, er.path());
        er.at(p)
    })?;
    Ok(match format {
        Format::Json => lemniscaat::json::to_string_pretty(&r) + "\n",
        Format::Csv => ledger_csv(&r),
        _ => ledger_table(book, ds, e, &r, as_of, l),
    })
}

/// The ledger's statements as CSV: ids and decimal points, for machines.
fn ledger_csv(r: &lemniscaat::ledger::LedgerResult) -> String {
    let mut tb = Table::new(
        ["school_year", "bucket", "unit", "opening", "granted", "used", "adjusted", "lapsed", "carried"].map(String::from).to_vec(),
    );
    for st in r.statements.iter().chain(r.bucket_statements.iter()) {
        for (unit, u) in [("hours", &st.hours), ("money", &st.money)] {
            tb.row(vec![
                st.school_year.to_string(),
                st.bucket.clone(),
                unit.into(),
                u.opening.to_string(),
                u.granted.to_string(),
                u.used.to_string(),
                u.adjusted.to_string(),
                u.lapsed.to_string(),
                u.carried.to_string(),
            ]);
        }
    }
    tb.csv()
}

/// A bucket as a person names it: `basisrecht`, `geoormerkt: basisvaardigheden en curriculum`.
fn bucket_name(id: &str, l: Lang) -> String {
    if id == lemniscaat::ledger::BASISRECHT {
        "basisrecht".into()
    } else {
        locale::pick(&locale::parameter(id), l).to_string()
    }
}

/// Hours and money as a person reads them: `12,00 uur en € 150,00`.
fn hours_and_money(a: &lemniscaat::ledger::Amounts, l: Lang) -> String {
    format!("{} {} {}", locale::hours(a.hours, l), t(l, "and", "en"), locale::money(a.money, l))
}

/// The article of a rule key in the rule set in force on `as_of`, for a text: `artikel 16.6`.
fn article_in_force(book: &RuleBook, ds: &Dataset, as_of: chrono::NaiveDate, key: &str, l: Lang) -> String {
    let rs = book.select(SchoolYear::containing(as_of), ds.rule_set.as_deref(), ds.options.mode).map(|(rs, _)| rs);
    rs.ok()
        .and_then(|rs| {
            rs.article(key)
                .map(|a| lemniscaat::message::rule(&rs.id, Some(&a.article), a.lid.as_deref(), None, Some(a.provenance.of_article()), l))
        })
        .unwrap_or_default()
}

/// The ledger's statements as a table for people, in Dutch or English formats.
fn ledger_table(
    book: &RuleBook,
    ds: &Dataset,
    e: &Employee,
    r: &lemniscaat::ledger::LedgerResult,
    as_of: chrono::NaiveDate,
    l: Lang,
) -> String {
    let mut tb = Table::new(vec![
        t(l, "school year", "schooljaar"),
        t(l, "budget", "budget"),
        t(l, "unit", "eenheid"),
        t(l, "opening balance", "beginsaldo"),
        t(l, "granted", "toegekend"),
        t(l, "used", "gebruikt"),
        t(l, "corrected", "correctie"),
        t(l, "lapsed", "vervallen"),
        t(l, "saved", "gespaard"),
    ])
    .numeric(&[3, 4, 5, 6, 7, 8]);
    for st in r.statements.iter().chain(r.bucket_statements.iter()) {
        let f = |d: rust_decimal::Decimal| locale::amount(d, l);
        for (unit, u) in [(t(l, "hours", "uren"), &st.hours), (t(l, "euros", "euro"), &st.money)] {
            // A year that has not ended only projects its lapse.
            let lapsed = if as_of < st.school_year.last_day() && !u.lapsed.is_zero() { format!("({})", f(u.lapsed)) } else { f(u.lapsed) };
            tb.row(vec![
                st.school_year.to_string(),
                bucket_name(&st.bucket, l),
                unit,
                f(u.opening),
                f(u.granted),
                f(u.used),
                f(u.adjusted),
                lapsed,
                f(u.carried),
            ]);
        }
    }
    let mut o = format!("{} {} — {}\n\n", e.id, e.name.clone().unwrap_or_default(), t(l, "balance and its history", "saldo en verloop"));
    o.push_str(&tb.render());
    if r.statements.iter().any(|st| as_of < st.school_year.last_day()) {
        o.push_str(&t(
            l,
            "(x): a projection; the school year has not ended, so nothing has lapsed yet.\n",
            "(x): een verwachting; het schooljaar is nog niet voorbij, dus er is nog niets vervallen.\n",
        ));
    }
    o.push_str(&format!(
        "\n{} {}: {}\n",
        t(l, "Free to plan on", "Vrij te plannen op"),
        locale::date(as_of, l),
        hours_and_money(&r.free_to_plan, l)
    ));
    for x in &r.expiring {
        o.push_str(&format!(
            "  {} {}: {} ({})\n",
            t(l, "lapses after", "vervalt na"),
            locale::date(x.lapses_after, l),
            hours_and_money(&x.amounts, l),
            bucket_name(&x.bucket, l)
        ));
    }
    for f in r.facilities.iter().filter(|f| !f.activities.is_empty()) {
        o.push_str(&format!(
            "  {} {}: {} — {}; {} {}\n",
            t(l, "employer-paid in school year", "werkgever betaalt in schooljaar"),
            f.school_year,
            hours_and_money(&f.total, l),
            f.activities.join(", "),
            t(l, "see", "zie"),
            article_in_force(book, ds, as_of, "assigned_activities", l)
        ));
    }
    o.push_str(&format!(
        "\n{}; {} {}.\n",
        t(
            l,
            "Lapse: unused basisrecht lapses after 31 July unless a saving agreement keeps it",
            "Verval: ongebruikt basisrecht vervalt na 31 juli, tenzij een spaarafspraak het bewaart"
        ),
        t(l, "see", "zie"),
        article_in_force(book, ds, as_of, "lapse", l)
    ));
    o
}

/// A step's value as a person reads it: `49,80 uur`, `€ 360,00`, `0,6`, `365 dagen`.
fn step_value(s: &lemniscaat::explain::Step, l: Lang) -> String {
    use lemniscaat::explain::Unit;
    let Some(v) = s.value else { return String::new() };
    match s.unit {
        Unit::Hours => locale::hours(v, l),
        Unit::Eur => locale::money(v, l),
        Unit::Factor | Unit::None => locale::number(v, l),
        Unit::Days => format!("{} {}", locale::number(v, l), t(l, "days", "dagen")),
        Unit::Months => format!("{} {}", locale::number(v, l), t(l, "months", "maanden")),
    }
}

/// Which amount a step is about, as a person names it: `uren`, `geld`, `geoormerkt: ..., uren`.
fn amount_name(amount: &str, l: Lang) -> String {
    let unit = |u: &str| match u {
        "hours" => t(l, "hours", "uren"),
        "money" => t(l, "money", "geld"),
        other => other.to_string(),
    };
    match amount.split_once('/') {
        Some((bucket, u)) => format!("{}, {}", bucket_name(bucket, l), unit(u)),
        None if amount.is_empty() => String::new(),
        None => unit(amount),
    }
}

/// An entitlement with every step, its value and its article, for people.
fn explain_table(e: &Employee, sy: SchoolYear, r: &lemniscaat::Entitlement, l: Lang) -> String {
    let mut o = format!(
        "{} {} — {} {} {sy}: {} {} {}\n",
        e.id,
        e.name.clone().unwrap_or_default(),
        t(l, "basisrecht", "basisrecht"),
        t(l, "in school year", "in schooljaar"),
        locale::hours(r.hours, l),
        t(l, "and", "en"),
        locale::money(r.money, l)
    );
    for b in &r.extra {
        o.push_str(&format!(
            "  + {} {} {}: {}\n",
            locale::hours(b.hours, l),
            t(l, "and", "en"),
            locale::money(b.money, l),
            locale::pick(&b.label, l)
        ));
    }
    let mut tb =
        Table::new(vec![t(l, "amount", "bedrag"), t(l, "value", "waarde"), t(l, "step", "stap"), t(l, "source", "bron")]).numeric(&[1]);
    for s in r.explanation.iter().flat_map(|ex| &ex.steps) {
        tb.row(vec![amount_name(&s.amount, l), step_value(s, l), s.text(l), s.source.text(l)]);
    }
    o.push('\n');
    o.push_str(&tb.render());
    for w in &r.warnings {
        o.push_str(&format!("! {}\n", w.text(l)));
    }
    for info in &r.information {
        o.push_str(&format!("i {}\n", if l == Lang::Nl { &info.nl } else { &info.en }));
    }
    if let Some(rc) = &r.receipt {
        o.push_str(&format!(
            "\n{}: {}, {} (sha256 {}), {} sha256 {}\n",
            t(l, "To reproduce this calculation", "Om deze berekening te herhalen"),
            rc.library,
            lemniscaat::message::rule_set_name(&rc.rule_set),
            rc.rule_set_hash.get(..16).unwrap_or_default(),
            t(l, "input", "invoer"),
            rc.input_hash.get(..16).unwrap_or_default()
        ));
        let options: Vec<String> = rc.options.iter().map(|(k, v)| lemniscaat::message::option(k, v, l)).collect();
        o.push_str(&format!("{}: {}\n", t(l, "Choices", "Keuzes"), options.join("; ")));
    }
    o
}

/// One employee's entitlement with every step and article.
pub fn explain(book: &RuleBook, ds: &Dataset, id: &str, sy: SchoolYear, format: Format, l: Lang) -> Result<String, Error> {
    let (i, e) = employee(ds, id)?;
    let mut input = EntitlementInput::new(sy, e.appointments.clone());
    input.options = ds.options;
    input.rule_set = ds.rule_set.clone();
    input.support_extension_plan = e.asks_support_extension();
    let r = entitlement_with(book, &input).map_err(|er| er.within(&format!("/employees/{i}")))?;
    Ok(match format {
        Format::Json => lemniscaat::json::to_string_pretty(&r) + "\n",
        Format::Csv => {
            let mut tb = Table::new(["amount", "step", "value", "unit", "text", "source"].map(String::from).to_vec());
            for s in r.explanation.iter().flat_map(|ex| &ex.steps) {
                let unit = lemniscaat::json::to_string(&s.unit).trim_matches('"').to_string();
                tb.row(vec![
                    s.amount.to_string(),
                    s.step.to_string(),
                    s.value.map(|v| v.to_string()).unwrap_or_default(),
                    unit,
                    s.text(l),
                    s.source.citation(),
                ]);
            }
            tb.csv()
        }
        _ => explain_table(e, sy, &r, l),
    })
}
