//! The WebAssembly binding: the npm package `lemniscaat`. Every function takes a plain JS object
//! in the shape of the conformance vectors (snake_case fields, decimals as strings, dates as ISO
//! strings), makes one core call and returns a plain object of the same conventions, or throws a
//! `LemniscaatError` (a JS `Error` with `code`, `path`, `messageNl`, `messageEn`).

use js_sys::{Error as JsError, Reflect, JSON};

/// The allocator of the browser build: a free list (about 1 KB of code, where dlmalloc is about
/// 9 KB). `AssumeSingleThreaded` is sound here: this module is built without atomics, so the page
/// runs it on one thread (see Cargo.toml for the measurements).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
#[allow(unsafe_code)] // ok: the one unsafe of this crate; single-threaded wasm32 without atomics
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// A JS `Error` named `LemniscaatError` carrying the library's code, path and messages.
fn js_error(e: lemniscaat::Error) -> JsValue {
    let err = JsError::new(&format!(
        "{}{}: {}",
        e.code(),
        if e.path().is_empty() { String::new() } else { format!(" at {}", e.path()) },
        e.message_en()
    ));
    err.set_name("LemniscaatError");
    let obj: &JsValue = err.as_ref();
    for (k, v) in [("code", e.code().as_str()), ("path", e.path()), ("messageEn", &e.message_en()), ("messageNl", &e.message_nl())] {
        let _ = Reflect::set(obj, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    err.into()
}

fn input_error(en: &str, nl: &str) -> JsValue {
    js_error(lemniscaat::Error::new(lemniscaat::ErrorCode::InvalidJson, en, nl))
}

/// A JS value as JSON text (a string is taken as JSON text already).
fn to_json(v: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_undefined() {
        return Err(input_error("no input given", "geen invoer gegeven"));
    }
    JSON::stringify(v)
        .map_err(|_| input_error("the input cannot be written as JSON", "de invoer kan niet als JSON worden geschreven"))?
        .as_string()
        .ok_or_else(|| input_error("the input is not JSON", "de invoer is geen JSON"))
}

/// One core call: JSON text in, the result as JSON text (not through `api::call`, so that the
/// board report and the batch stay out of the browser build).
fn run(operation: &str, input: &JsValue) -> Result<JsValue, JsValue> {
    use lemniscaat::json::{from_str, to_string};
    let text = to_json(input)?;
    let out = (|| -> lemniscaat::Result<String> {
        Ok(match operation {
            "entitlement" => to_string(&lemniscaat::entitlement(&from_str(&text)?)?),
            "ledger" => to_string(&lemniscaat::ledger::ledger(&from_str(&text)?)?),
            "eligibility" => to_string(&lemniscaat::eligibility::eligibility(&from_str(&text)?)?),
            "lumpsum" => to_string(&lemniscaat::budget::lumpsum(&from_str(&text)?)?),
            "classify" => to_string(&lemniscaat::learning::classify(&from_str(&text)?)?),
            "mix" => to_string(&lemniscaat::learning::mix(&from_str(&text)?)?),
            "cycle" => to_string(&lemniscaat::cycle::cycle_status(&from_str(&text)?)?),
            "validate" => to_string(&lemniscaat::validate::validate(&lemniscaat::dataset::Dataset::from_json(&text)?)?),
            _ => to_string(lemniscaat::RuleBook::builtin().rule_sets()),
        })
    })()
    .map_err(js_error)?;
    JSON::parse(&out)
}

/// The basisrecht of one employee in one school year, with explanation and receipt.
#[wasm_bindgen(unchecked_return_type = "Entitlement")]
pub fn entitlement(#[wasm_bindgen(unchecked_param_type = "EntitlementInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("entitlement", &input)
}

/// Ledger statements of one employee over school years: granted, used, lapsed, carried.
#[wasm_bindgen(js_name = ledgerStatements, unchecked_return_type = "LedgerResult")]
pub fn ledger_statements(#[wasm_bindgen(unchecked_param_type = "LedgerInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("ledger", &input)
}

/// EVC and startkwalificatie eligibility (17.3 lid 3 and 4).
#[wasm_bindgen(unchecked_return_type = "Eligibility")]
pub fn eligibility(#[wasm_bindgen(unchecked_param_type = "EligibilityInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("eligibility", &input)
}

/// The 10% rule (17.2 lid 1) for a year.
#[wasm_bindgen(unchecked_return_type = "LumpsumResult")]
pub fn lumpsum(#[wasm_bindgen(unchecked_param_type = "LumpsumInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("lumpsum", &input)
}

/// Validates a dataset: findings with their articles, counts and alignment.
#[wasm_bindgen(js_name = validateDataset, unchecked_return_type = "ValidationReport")]
pub fn validate_dataset(#[wasm_bindgen(unchecked_param_type = "Dataset | string")] dataset: JsValue) -> Result<JsValue, JsValue> {
    run("validate", &dataset)
}

/// Classifies an activity into the 70:20:10 model.
#[wasm_bindgen(unchecked_return_type = "Classification")]
pub fn classify(#[wasm_bindgen(unchecked_param_type = "ClassifyInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("classify", &input)
}

/// The 70:20:10 mix of activities (advice).
#[wasm_bindgen(unchecked_return_type = "Mix")]
pub fn mix(#[wasm_bindgen(unchecked_param_type = "MixInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("mix", &input)
}

/// The lemniscate over a window.
#[wasm_bindgen(js_name = cycleStatus, unchecked_return_type = "CycleStatus")]
pub fn cycle_status(#[wasm_bindgen(unchecked_param_type = "CycleInput")] input: JsValue) -> Result<JsValue, JsValue> {
    run("cycle", &input)
}

/// The SVG picture of the lemniscate for a cycle input, labels in `nl` or `en`.
#[wasm_bindgen(js_name = cycleSvg)]
pub fn cycle_svg(#[wasm_bindgen(unchecked_param_type = "CycleInput")] input: JsValue, lang: Option<String>) -> Result<String, JsValue> {
    lemniscaat::api::cycle_svg(&to_json(&input)?, lang.as_deref().unwrap_or("nl")).map_err(js_error)
}

/// The SVG bar of a 70:20:10 mix for a mix input, labels in `nl` or `en`.
#[wasm_bindgen(js_name = mixSvg)]
pub fn mix_svg(#[wasm_bindgen(unchecked_param_type = "MixInput")] input: JsValue, lang: Option<String>) -> Result<String, JsValue> {
    lemniscaat::api::mix_svg(&to_json(&input)?, lang.as_deref().unwrap_or("nl")).map_err(js_error)
}

/// The rule sets, oldest first, every value with its provenance.
#[wasm_bindgen(js_name = ruleSets, unchecked_return_type = "RuleSet[]")]
pub fn rule_sets() -> Result<JsValue, JsValue> {
    run("rule_sets", &JsValue::from_str("{}"))
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    lemniscaat::VERSION.to_string()
}
