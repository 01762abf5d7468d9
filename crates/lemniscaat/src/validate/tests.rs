//! Each rule of the validation on a small dataset that breaks it, and on one that keeps it (a test
//! module of `validate`, compiled only for tests).
#![cfg(test)]

use super::employees::year_to_account;
use super::*;
use crate::time::parse_date;

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap() // ok: a test
}

#[test]
fn the_year_to_account_for_is_the_latest_that_ended_a_whole_window_ago() {
    let y = |s: &str| s.parse::<SchoolYear>().unwrap(); // ok: a test
    assert_eq!(year_to_account(day("2026-11-30"), 12), Some(y("2024-2025")));
    assert_eq!(year_to_account(day("2026-07-31"), 12), Some(y("2024-2025")));
    assert_eq!(year_to_account(day("2026-07-30"), 12), Some(y("2023-2024")));
    assert_eq!(year_to_account(day("2026-11-30"), 3), Some(y("2025-2026")));
}

#[test]
fn every_code_names_a_rule_that_exists_in_its_file() {
    let files: [(&str, &str); 8] = [
        ("mod.rs", include_str!("mod.rs")),
        ("budget.rs", include_str!("budget.rs")),
        ("kaders.rs", include_str!("kaders.rs")),
        ("collective.rs", include_str!("collective.rs")),
        ("teams.rs", include_str!("teams.rs")),
        ("personal.rs", include_str!("personal.rs")),
        ("employees.rs", include_str!("employees.rs")),
        ("references.rs", include_str!("references.rs")),
    ];
    for code in crate::finding::FindingCode::ALL {
        let (file, function) = rule_of(*code);
        let text = files.iter().find(|(f, _)| *f == file).map(|(_, t)| *t).unwrap_or_default();
        assert!(text.contains(&format!("fn {function}(")), "{}: no fn {function} in {file}", code.as_str());
    }
}

#[test]
fn the_annual_report_due_is_the_latest_year_past_the_first_of_july() {
    assert_eq!(super::budget::report_due(day("2026-11-30")), Some((2025, day("2026-07-01"))));
    assert_eq!(super::budget::report_due(day("2026-07-01")), Some((2025, day("2026-07-01"))));
    assert_eq!(super::budget::report_due(day("2026-06-30")), Some((2024, day("2025-07-01"))));
}

#[test]
fn a_refusal_of_the_cycle_is_placed_in_the_dataset() {
    let mut ds = crate::dataset::Dataset::from_json(crate::report::SAMPLE).unwrap(); // ok: a test
    assert!(!ds.cycle_events.is_empty());
    assert!(validate(&ds).is_ok());
    ds.settings.cycle_window_months = Some(0);
    let e = validate(&ds).unwrap_err();
    assert_eq!((e.code(), e.path()), (crate::ErrorCode::InvalidValue, "/settings/cycle_window_months"));
    ds.settings.cycle_window_months = None;
    let many = ds.cycle_events[0].clone();
    ds.cycle_events = vec![many; crate::cycle::MAX_EVENTS + 1];
    let e = validate(&ds).unwrap_err();
    assert_eq!((e.code(), e.path()), (crate::ErrorCode::LimitExceeded, "/cycle_events"));
}

#[test]
fn the_report_places_a_refusal_of_the_cycle_in_the_dataset_too() {
    let mut ds = crate::dataset::Dataset::from_json(crate::report::SAMPLE).unwrap(); // ok: a test
    ds.settings.cycle_window_months = Some(0);
    let e = crate::report::report(&ds, None).unwrap_err();
    assert_eq!((e.code(), e.path()), (crate::ErrorCode::InvalidValue, "/settings/cycle_window_months"));
}
