//! The batch (`lemniscaat::batch`) over rows built from the fuzzer's bytes, and the command's
//! CSV reader (`crates/lemniscaat-cli/src/csv.rs`, compiled in here as it is: the command is a
//! binary crate, not a library). The first byte chooses the mode:
//!
//! - 0: rows without a school-year column for one school year (`BatchRow`);
//! - 1: rows with a school-year column, for one school year (`YearRow`);
//! - 2: rows with a school-year column, every school year (`Batch::all_years`);
//! - 3: rows whose dates are day numbers, as an Arrow `date32` column gives them;
//! - 4: the rest of the input as CSV text, read by the command's reader.
//!
//! Asserts: the batch gives the same lines, in the same order, on one thread and on several; the
//! result serialises to JSON that parses back; one line per employee (and school year), each
//! with amounts or with the error of one of its own rows; for rows that parse, each line equals
//! the single `entitlement` of that employee's appointments; the same rows written as CSV and read
//! by the command's reader give the same result; an error has a stable code and messages.
#![no_main]

#[allow(dead_code)]
#[path = "../../crates/lemniscaat-cli/src/csv.rs"]
mod csv;

use arbitrary::Unstructured;
use lemniscaat::batch::{Batch, BatchResult, BatchRow, DateCell, RowSource, YearRow};
use lemniscaat::people::{Appointment, Category, Wtf};
use lemniscaat::{EntitlementInput, Options, SchoolYear};
use lemniscaat_fuzz::{error, gen::Gen, serialises};
use libfuzzer_sys::fuzz_target;

const YEARS: [i32; 8] = [2014, 2015, 2018, 2020, 2023, 2024, 2025, 2013];

/// Rows whose dates are day numbers since 1970-01-01 (an Arrow `date32` column).
struct DayRows {
    text: Vec<[String; 6]>,
    days: Vec<(Option<i32>, Option<i32>)>,
}

impl RowSource for DayRows {
    fn rows(&self) -> usize {
        self.text.len()
    }
    fn employee(&self, i: usize) -> &str {
        &self.text[i][0]
    }
    fn category(&self, i: usize) -> &str {
        &self.text[i][1]
    }
    fn wtf(&self, i: usize) -> &str {
        &self.text[i][2]
    }
    fn start(&self, i: usize) -> DateCell<'_> {
        self.days[i].0.map_or(DateCell::Empty, DateCell::Days)
    }
    fn end(&self, i: usize) -> DateCell<'_> {
        self.days[i].1.map_or(DateCell::Empty, DateCell::Days)
    }
}

/// Runs `batch` on one thread and on `threads`, checks that both agree, and returns the result.
fn run<S: RowSource + Sync + ?Sized>(batch: Batch<'_>, rows: &S, threads: usize, text: &str) -> Option<BatchResult> {
    let one = batch.threads(1).run(rows);
    let many = batch.threads(threads).run(rows);
    assert_eq!(one, many, "1 thread and {threads} threads differ");
    match one {
        Ok(r) => {
            check_lines(&r, rows);
            serialises(&r);
            Some(r)
        }
        Err(e) => {
            error(&e, text, false);
            None
        }
    }
}

/// One line per employee (and school year) with amounts or an error of one of its own rows.
fn check_lines<S: RowSource + ?Sized>(r: &BatchResult, rows: &S) {
    for l in &r.lines {
        assert_eq!(l.hours.is_some(), l.error.is_none(), "a line with both or neither amounts and an error: {l:?}");
        assert_eq!(l.money.is_some(), l.error.is_none(), "a line with both or neither amounts and an error: {l:?}");
        if let Some(e) = &l.error {
            assert!(e.row < rows.rows(), "an error row past the rows: {l:?}");
            assert_eq!(rows.employee(e.row), l.employee, "the error row is not the employee's: {l:?}");
            assert!(!e.code.as_str().is_empty() && !e.message_en.is_empty() && !e.message_nl.is_empty(), "an empty error: {l:?}");
            assert!(
                ["category", "wtf", "start", "end", "school_year", "employee_id", ""].contains(&e.column.as_str()),
                "an unknown column: {l:?}"
            );
        }
    }
}

/// The rows as CSV text (`None` when a cell cannot be written on one line).
fn as_csv(rows: &[[String; 6]], with_year: bool) -> Option<String> {
    let mut out =
        String::from(if with_year { "employee_id,category,wtf,start,end,school_year\n" } else { "employee_id,category,wtf,start,end\n" });
    for r in rows {
        let cells = if with_year { &r[..] } else { &r[..5] };
        for (k, c) in cells.iter().enumerate() {
            if c.contains(['\n', '\r']) {
                return None;
            }
            if k > 0 {
                out.push(',');
            }
            if c.contains([',', '"']) {
                out.push('"');
                out.push_str(&c.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(c);
            }
        }
        out.push('\n');
    }
    Some(out)
}

/// A row parsed strictly (`None` when any cell does not read), for the single entitlement.
fn appointment(r: &[String; 6]) -> Option<Appointment> {
    let category = match r[1].trim() {
        "teacher" => Category::Teacher,
        "support" => Category::Support,
        "management" => Category::Management,
        _ => return None,
    };
    let wtf: Wtf = r[2].parse().ok()?;
    let start = lemniscaat::time::parse_date(r[3].trim()).ok()?;
    let end = if r[4].trim().is_empty() { None } else { Some(lemniscaat::time::parse_date(r[4].trim()).ok()?) };
    Appointment::new(category, wtf, start, end, None).ok()
}

/// Each line of a one-year batch without a school-year column against the single entitlement of
/// the employee's rows, when they all parse.
fn same_as_single(r: &BatchResult, rows: &[[String; 6]], sy: SchoolYear, options: &Options, pin: Option<&str>) {
    let mut employees: Vec<&str> = Vec::new();
    for row in rows {
        if !employees.contains(&row[0].as_str()) {
            employees.push(&row[0]);
        }
    }
    assert_eq!(r.lines.len(), employees.len(), "not one line per employee");
    for (l, id) in r.lines.iter().zip(&employees) {
        assert_eq!(l.employee, *id, "lines not in order of first appearance");
        if l.error.is_some() {
            continue;
        }
        let apps: Option<Vec<Appointment>> = rows.iter().filter(|row| row[0] == *id).map(appointment).collect();
        let Some(apps) = apps else { continue };
        let mut input = EntitlementInput::new(sy, apps);
        input.options = *options;
        input.rule_set = pin.map(str::to_string);
        input.explain = false;
        match lemniscaat::entitlement(&input) {
            Ok(e) => assert_eq!((l.hours, l.money), (Some(e.hours), Some(e.money)), "the batch and the single entitlement differ for {id}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
            Err(e) => panic!("the batch computes {id} ({:?} {:?}) but the single entitlement refuses it: {e}", l.hours, l.money), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let mode = first % 5;
    let sy = SchoolYear::new(YEARS[(first / 5) as usize % YEARS.len()]).ok();
    let threads = 2 + (first as usize / 40) % 3;
    if mode == 4 {
        let text = String::from_utf8_lossy(rest);
        match csv::CsvRows::read(&text) {
            Ok(rows) => {
                let sy = if rows.has_school_year() { None } else { sy };
                if let Some(r) = run(Batch::of(sy), &rows, threads, &text) {
                    for l in r.lines.iter().filter_map(|l| l.error.as_ref()) {
                        assert!(rows.line(l.row) >= 2, "an error row without its line: {l:?}");
                    }
                }
            }
            Err(e) => error(&e, &text, false),
        }
        return;
    }
    let mut u = Unstructured::new(rest);
    let mut g = Gen::new(&mut u);
    let options = match g.one_in(4) {
        Ok(true) => g.options().ok().and_then(|o| lemniscaat::json::from_str::<Options>(&o.to_string()).ok()).unwrap_or_default(),
        _ => Options::default(),
    };
    let pin = match g.int(0, 15) {
        Ok(0) => Some("cao-vo-2014-2015"),
        Ok(1) => Some("cao-vo-2023-2024"),
        Ok(2) => Some("cao-vo-1999"),
        _ => None,
    };
    let n = g.int(0, 48).unwrap_or(0);
    let mut cells: Vec<[String; 6]> = Vec::new();
    for _ in 0..n {
        match g.batch_row() {
            Ok(r) => cells.push(r),
            Err(_) => break,
        }
    }
    let batch = |sy: Option<SchoolYear>| Batch::of(sy).options(options).rule_set(pin);
    let label = format!("{mode} {sy:?} {pin:?} {cells:?}");
    match mode {
        0 => {
            let Some(sy) = sy else { return };
            let rows: Vec<BatchRow> =
                cells.iter().map(|c| BatchRow { employee: &c[0], category: &c[1], wtf: &c[2], start: &c[3], end: &c[4] }).collect();
            let r = run(batch(Some(sy)), &rows[..], threads, &label);
            if let Some(r) = &r {
                same_as_single(r, &cells, sy, &options, pin);
            }
            if let Some(text) = as_csv(&cells, false) {
                let read = csv::CsvRows::read(&text).expect("the CSV of rows reads"); // ok: the target wrote this CSV itself; a refusal is a finding
                assert_eq!(read.rows(), rows.len(), "the CSV has another number of rows");
                let c = run(batch(Some(sy)), &read, threads, &text);
                assert_eq!(r, c, "the CSV of the rows gives another result");
            }
        }
        1 | 2 => {
            let sy = if mode == 2 { None } else { sy };
            let rows: Vec<YearRow> = cells
                .iter()
                .map(|c| YearRow {
                    school_year: &c[5],
                    row: BatchRow { employee: &c[0], category: &c[1], wtf: &c[2], start: &c[3], end: &c[4] },
                })
                .collect();
            let r = run(batch(sy), &rows[..], threads, &label);
            if let Some(text) = as_csv(&cells, true) {
                let read = csv::CsvRows::read(&text).expect("the CSV of rows reads"); // ok: the target wrote this CSV itself; a refusal is a finding
                let c = run(batch(sy), &read, threads, &text);
                assert_eq!(r, c, "the CSV of the rows gives another result");
            }
        }
        _ => {
            let Some(sy) = sy else { return };
            let mut days = Vec::with_capacity(cells.len());
            for _ in &cells {
                // Mostly 2008-2026 (days 13,880-20,800); now and then anything.
                let day = |g: &mut Gen| -> Option<i32> {
                    match g.int(0, 15).ok()? {
                        0 => None,
                        1 => Some(g.int(0, u32::MAX).ok()? as i32),
                        _ => Some(g.int(13_880, 20_800).ok()? as i32),
                    }
                };
                let start = day(&mut g);
                let end = if g.one_in(2).unwrap_or(true) { None } else { day(&mut g) };
                days.push((start, end));
            }
            let rows = DayRows { text: cells, days };
            run(batch(Some(sy)), &rows, threads, &label);
        }
    }
});
