//! Entitlements, ledgers and explanations as the command prints them.

use crate::csv::CsvRows;
use crate::render::{csv_cell, Table};
use crate::{t, Format};
use lemniscaat::batch::{Batch, LineRef, RowSource};
use lemniscaat::dataset::{Dataset, Employee};
use lemniscaat::ledger::LedgerInput;
use lemniscaat::svg::Lang;
use lemniscaat::{entitlement_with, EntitlementInput, Error, ErrorCode, RuleBook, SchoolYear};
use std::io::Write;

/// Entitlements from a CSV of appointments: `employee_id,category,wtf,start,end` and, for an
/// export over several years, `school_year` (a header row with these names is required; other
/// columns are ignored). Without `sy` every school year of the column gets its lines; with it,
/// only that year's rows are read. `threads`: 0 for every core.
pub fn entitlements_csv(book: &RuleBook, data: &str, sy: Option<SchoolYear>, threads: usize, format: Format) -> Result<String, Error> {
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
    Ok(match format {
        Format::Json => {
            let res = batch.run(&rows)?;
            warn(&res.warnings);
            lemniscaat::json::to_string_pretty(&res) + "\n"
        }
        Format::Csv => {
            let mut out = String::with_capacity(rows.rows() * 48 + 80);
            out.push_str("employee_id,school_year,rule_set,hours,money,extra_hours,error_code,error_column,error_line\n");
            let s = batch.each(&rows, |l| csv_line(&mut out, &l, &rows))?;
            warn(&s.warnings);
            out
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
    })
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
                        s.text(l),
                        s.source.citation(),
                    ]);
                }
            }
            o.push('\n');
            o.push_str(&if format == Format::Csv { tb.csv() } else { tb.render() });
            for w in &r.warnings {
                o.push_str(&format!("! {} {}\n", w.code.as_str(), w.text(l)));
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
