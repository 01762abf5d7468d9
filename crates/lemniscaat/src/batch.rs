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
//! let r = entitlements_batch(&rows[..], "2014-2015".parse().unwrap(), &Default::default(), None).unwrap();
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
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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
    /// The first refused row of the employee (boxed: most lines have none).
    pub error: Option<Box<RowError>>,
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

/// A cell of a date column: ISO text (a CSV file, a string column), days since 1970-01-01 (an
/// Arrow `date32` column), or empty (an open end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateCell<'a> {
    /// `YYYY-MM-DD`; empty or blank text is an empty cell.
    Text(&'a str),
    /// Days since 1970-01-01.
    Days(i32),
    /// No value.
    Empty,
}

/// Where the batch reads its rows: text rows ([`BatchRow`]) or a host's typed columns. The
/// batch parses and checks every cell itself, so that a CSV file, a DataFrame and an Arrow table
/// get the same errors.
pub trait RowSource {
    /// The number of rows.
    fn rows(&self) -> usize;
    /// The employee id of row `i`.
    fn employee(&self, i: usize) -> &str;
    /// The category of row `i` as text.
    fn category(&self, i: usize) -> &str;
    /// The wtf of row `i` as decimal text.
    fn wtf(&self, i: usize) -> &str;
    /// The first day of row `i`.
    fn start(&self, i: usize) -> DateCell<'_>;
    /// The last day of row `i`.
    fn end(&self, i: usize) -> DateCell<'_>;
}

impl RowSource for [BatchRow<'_>] {
    fn rows(&self) -> usize {
        self.len()
    }
    fn employee(&self, i: usize) -> &str {
        self[i].employee
    }
    fn category(&self, i: usize) -> &str {
        self[i].category
    }
    fn wtf(&self, i: usize) -> &str {
        self[i].wtf
    }
    fn start(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self[i].start)
    }
    fn end(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self[i].end)
    }
}

fn date_of(cell: DateCell) -> Result<Option<NaiveDate>> {
    match cell {
        DateCell::Empty => Ok(None),
        DateCell::Text(t) if t.trim().is_empty() => Ok(None),
        DateCell::Text(t) => parse_date(t.trim()).map(Some),
        DateCell::Days(d) => crate::time::date_from_unix_days(d).map(Some),
    }
}

fn parse_row<S: RowSource + ?Sized>(src: &S, i: usize) -> std::result::Result<Appointment, (Error, &'static str)> {
    let category = match src.category(i).trim() {
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
    let wtf: Wtf = src.wtf(i).parse().map_err(|e| (e, "wtf"))?;
    let start = date_of(src.start(i))
        .map_err(|e| (e, "start"))?
        .ok_or_else(|| (Error::new(ErrorCode::MissingField, "the first day is missing", "de eerste dag ontbreekt"), "start"))?;
    let end = date_of(src.end(i)).map_err(|e| (e, "end"))?;
    Appointment::new(category, wtf, start, end, None).map_err(|e| (e, "end"))
}

/// Entitlements of many employees in one school year with the built-in rule sets.
pub fn entitlements_batch<S: RowSource + ?Sized>(
    rows: &S,
    sy: SchoolYear,
    options: &Options,
    rule_set: Option<&str>,
) -> Result<BatchResult> {
    entitlements_batch_with(RuleBook::builtin(), rows, sy, options, rule_set)
}

/// Entitlements of many employees with a given rule book.
pub fn entitlements_batch_with<S: RowSource + ?Sized>(
    book: &RuleBook,
    rows: &S,
    sy: SchoolYear,
    options: &Options,
    rule_set: Option<&str>,
) -> Result<BatchResult> {
    let n = rows.rows();
    if n > MAX_ROWS {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("{n} rows; the limit is {MAX_ROWS}"),
            format!("{n} rijen; de grens is {MAX_ROWS}"),
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
    // Most employees have one to three appointments, and most appointments cover the whole
    // school year at one of a few wtfs: an employee's amounts depend only on the category, wtf
    // and the part of the year of each appointment (in any order), so they are computed once
    // per such key (up to MEMO keys).
    let year = sy.range();
    let memo: RefCell<FxMap<MemoKey, (Decimal, Decimal, Decimal)>> = RefCell::default();
    let line = |employee: &str, error: Option<Box<RowError>>, apps: &[Appointment]| -> Result<BatchLine> {
        if error.is_some() || apps.len() > 3 {
            return line_of(rs, options, sy, employee, error, apps);
        }
        let mut key: MemoKey = [None; 3];
        for (k, a) in key.iter_mut().zip(apps) {
            *k = Some((a.category, a.wtf.value(), a.range().intersect(&year).map(|r| (r.start(), r.end()))));
        }
        key.sort_unstable();
        if let Some(&(h, m, x)) = memo.borrow().get(&key) {
            return Ok(BatchLine { employee: employee.into(), hours: Some(h), money: Some(m), extra_hours: x, error: None });
        }
        let l = line_of(rs, options, sy, employee, None, apps)?;
        if let (Some(h), Some(m), None) = (l.hours, l.money, &l.error) {
            let mut memo = memo.borrow_mut();
            if memo.len() < MEMO {
                memo.insert(key, (h, m, l.extra_hours));
            }
        }
        Ok(l)
    };
    // One line per employee, in order of first appearance. Rows of one employee usually follow
    // each other: then each employee is computed when its rows end, with one small buffer.
    // Otherwise every row is parsed and grouped first.
    let lines = if runs_are_distinct(rows) { streamed(rows, &line)? } else { grouped(rows, &line)? };
    Ok(BatchResult { school_year: sy, rule_set: rs.id.clone(), warnings, lines })
}

fn row_error(e: &Error, row: usize, column: &str) -> Box<RowError> {
    Box::new(RowError { code: e.code(), row, column: column.into(), message_en: e.message_en().into(), message_nl: e.message_nl().into() })
}

/// How the batch turns one employee's refused row or appointments into its line.
type LineOf<'a> = dyn Fn(&str, Option<Box<RowError>>, &[Appointment]) -> Result<BatchLine> + 'a;

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Category, wtf and the part of the school year of each of up to three appointments, sorted.
type MemoKey = [Option<(Category, Decimal, Option<(NaiveDate, Option<NaiveDate>)>)>; 3];

/// The most results the batch keeps by key.
const MEMO: usize = 4096;

/// The line of one employee: the refused row, or the entitlement of its appointments.
fn line_of(
    rs: &crate::rules::RuleSet,
    options: &Options,
    sy: SchoolYear,
    employee: &str,
    error: Option<Box<RowError>>,
    apps: &[Appointment],
) -> Result<BatchLine> {
    let rounding = options.rounding;
    let empty = |error| BatchLine { employee: employee.into(), hours: None, money: None, extra_hours: Decimal::ZERO, error: Some(error) };
    if let Some(e) = error {
        return Ok(empty(e));
    }
    Ok(match compute(rs, options, sy, apps, false) {
        Ok(raw) => {
            let mut extra = Decimal::ZERO;
            for (_, h, _) in &raw.extra {
                extra += h.round(rounding.hours)?;
            }
            BatchLine {
                employee: employee.into(),
                hours: Some(raw.hours.round(rounding.hours)?),
                money: Some(raw.money.round(rounding.money)?),
                extra_hours: rounding.hours.round(extra),
                error: None,
            }
        }
        Err(e) => empty(row_error(&e, 0, "")),
    })
}

/// Whether the rows of each employee follow each other (no id comes back after another id).
/// Compares the ids' 64-bit hashes only, a third of the memory of the ids: a hash seen twice may
/// be a returning id, and the exact grouping then decides.
fn runs_are_distinct<S: RowSource + ?Sized>(rows: &S) -> bool {
    let n = rows.rows();
    let mut seen: FxSet<u64> = HashSet::with_capacity_and_hasher(n / 2 + 1, Default::default());
    let mut previous: Option<&str> = None;
    for i in 0..n {
        let id = rows.employee(i);
        if previous != Some(id) {
            let mut h = FxHasher::default();
            h.write(id.as_bytes());
            if !seen.insert(h.finish()) {
                return false;
            }
            previous = Some(id);
        }
    }
    true
}

/// Lines of rows whose employees' rows follow each other: each computed when its rows end.
fn streamed<S: RowSource + ?Sized>(rows: &S, line: &LineOf) -> Result<Vec<BatchLine>> {
    let n = rows.rows();
    let mut lines: Vec<BatchLine> = Vec::with_capacity(n / 2 + 1);
    let mut apps: Vec<Appointment> = Vec::new();
    let mut current: Option<(&str, Option<Box<RowError>>)> = None;
    for i in 0..n {
        let id = rows.employee(i);
        if current.as_ref().is_none_or(|(c, _)| *c != id) {
            if let Some((c, error)) = current.take() {
                lines.push(line(c, error, &apps)?);
                apps.clear();
            }
            current = Some((id, None));
        }
        if let Some((_, error @ None)) = current.as_mut() {
            match parse_row(rows, i) {
                Ok(a) => apps.push(a),
                Err((e, column)) => *error = Some(row_error(&e, i, column)),
            }
        }
    }
    if let Some((c, error)) = current {
        lines.push(line(c, error, &apps)?);
    }
    Ok(lines)
}

/// Lines of rows in any order: every row parsed and grouped by employee first.
fn grouped<S: RowSource + ?Sized>(rows: &S, line: &LineOf) -> Result<Vec<BatchLine>> {
    let n = rows.rows();
    let mut index: FxMap<&str, usize> = HashMap::with_capacity_and_hasher(n / 2 + 1, Default::default());
    let mut names: Vec<&str> = Vec::new();
    let mut errors: Vec<Option<Box<RowError>>> = Vec::new();
    let mut parsed: Vec<(usize, Appointment)> = Vec::with_capacity(n);
    for i in 0..n {
        let id = rows.employee(i);
        let g = *index.entry(id).or_insert_with(|| {
            names.push(id);
            errors.push(None);
            names.len() - 1
        });
        if errors[g].is_some() {
            continue;
        }
        match parse_row(rows, i) {
            Ok(a) => parsed.push((g, a)),
            Err((e, column)) => errors[g] = Some(row_error(&e, i, column)),
        }
    }
    parsed.sort_by_key(|(g, _)| *g);
    let mut lines = Vec::with_capacity(names.len());
    let mut at = 0usize;
    let mut apps: Vec<Appointment> = Vec::new();
    for (g, employee) in names.iter().enumerate() {
        apps.clear();
        while at < parsed.len() && parsed[at].0 == g {
            apps.push(parsed[at].1.clone());
            at += 1;
        }
        lines.push(line(employee, errors[g].take(), &apps)?);
    }
    Ok(lines)
}

/// The multiply-rotate hash of rustc (FxHash): employee ids are the caller's own data, so a
/// hash that resists flooding buys nothing here and SipHash's cost shows in a million rows.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
