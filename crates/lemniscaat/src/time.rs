//! Time: the school year (1 August to 31 July), inclusive date ranges, the financial year.
//!
//! All date ranges in inputs are **inclusive on both ends** (Dutch "tot en met"): an appointment
//! from `2015-02-01` to `2015-07-31` covers 181 days. An open end means "still running".

use crate::error::{Error, ErrorCode, Result};
use crate::message::Msg;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The earliest year the library accepts in a date or school year.
pub const MIN_YEAR: i32 = 1900;
/// The latest year the library accepts in a date or school year.
pub const MAX_YEAR: i32 = 2200;

/// Parses an ISO date `YYYY-MM-DD` between the years 1900 and 2200.
///
/// ```
/// let d = lemniscaat::time::parse_date("2015-02-01").unwrap();
/// assert_eq!(d.to_string(), "2015-02-01");
/// assert_eq!(lemniscaat::time::parse_date("2015-02-30").unwrap_err().code(), lemniscaat::ErrorCode::InvalidDate);
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let bad = || Error::of(ErrorCode::InvalidDate, Msg::NotADate { text: s.to_string(), min: MIN_YEAR, max: MAX_YEAR });
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else { return Err(bad()) };
    let y = y as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

/// The date of a count of days since 1970-01-01 (an Arrow `date32` value), within the years
/// [`parse_date`] accepts.
///
/// ```
/// use lemniscaat::time::date_from_unix_days;
/// assert_eq!(date_from_unix_days(0).unwrap().to_string(), "1970-01-01");
/// assert_eq!(date_from_unix_days(20_000).unwrap().to_string(), "2024-10-04");
/// assert!(date_from_unix_days(i32::MAX).is_err());
/// ```
pub fn date_from_unix_days(days: i32) -> Result<NaiveDate> {
    const UNIX_EPOCH_FROM_CE: i32 = 719_163;
    days.checked_add(UNIX_EPOCH_FROM_CE)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
        .ok_or_else(|| Error::of(ErrorCode::InvalidDate, Msg::DayOutOfRange { days: days.into(), min: MIN_YEAR, max: MAX_YEAR }))
}

/// The newtype name under which dates are serialised: transparent in JSON (an ISO string), and a
/// mark for host serialisers (Python) that turn it into their date type.
pub const DATE_TOKEN: &str = "$lemniscaat::Date";

/// A date as `YYYY-MM-DD`, written in one piece (chrono's own `Display` writes it a character at
/// a time); years outside 0-9999 as chrono writes them.
pub(crate) struct Iso(pub NaiveDate);

impl Iso {
    /// `YYYY-MM-DD` for a year of four digits (every date the library reads).
    fn text(&self) -> Option<[u8; 10]> {
        let d = self.0;
        let [y0, y1, y2, y3] = four_digits(u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?);
        let [_, _, m0, m1] = four_digits(d.month());
        let [_, _, d0, d1] = four_digits(d.day());
        Some([y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1])
    }
}

/// The last four decimal digits of `n`, as ASCII.
fn four_digits(n: u32) -> [u8; 4] {
    [n / 1000, n / 100, n / 10, n].map(|d| b'0' + (d % 10) as u8)
}

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            Some(text) => f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?),
            None => fmt::Display::fmt(&self.0, f),
        }
    }
}

/// Written as a string in one piece (`serialize_str`), chrono's text for any other year.
impl Serialize for Iso {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self.text() {
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => s.collect_str(&self.0),
        }
    }
}

/// Serde for a date as an ISO string.
pub mod date {
    use super::*;
    /// Serialises as `YYYY-MM-DD` (marked with [`DATE_TOKEN`]).
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(DATE_TOKEN, &Iso(*d))
    }
    /// Deserialises from `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map_err(|e| serde::de::Error::custom(String::from(e)))
    }
}

/// Serde for an optional date as an ISO string or null.
pub mod opt_date {
    use super::*;
    /// Serialises as `YYYY-MM-DD` or null.
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> std::result::Result<S::Ok, S::Error> {
        match d {
            Some(d) => date::serialize(d, s),
            None => s.serialize_none(),
        }
    }
    /// Deserialises from `YYYY-MM-DD` or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<NaiveDate>, D::Error> {
        let s = Option::<String>::deserialize(d)?;
        match s {
            None => Ok(None),
            Some(s) => parse_date(&s).map(Some).map_err(|e| serde::de::Error::custom(String::from(e))),
        }
    }
}

/// A school year (`schooljaar`): 1 August of `start_year` up to and including 31 July of the
/// next year. Written `2014-2015`; also parsed from `2014/2015`, `2014/15` and `2014-15`.
///
/// ```
/// use lemniscaat::SchoolYear;
/// let sy: SchoolYear = "2015/16".parse().unwrap();
/// assert_eq!(sy.to_string(), "2015-2016");
/// assert_eq!(sy.days(), 366); // contains 29 February 2016
/// assert_eq!(sy.next().unwrap().to_string(), "2016-2017");
/// let d = chrono::NaiveDate::from_ymd_opt(2016, 3, 1).unwrap();
/// assert_eq!(lemniscaat::SchoolYear::containing(d), sy);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    start_year: i32,
}

impl SchoolYear {
    /// The school year that starts on 1 August of `start_year`.
    pub fn new(start_year: i32) -> Result<SchoolYear> {
        if !(MIN_YEAR..MAX_YEAR).contains(&start_year) {
            return Err(Error::of(
                ErrorCode::InvalidSchoolYear,
                Msg::SchoolYearOutOfRange { start: start_year, min: MIN_YEAR, max: MAX_YEAR },
            ));
        }
        Ok(SchoolYear { start_year })
    }

    /// The school year that contains a date.
    pub fn containing(date: NaiveDate) -> SchoolYear {
        let y = if date.month() >= 8 { date.year() } else { date.year() - 1 };
        SchoolYear { start_year: y }
    }

    /// The calendar year in which it starts.
    pub fn start_year(&self) -> i32 {
        self.start_year
    }

    /// Its first day, 1 August.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year, 8, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Its last day, 31 July.
    pub fn last_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year + 1, 7, 31).unwrap_or(NaiveDate::MAX)
    }

    /// Its days as an inclusive range.
    pub fn range(&self) -> DateRange {
        DateRange { start: self.first_day(), end: Some(self.last_day()) }
    }

    /// Its number of days: 365, or 366 when it contains 29 February.
    pub fn days(&self) -> u32 {
        // 29 February of the second calendar year falls inside 1 August..31 July.
        let y = self.start_year + 1;
        if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            366
        } else {
            365
        }
    }

    /// The next school year, `None` past the supported range.
    pub fn next(&self) -> Option<SchoolYear> {
        SchoolYear::new(self.start_year + 1).ok()
    }

    /// The previous school year, `None` before the supported range.
    pub fn previous(&self) -> Option<SchoolYear> {
        SchoolYear::new(self.start_year - 1).ok()
    }

    /// This school year plus `n` (may be negative).
    pub fn offset(&self, n: i32) -> Option<SchoolYear> {
        SchoolYear::new(self.start_year.checked_add(n)?).ok()
    }

    /// Iterates from this school year up to and including `last`.
    ///
    /// ```
    /// use lemniscaat::SchoolYear;
    /// let a: SchoolYear = "2014-2015".parse().unwrap();
    /// let b: SchoolYear = "2016-2017".parse().unwrap();
    /// let all: Vec<String> = a.through(b).map(|s| s.to_string()).collect();
    /// assert_eq!(all, ["2014-2015", "2015-2016", "2016-2017"]);
    /// ```
    pub fn through(self, last: SchoolYear) -> impl Iterator<Item = SchoolYear> {
        (self.start_year..=last.start_year).map(|y| SchoolYear { start_year: y })
    }

    /// Whether a date falls in this school year.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.first_day() && date <= self.last_day()
    }
}

impl SchoolYear {
    /// `2014-2015`: both years have four digits (`new` keeps the start within 1900..2200).
    fn text(&self) -> [u8; 9] {
        let [a0, a1, a2, a3] = four_digits(self.start_year.unsigned_abs());
        let [b0, b1, b2, b3] = four_digits((self.start_year + 1).unsigned_abs());
        [a0, a1, a2, a3, b'-', b0, b1, b2, b3]
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(std::str::from_utf8(&self.text()).map_err(|_| fmt::Error)?)
    }
}

impl FromStr for SchoolYear {
    type Err = Error;
    fn from_str(s: &str) -> Result<SchoolYear> {
        let bad = || Error::of(ErrorCode::InvalidSchoolYear, Msg::NotASchoolYear { text: s.to_string() });
        let t = s.trim();
        let (a, b) = t.split_once(['-', '/']).ok_or_else(bad)?;
        if a.len() != 4 || !a.bytes().all(|c| c.is_ascii_digit()) || !b.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let y: i32 = a.parse().map_err(|_| bad())?;
        let next = match b.len() {
            4 => b.parse::<i32>().map_err(|_| bad())?,
            2 => {
                let yy: i32 = b.parse().map_err(|_| bad())?;
                (y + 1) / 100 * 100 + yy
            }
            _ => return Err(bad()),
        };
        if next != y + 1 {
            return Err(bad());
        }
        SchoolYear::new(y).map_err(|_| bad())
    }
}

/// Written as a string in one piece (`serialize_str`).
impl Serialize for SchoolYear {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&self.text()).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for SchoolYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e: Error| serde::de::Error::custom(String::from(e)))
    }
}

/// An inclusive date range `start ..= end`; `end: None` means still running.
///
/// ```
/// use lemniscaat::{DateRange, SchoolYear};
/// use chrono::NaiveDate;
/// let r = DateRange::new(NaiveDate::from_ymd_opt(2015, 2, 1).unwrap(), None).unwrap();
/// let sy: SchoolYear = "2014-2015".parse().unwrap();
/// assert_eq!(r.days_within(&sy.range()), 181);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    start: NaiveDate,
    end: Option<NaiveDate>,
}

impl DateRange {
    /// A range; `INVALID_DATE_RANGE` when the end lies before the start.
    pub fn new(start: NaiveDate, end: Option<NaiveDate>) -> Result<DateRange> {
        if let Some(e) = end {
            if e < start {
                return Err(Error::of(ErrorCode::InvalidDateRange, Msg::EndBeforeStart { start: Some(start), end: Some(e) }));
            }
        }
        Ok(DateRange { start, end })
    }

    /// A range whose end is moved up to the start when it lies before it.
    pub(crate) fn lenient(start: NaiveDate, end: Option<NaiveDate>) -> DateRange {
        DateRange { start, end: end.map(|e| e.max(start)) }
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day, `None` when open.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether the range contains a date.
    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.start && self.end.is_none_or(|e| d <= e)
    }

    /// The overlap with another range, if any.
    pub fn intersect(&self, other: &DateRange) -> Option<DateRange> {
        let start = self.start.max(other.start);
        let end = match (self.end, other.end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match end {
            Some(e) if e < start => None,
            _ => Some(DateRange { start, end }),
        }
    }

    /// The number of days of this range inside a closed range (0 when they do not meet).
    pub fn days_within(&self, closed: &DateRange) -> u32 {
        match self.intersect(closed) {
            Some(DateRange { start, end: Some(end) }) => (end - start).num_days() as u32 + 1,
            _ => 0,
        }
    }
}

/// A financial year (`boekjaar`): the calendar year.
///
/// ```
/// let fy = lemniscaat::time::FinancialYear(2015);
/// assert_eq!(fy.range().days_within(&fy.range()), 365);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FinancialYear(pub i32);

impl FinancialYear {
    /// 1 January to 31 December.
    pub fn range(&self) -> DateRange {
        let y = self.0.clamp(MIN_YEAR, MAX_YEAR);
        DateRange { start: NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN), end: NaiveDate::from_ymd_opt(y, 12, 31) }
    }
}

/// Adds whole years to a date (29 February becomes 28 February), `None` out of range.
pub fn add_years(d: NaiveDate, years: i32) -> Option<NaiveDate> {
    let months = years.unsigned_abs().checked_mul(12)?;
    if years >= 0 {
        d.checked_add_months(chrono::Months::new(months))
    } else {
        d.checked_sub_months(chrono::Months::new(months))
    }
}

/// Adds whole months to a date (clamped to the month's last day), `None` out of range.
pub fn add_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        d.checked_add_months(chrono::Months::new(months.unsigned_abs()))
    } else {
        d.checked_sub_months(chrono::Months::new(months.unsigned_abs()))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SchoolYear {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchoolYear".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}[-/]([0-9]{4}|[0-9]{2})$",
            "description": "School year 1 August - 31 July: 2014-2015 (also 2014/2015, 2014/15, 2014-15)."
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-piece date text is chrono's, for every year chrono can hold.
        #[test]
        fn an_iso_date_is_written_as_chrono_writes_it(days in -100_000_000i64..100_000_000i64) {
            if let Some(d) = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.checked_add_signed(chrono::Duration::days(days))) {
                proptest::prop_assert_eq!(Iso(d).to_string(), d.to_string());
                proptest::prop_assert_eq!(serde_json::to_string(&Iso(d)).unwrap(), format!("\"{d}\""));
            }
        }
    }

    #[test]
    fn every_school_year_is_written_as_its_two_years() {
        for y in MIN_YEAR..MAX_YEAR {
            let sy = SchoolYear::new(y).unwrap();
            assert_eq!(sy.to_string(), format!("{y}-{}", y + 1));
            assert_eq!(serde_json::to_string(&sy).unwrap(), format!("\"{y}-{}\"", y + 1));
        }
    }

    #[test]
    fn parses_all_spellings() {
        for s in ["2014-2015", "2014/2015", "2014/15", "2014-15", " 2014-2015 "] {
            assert_eq!(s.parse::<SchoolYear>().unwrap().to_string(), "2014-2015", "{s}");
        }
        assert_eq!("1999-00".parse::<SchoolYear>().unwrap().to_string(), "1999-2000");
        for s in ["2014-2016", "2014", "14-15", "2014-1", "abcd-efgh", "2014-15x", "2014-+015", ""] {
            assert_eq!(s.parse::<SchoolYear>().unwrap_err().code(), ErrorCode::InvalidSchoolYear, "{s}");
        }
    }

    #[test]
    fn days_and_containing() {
        let sy: SchoolYear = "2014-2015".parse().unwrap();
        assert_eq!(sy.days(), 365);
        assert_eq!(SchoolYear::containing(NaiveDate::from_ymd_opt(2014, 7, 31).unwrap()).to_string(), "2013-2014");
        assert_eq!(SchoolYear::containing(NaiveDate::from_ymd_opt(2014, 8, 1).unwrap()), sy);
    }

    #[test]
    fn ranges() {
        let d = |s| parse_date(s).unwrap();
        assert_eq!(DateRange::new(d("2015-01-02"), Some(d("2015-01-01"))).unwrap_err().code(), ErrorCode::InvalidDateRange);
        let r = DateRange::new(d("2015-01-01"), Some(d("2015-01-01"))).unwrap();
        let sy: SchoolYear = "2014-2015".parse().unwrap();
        assert_eq!(r.days_within(&sy.range()), 1);
        let before = DateRange::new(d("2010-08-01"), Some(d("2014-07-31"))).unwrap();
        assert_eq!(before.days_within(&sy.range()), 0);
    }
}
