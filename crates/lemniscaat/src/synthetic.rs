//! A synthetic HR export of appointments over several school years, shaped like the real ones the
//! batch is fed, for benchmarks and trials (the command's `sample-export`, Python's
//! `lemniscaat.sample_export`). Deterministic: one seed, one table, on every machine.
//!
//! What it holds (the shares are of employees or of employee-years, drawn per seed):
//!
//! - **Ids** `E0000001`, `E0000002`, ...: eight characters that differ only in their last few
//!   (the shape that once made the batch quadratic), repeated in every school year the employee
//!   works.
//! - **Careers over the years** (default 2014-2015 to 2024-2025, eleven school years): 55% of
//!   employees are in service before the first year (hired between 1985 and then), the others
//!   are hired in a later year; each year 10% leave. 80% of hires start on 1 August and 20% on a
//!   day during the year; 60% of leavers leave on 31 July and 40% on a day during the year
//!   (about 7% of rows start or end during their school year).
//! - **Categories**: 62% teachers, 30% support staff, 5% management, 3% with a teacher and a
//!   support appointment side by side (two rows every year).
//! - **Wtfs**: 60% short (`1`, `0.9`, `0.8`, `0.7`, `0.6`, `0.5`, `0.4`), 40% derived from weekly
//!   contract hours with four decimals (`0.7368` = 28/38, `0.4211` = 16/38); 12% of employees
//!   change their wtf on 1 August of a year, and in 8% of employee-years the wtf changes during
//!   the year (two rows that year, a quarter of those three).
//! - **Rows per employee-year**: one per appointment part that touches the year, with its own
//!   start (which may lie years back) and its end when it ends by the end of that year (blank
//!   while it runs on).
//! - **Bad cells**, as real exports have them: in 0.05% of employee-years one row has a comma
//!   decimal (`0,8`), a blank start, an unknown category (`docent`) or an end before its start.
//!   At most one per employee-year.
//! - **Order** ([`Order`]): by employee and then year (the usual export), by year and then
//!   employee, or shuffled.
//!
//! The table is cut at exactly [`Spec::rows`] rows (the last employee may lose years).

use crate::batch::{DateCell, RowSource, MAX_ROWS};
use crate::error::{Error, ErrorCode, Result};
use crate::message::Msg;
use chrono::{Datelike, Duration, NaiveDate};

/// The order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Each employee's rows together, years in order (the usual export).
    #[default]
    Employee,
    /// Each school year's rows together, employees in order.
    Year,
    /// Every row anywhere.
    Shuffled,
}

impl std::str::FromStr for Order {
    type Err = Error;
    /// `employee`, `year` or `shuffled`.
    fn from_str(s: &str) -> Result<Order> {
        match s {
            "employee" => Ok(Order::Employee),
            "year" => Ok(Order::Year),
            "shuffled" => Ok(Order::Shuffled),
            other => Err(Error::of(ErrorCode::InvalidValue, Msg::NotAnOrder { text: other.to_string() }).at("/order")),
        }
    }
}

/// The export of `spec` as CSV ([`Export::to_csv`]), refused with `LIMIT_EXCEEDED` when it
/// asks for more rows than a batch takes ([`MAX_ROWS`]): what the command and the bindings call.
pub fn csv(spec: &Spec) -> Result<String> {
    if spec.rows > MAX_ROWS {
        return Err(
            Error::of(ErrorCode::LimitExceeded, Msg::TooMany { what: "rows".into(), count: spec.rows, limit: MAX_ROWS }).at("/rows")
        );
    }
    Ok(Export::generate(spec).to_csv())
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The number of rows.
    pub rows: usize,
    /// The seed: one seed, one table.
    pub seed: u64,
    /// The first school year's start year (2014: 2014-2015).
    pub first_year: i32,
    /// The number of school years.
    pub years: u32,
    /// The order of the rows.
    pub order: Order,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec { rows: 100_000, seed: 7, first_year: 2014, years: 11, order: Order::Employee }
    }
}

/// A column of texts in one buffer (as an Arrow string column keeps them).
#[derive(Debug, Clone, Default)]
struct Texts {
    data: String,
    ends: Vec<u32>,
}

impl Texts {
    fn push(&mut self, s: &str) {
        self.data.push_str(s);
        self.ends.push(self.data.len() as u32);
    }
    fn get(&self, i: usize) -> &str {
        let a = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.data.get(a..self.ends[i] as usize).unwrap_or("")
    }
}

/// The generated table: columns `employee_id`, `school_year`, `category`, `wtf`, `start`, `end`.
#[derive(Debug, Clone, Default)]
pub struct Export {
    employee: Texts,
    school_year: Texts,
    category: Texts,
    wtf: Texts,
    start: Texts,
    end: Texts,
}

/// One row before it is written.
#[derive(Debug, Clone)]
struct Row {
    employee: u32,
    year: i32,
    category: &'static str,
    wtf: String,
    start: NaiveDate,
    end: Option<NaiveDate>,
    /// A bad cell instead of a good one.
    bad: Option<Bad>,
}

#[derive(Debug, Clone, Copy)]
enum Bad {
    CommaWtf,
    BlankStart,
    UnknownCategory,
    EndBeforeStart,
}

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `per_10000` / 10,000.
    fn chance(&mut self, per_10000: u64) -> bool {
        self.below(10_000) < per_10000
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// A day strictly inside the school year that starts in `y` (not 1 August).
fn inside(rng: &mut Rng, y: i32) -> NaiveDate {
    day(y, 8, 2) + Duration::days(rng.below(360) as i64)
}

fn wtf(rng: &mut Rng) -> String {
    if rng.chance(6_000) {
        ["1", "0.9", "0.8", "0.7", "0.6", "0.5", "0.4"][rng.below(7) as usize].to_string()
    } else {
        let hours = 8 + rng.below(31);
        let w = rust_decimal::Decimal::new(hours as i64, 0) / rust_decimal::Decimal::new(38, 0);
        format!("{:.4}", w.round_dp(4))
    }
}

/// One employee's rows over the years.
fn employee(rng: &mut Rng, spec: &Spec, id: u32, out: &mut Vec<Row>) {
    let (y0, years) = (spec.first_year, spec.years as i32);
    let categories: &[&'static str] = match rng.below(100) {
        0..62 => &["teacher"],
        62..92 => &["support"],
        92..97 => &["management"],
        _ => &["teacher", "support"],
    };
    // Hired before the first year, or in a later one.
    let (hired, first) = if rng.chance(5_500) {
        (day(1985 + rng.below((y0 - 1985).max(1) as u64) as i32, 8, 1), y0)
    } else {
        let y = y0 + 1 + rng.below((years - 1).max(1) as u64) as i32;
        (if rng.chance(8_000) { day(y, 8, 1) } else { inside(rng, y) }, y)
    };
    // The year of leaving (exclusive of later years), and the last day.
    let mut last = first;
    while last < y0 + years - 1 && !rng.chance(1_000) {
        last += 1;
    }
    let leaves = last < y0 + years - 1 || rng.chance(1_000);
    let left = leaves.then(|| if rng.chance(6_000) { day(last + 1, 7, 31) } else { inside(rng, last) });
    for &category in categories {
        let mut w = wtf(rng);
        let mut from = hired;
        for y in first..=last {
            if y > first && rng.chance(1_200) {
                w = wtf(rng);
                from = day(y, 8, 1);
            }
            // Changes during the year: one or two.
            let mut parts: Vec<(NaiveDate, String)> = vec![(from, w.clone())];
            if rng.chance(800) {
                let changes = if rng.chance(2_500) { 2 } else { 1 };
                let mut at = day(y, 8, 1);
                for _ in 0..changes {
                    at += Duration::days(30 + rng.below(120) as i64);
                    if left.is_some_and(|l| at > l) || at <= from {
                        break;
                    }
                    w = wtf(rng);
                    parts.push((at, w.clone()));
                }
            }
            let year_end = day(y + 1, 7, 31);
            for (k, (start, wt)) in parts.iter().enumerate() {
                let next = parts.get(k + 1).map(|(d, _)| *d - Duration::days(1));
                let end = next.or(left.filter(|l| *l <= year_end));
                out.push(Row { employee: id, year: y, category, wtf: wt.clone(), start: *start, end, bad: None });
            }
            from = parts.last().map_or(from, |p| p.0);
        }
    }
    // An export lists an employee's rows year by year (both appointments of a year together).
    let own = out.iter().rev().take_while(|r| r.employee == id).count();
    let at = out.len() - own;
    out[at..].sort_by_key(|r| r.year);
    // Bad cells: at most one per employee-year.
    let rows = out[at..].iter_mut().collect::<Vec<_>>();
    let mut marked = std::collections::BTreeSet::new();
    for r in rows {
        if rng.chance(5) && marked.insert(r.year) {
            r.bad = Some([Bad::CommaWtf, Bad::BlankStart, Bad::UnknownCategory, Bad::EndBeforeStart][rng.below(4) as usize]);
        }
    }
}

impl Export {
    /// The table of `spec`.
    pub fn generate(spec: &Spec) -> Export {
        let mut rng = Rng(spec.seed);
        let mut rows: Vec<Row> = Vec::with_capacity(spec.rows + 64);
        let mut id = 0u32;
        while rows.len() < spec.rows {
            id += 1;
            employee(&mut rng, spec, id, &mut rows);
        }
        rows.truncate(spec.rows);
        match spec.order {
            Order::Employee => {}
            Order::Year => rows.sort_by_key(|r| (r.year, r.employee)),
            Order::Shuffled => {
                for i in (1..rows.len()).rev() {
                    rows.swap(i, rng.below(i as u64 + 1) as usize);
                }
            }
        }
        let mut e = Export::default();
        for r in &rows {
            e.push(r);
        }
        e
    }

    fn push(&mut self, r: &Row) {
        let date = |d: NaiveDate| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        self.employee.push(&format!("E{:07}", r.employee));
        self.school_year.push(&format!("{}-{}", r.year, r.year + 1));
        let (mut category, mut wtf, mut start, mut end) = (r.category.to_string(), r.wtf.clone(), date(r.start), r.end.map(date));
        match r.bad {
            None => {}
            Some(Bad::CommaWtf) => wtf = wtf.replace('.', ","),
            Some(Bad::BlankStart) => start.clear(),
            Some(Bad::UnknownCategory) => category = "docent".into(),
            Some(Bad::EndBeforeStart) => end = Some(date(r.start - Duration::days(1))),
        }
        self.category.push(&category);
        self.wtf.push(&wtf);
        self.start.push(&start);
        self.end.push(end.as_deref().unwrap_or(""));
    }

    /// The table as CSV with a header row: `employee_id,school_year,category,wtf,start,end`.
    pub fn to_csv(&self) -> String {
        let mut s = String::with_capacity(self.rows() * 56 + 64);
        s.push_str("employee_id,school_year,category,wtf,start,end\n");
        for i in 0..self.rows() {
            for (k, col) in [&self.employee, &self.school_year, &self.category, &self.wtf, &self.start, &self.end].iter().enumerate() {
                if k > 0 {
                    s.push(',');
                }
                let t = col.get(i);
                if t.contains(',') {
                    s.push('"');
                    s.push_str(t);
                    s.push('"');
                } else {
                    s.push_str(t);
                }
            }
            s.push('\n');
        }
        s
    }
}

impl RowSource for Export {
    fn rows(&self) -> usize {
        self.employee.ends.len()
    }
    fn employee(&self, i: usize) -> &str {
        self.employee.get(i)
    }
    fn category(&self, i: usize) -> &str {
        self.category.get(i)
    }
    fn wtf(&self, i: usize) -> &str {
        self.wtf.get(i)
    }
    fn start(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self.start.get(i))
    }
    fn end(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self.end.get(i))
    }
    fn has_school_year(&self) -> bool {
        true
    }
    fn school_year(&self, i: usize) -> &str {
        self.school_year.get(i)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_export_has_the_documented_shape() {
        let e = Export::generate(&Spec { rows: 200_000, ..Default::default() });
        assert_eq!(e.rows(), 200_000);
        assert_eq!(e.employee(0), "E0000001");
        // Shares in hundredths of a percent, counted exactly.
        let per_10000 = |count: usize, of: usize| count * 10_000 / of.max(1);
        let share = |f: &dyn Fn(usize) -> bool| per_10000((0..e.rows()).filter(|&i| f(i)).count(), e.rows());
        let four = share(&|i| e.wtf(i).len() == 6);
        assert!((3_000..5_000).contains(&four), "four-decimal wtfs: {four} / 10,000");
        // Rows per employee-year: 8% with two or three (a wtf change during the year).
        let mut per: std::collections::HashMap<(&str, &str), usize> = Default::default();
        for i in 0..e.rows() {
            *per.entry((e.employee(i), e.school_year(i))).or_default() += 1;
        }
        let multi = per_10000(per.values().filter(|&&k| k > 1).count(), per.len());
        assert!((600..1_200).contains(&multi), "employee-years with more than one row: {multi} / 10,000");
        // Of the other rows, about 7% start or end during their school year (hires, leavers).
        let text = |c: DateCell<'_>| if let DateCell::Text(t) = c { t.to_string() } else { String::new() };
        let single: Vec<usize> = (0..e.rows()).filter(|&i| per[&(e.employee(i), e.school_year(i))] == 1).collect();
        let mid = per_10000(
            single
                .iter()
                .filter(|&&i| {
                    let y: i32 = e.school_year(i)[..4].parse().unwrap_or(0);
                    let (start, end) = (text(e.start(i)), text(e.end(i)));
                    (start.as_str() > format!("{y}-08-01").as_str() && start.as_str() < format!("{}-08-01", y + 1).as_str())
                        || (!end.is_empty() && !end.ends_with("-07-31"))
                })
                .count(),
            single.len(),
        );
        assert!((300..1_200).contains(&mid), "single rows starting or ending during their year: {mid} / 10,000");
        let years: std::collections::BTreeSet<&str> = (0..e.rows()).map(|i| e.school_year(i)).collect();
        assert_eq!(years.len(), 11);
        let bad = share(&|i| e.category(i) == "docent" || e.wtf(i).contains(','));
        assert!(bad > 0 && bad < 10, "bad cells: {bad} / 10,000");
        // Deterministic by seed; another seed gives another table.
        let again = Export::generate(&Spec { rows: 1_000, ..Default::default() });
        assert_eq!(again.to_csv(), Export::generate(&Spec { rows: 1_000, ..Default::default() }).to_csv());
        assert_ne!(again.to_csv(), Export::generate(&Spec { rows: 1_000, seed: 8, ..Default::default() }).to_csv());
    }

    #[test]
    fn orders_are_read_from_text_and_too_many_rows_are_refused() {
        assert_eq!("shuffled".parse::<Order>().unwrap(), Order::Shuffled);
        let e = "random".parse::<Order>().unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/order"));
        let e = csv(&Spec { rows: MAX_ROWS + 1, ..Default::default() }).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::LimitExceeded, "/rows"));
        assert_eq!(csv(&Spec { rows: 3, ..Default::default() }).unwrap().lines().count(), 4);
    }

    #[test]
    fn every_order_holds_the_same_rows() {
        let csv = |order| {
            let mut lines: Vec<String> =
                Export::generate(&Spec { rows: 5_000, order, ..Default::default() }).to_csv().lines().map(String::from).collect();
            lines.sort();
            lines
        };
        let a = csv(Order::Employee);
        assert_eq!(a, csv(Order::Year));
        assert_eq!(a, csv(Order::Shuffled));
    }
}
