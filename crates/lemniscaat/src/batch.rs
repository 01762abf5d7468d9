//! Entitlements for many employees at once, from columns of text (a CSV file, an Arrow table, a
//! DataFrame): one result line per employee, in order of first appearance. A bad row does not
//! fail the batch: its employee's line carries the error code and the row number.
//!
//! ```
//! use lemniscaat::batch::{entitlements_batch, BatchRow};
//! let rows = [
//!     BatchRow { employee: "E1", category: "teacher", wtf: "0.6", start: "2010-08-01", end: "" },
//!     BatchRow { employee: "E2", category: "support", wtf: "1.5", start: "2010-08-01", end: "" },
//! ];
//! let r = entitlements_batch(&rows, "2014-2015".parse().unwrap(), &Default::default(), None).unwrap();
//! assert_eq!(r.lines[0].hours.unwrap().to_string(), "49.80");
//! assert_eq!(r.lines[1].error.as_ref().unwrap().code.as_str(), "INVALID_WTF");
//! ```

use crate::entitlement::compute;
use crate::error::{Error, ErrorCode, Result};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::options::Options;
use crate::people::{Appointment, Category, Wtf};
use crate::rules::{Choice, RuleBook};
use crate::time::{parse_date, SchoolYear};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One appointment row as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchRow<'a> {
    /// Employee id.
    pub employee: &'a str,
    /// `teacher`, `support` or `management`.
    pub category: &'a str,
    /// The wtf as a decimal string.
    pub wtf: &'a str,
    /// First day, `YYYY-MM-DD`.
    pub start: &'a str,
    /// Last day (inclusive), or empty while running.
    pub end: &'a str,
}

/// A refused row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// The code.
    pub code: ErrorCode,
    /// The row number (0-based, data rows).
    pub row: usize,
    /// The column.
    pub column: String,
    /// English.
    pub message_en: String,
    /// Dutch.
    pub message_nl: String,
}

/// The entitlement of one employee in the batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchLine {
    /// Employee id.
    pub employee: String,
    /// Hours of the free basisrecht (`None` when a row of the employee was refused).
    #[serde(serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub hours: Option<Decimal>,
    /// Money of the free basisrecht.
    #[serde(serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub money: Option<Decimal>,
    /// Hours of extra buckets (earmarked, conditional ones excluded).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub extra_hours: Decimal,
    /// The first refused row of the employee.
    pub error: Option<RowError>,
}

/// The answer of [`entitlements_batch`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchResult {
    /// The school year.
    pub school_year: SchoolYear,
    /// The rule set applied to every line.
    pub rule_set: String,
    /// `RULES_OUT_OF_RANGE` when the school year is past the known rules.
    pub warnings: Vec<Finding>,
    /// One line per employee, in order of first appearance.
    pub lines: Vec<BatchLine>,
}

/// The most rows one batch takes.
pub const MAX_ROWS: usize = 50_000_000;

fn parse_row(r: &BatchRow) -> std::result::Result<Appointment, (Error, &'static str)> {
    let category = match r.category.trim() {
        "teacher" => Category::Teacher,
        "support" => Category::Support,
        "management" => Category::Management,
        other => {
            return Err((
                Error::new(
                    ErrorCode::InvalidValue,
                    format!("'{other}' is not a category (teacher, support, management)"),
                    format!("'{other}' is geen categorie (teacher, support, management)"),
                ),
                "category",
            ))
        }
    };
    let wtf: Wtf = r.wtf.parse().map_err(|e| (e, "wtf"))?;
    let start = parse_date(r.start.trim()).map_err(|e| (e, "start"))?;
    let end = match r.end.trim() {
        "" => None,
        e => Some(parse_date(e).map_err(|e| (e, "end"))?),
    };
    Appointment::new(category, wtf, start, end, None).map_err(|e| (e, "end"))
}

/// Entitlements of many employees in one school year with the built-in rule sets.
pub fn entitlements_batch(rows: &[BatchRow], sy: SchoolYear, options: &Options, rule_set: Option<&str>) -> Result<BatchResult> {
    entitlements_batch_with(RuleBook::builtin(), rows, sy, options, rule_set)
}

/// Entitlements of many employees with a given rule book.
pub fn entitlements_batch_with(
    book: &RuleBook,
    rows: &[BatchRow],
    sy: SchoolYear,
    options: &Options,
    rule_set: Option<&str>,
) -> Result<BatchResult> {
    if rows.len() > MAX_ROWS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("{} rows; the limit is {MAX_ROWS}", rows.len()),
            format!("{} rijen; de grens is {MAX_ROWS}", rows.len()),
        ));
    }
    options.check("/options")?;
    let (rs, choice) = book.choose(sy, rule_set, options.mode)?;
    let mut warnings = Vec::new();
    if choice == Choice::OutOfRange {
        let sel = book.describe(rs, sy, choice);
        warnings.push(Finding::new(
            FindingCode::RulesOutOfRange,
            FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() },
            "/school_year",
            sel.en,
            sel.nl,
        ));
    }
    // Group rows by employee, in order of first appearance: parse every row, then sort the
    // parsed appointments by group (stable) so that each employee's are one slice.
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(rows.len() / 2 + 1);
    let mut names: Vec<&str> = Vec::new();
    let mut errors: Vec<Option<RowError>> = Vec::new();
    let mut parsed: Vec<(usize, Appointment)> = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let g = *index.entry(r.employee).or_insert_with(|| {
            names.push(r.employee);
            errors.push(None);
            names.len() - 1
        });
        if errors[g].is_some() {
            continue;
        }
        match parse_row(r) {
            Ok(a) => parsed.push((g, a)),
            Err((e, column)) => {
                errors[g] = Some(RowError {
                    code: e.code(),
                    row: i,
                    column: column.into(),
                    message_en: e.message_en().into(),
                    message_nl: e.message_nl().into(),
                })
            }
        }
    }
    parsed.sort_by_key(|(g, _)| *g);
    let rounding = options.rounding;
    let mut lines = Vec::with_capacity(names.len());
    let mut at = 0usize;
    let mut apps: Vec<Appointment> = Vec::new();
    for (g, employee) in names.iter().enumerate() {
        apps.clear();
        while at < parsed.len() && parsed[at].0 == g {
            apps.push(parsed[at].1.clone());
            at += 1;
        }
        if let Some(e) = errors[g].take() {
            lines.push(BatchLine { employee: (*employee).into(), hours: None, money: None, extra_hours: Decimal::ZERO, error: Some(e) });
            continue;
        }
        match compute(rs, options, sy, &apps, false) {
            Ok(raw) => {
                let mut extra = Decimal::ZERO;
                for (_, h, _) in &raw.extra {
                    extra += h.round(rounding.hours)?;
                }
                lines.push(BatchLine {
                    employee: (*employee).into(),
                    hours: Some(raw.hours.round(rounding.hours)?),
                    money: Some(raw.money.round(rounding.money)?),
                    extra_hours: rounding.hours.round(extra),
                    error: None,
                });
            }
            Err(e) => lines.push(BatchLine {
                employee: (*employee).into(),
                hours: None,
                money: None,
                extra_hours: Decimal::ZERO,
                error: Some(RowError {
                    code: e.code(),
                    row: 0,
                    column: String::new(),
                    message_en: e.message_en().into(),
                    message_nl: e.message_nl().into(),
                }),
            }),
        }
    }
    Ok(BatchResult { school_year: sy, rule_set: rs.id.clone(), warnings, lines })
}
