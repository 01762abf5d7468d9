//! Each rule of the validation on a small dataset that breaks it, and on one that keeps it.

use super::employees::year_to_account;
use super::*;
use crate::time::parse_date;

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

#[test]
fn the_year_to_account_for_is_the_latest_that_ended_a_whole_window_ago() {
    let y = |s: &str| s.parse::<SchoolYear>().unwrap();
    assert_eq!(year_to_account(day("2026-11-30"), 12), Some(y("2024-2025")));
    assert_eq!(year_to_account(day("2026-07-31"), 12), Some(y("2024-2025")));
    assert_eq!(year_to_account(day("2026-07-30"), 12), Some(y("2023-2024")));
    assert_eq!(year_to_account(day("2026-11-30"), 3), Some(y("2025-2026")));
}
