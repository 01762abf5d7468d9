//! Replays the conformance vectors of `tests/vectors/` (the contract every host replays).

use lemniscaat::json;
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;
use std::str::FromStr;

fn cases(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().unwrap_or_else(|| panic!("not a decimal string: {v}"))).unwrap()
}

/// Compares `expected` against `actual`: decimals numerically, objects by the expected keys.
fn check(name: &str, path: &str, expected: &Value, actual: &Value, failures: &mut Vec<String>) {
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

/// Runs every case of a file through `run` (input JSON -> result JSON or error code).
fn replay(file: &str, run: impl Fn(&Value) -> Result<Value, lemniscaat::Error>) {
    let mut failures = Vec::new();
    let all = cases(file);
    assert!(!all.is_empty(), "{file} has no cases");
    for case in &all {
        let name = case["name"].as_str().unwrap_or("?");
        let got = run(&case["input"]);
        match (case.get("expected"), case.get("error"), got) {
            (Some(exp), _, Ok(actual)) => check(name, "", exp, &actual, &mut failures),
            (Some(_), _, Err(e)) => failures.push(format!("{name}: unexpected error {e}")),
            (None, Some(err), Ok(actual)) => failures.push(format!("{name}: expected error {}, got {actual}", err["code"])),
            (None, Some(err), Err(e)) => {
                if err["code"].as_str() != Some(e.code().as_str()) {
                    failures.push(format!("{name}: expected error {}, got {} ({e})", err["code"], e.code()));
                }
            }
            (None, None, _) => failures.push(format!("{name}: case has neither expected nor error")),
        }
    }
    assert!(failures.is_empty(), "{file}: {} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn entitlement_vectors() {
    replay("entitlement.json", |input| {
        let i: lemniscaat::EntitlementInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::entitlement(&i)?))
    });
}

#[test]
fn decimal_comparison_is_numeric() {
    let mut f = Vec::new();
    check("t", "", &Value::from("49.8"), &Value::from("49.80"), &mut f);
    assert!(f.is_empty());
    check("t", "", &Value::from("49.8"), &Value::from("49.81"), &mut f);
    assert_eq!(f.len(), 1);
    let _ = dec(&Value::from("1"));
}

#[test]
fn ledger_vectors() {
    replay("ledger.json", |input| {
        let i: lemniscaat::ledger::LedgerInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::ledger::ledger(&i)?))
    });
}

#[test]
fn eligibility_vectors() {
    replay("eligibility.json", |input| {
        let i: lemniscaat::eligibility::EligibilityInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::eligibility::eligibility(&i)?))
    });
}

#[test]
fn lumpsum_vectors() {
    replay("lumpsum.json", |input| {
        let i: lemniscaat::budget::LumpsumInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::budget::lumpsum(&i)?))
    });
}

#[test]
fn classification_vectors() {
    replay("classification.json", |input| {
        let i: lemniscaat::learning::ClassifyInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::learning::classify(&i)?))
    });
}

#[test]
fn mix_vectors() {
    replay("mix.json", |input| {
        let i: lemniscaat::learning::MixInput = json::from_value(input.clone())?;
        let m = lemniscaat::learning::mix(&i)?;
        let mut v = to_value(&m);
        // `codes` lists the codes of the findings.
        v["codes"] = Value::Array(m.findings.iter().map(|f| Value::from(f.code.as_str())).collect());
        Ok(v)
    });
}

#[test]
fn cycle_vectors() {
    replay("cycle.json", |input| {
        let i: lemniscaat::cycle::CycleInput = json::from_value(input.clone())?;
        let s = lemniscaat::cycle::cycle_status(&i)?;
        let mut v = to_value(&s);
        v["codes"] = Value::Array(s.findings.iter().map(|f| Value::from(f.code.as_str())).collect());
        Ok(v)
    });
}

#[test]
fn validation_vectors() {
    let mut failures = Vec::new();
    let all = cases("validation.json");
    for case in &all {
        let name = case["name"].as_str().unwrap_or("?");
        let ds: lemniscaat::dataset::Dataset = match json::from_value(case["input"].clone()) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: dataset refused: {e}"));
                continue;
            }
        };
        let got = lemniscaat::validate::validate(&ds);
        match (case.get("expected"), case.get("error"), got) {
            (Some(exp), _, Ok(report)) => {
                let codes = report.codes();
                for c in exp["includes"].as_array().into_iter().flatten() {
                    if !codes.contains(&c.as_str().unwrap_or("")) {
                        failures.push(format!("{name}: {c} missing; got {codes:?}"));
                    }
                }
                for c in exp["excludes"].as_array().into_iter().flatten() {
                    if codes.contains(&c.as_str().unwrap_or("")) {
                        let f: Vec<_> = report
                            .findings
                            .iter()
                            .filter(|f| f.code.as_str() == c.as_str().unwrap_or(""))
                            .map(|f| (&f.path, &f.message_en))
                            .collect();
                        failures.push(format!("{name}: {c} must be absent: {f:?}"));
                    }
                }
                for pair in exp["findings"].as_array().into_iter().flatten() {
                    let ok = report
                        .findings
                        .iter()
                        .any(|f| Some(f.code.as_str()) == pair["code"].as_str() && Some(f.path.as_str()) == pair["path"].as_str());
                    if !ok {
                        failures.push(format!("{name}: no finding {pair}"));
                    }
                }
            }
            (_, Some(err), Err(e)) if err["code"].as_str() == Some(e.code().as_str()) => {}
            (_, _, Err(e)) => failures.push(format!("{name}: error {e}")),
            (None, _, Ok(_)) => failures.push(format!("{name}: expected an error")),
        }
    }
    assert!(failures.is_empty(), "validation.json: {} failures of {} cases:\n{}", failures.len(), all.len(), failures.join("\n"));
}
