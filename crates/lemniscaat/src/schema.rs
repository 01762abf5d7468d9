//! The JSON Schemas, generated from the types (feature `schema`) and checked in; a test keeps
//! each in sync with the types and holds every vector's input and result to them.
//!
//! - `docs/dataset.schema.json`: the dataset format.
//! - `docs/operations.schema.json`: the input and the output of every operation of [`crate::api`]
//!   and the error every operation may answer instead. Its `operations` object names, per
//!   operation, the definitions of its `input` and `output` (`#/operations/entitlement/input`
//!   refers to `#/$defs/EntitlementInput`). An input is described as it is read (a field with a
//!   default may be left out), an output as it is written (every field the library writes);
//!   where a type reads differently from how it is written, its input definition is called
//!   `<Name>Input`. The TypeScript types of the browser package are generated from it.
//!
//! Decimals are `"format": "decimal"`: written as strings (`"12.50"`), read as strings or whole
//! JSON numbers (exact), never as fractions. Dates are ISO strings (`"2015-02-01"`), and every
//! date range is inclusive on both ends.

/// The checked-in JSON Schema of the dataset (draft 2020-12).
pub const DATASET_SCHEMA: &str = include_str!("../data/dataset.schema.json");

/// The checked-in JSON Schema of every operation's input and output (draft 2020-12).
pub const OPERATIONS_SCHEMA: &str = include_str!("../data/operations.schema.json");

/// Generates the schema from the types.
#[cfg(feature = "schema")]
pub fn generate() -> String {
    let schema = schemars::schema_for!(crate::dataset::Dataset);
    let mut v = serde_json::to_value(&schema).unwrap_or_default();
    strings_for_decimals(&mut v);
    plain_descriptions(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// `JsonSchema` for a type written through a shape of its own (`Finding` through `FindingOut`):
/// the schema of what is written, under the type's name.
macro_rules! written_as {
    ($t:ty, $name:literal => $out:ty) => {
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn schema_id() -> std::borrow::Cow<'static, str> {
                concat!(module_path!(), "::", $name).into()
            }
            fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
                <$out as schemars::JsonSchema>::json_schema(g)
            }
        }
    };
}
pub(crate) use written_as;

/// The operations with their input and output types, in the order of [`crate::api::OPERATIONS`].
/// `rule_sets` takes no input (any JSON is accepted and ignored).
#[cfg(feature = "schema")]
macro_rules! operations {
    ($($name:literal: $input:ty => $output:ty),* $(,)?) => {
        fn operation_schemas(
            input: &mut schemars::SchemaGenerator,
            output: &mut schemars::SchemaGenerator,
        ) -> Vec<(&'static str, schemars::Schema, schemars::Schema)> {
            vec![$(($name, input.subschema_for::<$input>(), output.subschema_for::<$output>())),*]
        }
    };
}

#[cfg(feature = "schema")]
operations! {
    "entitlement": crate::EntitlementInput => crate::Entitlement,
    "ledger": crate::ledger::LedgerInput => crate::ledger::LedgerResult,
    "eligibility": crate::eligibility::EligibilityInput => crate::eligibility::Eligibility,
    "lumpsum": crate::budget::LumpsumInput => crate::budget::LumpsumResult,
    "classify": crate::learning::ClassifyInput => crate::learning::Classification,
    "mix": crate::learning::MixInput => crate::learning::Mix,
    "cycle": crate::cycle::CycleInput => crate::cycle::CycleStatus,
    "validate": crate::dataset::Dataset => crate::validate::ValidationReport,
    "report": crate::dataset::Dataset => crate::report::Report,
    "rule_sets": serde_json::Value => Vec<crate::rules::RuleSet>,
}

/// Generates the schema of every operation's input and output (`docs/operations.schema.json`).
#[cfg(feature = "schema")]
pub fn generate_operations() -> String {
    use schemars::generate::SchemaSettings;
    use serde_json::{json, Map, Value};
    let mut input = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    let mut output = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let ops = operation_schemas(&mut input, &mut output);
    let error = output.subschema_for::<crate::error::Error>();
    let mut out_defs: Map<String, Value> = output.take_definitions(true);
    // An output has exactly the fields the library writes.
    out_defs.values_mut().for_each(closed_objects);
    let in_defs: Map<String, Value> = input.take_definitions(true);
    let renamed = input_names(&in_defs, &out_defs);
    let mut defs = out_defs;
    for (k, mut v) in in_defs {
        rename_refs(&mut v, &renamed);
        let name = renamed.get(&k).cloned().unwrap_or(k);
        defs.entry(name).or_insert(v);
    }
    let mut operations = Map::new();
    for (name, i, o) in ops {
        let mut i = i.to_value();
        rename_refs(&mut i, &renamed);
        operations.insert(name.into(), json!({ "input": i, "output": o.to_value() }));
    }
    let mut v = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://lemniscaat.nl/schema/operations.schema.json",
        "title": "lemniscaat operations",
        "description": "The input and the output of every operation (lemniscaat::api::call), and the error an operation answers instead. Decimals are strings, dates ISO strings.",
        "operations": operations,
        "error": error.to_value(),
        "$defs": defs,
    });
    strings_for_decimals(&mut v);
    plain_descriptions(&mut v);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Descriptions as a reader of the schema (or of the generated types) wants them: without the
/// Rust examples of the doc comments and with rustdoc's links as plain code.
#[cfg(feature = "schema")]
fn plain_descriptions(v: &mut serde_json::Value) {
    each_object(v, &mut |m| {
        if let Some(serde_json::Value::String(d)) = m.get_mut("description") {
            *d = plain_description(d);
        }
    });
}

#[cfg(feature = "schema")]
fn plain_description(d: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in d.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push_str(line);
            out.push('\n');
        }
    }
    // [`x`] and [`x`](path) as `x`.
    let mut s = String::with_capacity(out.len());
    let mut rest = out.trim();
    while let Some(i) = rest.find("[`") {
        s.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find("`]") {
            Some(j) => {
                s.push_str(&after[..j + 1]);
                rest = &after[j + 2..];
                if rest.starts_with('(') {
                    rest = rest.find(')').map_or(rest, |k| &rest[k + 1..]);
                }
            }
            None => {
                s.push('[');
                rest = after;
            }
        }
    }
    s.push_str(rest);
    s
}

/// The input definitions that get a name of their own (`<Name>Input`): those that differ from the
/// output definition of the same name, and, until nothing changes, those that refer to one so
/// renamed (shared, such a definition would point an input at an output's stricter shape).
#[cfg(feature = "schema")]
fn input_names(
    in_defs: &serde_json::Map<String, serde_json::Value>,
    out_defs: &serde_json::Map<String, serde_json::Value>,
) -> std::collections::BTreeMap<String, String> {
    let mut renamed = std::collections::BTreeMap::new();
    loop {
        let before = renamed.len();
        for (k, v) in in_defs {
            let Some(o) = out_defs.get(k) else { continue };
            if renamed.contains_key(k) || (o == v && !refers_to_any(v, &renamed)) {
                continue;
            }
            let mut n = format!("{k}Input");
            while in_defs.contains_key(&n) || out_defs.contains_key(&n) {
                n.push('_');
            }
            renamed.insert(k.clone(), n);
        }
        if renamed.len() == before {
            return renamed;
        }
    }
}

/// Whether a schema has a `$ref` to one of `names`' keys.
#[cfg(feature = "schema")]
fn refers_to_any(v: &serde_json::Value, names: &std::collections::BTreeMap<String, String>) -> bool {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            let here =
                m.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")).is_some_and(|n| names.contains_key(n));
            here || m.values().any(|x| refers_to_any(x, names))
        }
        Value::Array(a) => a.iter().any(|x| refers_to_any(x, names)),
        _ => false,
    }
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    use serde_json::{json, Map, Value};

    fn defs(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn an_input_definition_that_refers_to_a_renamed_one_is_renamed_too() {
        let leaf_in = json!({"type": "object", "properties": {"a": {"type": "string"}}});
        let leaf_out = json!({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]});
        let holder = json!({"type": "object", "properties": {"leaf": {"$ref": "#/$defs/Leaf"}}});
        let top = json!({"type": "object", "properties": {"h": {"$ref": "#/$defs/Holder"}}});
        let inputs = defs(json!({"Leaf": leaf_in, "Holder": holder, "Top": top, "Alone": {"type": "string"}}));
        let outputs = defs(json!({"Leaf": leaf_out, "Holder": holder, "Top": top, "Alone": {"type": "string"}}));
        let names = super::input_names(&inputs, &outputs);
        let got: Vec<(&str, &str)> = names.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, [("Holder", "HolderInput"), ("Leaf", "LeafInput"), ("Top", "TopInput")]);
    }
}

/// `additionalProperties: false` on every object schema with properties that does not say
/// otherwise.
#[cfg(feature = "schema")]
fn closed_objects(v: &mut serde_json::Value) {
    each_object(v, &mut |m| {
        if m.contains_key("properties") && !m.contains_key("additionalProperties") {
            m.insert("additionalProperties".into(), serde_json::Value::Bool(false));
        }
    });
}

/// Points `$ref`s at renamed input definitions.
#[cfg(feature = "schema")]
fn rename_refs(v: &mut serde_json::Value, renamed: &std::collections::BTreeMap<String, String>) {
    each_object(v, &mut |m| {
        if let Some(serde_json::Value::String(r)) = m.get_mut("$ref") {
            if let Some(new) = r.strip_prefix("#/$defs/").and_then(|n| renamed.get(n)) {
                *r = format!("#/$defs/{new}");
            }
        }
    });
}

/// Calls `f` on every object of a schema, outer before inner: the one walk the passes above share.
#[cfg(feature = "schema")]
fn each_object(v: &mut serde_json::Value, f: &mut dyn FnMut(&mut serde_json::Map<String, serde_json::Value>)) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            f(m);
            m.values_mut().for_each(|x| each_object(x, f));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| each_object(x, f)),
        _ => {}
    }
}

/// The pattern of a decimal as the library writes it (rust_decimal's schema for serialising).
#[cfg(feature = "schema")]
const OUTPUT_DECIMAL: &str = "^-?\\d+(\\.\\d+)?$";

/// rust_decimal's schema allows numbers; the format takes decimals as strings only.
#[cfg(feature = "schema")]
fn strings_for_decimals(v: &mut serde_json::Value) {
    use serde_json::{json, Value};
    each_object(v, &mut |m| {
        let pattern = m.get("pattern").and_then(Value::as_str).unwrap_or_default();
        // rust_decimal's schema as read (numbers with exponents, or strings) and as written.
        let (read, written) = (pattern.contains("[eE]"), pattern == OUTPUT_DECIMAL);
        let nullable = m.get("type").and_then(Value::as_array).is_some_and(|a| a.iter().any(|t| t == "null"));
        if read {
            // Read: a decimal string, or a whole JSON number (exact); a fraction as a JSON
            // number is refused (`INVALID_DECIMAL`).
            m.insert("type".into(), if nullable { json!(["string", "integer", "null"]) } else { json!(["string", "integer"]) });
            m.insert("pattern".into(), json!("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$"));
        }
        if read || written {
            m.insert("format".into(), json!("decimal"));
        }
    });
}
