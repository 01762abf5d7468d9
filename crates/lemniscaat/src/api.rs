//! One entry point per operation, JSON in and JSON out: the surface the command's `call`
//! subcommand, scripts and thin bindings can use without knowing the Rust types. The input and
//! output shapes are those of `vectors.md`; errors are the library's [`Error`].
//!
//! ```
//! let out = lemniscaat::api::call("entitlement", r#"{"school_year":"2014-2015",
//!   "appointments":[{"category":"support","wtf":"0.5","start":"2010-08-01","end":null}]}"#).unwrap();
//! let v: serde_json::Value = serde_json::from_str(&out).unwrap();
//! assert_eq!(v["hours"], "20.00");
//! assert_eq!(lemniscaat::api::call("nope", "{}").unwrap_err().code().as_str(), "INVALID_VALUE");
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::json;
use crate::message::Msg;

/// The operations [`call`] knows, in the order of the documentation (`report` with the default
/// feature `report`, which the browser build leaves out).
#[cfg(feature = "report")]
pub const OPERATIONS: &[&str] =
    &["entitlement", "ledger", "eligibility", "lumpsum", "classify", "mix", "cycle", "validate", "report", "rule_sets"];

/// The operations [`call`] knows, in the order of the documentation (without the feature
/// `report`: the browser build).
#[cfg(not(feature = "report"))]
pub const OPERATIONS: &[&str] = &["entitlement", "ledger", "eligibility", "lumpsum", "classify", "mix", "cycle", "validate", "rule_sets"];

/// Where [`call_into`] writes a result: JSON text ([`JsonSink`]) or a host's own objects.
pub trait Sink {
    /// What the sink produces.
    type Out;
    /// Turns a result into the output.
    fn emit<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<Self::Out>;
}

/// A sink that writes compact JSON.
pub struct JsonSink;

impl Sink for JsonSink {
    type Out = String;
    fn emit<T: serde::Serialize + ?Sized>(self, value: &T) -> Result<String> {
        Ok(json::to_string(value))
    }
}

/// Runs an operation on a JSON input and returns its JSON output.
pub fn call(operation: &str, input: &str) -> Result<String> {
    call_into(operation, input, JsonSink)
}

/// Runs an operation on a JSON input with a rule book of one's own (the built-in one with
/// overrides, [`crate::RuleBook::with_overrides`]) and returns its JSON output.
///
/// ```
/// let book = lemniscaat::RuleBook::builtin().with_overrides(r#"{"rule_sets":[{
///   "id":"cao-vo-2014-2015","name":"CAO VO 2014-2015 (50 h support)",
///   "in_force_from":{"value":"2014-08-01","provenance":{"confidence":"seed","source":"seed"}},
///   "parameters":{"support_hours":{"value":"50","article":"17.4","lid":"3",
///     "provenance":{"confidence":"inferred","source":"lemniscaat"}}}}]}"#).unwrap();
/// let input = r#"{"school_year":"2014-2015",
///   "appointments":[{"category":"support","wtf":"0.5","start":"2010-08-01","end":null}]}"#;
/// let out = lemniscaat::api::call_with(&book, "entitlement", input).unwrap();
/// assert!(out.contains(r#""hours":"25.00""#));
/// assert!(lemniscaat::api::call("entitlement", input).unwrap().contains(r#""hours":"20.00""#));
/// ```
pub fn call_with(book: &crate::RuleBook, operation: &str, input: &str) -> Result<String> {
    call_into_with(book, operation, input, JsonSink)
}

/// Runs an operation on a JSON input and hands the result to a sink.
pub fn call_into<K: Sink>(operation: &str, input: &str, sink: K) -> Result<K::Out> {
    call_into_with(crate::RuleBook::builtin(), operation, input, sink)
}

/// Runs an operation on a JSON input with a rule book and hands the result to a sink. The
/// operations that use no rule set (`classify`, `mix`, `cycle`) ignore the book.
pub fn call_into_with<K: Sink>(book: &crate::RuleBook, operation: &str, input: &str, sink: K) -> Result<K::Out> {
    match operation {
        "entitlement" => sink.emit(&crate::entitlement_with(book, &json::from_str(input)?)?),
        "ledger" => sink.emit(&crate::ledger::ledger_with(book, &json::from_str(input)?)?),
        "eligibility" => sink.emit(&crate::eligibility::eligibility_with(book, &json::from_str(input)?)?),
        "lumpsum" => sink.emit(&crate::budget::lumpsum_with(book, &json::from_str(input)?)?),
        "classify" => sink.emit(&crate::learning::classify(&json::from_str(input)?)?),
        "mix" => sink.emit(&crate::learning::mix(&json::from_str(input)?)?),
        "cycle" => sink.emit(&crate::cycle::cycle_status(&json::from_str(input)?)?),
        "validate" => sink.emit(&crate::validate::validate_with(book, &crate::dataset::Dataset::from_json(input)?)?),
        #[cfg(feature = "report")]
        "report" => sink.emit(&crate::report::report_with(book, &crate::dataset::Dataset::from_json(input)?, None)?),
        "rule_sets" => sink.emit(book.rule_sets()),
        other => Err(Error::of(
            ErrorCode::InvalidValue,
            Msg::UnknownOperation { operation: other.to_string(), known: OPERATIONS.iter().map(|o| o.to_string()).collect() },
        )),
    }
}

/// The language of a picture's labels (`nl` or `en`); another is `INVALID_VALUE` at `/lang`.
///
/// ```
/// assert!(lemniscaat::api::language("en").is_ok());
/// assert_eq!(lemniscaat::api::language("fr").unwrap_err().path(), "/lang");
/// ```
pub fn language(l: &str) -> Result<crate::svg::Lang> {
    crate::svg::Lang::parse(l).ok_or_else(|| Error::of(ErrorCode::InvalidValue, Msg::UnknownLanguage { lang: l.to_string() }).at("/lang"))
}

/// The SVG of the lemniscate for a cycle input (the shape of `cycle.json`), in `nl` or `en`.
///
/// ```
/// let svg = lemniscaat::api::cycle_svg(r#"{"as_of":"2015-03-01","events":[]}"#, "en").unwrap();
/// assert!(svg.contains("✗ missing"));
/// ```
pub fn cycle_svg(input: &str, language: &str) -> Result<String> {
    let l = self::language(language)?;
    let status = crate::cycle::cycle_status(&json::from_str(input)?)?;
    Ok(crate::cycle::cycle_svg(&status.stages, l))
}

/// The SVG bar of a 70:20:10 mix for a mix input (the shape of `mix.json`), in `nl` or `en`.
pub fn mix_svg(input: &str, language: &str) -> Result<String> {
    let l = self::language(language)?;
    let m = crate::learning::mix(&json::from_str(input)?)?;
    Ok(crate::svg::mix_svg(&m.shares, &m.target, l))
}
