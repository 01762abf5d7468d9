//! Entitlements, ledgers and explanations as the command prints them.

use crate::render::{csv_cell, Table};
use crate::{t, Format};
use lemniscaat::batch::{entitlements_batch_with, BatchRow};
use lemniscaat::dataset::{Dataset, Employee};
use lemniscaat::ledger::LedgerInput;
use lemniscaat::svg::Lang;
use lemniscaat::{entitlement_with, EntitlementInput, Error, ErrorCode, RuleBook, SchoolYear};
use std::io::Write;

/// Splits one CSV line into cells (RFC 4180 quotes; no embedded newlines).
fn cells(line: &str) -> Vec<std::borrow::Cow<'_, str>> {
    if !line.contains('"') {
        return line.split(',').map(std::borrow::Cow::Borrowed).collect();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', q) => quoted = !q,
            (',', false) => out.push(std::borrow::Cow::Owned(std::mem::take(&mut cur))),
            (c, _) => cur.push(c),
        }
    }
    out.push(std::borrow::Cow::Owned(cur));
    out
}

const COLUMNS: [&str; 5] = ["employee_id", "category", "wtf", "start", "end"];

/// Entitlements from a CSV of appointments: `employee_id,category,wtf,start,end` (a header row
/// with these names is required; other columns are ignored).
pub fn entitlements_csv(book: &RuleBook, data: &str, sy: SchoolYear, format: Format, progress: bool) -> Result<String, Error> {
    let mut lines = data.lines();
    let header = lines.next().ok_or_else(|| Error::new(ErrorCode::MissingField, "the CSV is empty", "de CSV is leeg"))?;
    let head: Vec<String> = cells(header.trim_start_matches('\u{feff}')).iter().map(|c| c.trim().to_lowercase()).collect();
    let mut pos = [0usize; 5];
    for (k, name) in COLUMNS.iter().enumerate() {
        pos[k] = head.iter().position(|h| h == name || (*name == "employee_id" && h == "employee")).ok_or_else(|| {
            Error::new(
                ErrorCode::MissingField,
                format!("the CSV header has no column '{name}' (need {})", COLUMNS.join(",")),
                format!("de CSV-kop heeft geen kolom '{name}' (nodig: {})", COLUMNS.join(",")),
            )
            .at(format!("/0/{name}"))
        })?;
    }
    let raw: Vec<Vec<std::borrow::Cow<str>>> = lines.filter(|l| !l.trim().is_empty()).map(cells).collect();
    let total = raw.len();
    let get = |r: &Vec<std::borrow::Cow<str>>, k: usize| -> usize { pos[k].min(r.len()) };
    let empty = std::borrow::Cow::Borrowed("");
    let rows: Vec<BatchRow> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if progress && total > 100_000 && i % 100_000 == 0 && i > 0 {
                let _ = writeln!(std::io::stderr(), "lemniscaat: {i} / {total} rows");
            }
            let cell = |k: usize| -> &str { r.get(get(r, k)).unwrap_or(&empty).as_ref() };
            BatchRow { employee: cell(0), category: cell(1), wtf: cell(2), start: cell(3), end: cell(4) }
        })
        .collect();
    let res = entitlements_batch_with(book, rows.as_slice(), sy, &Default::default(), None)?;
    if progress && total > 100_000 {
        let _ = writeln!(std::io::stderr(), "lemniscaat: {total} / {total} rows, {} employees", res.lines.len());
    }
    for w in &res.warnings {
        let _ = writeln!(std::io::stderr(), "lemniscaat: {}: {}", w.code.as_str(), w.message_en);
    }
    Ok(match format {
        Format::Json => lemniscaat::json::to_string_pretty(&res) + "\n",
        Format::Csv => {
            let mut out = String::with_capacity(res.lines.len() * 48);
            out.push_str("employee_id,school_year,rule_set,hours,money,extra_hours,error_code,error_row\n");
            let sy = res.school_year.to_string();
            for l in &res.lines {
                out.push_str(&csv_cell(&l.employee));
                out.push(',');
                out.push_str(&sy);
                out.push(',');
                out.push_str(&res.rule_set);
                out.push(',');
                if let (Some(h), Some(m)) = (l.hours, l.money) {
                    out.push_str(&h.to_string());
                    out.push(',');
                    out.push_str(&m.to_string());
                } else {
                    out.push(',');
                }
                out.push(',');
                out.push_str(&l.extra_hours.to_string());
                out.push(',');
                if let Some(e) = &l.error {
                    out.push_str(e.code.as_str());
                    out.push(',');
                    out.push_str(&(e.row + 2).to_string());
                } else {
                    out.push(',');
                }
                out.push('\n');
            }
            out
        }
        Format::Table | Format::Html => {
            let mut tb = Table::new(["employee", "rule set", "hours", "money", "extra hours", "error"].map(String::from).to_vec())
                .numeric(&[2, 3, 4]);
            for l in &res.lines {
                tb.row(vec![
                    l.employee.clone(),
                    res.rule_set.clone(),
                    l.hours.map(|x| x.to_string()).unwrap_or_default(),
                    l.money.map(|x| x.to_string()).unwrap_or_default(),
                    l.extra_hours.to_string(),
                    l.error.as_ref().map(|e| format!("{} (line {}, {})", e.code, e.row + 2, e.column)).unwrap_or_default(),
                ]);
            }
            tb.render()
        }
    })
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
        _ => {
            let mut tb = Table::new(vec![
                t(l, "school year", "schooljaar"),
                t(l, "bucket", "budget"),
                t(l, "unit", "eenheid"),
                t(l, "opening", "begin"),
                t(l, "granted", "toegekend"),
                t(l, "used", "gebruikt"),
                t(l, "adjusted", "correctie"),
                t(l, "lapsed", "vervallen"),
                t(l, "carried", "gespaard"),
            ])
            .numeric(&[3, 4, 5, 6, 7, 8]);
            for st in r.statements.iter().chain(r.bucket_statements.iter()) {
                for (unit, u) in [(t(l, "hours", "uren"), &st.hours), (t(l, "EUR", "euro"), &st.money)] {
                    tb.row(vec![
                        st.school_year.to_string(),
                        st.bucket.clone(),
                        unit,
                        u.opening.to_string(),
                        u.granted.to_string(),
                        u.used.to_string(),
                        u.adjusted.to_string(),
                        u.lapsed.to_string(),
                        u.carried.to_string(),
                    ]);
                }
            }
            if format == Format::Csv {
                tb.csv()
            } else {
                let mut o = format!("{} {} — {}\n\n", e.id, e.name.clone().unwrap_or_default(), t(l, "ledger", "grootboek"));
                o.push_str(&tb.render());
                o.push_str(&format!(
                    "\n{} {as_of}: {} u / EUR {}\n",
                    t(l, "Free to plan on", "Vrij te plannen op"),
                    r.free_to_plan.hours,
                    r.free_to_plan.money
                ));
                for x in &r.expiring {
                    o.push_str(&format!(
                        "  {} {}: {} u / EUR {} ({})\n",
                        t(l, "lapses after", "vervalt na"),
                        x.lapses_after,
                        x.amounts.hours,
                        x.amounts.money,
                        x.bucket
                    ));
                }
                for f in &r.facilities {
                    if !f.activities.is_empty() {
                        o.push_str(&format!(
                            "  {} {}: {} u / EUR {} — {}\n",
                            t(l, "employer-paid (17.7)", "werkgever betaalt (17.7)"),
                            f.school_year,
                            f.total.hours,
                            f.total.money,
                            f.activities.join(", ")
                        ));
                    }
                }
                o.push_str(&format!(
                    "\n{}\n",
                    t(
                        l,
                        "Lapse: unused basisrecht lapses after 31 July unless a saving agreement keeps it (17.6).",
                        "Verval: ongebruikt basisrecht vervalt na 31 juli tenzij een spaarafspraak het bewaart (17.6)."
                    )
                ));
                o
            }
        }
    })
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
        _ => {
            let mut o = format!(
                "{} {} — {} {sy}: {} {} / EUR {}\n",
                e.id,
                e.name.clone().unwrap_or_default(),
                t(l, "basisrecht", "basisrecht"),
                r.hours,
                t(l, "hours", "uur"),
                r.money
            );
            for b in &r.extra {
                o.push_str(&format!(
                    "  + {} {} / EUR {}: {}\n",
                    b.hours,
                    t(l, "hours", "uur"),
                    b.money,
                    if l == Lang::Nl { &b.label.nl } else { &b.label.en }
                ));
            }
            let mut tb = Table::new(vec![
                t(l, "amount", "bedrag"),
                t(l, "step", "stap"),
                t(l, "value", "waarde"),
                t(l, "description", "omschrijving"),
                t(l, "source", "bron"),
            ])
            .numeric(&[2]);
            if let Some(ex) = &r.explanation {
                for s in &ex.steps {
                    tb.row(vec![
                        s.amount.clone(),
                        s.step.clone(),
                        s.value.map(|v| v.to_string()).unwrap_or_default(),
                        if l == Lang::Nl { s.nl.clone() } else { s.en.clone() },
                        s.source.citation(),
                    ]);
                }
            }
            o.push('\n');
            o.push_str(&if format == Format::Csv { tb.csv() } else { tb.render() });
            for w in &r.warnings {
                o.push_str(&format!("! {} {}\n", w.code.as_str(), if l == Lang::Nl { &w.message_nl } else { &w.message_en }));
            }
            for info in &r.information {
                o.push_str(&format!("i {}\n", if l == Lang::Nl { &info.nl } else { &info.en }));
            }
            if let Some(rc) = &r.receipt {
                o.push_str(&format!(
                    "\n{}: {}, {} {} (sha256 {}), input sha256 {}\n",
                    t(l, "Receipt", "Bewijs"),
                    rc.library,
                    t(l, "rule set", "regelset"),
                    rc.rule_set,
                    &rc.rule_set_hash[..16],
                    &rc.input_hash[..16]
                ));
                o.push_str(&format!(
                    "{}: {}\n",
                    t(l, "Options", "Opties"),
                    rc.options.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
                ));
            }
            o
        }
    })
}
