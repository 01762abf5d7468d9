//! The WebAssembly binding: the npm package `lemniscaat`. Every operation takes a plain JS object
//! (or JSON text) in the shape of the conformance vectors (snake_case fields, decimals as strings,
//! dates as ISO strings), makes one core call and returns a plain object of the same conventions,
//! or throws a `LemniscaatError` (a JS `Error` with `code`, `path`, `messageNl`, `messageEn` and
//! the typed message as `typed`). The module exports `call` (an operation by name), `RuleBook` (the same
//! with rule-set overrides), the pictures, `text` and `taxonomy`; the named functions
//! (`entitlement`, `validateDataset`, ...) are one-line wrappers of `call` in `js/api.js`, which
//! keeps one export per operation out of the module.

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

/// Every operation's input and output, generated from the core's schema (`tools/gen-types.mjs`).
#[wasm_bindgen(typescript_custom_section)]
const GENERATED_TYPES: &str = include_str!("types.generated.d.ts");

/// The package's own types (operation names, the typed `call`, the rule-set file, ...).
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
    // The typed message (catalogue id and arguments in machine formats), as the core writes it.
    if let Ok(message) = JSON::parse(&lemniscaat::json::to_string(e.msg())) {
        let _ = Reflect::set(obj, &JsValue::from_str("typed"), &message);
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

/// One core call with a rule book (`lemniscaat::api::call_with`, built without the board report):
/// JSON text in, the result as JSON text. `rule_sets` takes no input, and an unknown operation is
/// the core's `INVALID_VALUE` error naming the ones this build knows, before any input is read.
fn run_with(book: &lemniscaat::RuleBook, operation: &str, input: &JsValue) -> Result<JsValue, JsValue> {
    let reads_input = operation != "rule_sets" && lemniscaat::api::OPERATIONS.contains(&operation);
    let text = if reads_input { to_json(input)? } else { String::new() };
    let out = lemniscaat::api::call_with(book, operation, &text).map_err(js_error)?;
    JSON::parse(&out)
}

fn run(operation: &str, input: &JsValue) -> Result<JsValue, JsValue> {
    run_with(lemniscaat::RuleBook::builtin(), operation, input)
}

/// Runs an operation by name (`entitlement`, `ledger`, `eligibility`, `lumpsum`, `classify`,
/// `mix`, `cycle`, `validate`, `rule_sets`) with the built-in rule sets.
/// Its TypeScript declaration, typed by operation, is in `types.d.ts`.
#[wasm_bindgen(skip_typescript)]
pub fn call(operation: &str, input: JsValue) -> Result<JsValue, JsValue> {
    run(operation, &input)
}

/// The built-in rule sets with overrides from a rule-set file (the next CAO): every operation
/// that uses a rule set runs with it (`lemniscaat::RuleBook::with_overrides`).
#[wasm_bindgen(js_name = RuleBook)]
pub struct Book(lemniscaat::RuleBook);

#[wasm_bindgen(js_class = RuleBook)]
impl Book {
    /// The built-in rule sets with the overrides of `overrides` (JSON text or an object in the
    /// shape of `lemniscaat rules`); a bad file throws a `LemniscaatError` with its path.
    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(#[wasm_bindgen(unchecked_param_type = "RuleOverrides | string")] overrides: JsValue) -> Result<Book, JsValue> {
        let text = to_json(&overrides)?;
        lemniscaat::RuleBook::builtin().with_overrides(&text).map(Book).map_err(js_error)
    }

    /// Runs an operation by name with this rule book (see `call`); typed in `types.d.ts`.
    #[wasm_bindgen(skip_typescript)]
    pub fn call(&self, operation: &str, input: JsValue) -> Result<JsValue, JsValue> {
        run_with(&self.0, operation, &input)
    }

    /// The rule sets of this book, oldest first.
    #[wasm_bindgen(js_name = ruleSets, unchecked_return_type = "RuleSet[]")]
    pub fn rule_sets(&self) -> Result<JsValue, JsValue> {
        run_with(&self.0, "rule_sets", &JsValue::UNDEFINED)
    }
}

/// A text for people from the core's formats and labels, in `nl` (default) or `en`: `what` is
/// `hours`, `money`, `number`, `amount` (a decimal string), `percent` (a fraction), `date` (ISO),
/// `source` (a step's or a finding's `source` object), `label`,
/// `category`, `status`, `kind`, `bucket` or `stage` (an id).
#[wasm_bindgen]
pub fn text(
    what: &str,
    #[wasm_bindgen(unchecked_param_type = "string | object")] value: JsValue,
    lang: Option<String>,
) -> Result<String, JsValue> {
    use lemniscaat::locale as loc;
    let l = language(lang.as_deref())?;
    let s = value.as_string().unwrap_or_default();
    let dec = || lemniscaat::num::parse_decimal(&s).map_err(|e| js_error(e.at("/value")));
    let unknown = || {
        js_error(
            lemniscaat::Error::of(lemniscaat::ErrorCode::InvalidValue, lemniscaat::message::Msg::UnknownKind { kind: s.clone() })
                .at("/value"),
        )
    };
    Ok(match what {
        "hours" => loc::hours(dec()?, l),
        "money" => loc::money(dec()?, l),
        "number" => loc::number(dec()?, l),
        "amount" => loc::amount(dec()?, l),
        "percent" => loc::share(dec()?, l),
        "date" => loc::date(lemniscaat::time::parse_date(&s).map_err(|e| js_error(e.at("/value")))?, l),
        "source" => source_text(&value, l).ok_or_else(|| input_error("not a source object", "geen bronobject"))?,
        "label" => lemniscaat::message::label(&s, l),
        "category" => loc::category_id(&s, l),
        "status" => loc::plan_status(STATUSES.into_iter().find(|x| x.as_str() == s).ok_or_else(unknown)?, l).into(),
        "kind" => loc::pick(&lemniscaat::learning::Taxonomy::builtin().get(&s).ok_or_else(unknown)?.label, l).into(),
        "bucket" => {
            use lemniscaat::learning::Bucket;
            loc::pick(
                &[Bucket::Experience, Bucket::Social, Bucket::Formal, Bucket::Unknown]
                    .into_iter()
                    .find(|b| b.as_str() == s)
                    .ok_or_else(unknown)?
                    .label(),
                l,
            )
            .into()
        }
        "stage" => loc::stage(&s, l),
        _ => {
            let known = TEXTS.iter().map(|t| t.to_string()).collect();
            return Err(js_error(
                lemniscaat::Error::of(
                    lemniscaat::ErrorCode::InvalidValue,
                    lemniscaat::message::Msg::UnknownOperation { operation: what.to_string(), known },
                )
                .at("/what"),
            ));
        }
    })
}

const STATUSES: [lemniscaat::plans::PlanStatus; 7] = {
    use lemniscaat::plans::PlanStatus::*;
    [Draft, Submitted, Returned, Agreed, Active, Completed, Superseded]
};

/// The citation of a `source` object of the core's JSON as a person reads it (`CAO VO
/// 2024-2025, art. 16.4 lid 1`): a finding's, or a step's of kind `rule`, read back field by
/// field and rendered by the core (`FindingSource::text`); empty for a step's other kinds
/// (policy, interpretation, input, computation), whose own text names them.
fn source_text(v: &JsValue, l: lemniscaat::locale::Lang) -> Option<String> {
    use lemniscaat::rules::Confidence;
    if !v.is_object() {
        return None;
    }
    let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok().and_then(|x| x.as_string());
    let conf =
        |k: &str| get(k).and_then(|c| [Confidence::Seed, Confidence::Sourced, Confidence::Inferred].into_iter().find(|x| x.as_str() == c));
    let (confidence, handreiking) = match get("kind").as_deref() {
        None => (conf("confidence"), get("handreiking")),
        Some("rule") => (conf("article_confidence"), None),
        Some(_) => return Some(String::new()),
    };
    let source = lemniscaat::finding::FindingSource {
        rule_set: get("rule_set").map(Into::into),
        article: get("article").map(Into::into),
        lid: get("lid").map(Into::into),
        handreiking,
        confidence,
    };
    Some(source.text(l))
}

const TEXTS: [&str; 13] =
    ["hours", "money", "number", "amount", "percent", "date", "source", "label", "category", "status", "kind", "bucket", "stage"];

/// The activity kinds of the taxonomy: id, labels, 70:20:10 bucket and CAO 17.1 category (built
/// field by field: the kinds' serialisers would be code the page needs for nothing else).
#[wasm_bindgen(unchecked_return_type = "TaxonomyKind[]")]
pub fn taxonomy() -> js_sys::Array {
    let set = |o: &JsValue, k: &str, v: JsValue| {
        let _ = Reflect::set(o, &JsValue::from_str(k), &v);
    };
    lemniscaat::learning::Taxonomy::builtin()
        .kinds()
        .iter()
        .map(|k| {
            let o: JsValue = js_sys::Object::new().into();
            let label: JsValue = js_sys::Object::new().into();
            set(&label, "nl", JsValue::from_str(&k.label.nl));
            set(&label, "en", JsValue::from_str(&k.label.en));
            set(&o, "id", JsValue::from_str(&k.id));
            set(&o, "label", label);
            set(&o, "bucket", JsValue::from_str(k.bucket.as_str()));
            set(&o, "cao_17_1", k.cao_17_1.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            o
        })
        .collect()
}

fn language(l: Option<&str>) -> Result<lemniscaat::locale::Lang, JsValue> {
    let l = l.unwrap_or("nl");
    lemniscaat::locale::Lang::parse(l).ok_or_else(|| {
        js_error(
            lemniscaat::Error::of(lemniscaat::ErrorCode::InvalidValue, lemniscaat::message::Msg::UnknownLanguage { lang: l.to_string() })
                .at("/lang"),
        )
    })
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

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    lemniscaat::VERSION.to_string()
}
