//! The JSON Schema of the dataset format, generated from the types (feature `schema`) and
//! checked in as `docs/dataset.schema.json`; a test keeps the two in sync.
//!
//! Decimals are strings (`"12.50"`), dates ISO strings (`"2015-02-01"`), and every date range is
//! inclusive on both ends.

/// The checked-in JSON Schema of the dataset (draft 2020-12).
pub const DATASET_SCHEMA: &str = include_str!("../data/dataset.schema.json");

/// Generates the schema from the types.
#[cfg(feature = "schema")]
pub fn generate() -> String {
    let schema = schemars::schema_for!(crate::dataset::Dataset);
    let mut v = serde_json::to_value(&schema).unwrap_or_default();
    strings_for_decimals(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// rust_decimal's schema allows numbers; the format takes decimals as strings only.
#[cfg(feature = "schema")]
fn strings_for_decimals(v: &mut serde_json::Value) {
    use serde_json::{json, Value};
    match v {
        Value::Object(m) => {
            let is_decimal = m.get("pattern").and_then(Value::as_str).is_some_and(|p| p.contains("[eE]"));
            if is_decimal {
                let nullable = m.get("type").and_then(Value::as_array).is_some_and(|a| a.iter().any(|t| t == "null"));
                m.insert("type".into(), if nullable { json!(["string", "null"]) } else { json!("string") });
                m.insert("pattern".into(), json!("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$"));
            }
            for x in m.values_mut() {
                strings_for_decimals(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strings_for_decimals),
        _ => {}
    }
}
