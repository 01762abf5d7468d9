//! Entitlements for many employees at once, from columns of text (a CSV file, an Arrow table, a
//! DataFrame): one result line per employee and school year, in order of first appearance. A bad
//! row does not fail the batch: its line carries the error code, the row number and the column.
//!
//! A table holds one school year (given to the batch) or many (a `school_year` column, as an HR
//! export over several years has: [`RowSource::has_school_year`]). The batch costs time linear in
//! the rows for any row order and any pattern of ids ([`groups`](self) explains how), and splits
//! the work over threads with the same answer, in the same order, as one thread.
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
//!
//! Several school years in one table, four threads:
//!
//! ```
//! use lemniscaat::batch::{Batch, BatchRow, YearRow};
//! let row = |school_year, wtf| YearRow { school_year, row: BatchRow { employee: "E1", category: "teacher", wtf, start: "2010-08-01", end: "" } };
//! let rows = [row("2014-2015", "0.6"), row("2024-2025", "0.5"), row("2024/25", "0.5")];
//! let r = Batch::all_years().threads(4).run(&rows[..]).unwrap();
//! let got: Vec<_> = r.lines.iter().map(|l| (l.school_year.unwrap().to_string(), l.hours.unwrap().to_string())).collect();
//! assert_eq!(got, [("2014-2015".to_string(), "49.80".to_string()), ("2024-2025".into(), "83.00".into())]);
//! ```

mod engine;
mod groups;
mod source;

pub use source::{BatchRow, DateCell, RowSource, YearRow};

use crate::error::{Error, ErrorCode, Result};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use crate::options::Options;
use crate::rules::{Choice, RuleBook};
use crate::time::SchoolYear;
use chrono::Datelike;
use engine::{Engine, Outcome, YearRules};
use groups::{Groups, Years, SKIP};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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

/// The entitlement of one employee in one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchLine {
    /// Employee id.
    pub employee: String,
    /// The school year (`None` when the row's school year could not be read).
    pub school_year: Option<SchoolYear>,
    /// The rule set applied (`None` when none applies to the school year).
    pub rule_set: Option<String>,
    /// Hours of the free basisrecht (`None` when a row of the employee was refused).
    #[serde(serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub hours: Option<Decimal>,
    /// Money of the free basisrecht.
    #[serde(serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub money: Option<Decimal>,
    /// Hours of extra buckets (earmarked, conditional ones excluded).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub extra_hours: Decimal,
    /// The first refused row of the employee-year (boxed: most lines have none).
    pub error: Option<Box<RowError>>,
}

/// A school year met in the batch and the rule set applied to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRuleSet {
    /// The school year.
    pub school_year: SchoolYear,
    /// The rule set (`None` when none is in force: its lines carry `RULES_NOT_IN_FORCE`).
    pub rule_set: Option<String>,
}

/// The answer of [`Batch::run`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchResult {
    /// The school year asked for (`None` for every year of a school-year column).
    pub school_year: Option<SchoolYear>,
    /// The school years met, in order of first appearance, each with its rule set.
    pub years: Vec<YearRuleSet>,
    /// `RULES_OUT_OF_RANGE` for each school year past the known rules.
    pub warnings: Vec<Finding>,
    /// One line per employee and school year, in order of first appearance.
    pub lines: Vec<BatchLine>,
}

/// What [`Batch::each`] answers besides the lines it handed to its sink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchSummary {
    /// The school year asked for (`None` for every year of a school-year column).
    pub school_year: Option<SchoolYear>,
    /// The school years met, in order of first appearance, each with its rule set.
    pub years: Vec<YearRuleSet>,
    /// `RULES_OUT_OF_RANGE` for each school year past the known rules.
    pub warnings: Vec<Finding>,
    /// The number of lines.
    pub lines: usize,
}

/// One line as the batch hands it to a sink ([`Batch::each`]): borrowed, nothing allocated per
/// line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRef<'r> {
    /// The row (0-based) where the employee-year first appears.
    pub first_row: usize,
    /// Employee id, as in that row.
    pub employee: &'r str,
    /// The school year (`None` when the row's school year could not be read).
    pub school_year: Option<SchoolYear>,
    /// The rule set applied (`None` when none applies).
    pub rule_set: Option<&'r str>,
    /// Hours of the free basisrecht (`None` when a row of the employee was refused).
    pub hours: Option<Decimal>,
    /// Money of the free basisrecht.
    pub money: Option<Decimal>,
    /// Hours of extra buckets (earmarked, conditional ones excluded).
    pub extra_hours: Decimal,
    /// The first refused row of the employee-year.
    pub error: Option<&'r RowError>,
}

/// The most rows one batch takes.
pub const MAX_ROWS: usize = 50_000_000;

/// The rows a thread gets at least before the batch starts another one (a thread costs about
/// 20 µs to start; 16,384 rows take about 3 ms).
const ROWS_PER_THREAD: usize = 16_384;

/// A batch to run: the rule book, the school year or years, the options and the threads.
///
/// With a school year ([`Batch::new`]) a table without a school-year column is read for that
/// year, and a table with one is read for the rows of that year only (rows of other years are
/// left out; a row whose school year cannot be read still gets its error line). Without one
/// ([`Batch::all_years`]) the table must have a school-year column, and every employee-year gets
/// a line.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    book: &'a RuleBook,
    school_year: Option<SchoolYear>,
    options: Options,
    rule_set: Option<&'a str>,
    threads: usize,
}

impl Batch<'static> {
    /// A batch for one school year with the built-in rule sets, default options, on every core.
    pub fn new(school_year: SchoolYear) -> Batch<'static> {
        Batch::of(Some(school_year))
    }

    /// A batch for every school year of a table's school-year column.
    pub fn all_years() -> Batch<'static> {
        Batch::of(None)
    }

    /// A batch for one school year (`Some`) or every year of a school-year column (`None`).
    pub fn of(school_year: Option<SchoolYear>) -> Batch<'static> {
        Batch { book: RuleBook::builtin(), school_year, options: Options::default(), rule_set: None, threads: 0 }
    }
}

impl<'a> Batch<'a> {
    /// With another rule book (overrides, the next CAO).
    pub fn book<'b>(self, book: &'b RuleBook) -> Batch<'b>
    where
        'a: 'b,
    {
        Batch { book, ..self }
    }

    /// With options.
    pub fn options(self, options: Options) -> Batch<'a> {
        Batch { options, ..self }
    }

    /// With a rule set pinned by id for every line.
    pub fn rule_set<'b>(self, id: Option<&'b str>) -> Batch<'b>
    where
        'a: 'b,
    {
        Batch { rule_set: id, ..self }
    }

    /// On `n` threads (0: as many as the machine has cores, fewer for a small table). The answer
    /// is the same, in the same order, for every `n`.
    pub fn threads(self, n: usize) -> Batch<'a> {
        Batch { threads: n, ..self }
    }

    /// Every line, collected.
    pub fn run<S: RowSource + Sync + ?Sized>(&self, rows: &S) -> Result<BatchResult> {
        let mut lines = Vec::new();
        let s = self.each(rows, |l| {
            lines.push(BatchLine {
                employee: l.employee.into(),
                school_year: l.school_year,
                rule_set: l.rule_set.map(Into::into),
                hours: l.hours,
                money: l.money,
                extra_hours: l.extra_hours,
                error: l.error.map(|e| Box::new(e.clone())),
            })
        })?;
        Ok(BatchResult { school_year: s.school_year, years: s.years, warnings: s.warnings, lines })
    }

    /// Every line handed to `sink` in order of first appearance: a host writes its own columns
    /// without an intermediate line per employee. When the batch fails as a whole (too many rows,
    /// bad options, an unknown rule set) the error comes before any line; once lines are handed
    /// over none is held back (an employee-year that cannot be computed, even one whose amount is
    /// too large to round, gets its error on its own line), so a host may stream them.
    ///
    /// ```
    /// use lemniscaat::batch::{Batch, BatchRow};
    /// let rows = [
    ///     BatchRow { employee: "E1", category: "teacher", wtf: "1", start: "2010-08-01", end: "" },
    ///     BatchRow { employee: "E1", category: "support", wtf: "0.5", start: "2010-08-01", end: "" },
    /// ];
    /// let mut hours = Vec::new();
    /// let s = Batch::new("2024-2025".parse().unwrap()).each(&rows[..], |l| hours.push((l.first_row, l.hours))).unwrap();
    /// assert_eq!((s.lines, s.years[0].rule_set.as_deref()), (1, Some("cao-vo-2023-2024")));
    /// assert_eq!(hours, [(0, Some("103.00".parse().unwrap()))]);
    /// ```
    pub fn each<S: RowSource + Sync + ?Sized, F: FnMut(LineRef<'_>)>(&self, rows: &S, mut sink: F) -> Result<BatchSummary> {
        let n = rows.rows();
        if n > MAX_ROWS {
            return Err(Error::of(ErrorCode::LimitExceeded, Msg::TooMany { what: "rows".into(), count: n, limit: MAX_ROWS }));
        }
        self.options.check("/options")?;
        if let Some(id) = self.rule_set {
            self.book.require(id)?;
        }
        let column = rows.has_school_year();
        if self.school_year.is_none() && !column {
            return Err(Error::of(ErrorCode::MissingField, Msg::NoSchoolYear {}).at("/school_year"));
        }
        let mut years = Years::new(self.school_year, column);
        let groups = Groups::of(rows, &mut years);
        let (rules, summary) = self.rules(&years.slots)?;
        let names: Vec<Option<&str>> = rules.iter().map(|r| r.as_ref().ok().map(|y| &*y.rs.id)).collect();
        let mut lines = 0usize;
        let mut emit = |g: usize, o: &Outcome| {
            let slot = groups.slots[g] as usize;
            let first_row = groups.first_row(g);
            let (school_year, rule_set) = (years.slots[slot].as_ref().ok().copied(), names[slot]);
            let employee = rows.employee(first_row);
            let base =
                LineRef { first_row, employee, school_year, rule_set, hours: None, money: None, extra_hours: Decimal::ZERO, error: None };
            sink(match o {
                Ok((h, m, x)) => LineRef { hours: Some(*h), money: Some(*m), extra_hours: *x, ..base },
                Err(e) => LineRef { error: Some(e), ..base },
            });
            lines += 1;
        };
        let threads = self.thread_count(n, groups.len());
        // Rows of one group that lie apart are read in row order first, so that the columns are
        // read front to back rather than by jumps (a shuffled million rows: 0.67 s -> see
        // docs/performance.md).
        let parsed = groups.order.as_ref().map(|_| engine::parse_all(rows, threads));
        let parsed = parsed.as_ref();
        if threads <= 1 {
            Engine::new(&self.options, &rules, parsed).run(rows, &groups, 0..groups.len(), &mut |g, o| emit(g, &o));
        } else {
            parallel(rows, &groups, &self.options, &rules, parsed, threads, &mut emit);
        }
        Ok(BatchSummary { lines, ..summary })
    }

    /// The rules of each school-year slot, and the summary's years and warnings.
    fn rules(
        &self,
        slots: &[std::result::Result<SchoolYear, Error>],
    ) -> Result<(Vec<std::result::Result<YearRules<'a>, Error>>, BatchSummary)> {
        let mut summary = BatchSummary { school_year: self.school_year, years: Vec::new(), warnings: Vec::new(), lines: 0 };
        let mut rules = Vec::with_capacity(slots.len());
        for slot in slots {
            let sy = match slot {
                Ok(sy) => sy,
                Err(e) => {
                    rules.push(Err(e.clone()));
                    continue;
                }
            };
            let chosen = self.book.choose(*sy, self.rule_set, self.options.mode);
            // One school year asked for: no rule set for it fails the batch, as a single
            // entitlement would; in a school-year column it fails that year's lines.
            let (rs, choice) = match chosen {
                Err(e) if self.school_year.is_some() => return Err(e.at("/school_year")),
                Err(e) => {
                    summary.years.push(YearRuleSet { school_year: *sy, rule_set: None });
                    rules.push(Err(e));
                    continue;
                }
                Ok(x) => x,
            };
            if choice == Choice::OutOfRange {
                let sel = self.book.describe(rs, *sy, choice);
                summary.warnings.push(Finding::of(
                    FindingCode::RulesOutOfRange,
                    FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() },
                    "/school_year",
                    sel.message,
                ));
            }
            summary.years.push(YearRuleSet { school_year: *sy, rule_set: Some(rs.id.to_string()) });
            let range = sy.range();
            let days = (range.start().num_days_from_ce(), range.end().map_or(i32::MAX, |e| e.num_days_from_ce()));
            rules.push(Ok(YearRules { sy: *sy, rs, days }));
        }
        Ok((rules, summary))
    }

    /// The threads to use for `rows` rows in `groups` groups.
    fn thread_count(&self, rows: usize, groups: usize) -> usize {
        if cfg!(target_family = "wasm") {
            return 1;
        }
        let n = match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()).min(rows / ROWS_PER_THREAD),
            n => n,
        };
        n.clamp(1, 256).min(groups.max(1))
    }
}

/// The groups computed in waves on `threads` threads, each wave's outcomes handed to `emit` in
/// order before the next wave starts (so that only a wave's outcomes are held, not a million).
/// In a wave each thread computes a range of groups of about equal rows with its own engine
/// (kept from wave to wave with its memo), the first on the calling thread. A thread that cannot
/// be started leaves its range to the calling thread.
fn parallel<S: RowSource + Sync + ?Sized>(
    rows: &S,
    groups: &Groups,
    options: &Options,
    rules: &[std::result::Result<YearRules<'_>, Error>],
    parsed: Option<&engine::ParsedRows>,
    threads: usize,
    emit: &mut dyn FnMut(usize, &Outcome),
) {
    let threads = threads.max(1);
    let mut engines: Vec<Engine<'_>> = (0..threads).map(|_| Engine::new(options, rules, parsed)).collect();
    let mut start = 0;
    while start < groups.len() {
        let end = start.saturating_add(WAVE * threads).min(groups.len());
        let ranges = split(groups, start..end, threads);
        let results: Vec<Vec<Outcome>> = std::thread::scope(|scope| {
            let Some((first, rest)) = engines.split_first_mut() else { return Vec::new() };
            let mut handles = Vec::with_capacity(rest.len());
            for (engine, r) in rest.iter_mut().zip(ranges.iter().skip(1)) {
                let r = r.clone();
                let work = move || {
                    let mut out = Vec::with_capacity(r.len());
                    engine.run(rows, groups, r, &mut |_, o| out.push(o));
                    out
                };
                handles.push(std::thread::Builder::new().spawn_scoped(scope, work).ok());
            }
            let mut out = Vec::with_capacity(ranges[0].len());
            first.run(rows, groups, ranges[0].clone(), &mut |_, o| out.push(o));
            let mut results = vec![out];
            for (h, r) in handles.into_iter().zip(ranges.iter().skip(1)) {
                results.push(match h.map(|h| h.join()) {
                    Some(Ok(x)) => x,
                    // Not started, or ended without an answer: done here.
                    _ => {
                        let mut out = Vec::with_capacity(r.len());
                        Engine::new(options, rules, parsed).run(rows, groups, r.clone(), &mut |_, o| out.push(o));
                        out
                    }
                });
            }
            results
        });
        for (range, outcomes) in ranges.into_iter().zip(&results) {
            for (g, o) in range.filter(|&g| groups.slots[g] != SKIP).zip(outcomes) {
                emit(g, o);
            }
        }
        start = end;
    }
}

/// The groups a thread computes in one wave.
const WAVE: usize = 1 << 14;

/// `threads` ranges of the groups `within`, with about equal numbers of rows (at least one group
/// each).
fn split(groups: &Groups, within: std::ops::Range<usize>, threads: usize) -> Vec<std::ops::Range<usize>> {
    let (first, last) = (groups.bounds[within.start] as usize, groups.bounds[within.end] as usize);
    let mut ranges = Vec::with_capacity(threads);
    let mut start = within.start;
    for k in 1..threads {
        let target = (first + (last - first) * k / threads) as u32;
        // The first group that starts at or after the target row.
        let end = groups.bounds.partition_point(|&b| b < target).clamp(start + 1, within.end);
        if end >= within.end {
            break;
        }
        ranges.push(start..end);
        start = end;
    }
    ranges.push(start..within.end);
    ranges
}

fn row_error(e: &Error, row: usize, column: &str) -> Box<RowError> {
    Box::new(RowError { code: e.code(), row, column: column.into(), message_en: e.message_en(), message_nl: e.message_nl() })
}

/// Whether two ids (or wtf texts) are equal: unequal ones of one length mostly differ in their
/// last byte (E1041, E1042), which is compared before memcmp is called.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// Entitlements of many employees in one school year with the built-in rule sets, on every core
/// ([`Batch`] for every year of a school-year column, threads and a sink).
pub fn entitlements_batch<S: RowSource + Sync + ?Sized>(
    rows: &S,
    sy: SchoolYear,
    options: &Options,
    rule_set: Option<&str>,
) -> Result<BatchResult> {
    entitlements_batch_with(RuleBook::builtin(), rows, sy, options, rule_set)
}

/// Entitlements of many employees with a given rule book, on every core.
pub fn entitlements_batch_with<S: RowSource + Sync + ?Sized>(
    book: &RuleBook,
    rows: &S,
    sy: SchoolYear,
    options: &Options,
    rule_set: Option<&str>,
) -> Result<BatchResult> {
    Batch::new(sy).book(book).options(*options).rule_set(rule_set).run(rows)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
