//! Shared by the Rust vector runner and the command's end-to-end tests: reads the conformance
//! vectors and compares results (decimals numerically, `codes` as must-be-present).
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;
use std::str::FromStr;

/// The vector files of `tests/vectors/` with the operation each exercises, from
/// `tests/vectors/operations.tsv` (the table every runner reads).
pub fn files() -> Vec<(String, String)> {
    let path = vectors_dir().join("operations.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (file, op) = l.split_once('\t').unwrap_or_else(|| panic!("{}: not file<TAB>operation: {l}", path.display()));
            (file.to_string(), op.to_string())
        })
        .collect()
}

/// The operation of the JSON API that a vector file exercises.
pub fn operation(file: &str) -> String {
    files().into_iter().find(|(f, _)| f == file).map(|(_, op)| op).unwrap_or_else(|| panic!("{file} is not in operations.tsv"))
}

/// Every `.json` file of `tests/vectors/` is in the table, and nothing else.
pub fn assert_table_lists_every_file() {
    let mut on_disk: Vec<String> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = files().into_iter().map(|(f, _)| f).collect();
    listed.sort();
    assert_eq!(listed, on_disk, "tests/vectors/operations.tsv");
}

pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

pub fn cases(file: &str) -> Vec<Value> {
    let path = vectors_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Adds `codes` (the codes of `findings`) to a result, as the vectors expect.
pub fn with_codes(mut v: Value) -> Value {
    if let Some(f) = v.get("findings").and_then(Value::as_array) {
        let codes: Vec<Value> = f.iter().filter_map(|x| x.get("code").cloned()).collect();
        v["codes"] = Value::Array(codes);
    }
    v
}

pub fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}"))).unwrap()
}

/// Compares `expected` against `actual`: decimals numerically, objects by the expected keys.
pub fn check(name: &str, path: &str, expected: &Value, actual: &Value, failures: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                if k == "codes" {
                    // `codes`: findings that must be present (others may be too).
                    let got: Vec<&Value> = a.get(k).and_then(Value::as_array).map(|v| v.iter().collect()).unwrap_or_default();
                    for c in ev.as_array().into_iter().flatten() {
                        if !got.contains(&c) {
                            failures.push(format!("{name}: {path}/codes: {c} missing in {got:?}"));
                        }
                    }
                    continue;
                }
                match a.get(k) {
                    Some(av) => check(name, &format!("{path}/{k}"), ev, av, failures),
                    None => failures.push(format!("{name}: {path}/{k} missing in result")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                failures.push(format!("{name}: {path}: expected {} items, got {}: {actual}", e.len(), a.len()));
                return;
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                check(name, &format!("{path}/{i}"), ev, av, failures);
            }
        }
        (Value::String(es), Value::String(as_)) => {
            let same = match (Decimal::from_str(es), Decimal::from_str(as_)) {
                (Ok(x), Ok(y)) => x == y,
                _ => es == as_,
            };
            if !same {
                failures.push(format!("{name}: {path}: expected {es}, got {as_}"));
            }
        }
        (e, a) => {
            if e != a {
                failures.push(format!("{name}: {path}: expected {e}, got {a}"));
            }
        }
    }
}

/// An operation's refusal as the vectors compare it: the code and the JSON Pointer path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: String,
    pub path: String,
}

/// Whether a refusal is the `error` a case expects: the same code and the same JSON Pointer path
/// (`tests/vectors/README.md`: the offending value, or the event or line that cannot be applied).
/// A case without a path matches nothing: every error case names where the input is wrong.
pub fn refusal_matches(expected: &Value, got: &Refusal) -> bool {
    expected["code"].as_str() == Some(got.code.as_str()) && expected["path"].as_str() == Some(got.path.as_str())
}

/// Runs every case of a file through `run` (input JSON -> result JSON or the refusal).
pub fn replay(file: &str, run: impl Fn(&Value) -> Result<Value, Refusal>) {
    let mut failures = Vec::new();
    let all = cases(file);
    assert!(!all.is_empty(), "{file} has no cases");
    for case in &all {
        let name = case["name"].as_str().unwrap_or("?");
        let got = run(&case["input"]);
        match (case.get("expected"), case.get("error"), got) {
            (Some(exp), _, Ok(actual)) => check(name, "", exp, &actual, &mut failures),
            (Some(_), _, Err(e)) => failures.push(format!("{name}: unexpected error {e:?}")),
            (None, Some(err), Ok(actual)) => failures.push(format!("{name}: expected error {err}, got {actual}")),
            (None, Some(err), Err(e)) => {
                if !refusal_matches(err, &e) {
                    failures.push(format!("{name}: expected error {err}, got {e:?}"));
                }
            }
            (None, None, _) => failures.push(format!("{name}: case has neither expected nor error")),
        }
    }
    assert!(failures.is_empty(), "{file}: {} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}
