//! Every limit of docs/limits.md: the largest input the library reads, and the error a larger one
//! gets (with its path).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

use lemniscaat::batch::{Batch, BatchRow, DateCell, RowSource};
use lemniscaat::dataset::Dataset;
use lemniscaat::ErrorCode;
use serde_json::json;

fn refusal(r: lemniscaat::Result<impl Sized>) -> (ErrorCode, String) {
    let e = r.err().expect("refused");
    (e.code(), e.path().to_string())
}

fn board(employees: serde_json::Value) -> String {
    json!({ "as_of": "2025-03-01", "board": { "id": "B", "name": "B" }, "schools": [{ "id": "S", "name": "S" }], "employees": employees })
        .to_string()
}

#[test]
fn a_document_beyond_64_mib_is_refused_before_it_is_read() {
    let big = " ".repeat(lemniscaat::json::MAX_DOCUMENT_BYTES + 1);
    assert_eq!(refusal(Dataset::from_json(&big)).0, ErrorCode::LimitExceeded);
}

#[test]
fn a_string_beyond_16_kib_is_refused_with_its_path() {
    let n = lemniscaat::json::MAX_STRING_BYTES;
    let at_limit = board(json!([{ "id": "E1", "name": "x".repeat(n), "appointments": [] }]));
    assert!(Dataset::from_json(&at_limit).is_ok());
    let beyond = board(json!([{ "id": "E1", "name": "x".repeat(n + 1), "appointments": [] }]));
    assert_eq!(refusal(Dataset::from_json(&beyond)), (ErrorCode::LimitExceeded, "/employees/0/name".into()));
    // A 50 MB name, as issue 20 found accepted.
    let huge = board(json!([{ "id": "E1", "name": "x".repeat(50_000_000) }]));
    assert_eq!(refusal(Dataset::from_json(&huge)).0, ErrorCode::LimitExceeded);
    // Escapes count as their bytes in the text; the path is that of the value.
    let escaped = board(json!([{ "id": "E1", "appointments": [], "name": "\"".repeat(n) }]));
    assert_eq!(refusal(Dataset::from_json(&escaped)), (ErrorCode::LimitExceeded, "/employees/0/name".into()));
}

#[test]
fn an_id_beyond_16_kib_in_the_batch_refuses_its_row() {
    let id = "E".repeat(lemniscaat::json::MAX_STRING_BYTES + 1);
    let rows = [BatchRow { employee: &id, category: "teacher", wtf: "1", start: "2010-08-01", end: "" }];
    let mut codes = Vec::new();
    Batch::new("2024-2025".parse().unwrap()).each(&rows[..], |l| codes.push(l.error.map(|e| (e.code, e.column.clone())))).unwrap();
    assert_eq!(codes, [Some((ErrorCode::LimitExceeded, "employee_id".to_string()))]);
}

#[test]
fn more_employees_than_200_000_are_refused() {
    let ds = board(json!(vec![json!({ "id": "E" }); lemniscaat::dataset::MAX_EMPLOYEES + 1]));
    assert_eq!(refusal(Dataset::from_json(&ds)), (ErrorCode::LimitExceeded, "/employees".into()));
}

/// A table that says it has more rows than the batch reads (its cells are never asked for).
struct Endless;

impl RowSource for Endless {
    fn rows(&self) -> usize {
        lemniscaat::batch::MAX_ROWS + 1
    }
    fn employee(&self, _: usize) -> &str {
        unreachable!()
    }
    fn category(&self, _: usize) -> &str {
        unreachable!()
    }
    fn wtf(&self, _: usize) -> &str {
        unreachable!()
    }
    fn start(&self, _: usize) -> DateCell<'_> {
        unreachable!()
    }
    fn end(&self, _: usize) -> DateCell<'_> {
        unreachable!()
    }
}

#[test]
fn more_rows_than_50_million_are_refused_before_any_is_read() {
    let r = Batch::new("2024-2025".parse().unwrap()).each(&Endless, |_| {});
    assert_eq!(refusal(r).0, ErrorCode::LimitExceeded);
}

#[test]
fn more_ledger_and_cycle_events_than_100_000_are_refused() {
    let usage = json!({ "type": "usage", "date": "2014-10-01", "hours": "0", "money": "0", "activity": "A" });
    let input = json!({ "appointments": [], "school_years": ["2014-2015"], "events": vec![usage; lemniscaat::ledger::MAX_EVENTS + 1] });
    let r = lemniscaat::api::call("ledger", &input.to_string());
    assert_eq!(refusal(r), (ErrorCode::LimitExceeded, "/events".into()));
    let ev = json!({ "stage": "execution", "date": "2014-10-01", "kind": "completed" });
    let input = json!({ "as_of": "2015-01-01", "events": vec![ev; lemniscaat::cycle::MAX_EVENTS + 1] });
    let r = lemniscaat::api::call("cycle", &input.to_string());
    assert_eq!(refusal(r), (ErrorCode::LimitExceeded, "/events".into()));
}

#[test]
fn a_ledger_over_more_than_60_school_years_is_refused() {
    let usage = |d: &str| json!({ "type": "usage", "date": d, "hours": "0", "money": "0", "activity": "A" });
    let input = json!({ "appointments": [], "school_years": ["2014-2015"], "events": [usage("2014-10-01"), usage("2080-10-01")] });
    let r = lemniscaat::api::call("ledger", &input.to_string());
    assert_eq!(refusal(r), (ErrorCode::LimitExceeded, "/events".into()));
}

#[test]
fn deep_nesting_is_refused_at_its_first_wrong_value_and_dates_stay_within_1900_to_2200() {
    // The format is a few levels deep: deeper JSON has a value of the wrong type first (and
    // serde_json stops at 128 levels in any case), without exhausting the stack.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(refusal(Dataset::from_json(&deep)).0, ErrorCode::InvalidValue);
    let deep = board(json!([{ "id": "E1", "appointments": [] }]))
        .replace("\"appointments\":[]", &format!("\"appointments\":{}{}", "[".repeat(100_000), "]".repeat(100_000)));
    // Inside a list of records, an array where a record belongs is the wrong type at once (a
    // record is read from an object only, never from an array of its fields).
    let (code, path) = refusal(Dataset::from_json(&deep));
    assert_eq!((code, path.as_str()), (ErrorCode::InvalidValue, "/employees/0/appointments/0"));
    let input =
        json!({ "school_year": "2014-2015", "appointments": [{ "category": "teacher", "wtf": "1", "start": "2201-01-01", "end": null }] });
    let (code, path) = refusal(lemniscaat::api::call("entitlement", &input.to_string()));
    assert_eq!((code, path.as_str()), (ErrorCode::InvalidDate, "/appointments/0/start"));
}
