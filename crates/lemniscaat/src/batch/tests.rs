//! The batch's unit tests (a test module of `batch`, compiled only for tests).
#![cfg(test)]

use super::source::{date, day_of, DAY_BOUNDS, UNIX_EPOCH_FROM_CE};
use super::*;
use crate::people::{Appointment, Category, Wtf};
use chrono::NaiveDate;
use std::hash::BuildHasher;

fn rows(ids: &[String]) -> Vec<BatchRow<'_>> {
    ids.iter().map(|id| BatchRow { employee: id, category: "teacher", wtf: "0.5", start: "2010-08-01", end: "" }).collect()
}

fn year(s: &str) -> SchoolYear {
    s.parse().unwrap() // ok: a test
}

#[test]
fn ids_that_differ_in_a_few_characters_spread_over_the_low_and_high_bits() {
    // E0000000..E0131071: the shape of id that made the batch quadratic under a multiply-only
    // hash (all of them in a few buckets). The table index takes the low bits, the bitmap of the
    // first pass the high bits: every bucket holds few ids in both.
    let state = foldhash::fast::RandomState::default();
    let n = 1usize << 17;
    let mut low = vec![0u16; n];
    let mut high = vec![0u16; n];
    for i in 0..n {
        let h = state.hash_one((format!("E{i:07}").as_str(), 0u32));
        low[(h as usize) & (n - 1)] += 1;
        high[(h >> 34) as usize & (n - 1)] += 1;
    }
    let (l, h) = (low.iter().max().copied().unwrap_or(0), high.iter().max().copied().unwrap_or(0));
    assert!(l <= 12 && h <= 12, "largest bucket: {l} (low bits), {h} (high bits)");
}

#[test]
fn groups_are_exact_despite_bitmap_collisions_and_join_returning_ids() {
    // 200,000 ids in a bitmap of 2^21 bits: thousands of bits collide, and only an id that
    // really comes back makes the rows be joined.
    let mut ids: Vec<String> = (0..200_000).map(|i| format!("E{i}")).collect();
    ids.insert(1, "E0".into());
    let groups = |ids: &[String]| {
        let r = rows(ids);
        let mut years = groups::Years::new(Some(year("2024-2025")), false);
        let g = Groups::of(r.as_slice(), &mut years);
        (g.order.is_some(), g.len())
    };
    assert_eq!(groups(&ids), (false, 200_000));
    ids.push("E123456".into());
    assert_eq!(groups(&ids), (true, 200_000));
    ids.pop();
    ids.push("E0".into());
    assert_eq!(groups(&ids), (true, 200_000));
    assert_eq!(groups(&[]), (false, 0));
}

#[test]
fn joined_groups_are_the_keys_in_order_of_first_appearance_with_their_rows_in_row_order() {
    // 40,000 rows of 15,000 ids in a scrambled order: about 10 parts of the partitioned join,
    // compared with the plain model (a map from id to its rows, ids in order of first row).
    let ids: Vec<String> = (0..40_000u64).map(|i| format!("E{:07}", (i * 7919 + i * i * 31) % 15_000)).collect();
    let r = rows(&ids);
    let mut years = groups::Years::new(Some(year("2024-2025")), false);
    let g = Groups::of(r.as_slice(), &mut years);
    assert!(g.order.is_some());
    let mut model: Vec<(String, Vec<usize>)> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let k = *at.entry(id).or_insert_with(|| {
            model.push((id.clone(), Vec::new()));
            model.len() - 1
        });
        model[k].1.push(i);
    }
    let got: Vec<(String, Vec<usize>)> = (0..g.len()).map(|k| (ids[g.first_row(k)].clone(), g.rows(k).collect())).collect();
    assert_eq!(got, model);
}

#[test]
fn the_sink_sees_first_rows_in_order_of_first_appearance() {
    let ids: Vec<String> = ["B", "A", "B", "C", "A"].map(String::from).to_vec();
    let mut seen = Vec::new();
    let s = Batch::new(year("2024-2025"))
        .each(rows(&ids).as_slice(), |l| seen.push((l.first_row, l.employee.to_string(), l.hours.map(|h| h.to_string()))))
        .unwrap(); // ok: a test
    assert_eq!(s.lines, 3);
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
    let res = entitlements_batch(&rows[..], year("2024-2025"), &Options::default(), None).unwrap(); // ok: a test
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
    assert_eq!(unix(DAY_BOUNDS.0).unwrap(), Some(DAY_BOUNDS.0)); // ok: a test
    assert_eq!(unix(DAY_BOUNDS.1).unwrap(), Some(DAY_BOUNDS.1)); // ok: a test
    assert_eq!(unix(DAY_BOUNDS.0 - 1).unwrap_err().code(), ErrorCode::InvalidDate);
    assert_eq!(unix(DAY_BOUNDS.1 + 1).unwrap_err().code(), ErrorCode::InvalidDate);
    assert_eq!(day_of(DateCell::Days(i32::MAX)).unwrap_err().code(), ErrorCode::InvalidDate);
}

#[test]
fn an_end_before_the_start_is_the_constructors_error() {
    let rows = [BatchRow { employee: "A", category: "teacher", wtf: "1", start: "2015-08-01", end: "2015-07-31" }];
    let res = entitlements_batch(&rows[..], year("2015-2016"), &Options::default(), None).unwrap(); // ok: a test
    let e = res.lines[0].error.as_ref().unwrap(); // ok: a test
    let want = Appointment::new(Category::Teacher, Wtf::FULL, date(735_811), Some(date(735_810)), None).unwrap_err();
    assert_eq!((e.code, e.column.as_str(), e.message_en.as_str()), (want.code(), "end", want.message_en().as_str()));
}

fn yr<'a>(school_year: &'a str, employee: &'a str, wtf: &'a str) -> YearRow<'a> {
    YearRow { school_year, row: BatchRow { employee, category: "teacher", wtf, start: "2010-08-01", end: "" } }
}

type Line = (String, Option<String>, Option<String>, Option<String>, Option<(String, usize, String)>);

fn lines(r: &BatchResult) -> Vec<Line> {
    r.lines
        .iter()
        .map(|l| {
            (
                l.employee.clone(),
                l.school_year.map(|y| y.to_string()),
                l.rule_set.clone(),
                l.hours.map(|h| h.to_string()),
                l.error.as_ref().map(|e| (e.code.as_str().to_string(), e.row, e.column.clone())),
            )
        })
        .collect()
}

#[test]
fn a_school_year_column_gives_a_line_per_employee_and_year_in_order_of_first_appearance() {
    let rows = [
        yr("2014-2015", "E1", "0.6"),
        yr("2014-2015", "E2", "1"),
        yr("2024-2025", "E1", "0.5"),
        yr("2014/15", "E1", "0.4"), // the same year written otherwise: joined with row 0
        yr("2012-2013", "E2", "1"), // before the first rule set
        yr("2024-2025", "E2", "x"),
        yr("", "E3", "1"),
        yr("2024-2026", "E3", "1"),
    ];
    let r = Batch::all_years().run(&rows[..]).unwrap(); // ok: a test
    let s = |x: &str| Some(x.to_string());
    let err = |c: &str, row, col: &str| Some((c.to_string(), row, col.to_string()));
    assert_eq!(
        lines(&r),
        [
            ("E1".into(), s("2014-2015"), s("cao-vo-2014-2015"), s("83.00"), None),
            ("E2".into(), s("2014-2015"), s("cao-vo-2014-2015"), s("83.00"), None),
            ("E1".into(), s("2024-2025"), s("cao-vo-2023-2024"), s("41.50"), None),
            ("E2".into(), s("2012-2013"), None, None, err("RULES_NOT_IN_FORCE", 4, "school_year")),
            ("E2".into(), s("2024-2025"), s("cao-vo-2023-2024"), None, err("INVALID_DECIMAL", 5, "wtf")),
            ("E3".into(), None, None, None, err("MISSING_FIELD", 6, "school_year")),
            ("E3".into(), None, None, None, err("INVALID_SCHOOL_YEAR", 7, "school_year")),
        ]
    );
    let years: Vec<(String, Option<&str>)> = r.years.iter().map(|y| (y.school_year.to_string(), y.rule_set.as_deref())).collect();
    assert_eq!(
        years,
        [("2014-2015".into(), Some("cao-vo-2014-2015")), ("2024-2025".into(), Some("cao-vo-2023-2024")), ("2012-2013".into(), None)]
    );
}

#[test]
fn a_school_year_with_a_school_year_column_reads_that_years_rows_and_every_unreadable_one() {
    let rows = [yr("2014-2015", "E1", "0.6"), yr("2024-2025", "E1", "0.5"), yr("2024-2025", "E2", "1"), yr("2O24-2025", "E3", "1")];
    let r = Batch::new(year("2024-2025")).run(&rows[..]).unwrap(); // ok: a test
    let got: Vec<(String, Option<String>)> = lines(&r).into_iter().map(|l| (l.0, l.3.or(l.4.map(|e| e.0)))).collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(got, [("E1".into(), s("41.50")), ("E2".into(), s("83.00")), ("E3".into(), s("INVALID_SCHOOL_YEAR"))]);
    // Without a school year and without a column there is nothing to compute.
    let plain = [BatchRow { employee: "E1", category: "teacher", wtf: "1", start: "2010-08-01", end: "" }];
    let e = Batch::all_years().run(&plain[..]).unwrap_err();
    assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, "/school_year"));
    // One school year asked for without rules fails the batch, as one entitlement would.
    assert_eq!(Batch::new(year("2012-2013")).run(&plain[..]).unwrap_err().code(), ErrorCode::RulesNotInForce);
}

#[test]
fn every_thread_count_gives_the_same_lines_in_the_same_order() {
    let export = crate::synthetic::Export::generate(&crate::synthetic::Spec { rows: 60_000, seed: 3, ..Default::default() });
    let one = Batch::all_years().threads(1).run(&export).unwrap(); // ok: a test
    assert!(one.lines.len() > 40_000);
    assert!(one.lines.iter().any(|l| l.error.is_some()));
    for n in [2, 3, 7] {
        let r = Batch::all_years().threads(n).run(&export).unwrap(); // ok: a test
        assert_eq!(r, one, "{n} threads");
    }
    // The same rows in another order join the same employee-years.
    let shuffled = crate::synthetic::Export::generate(&crate::synthetic::Spec {
        rows: 60_000,
        seed: 3,
        order: crate::synthetic::Order::Shuffled,
        ..Default::default()
    });
    let mut a: Vec<Line> = lines(&one)
        .into_iter()
        .map(|mut l| {
            l.4 = l.4.map(|mut e| {
                e.1 = 0;
                e
            });
            l
        })
        .collect();
    let mut b: Vec<Line> = lines(&Batch::all_years().threads(2).run(&shuffled).unwrap()) // ok: a test
        .into_iter()
        .map(|mut l| {
            l.4 = l.4.map(|mut e| {
                e.1 = 0;
                e
            });
            l
        })
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a.len(), b.len());
    // Lines without an error are the same whatever the order; with errors the first refused
    // row may differ, so only the codes are compared.
    assert_eq!(a, b);
}

#[test]
fn an_amount_beyond_the_librarys_range_is_refused_when_read_and_the_largest_one_computes() {
    // A rule book cannot carry an amount whose products would overflow (the batch's lines would
    // fail one by one): it is refused where it is read.
    let book = |hours: &str| {
        crate::RuleBook::builtin().with_overrides(&format!(
            r#"{{"rule_sets":[{{"id":"cao-test","name":"CAO test",
            "in_force_from":{{"value":"2024-08-01","provenance":{{"confidence":"inferred","source":"lemniscaat"}}}},"parameters":{{"teacher_hours":{{"value":"{hours}","article":"16.4","lid":"1",
            "provenance":{{"confidence":"inferred","source":"lemniscaat"}}}}}}}}]}}"#
        ))
    };
    let e = book("79228162514264337593543950335").unwrap_err();
    assert_eq!((e.code(), e.path()), (crate::ErrorCode::InvalidDecimal, "/rule_sets/0/parameters/teacher_hours/value"));
    let book = book("999999999999999").unwrap(); // ok: a test
    let rows = [
        BatchRow { employee: "E1", category: "teacher", wtf: "0.7368", start: "2010-08-01", end: "" },
        BatchRow { employee: "E2", category: "support", wtf: "1", start: "2010-08-01", end: "" },
    ];
    for threads in [1, 2] {
        let mut seen = Vec::new();
        let s = Batch::new(year("2024-2025"))
            .book(&book)
            .threads(threads)
            .each(&rows[..], |l| seen.push((l.employee.to_string(), l.hours.map(|h| h.to_string()), l.error.map(|e| e.code))))
            .unwrap(); // ok: a test
        assert_eq!(s.lines, 2);
        assert_eq!(seen, [("E1".into(), Some("736799999999999.26".into()), None), ("E2".into(), Some("40.00".into()), None)]);
    }
}
