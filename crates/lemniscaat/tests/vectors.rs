//! Replays the conformance vectors of `tests/vectors/` (the contract every host replays).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

#[path = "support.rs"]
mod support;

use lemniscaat::json;
use serde_json::Value;
use support::{cases, check, refusal_matches, replay, Refusal};

/// Replays a file with a closure that returns the library's error.
fn rp(file: &str, f: impl Fn(&Value) -> Result<Value, lemniscaat::Error>) {
    replay(file, |i| f(i).map_err(|e| refusal(&e)));
}

/// The error as the support module compares it: its code and path.
fn refusal(e: &lemniscaat::Error) -> Refusal {
    Refusal { code: e.code().as_str().into(), path: e.path().into() }
}

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn entitlement_vectors() {
    rp("entitlement.json", |input| {
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
    assert_eq!(support::dec(&Value::from("1.0")), rust_decimal::Decimal::ONE);
}

#[test]
fn ledger_vectors() {
    rp("ledger.json", |input| {
        let i: lemniscaat::ledger::LedgerInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::ledger::ledger(&i)?))
    });
}

#[test]
fn eligibility_vectors() {
    rp("eligibility.json", |input| {
        let i: lemniscaat::eligibility::EligibilityInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::eligibility::eligibility(&i)?))
    });
}

#[test]
fn lumpsum_vectors() {
    rp("lumpsum.json", |input| {
        let i: lemniscaat::budget::LumpsumInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::budget::lumpsum(&i)?))
    });
}

#[test]
fn classification_vectors() {
    rp("classification.json", |input| {
        let i: lemniscaat::learning::ClassifyInput = json::from_value(input.clone())?;
        Ok(to_value(&lemniscaat::learning::classify(&i)?))
    });
}

#[test]
fn mix_vectors() {
    rp("mix.json", |input| {
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
    rp("cycle.json", |input| {
        let i: lemniscaat::cycle::CycleInput = json::from_value(input.clone())?;
        let s = lemniscaat::cycle::cycle_status(&i)?;
        let mut v = to_value(&s);
        v["codes"] = Value::Array(s.findings.iter().map(|f| Value::from(f.code.as_str())).collect());
        Ok(v)
    });
}

#[test]
fn validation_vectors() {
    replay_validation("validation.json");
}

/// The project's own validation cases: the handreiking's and the cao's obligations beyond the
/// shared vectors (draft collective plans, SMART personal goals, bottom-up input, accounting
/// afterwards, each cycle part's own window).
#[test]
fn validation_obligation_vectors() {
    replay_validation("validation-obligations.json");
}

fn replay_validation(file: &str) {
    let mut failures = Vec::new();
    let all = cases(file);
    for case in &all {
        let name = case["name"].as_str().unwrap_or("?");
        let ds: lemniscaat::dataset::Dataset = match json::from_value(case["input"].clone()) {
            Ok(d) => d,
            Err(e) => {
                // A dataset the reader refuses passes only as an expected refusal.
                if !case.get("error").is_some_and(|err| refusal_matches(err, &refusal(&e))) {
                    failures.push(format!("{name}: dataset refused: {e}"));
                }
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
                            .map(|f| (&f.path, f.message_en()))
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
            (_, Some(err), Err(e)) if refusal_matches(err, &refusal(&e)) => {}
            (_, _, Err(e)) => failures.push(format!("{name}: error {e}")),
            (None, _, Ok(_)) => failures.push(format!("{name}: expected an error")),
        }
    }
    assert!(failures.is_empty(), "{file}: {} failures of {} cases:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[test]
fn every_error_case_names_its_code_and_path_and_a_pathless_one_matches_nothing() {
    let files: Vec<String> = std::fs::read_dir(support::vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .collect();
    assert!(files.len() >= 9, "{files:?}");
    let mut errors = 0;
    for file in &files {
        for case in cases(file) {
            if let Some(err) = case.get("error") {
                errors += 1;
                let (code, path) = (err["code"].as_str(), err["path"].as_str());
                assert!(code.is_some_and(|c| !c.is_empty()) && path.is_some(), "{file}: {}: {err}", case["name"]);
            }
        }
    }
    assert!(errors >= 10, "{errors} error cases");
    let got = Refusal { code: "INVALID_WTF".into(), path: "/appointments/0/wtf".into() };
    assert!(refusal_matches(&serde_json::json!({"code": "INVALID_WTF", "path": "/appointments/0/wtf"}), &got));
    assert!(!refusal_matches(&serde_json::json!({"code": "INVALID_WTF"}), &got));
    assert!(!refusal_matches(&serde_json::json!({"code": "INVALID_WTF", "path": "/appointments/1/wtf"}), &got));
}
