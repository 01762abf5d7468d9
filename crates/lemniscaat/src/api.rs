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

/// The operations [`call`] knows, in the order of the documentation.
pub const OPERATIONS: [&str; 10] =
    ["entitlement", "ledger", "eligibility", "lumpsum", "classify", "mix", "cycle", "validate", "report", "rule_sets"];

/// Runs an operation on a JSON input and returns its JSON output.
pub fn call(operation: &str, input: &str) -> Result<String> {
    Ok(match operation {
        "entitlement" => json::to_string(&crate::entitlement(&json::from_str(input)?)?),
        "ledger" => json::to_string(&crate::ledger::ledger(&json::from_str(input)?)?),
        "eligibility" => json::to_string(&crate::eligibility::eligibility(&json::from_str(input)?)?),
        "lumpsum" => json::to_string(&crate::budget::lumpsum(&json::from_str(input)?)?),
        "classify" => json::to_string(&crate::learning::classify(&json::from_str(input)?)?),
        "mix" => json::to_string(&crate::learning::mix(&json::from_str(input)?)?),
        "cycle" => json::to_string(&crate::cycle::cycle_status(&json::from_str(input)?)?),
        "validate" => json::to_string(&crate::validate::validate(&crate::dataset::Dataset::from_json(input)?)?),
        "report" => json::to_string(&crate::report::report(&crate::dataset::Dataset::from_json(input)?, None)?),
        "rule_sets" => json::to_string(crate::RuleBook::builtin().rule_sets()),
        other => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("unknown operation '{other}'; known: {}", OPERATIONS.join(", ")),
                format!("onbekende bewerking '{other}'; bekend: {}", OPERATIONS.join(", ")),
            ))
        }
    })
}
