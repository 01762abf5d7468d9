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
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
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

/// Days from 0001-01-01 (chrono's "days from the common era") to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// A date cell as days from the common era (`NaiveDate::num_days_from_ce`), checked to be a
/// date between `MIN_YEAR` and `MAX_YEAR` as every date of the library is.
fn day_of(cell: DateCell) -> Result<Option<i32>> {
    match cell {
        DateCell::Empty => Ok(None),
        DateCell::Text(t) if t.trim().is_empty() => Ok(None),
        DateCell::Text(t) => parse_date(t.trim()).map(|d| Some(d.num_days_from_ce())),
        DateCell::Days(d) => {
            // Inside the range only a bounds check: no date is built for a day number.
            let (lo, hi) = DAY_BOUNDS;
            match d.checked_add(UNIX_EPOCH_FROM_CE) {
                Some(x) if (lo..=hi).contains(&x) => Ok(Some(x)),
                _ => crate::time::date_from_unix_days(d).map(|d| Some(d.num_days_from_ce())),
            }
        }
    }
}

/// The first and last day of the library's dates (1 January `MIN_YEAR` = 1900, 31 December
/// `MAX_YEAR` = 2200) as days from the common era (a unit test holds them to chrono's).
const DAY_BOUNDS: (i32, i32) = (693_596, 803_533);

/// A date from days from the common era (checked by [`day_of`]).
fn date(days: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN)
}

/// One row, parsed and checked: what the batch keeps of an appointment until it needs one.
#[derive(Debug, Clone, Copy)]
struct Cell {
    category: Category,
    wtf: Wtf,
    /// First day, days from the common era.
    start: i32,
    /// Last day, days from the common era.
    end: Option<i32>,
}

impl Cell {
    fn appointment(&self) -> Appointment {
        Appointment { category: self.category, wtf: self.wtf, start: date(self.start), end: self.end.map(date), school: None }
    }
}

fn missing(en: &str, nl: &str) -> Error {
    Error::new(ErrorCode::MissingField, en, nl)
}

fn parse_row<S: RowSource + ?Sized>(
    src: &S,
    i: usize,
    wtf: impl FnOnce(&str) -> Result<Wtf>,
) -> std::result::Result<Cell, (Error, &'static str)> {
    let text = src.category(i);
    let category = match match text {
        // The usual exact text first: trimming costs more than the match.
        "teacher" | "support" | "management" => text,
        _ => text.trim(),
    } {
        "teacher" => Category::Teacher,
        "support" => Category::Support,
        "management" => Category::Management,
        "" => return Err((missing("the category is missing", "de categorie ontbreekt"), "category")),
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
    let text = src.wtf(i);
    // Trimmed only when it does not start like a number (no blank text does).
    if text.bytes().next().is_none_or(|b| !(b.is_ascii_digit() || b == b'.')) && text.trim().is_empty() {
        return Err((missing("the wtf is missing", "de werktijdfactor ontbreekt"), "wtf"));
    }
    let wtf = wtf(text).map_err(|e| (e, "wtf"))?;
    let start = day_of(src.start(i))
        .map_err(|e| (e, "start"))?
        .ok_or_else(|| (missing("the first day is missing", "de eerste dag ontbreekt"), "start"))?;
    let end = day_of(src.end(i)).map_err(|e| (e, "end"))?;
    if end.is_some_and(|e| e < start) {
        // The constructor's own error for an end before the start.
        let refused = Appointment::new(category, wtf, date(start), end.map(date), None).err();
        return Err((
            refused.unwrap_or_else(|| {
                Error::new(ErrorCode::InvalidDateRange, "the end lies before the start", "het einde ligt voor het begin")
            }),
            "end",
        ));
    }
    Ok(Cell { category, wtf, start, end })
}

/// One employee's line as the batch hands it to a sink ([`entitlements_batch_each`]): borrowed,
/// nothing allocated per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRef<'r> {
    /// The row (0-based) where the employee first appears.
    pub first_row: usize,
    /// Employee id, as in that row.
    pub employee: &'r str,
    /// Hours of the free basisrecht (`None` when a row of the employee was refused).
    pub hours: Option<Decimal>,
    /// Money of the free basisrecht.
    pub money: Option<Decimal>,
    /// Hours of extra buckets (earmarked, conditional ones excluded).
    pub extra_hours: Decimal,
    /// The first refused row of the employee.
    pub error: Option<&'r RowError>,
}

/// What [`entitlements_batch_each`] answers besides the lines it handed to its sink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchSummary {
    /// The school year.
    pub school_year: SchoolYear,
    /// The rule set applied to every line.
    pub rule_set: String,
    /// `RULES_OUT_OF_RANGE` when the school year is past the known rules.
    pub warnings: Vec<Finding>,
    /// The number of lines (employees).
    pub employees: usize,
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
    let mut lines = Vec::new();
    let summary = entitlements_batch_each(book, rows, sy, options, rule_set, |l| {
        lines.push(BatchLine {
            employee: l.employee.into(),
            hours: l.hours,
            money: l.money,
            extra_hours: l.extra_hours,
            error: l.error.map(|e| Box::new(e.clone())),
        })
    })?;
    Ok(BatchResult { school_year: summary.school_year, rule_set: summary.rule_set, warnings: summary.warnings, lines })
}

/// Entitlements of many employees, each line handed to `sink` in order of first appearance as
/// soon as it is known: a host writes its own columns without an intermediate line per
/// employee. When the batch fails as a whole (too many rows, bad options, an unknown rule set),
/// the error comes before any line; an error after some lines (a value too large to round) means
/// the lines handed so far must be dropped.
///
/// ```
/// use lemniscaat::batch::{entitlements_batch_each, BatchRow};
/// use lemniscaat::rules::RuleBook;
/// let rows = [
///     BatchRow { employee: "E1", category: "teacher", wtf: "1", start: "2010-08-01", end: "" },
///     BatchRow { employee: "E1", category: "support", wtf: "0.5", start: "2010-08-01", end: "" },
/// ];
/// let mut hours = Vec::new();
/// let s = entitlements_batch_each(RuleBook::builtin(), &rows[..], "2024-2025".parse().unwrap(), &Default::default(), None, |l| {
///     hours.push((l.first_row, l.hours))
/// })
/// .unwrap();
/// assert_eq!((s.employees, s.rule_set.as_str()), (1, "cao-vo-2023-2024"));
/// assert_eq!(hours, [(0, Some("103.00".parse().unwrap()))]);
/// ```
pub fn entitlements_batch_each<S: RowSource + ?Sized, F: FnMut(LineRef<'_>)>(
    book: &RuleBook,
    rows: &S,
    sy: SchoolYear,
    options: &Options,
    rule_set: Option<&str>,
    mut sink: F,
) -> Result<BatchSummary> {
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
    let year = sy.range();
    let year_days = (year.start().num_days_from_ce(), year.end().map_or(i32::MAX, |e| e.num_days_from_ce()));
    let mut engine = Engine { rs, options, sy, year_days, memo: FxMap::default(), wtfs: Vec::new() };
    // One line per employee, in order of first appearance. Rows of one employee usually follow
    // each other: then each employee is computed when its rows end, with one small buffer.
    // Otherwise every row is parsed and grouped first.
    let employees = if runs_are_distinct(rows) { streamed(rows, &mut engine, &mut sink)? } else { grouped(rows, &mut engine, &mut sink)? };
    Ok(BatchSummary { school_year: sy, rule_set: rs.id.clone(), warnings, employees })
}

fn row_error(e: &Error, row: usize, column: &str) -> Box<RowError> {
    Box::new(RowError { code: e.code(), row, column: column.into(), message_en: e.message_en().into(), message_nl: e.message_nl().into() })
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// One appointment as far as the amounts go: its category, its wtf (the decimal's exact bits:
/// equal bits are an equal value) and the days of the school year it covers (`i32::MIN` twice
/// when none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Shape {
    category: u8,
    wtf: [u32; 4],
    from: i32,
    to: i32,
}

/// The shapes of up to three appointments, sorted (unused ones are the default shape).
type MemoKey = [Shape; 3];

/// The most results the batch keeps by key.
const MEMO: usize = 4096;

/// The hours, money and extra hours of one employee, rounded.
type Amounts = (Decimal, Decimal, Decimal);

/// What the batch needs to turn one employee's appointments into amounts, with its memo.
struct Engine<'a> {
    rs: &'a crate::rules::RuleSet,
    options: &'a Options,
    sy: SchoolYear,
    /// The first and last day of the school year, days from the common era.
    year_days: (i32, i32),
    /// Most employees have one to three appointments, and most appointments cover the whole
    /// school year at one of a few wtfs: an employee's amounts depend only on the shapes of its
    /// appointments (in any order), so they are computed once per key (up to [`MEMO`] keys).
    memo: FxMap<MemoKey, Amounts>,
    /// The last few wtf texts parsed, with their values: a table repeats a handful of them.
    wtfs: Vec<(Box<str>, Wtf)>,
}

impl Engine<'_> {
    fn shape(&self, c: &Cell) -> Shape {
        let (y0, y1) = self.year_days;
        let from = c.start.max(y0);
        let to = c.end.map_or(y1, |e| e.min(y1));
        let (from, to) = if to < from { (i32::MIN, i32::MIN) } else { (from, to) };
        Shape { category: c.category.index() as u8 + 1, wtf: wtf_bits(c.wtf.value()), from, to }
    }

    /// The amounts of one employee, or the error that refuses it.
    fn amounts(&mut self, cells: &[Cell]) -> Result<std::result::Result<Amounts, Box<RowError>>> {
        if cells.len() > 3 {
            return self.compute(cells);
        }
        let mut key = MemoKey::default();
        for (k, c) in key.iter_mut().zip(cells) {
            *k = self.shape(c);
        }
        // Three compare-and-swaps sort three shapes.
        for (x, y) in [(0, 1), (1, 2), (0, 1)] {
            if key[x] > key[y] {
                key.swap(x, y);
            }
        }
        if let Some(&x) = self.memo.get(&key) {
            return Ok(Ok(x));
        }
        let x = self.compute(cells)?;
        if let (Ok(x), true) = (&x, self.memo.len() < MEMO) {
            self.memo.insert(key, *x);
        }
        Ok(x)
    }

    fn compute(&self, cells: &[Cell]) -> Result<std::result::Result<Amounts, Box<RowError>>> {
        let rounding = self.options.rounding;
        // Up to three appointments on the stack (no allocation per employee).
        let few: [Appointment; 3];
        let many: Vec<Appointment>;
        let apps: &[Appointment] = match cells {
            [first, ..] if cells.len() <= 3 => {
                few = std::array::from_fn(|k| cells.get(k).unwrap_or(first).appointment());
                &few[..cells.len()]
            }
            _ => {
                many = cells.iter().map(Cell::appointment).collect();
                &many
            }
        };
        Ok(match compute(self.rs, self.options, self.sy, apps, false) {
            Ok(raw) => {
                let mut extra = Decimal::ZERO;
                for (_, h, _) in &raw.extra {
                    extra += h.round(rounding.hours)?;
                }
                Ok((raw.hours.round(rounding.hours)?, raw.money.round(rounding.money)?, rounding.hours.round(extra)))
            }
            Err(e) => Err(row_error(&e, 0, "")),
        })
    }

    /// Row `i` as an appointment, or why it is refused.
    fn parse<S: RowSource + ?Sized>(&mut self, src: &S, i: usize) -> std::result::Result<Cell, Box<RowError>> {
        let wtfs = &mut self.wtfs;
        let wtf = |text: &str| -> Result<Wtf> {
            if let Some(&(_, w)) = wtfs.iter().find(|(t, _)| same(t, text)) {
                return Ok(w);
            }
            let w: Wtf = text.parse()?;
            if wtfs.len() < 8 {
                wtfs.push((text.into(), w));
            }
            Ok(w)
        };
        parse_row(src, i, wtf).map_err(|(e, column)| row_error(&e, i, column))
    }

    /// Hands the line of one employee to the sink.
    fn emit(
        &mut self,
        sink: &mut dyn FnMut(LineRef<'_>),
        first_row: usize,
        employee: &str,
        error: Option<Box<RowError>>,
        apps: &[Cell],
    ) -> Result<()> {
        let amounts = match error {
            Some(e) => Err(e),
            None => self.amounts(apps)?,
        };
        let line = match &amounts {
            Ok((h, m, x)) => LineRef { first_row, employee, hours: Some(*h), money: Some(*m), extra_hours: *x, error: None },
            Err(e) => LineRef { first_row, employee, hours: None, money: None, extra_hours: Decimal::ZERO, error: Some(e) },
        };
        sink(line);
        Ok(())
    }
}

/// Whether two ids (or wtf texts) are equal: unequal ones of one length mostly differ in their
/// last byte (E1041, E1042), which is compared before memcmp is called.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// A decimal's 16 bytes as four words (a key of 4-byte alignment, smaller than a `u128`'s).
fn wtf_bits(d: Decimal) -> [u32; 4] {
    let b = d.serialize();
    std::array::from_fn(|k| u32::from_le_bytes([b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]]))
}

/// Whether the rows of each employee follow each other (no id comes back after another id).
///
/// One bit per value of a 64-bit hash's low bits first (a bitmap of about eight bits per row,
/// which stays in cache where a set of a million hashes would not): a run whose bit is already
/// set may be a returning id, and only those runs' hashes are checked exactly in a second pass.
/// Two ids with one 64-bit hash count as a returning id: the exact grouping then decides.
fn runs_are_distinct<S: RowSource + ?Sized>(rows: &S) -> bool {
    let n = rows.rows();
    let bits = (n.max(1) * 8).next_power_of_two().clamp(1 << 12, 1 << 30);
    let mut map = vec![0u64; bits / 64];
    let mut suspects: FxSet<u64> = FxSet::default();
    // The hash of every run, for the second pass.
    let mut runs: Vec<u64> = Vec::with_capacity(n / 2 + 1);
    let mut previous: Option<&str> = None;
    for i in 0..n {
        let id = rows.employee(i);
        if previous.is_none_or(|p| !same(p, id)) {
            let mut h = FxHasher::default();
            h.write(id.as_bytes());
            let h = h.finish();
            // The high bits: the multiply of the hash mixes them best.
            let b = (h >> 34) as usize & (bits - 1);
            let (w, m) = (b / 64, 1u64 << (b % 64));
            if map[w] & m != 0 {
                suspects.insert(h);
            }
            map[w] |= m;
            runs.push(h);
            previous = Some(id);
        }
    }
    let mut seen: FxSet<u64> = FxSet::default();
    runs.iter().all(|h| !suspects.contains(h) || seen.insert(*h))
}

/// Lines of rows whose employees' rows follow each other: each computed when its rows end.
fn streamed<S: RowSource + ?Sized>(rows: &S, engine: &mut Engine, sink: &mut dyn FnMut(LineRef<'_>)) -> Result<usize> {
    let n = rows.rows();
    let mut count = 0usize;
    let mut apps: Vec<Cell> = Vec::new();
    // The current employee: its first row, its id and its first refused row.
    let mut current: Option<(usize, &str, Option<Box<RowError>>)> = None;
    for i in 0..n {
        let id = rows.employee(i);
        if current.as_ref().is_none_or(|(_, c, _)| !same(c, id)) {
            if let Some((first, c, error)) = current.take() {
                engine.emit(sink, first, c, error, &apps)?;
                count += 1;
                apps.clear();
            }
            current = Some((i, id, None));
        }
        if let Some((_, _, error @ None)) = current.as_mut() {
            match engine.parse(rows, i) {
                Ok(a) => apps.push(a),
                Err(e) => *error = Some(e),
            }
        }
    }
    if let Some((first, c, error)) = current {
        engine.emit(sink, first, c, error, &apps)?;
        count += 1;
    }
    Ok(count)
}

/// Lines of rows in any order: every row parsed and grouped by employee first.
fn grouped<S: RowSource + ?Sized>(rows: &S, engine: &mut Engine, sink: &mut dyn FnMut(LineRef<'_>)) -> Result<usize> {
    let n = rows.rows();
    let mut index: FxMap<&str, usize> = HashMap::with_capacity_and_hasher(n / 2 + 1, Default::default());
    // Per employee: its first row, its id and its first refused row.
    let mut employees: Vec<(usize, &str, Option<Box<RowError>>)> = Vec::new();
    let mut parsed: Vec<(usize, Cell)> = Vec::with_capacity(n);
    for i in 0..n {
        let id = rows.employee(i);
        let g = *index.entry(id).or_insert_with(|| {
            employees.push((i, id, None));
            employees.len() - 1
        });
        if employees[g].2.is_some() {
            continue;
        }
        match engine.parse(rows, i) {
            Ok(a) => parsed.push((g, a)),
            Err(e) => employees[g].2 = Some(e),
        }
    }
    parsed.sort_by_key(|(g, _)| *g);
    let mut at = 0usize;
    let mut apps: Vec<Cell> = Vec::new();
    let count = employees.len();
    for (g, (first, employee, error)) in employees.into_iter().enumerate() {
        apps.clear();
        while at < parsed.len() && parsed[at].0 == g {
            apps.push(parsed[at].1);
            at += 1;
        }
        engine.emit(sink, first, employee, error, &apps)?;
    }
    Ok(count)
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
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_i32(&mut self, i: i32) {
        self.add(i as u32 as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(ids: &[String]) -> Vec<BatchRow<'_>> {
        ids.iter().map(|id| BatchRow { employee: id, category: "teacher", wtf: "0.5", start: "2010-08-01", end: "" }).collect()
    }

    #[test]
    fn runs_are_distinct_exactly_despite_bitmap_collisions() {
        // 200,000 ids in a bitmap of 2^21 bits: thousands of bits collide, and only an id that
        // really comes back makes the runs not distinct.
        let mut ids: Vec<String> = (0..200_000).map(|i| format!("E{i}")).collect();
        ids.insert(1, "E0".into());
        assert!(runs_are_distinct(rows(&ids).as_slice()));
        ids.push("E123456".into());
        assert!(!runs_are_distinct(rows(&ids).as_slice()));
        ids.pop();
        ids.push("E0".into());
        assert!(!runs_are_distinct(rows(&ids).as_slice()));
        assert!(runs_are_distinct(rows(&[]).as_slice()));
    }

    #[test]
    fn the_sink_sees_first_rows_in_order_of_first_appearance() {
        let ids: Vec<String> = ["B", "A", "B", "C", "A"].map(String::from).to_vec();
        let mut seen = Vec::new();
        let s = entitlements_batch_each(
            RuleBook::builtin(),
            rows(&ids).as_slice(),
            "2024-2025".parse().unwrap(),
            &Options::default(),
            None,
            |l| seen.push((l.first_row, l.employee.to_string(), l.hours.map(|h| h.to_string()))),
        )
        .unwrap();
        assert_eq!(s.employees, 3);
        // Two half-time teacher appointments over the year give the full-time hours.
        let h = |x: &str| Some(x.to_string());
        assert_eq!(seen, [(0, "B".into(), h("83.00")), (1, "A".into(), h("83.00")), (3, "C".into(), h("41.50"))]);
    }

    #[test]
    fn an_empty_category_wtf_or_start_is_a_missing_field_of_its_column() {
        let r = |employee, category, wtf, start| BatchRow { employee, category, wtf, start, end: "" };
        let rows = [
            r("A", "", "1", "2010-08-01"),
            r("B", "teacher", " ", "2010-08-01"),
            r("C", "teacher", "1", ""),
            r("D", "teacher", "x", "2010-08-01"),
            r("E", " ", "1", "2010-08-01"),
            r("F", "teacher", "\u{a0}", "2010-08-01"),
        ];
        let res = entitlements_batch(&rows[..], "2024-2025".parse().unwrap(), &Options::default(), None).unwrap();
        let got: Vec<(&str, &str)> =
            res.lines.iter().map(|l| l.error.as_ref().map_or(("", ""), |e| (e.code.as_str(), e.column.as_str()))).collect();
        assert_eq!(
            got,
            [
                ("MISSING_FIELD", "category"),
                ("MISSING_FIELD", "wtf"),
                ("MISSING_FIELD", "start"),
                ("INVALID_DECIMAL", "wtf"),
                ("MISSING_FIELD", "category"),
                ("MISSING_FIELD", "wtf")
            ]
        );
    }

    #[test]
    fn day_bounds_are_the_first_and_last_day_of_the_library() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map(|x| x.num_days_from_ce());
        assert_eq!(Some(DAY_BOUNDS.0), day(crate::time::MIN_YEAR, 1, 1));
        assert_eq!(Some(DAY_BOUNDS.1), day(crate::time::MAX_YEAR, 12, 31));
        assert_eq!(Some(UNIX_EPOCH_FROM_CE), day(1970, 1, 1));
        // Just inside and just outside, as days since 1970 (an Arrow date32 column).
        let unix = |d: i32| day_of(DateCell::Days(d - UNIX_EPOCH_FROM_CE));
        assert_eq!(unix(DAY_BOUNDS.0).unwrap(), Some(DAY_BOUNDS.0));
        assert_eq!(unix(DAY_BOUNDS.1).unwrap(), Some(DAY_BOUNDS.1));
        assert_eq!(unix(DAY_BOUNDS.0 - 1).unwrap_err().code(), ErrorCode::InvalidDate);
        assert_eq!(unix(DAY_BOUNDS.1 + 1).unwrap_err().code(), ErrorCode::InvalidDate);
        assert_eq!(day_of(DateCell::Days(i32::MAX)).unwrap_err().code(), ErrorCode::InvalidDate);
    }

    #[test]
    fn an_end_before_the_start_is_the_constructors_error() {
        let rows = [BatchRow { employee: "A", category: "teacher", wtf: "1", start: "2015-08-01", end: "2015-07-31" }];
        let res = entitlements_batch(&rows[..], "2015-2016".parse().unwrap(), &Options::default(), None).unwrap();
        let e = res.lines[0].error.as_ref().unwrap();
        let want = Appointment::new(Category::Teacher, Wtf::FULL, date(735_811), Some(date(735_810)), None).unwrap_err();
        assert_eq!((e.code, e.column.as_str(), e.message_en.as_str()), (want.code(), "end", want.message_en()));
    }
}
