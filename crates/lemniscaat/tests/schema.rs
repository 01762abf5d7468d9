//! The checked-in JSON Schema matches the types (regenerate with
//! `LEMNISCAAT_WRITE_SCHEMA=1 cargo test --workspace --all-features --test schema`).
#![cfg(all(feature = "schema", feature = "report"))] // the schema lists the report, as `api` does with the feature
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

#[test]
fn checked_in_schema_matches_the_types() {
    let generated = lemniscaat::schema::generate();
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/dataset.schema.json");
    if std::env::var_os("LEMNISCAAT_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == generated,
        "docs/dataset.schema.json is out of date: run LEMNISCAAT_WRITE_SCHEMA=1 cargo test --workspace --all-features --test schema"
    );
    assert_eq!(lemniscaat::schema::DATASET_SCHEMA, generated);
}

#[test]
fn checked_in_operations_schema_matches_the_types() {
    let generated = lemniscaat::schema::generate_operations();
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/operations.schema.json");
    if std::env::var_os("LEMNISCAAT_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == generated,
        "docs/operations.schema.json is out of date: run LEMNISCAAT_WRITE_SCHEMA=1 cargo test --workspace --all-features --test schema"
    );
    assert_eq!(lemniscaat::schema::OPERATIONS_SCHEMA, generated);
}

#[path = "support.rs"]
mod support;

use serde_json::{json, Value};

/// A validator for one part of the operations schema (`#/operations/<op>/input`, `#/error`, ...).
fn validator(pointer: &str) -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(lemniscaat::schema::OPERATIONS_SCHEMA).unwrap();
    assert!(schema.pointer(&pointer[1..]).is_some(), "{pointer} is not in the schema");
    schema["$ref"] = json!(pointer);
    // Formats too: a date must be a date.
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap()
}

fn invalid(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).take(5).collect()
}

/// Every vector's input reads as its operation's input schema says, every result is written as its
/// output schema says, and every refusal as the error schema says: the schema is what the library
/// does, not a description beside it.
#[test]
fn every_vector_input_result_and_error_is_valid_against_the_operations_schema() {
    let error = validator("#/error");
    let mut failures = Vec::new();
    let mut checked = 0;
    support::assert_table_lists_every_file();
    for (file, op) in support::files() {
        let file = file.as_str();
        let (input, output) = (validator(&format!("#/operations/{op}/input")), validator(&format!("#/operations/{op}/output")));
        for case in support::cases(file) {
            let name = format!("{file}: {}", case["name"]);
            let text = case["input"].to_string();
            match lemniscaat::api::call(&op, &text) {
                Ok(out) => {
                    let out: Value = serde_json::from_str(&out).unwrap();
                    for e in invalid(&input, &case["input"]) {
                        failures.push(format!("{name}: input: {e}"));
                    }
                    for e in invalid(&output, &out) {
                        failures.push(format!("{name}: output: {e}"));
                    }
                }
                Err(e) => {
                    for e in invalid(&error, &serde_json::to_value(&e).unwrap()) {
                        failures.push(format!("{name}: error: {e}"));
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 80, "only {checked} cases");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The operations without vectors: the report and the rule sets of the sample board.
#[test]
fn the_sample_boards_report_and_the_rule_sets_are_valid_against_the_operations_schema() {
    let board =
        std::fs::read_to_string(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/voorbeeldstichting.json"))
            .unwrap();
    let dataset: Value = serde_json::from_str(&board).unwrap();
    for op in ["validate", "report"] {
        assert_eq!(invalid(&validator(&format!("#/operations/{op}/input")), &dataset), Vec::<String>::new(), "{op} input");
        let out: Value = serde_json::from_str(&lemniscaat::api::call(op, &board).unwrap()).unwrap();
        assert_eq!(invalid(&validator(&format!("#/operations/{op}/output")), &out), Vec::<String>::new(), "{op} output");
    }
    let rule_sets: Value = serde_json::from_str(&lemniscaat::api::call("rule_sets", "{}").unwrap()).unwrap();
    assert_eq!(invalid(&validator("#/operations/rule_sets/output"), &rule_sets), Vec::<String>::new());
}

/// The schema is strict enough to catch drift: a result with a field the library does not write,
/// or without one it always writes, or with a number for a decimal, is invalid.
#[test]
fn a_result_that_differs_from_what_the_library_writes_is_invalid() {
    let input = r#"{"school_year":"2015-2016","appointments":[{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}]}"#;
    let out: Value = serde_json::from_str(&lemniscaat::api::call("entitlement", input).unwrap()).unwrap();
    let v = validator("#/operations/entitlement/output");
    assert!(v.is_valid(&out));
    let mut extra = out.clone();
    extra["bonus"] = json!("1");
    let mut missing = out.clone();
    missing.as_object_mut().unwrap().remove("money");
    let mut float = out.clone();
    float["hours"] = json!(66.4);
    let mut step = out.clone();
    step["explanation"]["steps"][0]["unit"] = json!("minutes");
    let mut message = out.clone();
    message["explanation"]["selection"]["message"] = json!({"id": "selection.pinned"});
    for (what, bad) in
        [("extra field", extra), ("missing field", missing), ("float", float), ("unknown unit", step), ("message without args", message)]
    {
        assert!(!v.is_valid(&bad), "{what} passed");
    }
    // Inputs as the core reads them: a whole JSON number is a decimal, a fraction is not.
    let input_v = validator("#/operations/entitlement/input");
    let with_wtf = |wtf: Value| json!({"school_year": "2015-2016", "appointments": [{"category": "teacher", "wtf": wtf, "start": "2010-08-01", "end": null}]});
    for (wtf, read) in [(json!("0.8"), true), (json!(1), true), (json!(0.8), false), (json!("1.5"), false)] {
        let text = with_wtf(wtf.clone()).to_string();
        assert_eq!(input_v.is_valid(&with_wtf(wtf.clone())), read, "schema, wtf {wtf}");
        assert_eq!(lemniscaat::api::call("entitlement", &text).is_ok(), read, "core, wtf {wtf}");
    }
    // The ids of the operations are those of the API.
    let schema: Value = serde_json::from_str(lemniscaat::schema::OPERATIONS_SCHEMA).unwrap();
    let ops: Vec<&str> = schema["operations"].as_object().unwrap().keys().map(String::as_str).collect();
    let mut api = lemniscaat::api::OPERATIONS.to_vec();
    api.sort();
    let mut ops = ops;
    ops.sort();
    assert_eq!(ops, api);
}
