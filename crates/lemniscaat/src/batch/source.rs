//! Where the batch reads its rows, and one row parsed and checked into an appointment.

use crate::error::{Error, ErrorCode, Result};
use crate::message::Msg;
use crate::people::{Appointment, Category, Wtf};
use crate::time::parse_date;
use chrono::{Datelike, NaiveDate};

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

/// One appointment row of a table with a school-year column (an export over several years).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRow<'a> {
    /// The school year the row belongs to (`2021-2022`, `2021/22`, ...).
    pub school_year: &'a str,
    /// The appointment.
    pub row: BatchRow<'a>,
}

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

/// Where the batch reads its rows: text rows ([`BatchRow`], [`YearRow`]) or a host's typed
/// columns. The batch parses and checks every cell itself, so that a CSV file, a DataFrame and an
/// Arrow table get the same errors. A source is read from several threads at once (`Sync`).
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
    /// Whether the rows carry a school year each ([`RowSource::school_year`]).
    fn has_school_year(&self) -> bool {
        false
    }
    /// The school year of row `i` as text, when [`RowSource::has_school_year`].
    fn school_year(&self, _i: usize) -> &str {
        ""
    }
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

impl RowSource for [YearRow<'_>] {
    fn rows(&self) -> usize {
        self.len()
    }
    fn employee(&self, i: usize) -> &str {
        self[i].row.employee
    }
    fn category(&self, i: usize) -> &str {
        self[i].row.category
    }
    fn wtf(&self, i: usize) -> &str {
        self[i].row.wtf
    }
    fn start(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self[i].row.start)
    }
    fn end(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self[i].row.end)
    }
    fn has_school_year(&self) -> bool {
        true
    }
    fn school_year(&self, i: usize) -> &str {
        self[i].school_year
    }
}

/// Days from 0001-01-01 (chrono's "days from the common era") to 1970-01-01.
pub(super) const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// The first and last day of the library's dates (1 January `MIN_YEAR` = 1900, 31 December
/// `MAX_YEAR` = 2200) as days from the common era (a unit test holds them to chrono's).
pub(super) const DAY_BOUNDS: (i32, i32) = (693_596, 803_533);

/// A date cell as days from the common era (`NaiveDate::num_days_from_ce`), checked to be a
/// date between `MIN_YEAR` and `MAX_YEAR` as every date of the library is.
pub(super) fn day_of(cell: DateCell) -> Result<Option<i32>> {
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

/// A date from days from the common era (checked by [`day_of`]).
pub(super) fn date(days: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN)
}

/// One row, parsed and checked: what the batch keeps of an appointment until it needs one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cell {
    pub category: Category,
    pub wtf: Wtf,
    /// First day, days from the common era.
    pub start: i32,
    /// Last day, days from the common era.
    pub end: Option<i32>,
}

impl Cell {
    pub fn appointment(&self) -> Appointment {
        Appointment { category: self.category, wtf: self.wtf, start: date(self.start), end: self.end.map(date), school: None }
    }
}

pub(super) fn missing(column: &str) -> Error {
    Error::of(ErrorCode::MissingField, Msg::EmptyCell { column: column.into() })
}

fn category(text: &str) -> std::result::Result<Category, Error> {
    match match text {
        // The usual exact text first: trimming costs more than the match.
        "teacher" | "support" | "management" => text,
        _ => text.trim(),
    } {
        "teacher" => Ok(Category::Teacher),
        "support" => Ok(Category::Support),
        "management" => Ok(Category::Management),
        "" => Err(missing("category")),
        other => Err(Error::of(ErrorCode::InvalidValue, Msg::NotACategory { text: other.to_string() })),
    }
}

/// Row `i` as a cell, or the error and the column that refuse it; `wtf` parses the wtf text.
pub(super) fn parse_row<S: RowSource + ?Sized>(
    src: &S,
    i: usize,
    wtf: impl FnOnce(&str) -> Result<Wtf>,
) -> std::result::Result<Cell, (Error, &'static str)> {
    let id = src.employee(i).len();
    if id > crate::json::MAX_STRING_BYTES {
        let e = Error::of(
            ErrorCode::LimitExceeded,
            Msg::TooMany { what: "text_bytes".into(), count: id, limit: crate::json::MAX_STRING_BYTES },
        );
        return Err((e, "employee_id"));
    }
    let category = category(src.category(i)).map_err(|e| (e, "category"))?;
    let text = src.wtf(i);
    // Trimmed only when it does not start like a number (no blank text does).
    if text.bytes().next().is_none_or(|b| !(b.is_ascii_digit() || b == b'.')) && text.trim().is_empty() {
        return Err((missing("wtf"), "wtf"));
    }
    let wtf = wtf(text).map_err(|e| (e, "wtf"))?;
    let start = day_of(src.start(i)).map_err(|e| (e, "start"))?.ok_or_else(|| (missing("start"), "start"))?;
    let end = day_of(src.end(i)).map_err(|e| (e, "end"))?;
    if end.is_some_and(|e| e < start) {
        // The constructor's own error for an end before the start.
        let refused = Appointment::new(category, wtf, date(start), end.map(date), None).err();
        return Err((
            refused.unwrap_or_else(|| Error::of(ErrorCode::InvalidDateRange, Msg::EndBeforeStart { start: None, end: None })),
            "end",
        ));
    }
    Ok(Cell { category, wtf, start, end })
}
