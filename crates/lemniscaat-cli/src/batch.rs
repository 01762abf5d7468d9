//! Entitlements, ledgers and explanations as the command prints them.

use crate::csv::CsvRows;
use crate::render::{csv_cell, Table};
use crate::texts::{heads, tr, trf};
use crate::Format;
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
/// in CSV line by line as the batch hands the lines over. A table is in `l`'s words and formats;
/// CSV and JSON are for machines (ids, decimal points).
#[allow(clippy::too_many_arguments)]
pub fn entitlements_csv(
    book: &RuleBook,
    data: &str,
    sy: Option<SchoolYear>,
    threads: usize,
    format: Format,
    l: Lang,
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
            let _ = writeln!(std::io::stderr(), "lemniscaat: {}: {}", w.code.as_str(), w.text(l));
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
            let mut tb = Table::new(heads(
                l,
                &["col.employee", "col.school_year", "col.cao", "col.hours", "col.money", "col.extra_hours", "col.error"],
            ))
            .numeric(&[3, 4, 5]);
            let f = |d: Option<rust_decimal::Decimal>| d.map(|d| locale::amount(d, l)).unwrap_or_default();
            for line in &res.lines {
                let error = line.error.as_ref().map(|e| {
                    let at = rows.line(e.row).to_string();
                    let message = if l == Lang::Nl { &e.message_nl } else { &e.message_en };
                    trf(l, "entitlements.row_error", &[("line", &at), ("column", &e.column), ("message", message)])
                });
                tb.row(vec![
                    line.employee.clone(),
                    line.school_year.map(|y| y.to_string()).unwrap_or_default(),
                    line.rule_set.as_deref().map(lemniscaat::message::rule_set_name).unwrap_or_default(),
                    f(line.hours),
                    f(line.money),
                    if error.is_some() { String::new() } else { f(Some(line.extra_hours)) },
                    error.unwrap_or_default(),
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
        Format::Csv => {
            // The CSV keeps its column names, ids and decimal points: scripts read it.
            let mut tb = Table::new(heads(
                l,
                &["csv.employee", "csv.school", "csv.rule_set", "csv.hours", "csv.money", "csv.extra", "csv.warnings"],
            ));
            for (e, r) in &results {
                tb.row(vec![
                    format!("{} {}", e.id, e.name.clone().unwrap_or_default()),
                    e.school.clone().unwrap_or_default(),
                    r.rule_set.to_string(),
                    r.hours.to_string(),
                    r.money.to_string(),
                    r.extra.iter().map(|b| format!("{} u {}", b.hours, b.bucket)).collect::<Vec<_>>().join("; "),
                    r.warnings.iter().map(|w| w.code.as_str()).collect::<Vec<_>>().join(" "),
                ]);
            }
            tb.csv()
        }
        Format::Table | Format::Html => {
            let mut tb =
                Table::new(heads(l, &["col.employee", "col.school", "col.cao", "col.hours", "col.money", "col.extra", "col.warnings"]))
                    .numeric(&[3, 4]);
            for (e, r) in &results {
                tb.row(vec![
                    format!("{} {}", e.id, e.name.clone().unwrap_or_default()),
                    e.school.clone().unwrap_or_default(),
                    lemniscaat::message::rule_set_name(&r.rule_set),
                    locale::amount(r.hours, l),
                    locale::amount(r.money, l),
                    r.extra
                        .iter()
                        .map(|b| format!("{} {}", locale::hours(b.hours, l), locale::bucket(&b.bucket, l)))
                        .collect::<Vec<_>>()
                        .join("; "),
                    r.warnings.iter().map(|w| lemniscaat::message::title(w.code.as_str(), l)).collect::<Vec<_>>().join("; "),
                ]);
            }
            format!("{}\n\n{}", trf(l, "entitlements.title", &[("school_year", &sy.to_string())]), tb.render())
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

/// Hours and money as a person reads them: `12,00 uur en € 150,00`.
fn hours_and_money(a: &lemniscaat::ledger::Amounts, l: Lang) -> String {
    both(a.hours, a.money, l)
}

/// Hours and euros as a person reads them: `12,00 uur en € 150,00`.
fn both(hours: rust_decimal::Decimal, money: rust_decimal::Decimal, l: Lang) -> String {
    trf(l, "amounts.hours_and_money", &[("hours", &locale::hours(hours, l)), ("money", &locale::money(money, l))])
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
    let mut tb = Table::new(heads(
        l,
        &[
            "col.school_year",
            "col.budget",
            "col.unit",
            "col.opening",
            "col.granted",
            "col.used",
            "col.adjusted",
            "col.lapsed",
            "col.carried",
        ],
    ))
    .numeric(&[3, 4, 5, 6, 7, 8]);
    for st in r.statements.iter().chain(r.bucket_statements.iter()) {
        let f = |d: rust_decimal::Decimal| locale::amount(d, l);
        for (unit, u) in [(tr(l, "unit.hours"), &st.hours), (tr(l, "unit.euros"), &st.money)] {
            // A year that has not ended only projects its lapse.
            let lapsed = if as_of < st.school_year.last_day() && !u.lapsed.is_zero() { format!("({})", f(u.lapsed)) } else { f(u.lapsed) };
            tb.row(vec![
                st.school_year.to_string(),
                locale::bucket(&st.bucket, l),
                unit.into(),
                f(u.opening),
                f(u.granted),
                f(u.used),
                f(u.adjusted),
                lapsed,
                f(u.carried),
            ]);
        }
    }
    let mut o = format!("{} {} — {}\n\n", e.id, e.name.clone().unwrap_or_default(), tr(l, "ledger.title"));
    o.push_str(&tb.render());
    if r.statements.iter().any(|st| as_of < st.school_year.last_day()) {
        o.push_str(tr(l, "ledger.projection"));
        o.push('\n');
    }
    o.push('\n');
    o.push_str(&trf(l, "ledger.free", &[("date", &locale::date(as_of, l)), ("amounts", &hours_and_money(&r.free_to_plan, l))]));
    o.push('\n');
    for x in &r.expiring {
        let args = [
            ("date", locale::date(x.lapses_after, l)),
            ("amounts", hours_and_money(&x.amounts, l)),
            ("bucket", locale::bucket(&x.bucket, l)),
        ];
        o.push_str(&format!("  {}\n", trf(l, "ledger.lapses_after", &args.each_ref().map(|(k, v)| (*k, v.as_str())))));
    }
    for f in r.facilities.iter().filter(|f| !f.activities.is_empty()) {
        let args = [
            ("school_year", f.school_year.to_string()),
            ("amounts", hours_and_money(&f.total, l)),
            ("activities", f.activities.join(", ")),
            ("article", article_in_force(book, ds, as_of, "assigned_activities", l)),
        ];
        o.push_str(&format!("  {}\n", trf(l, "ledger.employer_pays", &args.each_ref().map(|(k, v)| (*k, v.as_str())))));
    }
    o.push('\n');
    o.push_str(&trf(l, "ledger.lapse_rule", &[("article", &article_in_force(book, ds, as_of, "lapse", l))]));
    o.push('\n');
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
        Unit::Days => trf(l, "unit.days", &[("n", &locale::number(v, l))]),
        Unit::Months => trf(l, "unit.months", &[("n", &locale::number(v, l))]),
    }
}

/// Which amount a step is about, as a person names it: `uren`, `geld`, `geoormerkt: ..., uren`.
fn amount_name(amount: &str, l: Lang) -> String {
    let unit = |u: &str| match u {
        "hours" => tr(l, "unit.hours").to_string(),
        "money" => tr(l, "unit.money").to_string(),
        other => other.to_string(),
    };
    match amount.split_once('/') {
        Some((bucket, u)) => format!("{}, {}", locale::bucket(bucket, l), unit(u)),
        None if amount.is_empty() => String::new(),
        None => unit(amount),
    }
}

/// An entitlement with every step, its value and its article, for people.
fn explain_table(e: &Employee, sy: SchoolYear, r: &lemniscaat::Entitlement, l: Lang) -> String {
    let mut o = format!(
        "{} {} — {}\n",
        e.id,
        e.name.clone().unwrap_or_default(),
        trf(l, "explain.title", &[("school_year", &sy.to_string()), ("amounts", &both(r.hours, r.money, l))])
    );
    for b in &r.extra {
        o.push_str(&format!("  + {}: {}\n", both(b.hours, b.money, l), locale::pick(&b.label, l)));
    }
    let mut tb = Table::new(heads(l, &["col.amount", "col.value", "col.step", "col.source"])).numeric(&[1]);
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
        let rule_set = lemniscaat::message::rule_set_name(&rc.rule_set);
        let args = [
            ("library", &*rc.library),
            ("rule_set", &rule_set),
            ("rule_set_hash", rc.rule_set_hash.get(..16).unwrap_or_default()),
            ("input_hash", rc.input_hash.get(..16).unwrap_or_default()),
        ];
        o.push_str(&format!("\n{}\n", trf(l, "explain.receipt", &args)));
        let options: Vec<String> = rc.options.iter().map(|(k, v)| lemniscaat::message::option(k, v, l)).collect();
        o.push_str(&trf(l, "explain.choices", &[("choices", &options.join("; "))]));
        o.push('\n');
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
