//! The Kotlin and Swift binding of lemniscaat: one cdylib whose records and enums mirror the
//! core's inputs and results, generated into Kotlin (package `nl.lemniscaat`) and Swift by the
//! crate's own `uniffi-bindgen`.
//!
//! Every function converts its record to the core type, makes one core call and converts the
//! result back; decimals surface as `java.math.BigDecimal` / `Foundation.Decimal`, dates as
//! `java.time.LocalDate` / the package's `LocalDate`, errors as `LemniscaatException` (Kotlin)
//! or `LemniscaatError` (Swift) with the core's code, path and messages. `docs/bindings.md` maps
//! every type in every language.
//!
//! ```
//! use lemniscaat_uniffi::model::entitlement::{Appointment, Category, EntitlementInput};
//! use lemniscaat_uniffi::scalar::{ExactDecimal, IsoDate};
//! let input = EntitlementInput {
//!     school_year: "2014-2015".into(),
//!     appointments: vec![Appointment {
//!         category: Category::Support,
//!         wtf: ExactDecimal("0.5".parse().unwrap()),
//!         start: IsoDate(chrono::NaiveDate::from_ymd_opt(2010, 8, 1).unwrap()),
//!         end: None,
//!         school: None,
//!     }],
//!     rule_set: None,
//!     options: None,
//!     support_extension_plan: false,
//!     explain: true,
//! };
//! let e = lemniscaat_uniffi::entitlement(input).unwrap();
//! assert_eq!(e.hours.0.to_string(), "20.00");
//! assert_eq!(e.explanation.unwrap().selection.rule_set, "cao-vo-2014-2015");
//! ```
#![deny(unsafe_code)]
#![warn(missing_docs)]

uniffi::setup_scaffolding!();

pub mod error;
pub mod model;
pub mod scalar;

pub use error::{ErrorCode, LemniscaatError};
use model::{cycle::*, entitlement::*, learning::*, ledger::*, rights::*, rules::*, validation::*};
use serde::{de::DeserializeOwned, Serialize};

type Result<T> = std::result::Result<T, LemniscaatError>;

/// A record into the core type: through the core's parser, so the checks and paths are those of
/// JSON input in every other host.
fn into_core<M: Serialize, C: DeserializeOwned>(record: &M) -> Result<C> {
    Ok(lemniscaat::json::from_str(&to_text(record)?)?)
}

/// A core result into its record.
fn from_core<C: Serialize, M: DeserializeOwned>(value: &C) -> Result<M> {
    serde_json::from_str(&lemniscaat::json::to_string(value)).map_err(|e| LemniscaatError::Internal { detail: e.to_string() })
}

fn to_text<M: Serialize>(record: &M) -> Result<String> {
    serde_json::to_string(record).map_err(|e| LemniscaatError::Internal { detail: e.to_string() })
}

/// The rule sets to compute with: the built-in CAO versions with rule sets added or overridden
/// from JSON (the format of `lemniscaat rules --format json`: a rule set with a new id is
/// added; one with a known id replaces its name and dates, and its parameters are merged over
/// the known ones). The functions without a book use the built-in one; a book's methods of the
/// same names use the book. Immutable, shareable between threads.
#[derive(uniffi::Object)]
pub struct RuleBook(lemniscaat::RuleBook);

#[uniffi::export]
impl RuleBook {
    /// The built-in rule book with `overrides_json` applied.
    #[uniffi::constructor]
    pub fn with_overrides(overrides_json: String) -> Result<std::sync::Arc<Self>> {
        Ok(std::sync::Arc::new(RuleBook(lemniscaat::RuleBook::builtin().with_overrides(&overrides_json)?)))
    }

    /// This book with further overrides applied (the book itself is unchanged).
    pub fn with_more_overrides(&self, overrides_json: String) -> Result<std::sync::Arc<Self>> {
        Ok(std::sync::Arc::new(RuleBook(self.0.with_overrides(&overrides_json)?)))
    }

    /// The rule sets of this book, oldest first, every parameter with its article and source.
    pub fn rule_sets(&self) -> Result<Vec<RuleSetInfo>> {
        rule_set_infos(&self.0)
    }

    /// Validates a dataset with this book.
    pub fn validate_dataset(&self, dataset_json: String) -> Result<ValidationReport> {
        from_core(&lemniscaat::validate::validate_with(&self.0, &lemniscaat::dataset::Dataset::from_json(&dataset_json)?)?)
    }

    /// Any operation of the JSON API with this book: JSON in, JSON out.
    pub fn call(&self, operation: String, input_json: String) -> Result<String> {
        Ok(lemniscaat::api::call_with(&self.0, &operation, &input_json)?)
    }
}

/// Declares, for one operation: the typed function, the reader of its input from JSON (checked
/// by the core) and the writer of its result as JSON; with `with`, also the method of
/// [`RuleBook`] that computes with the book.
macro_rules! operation {
    ($(#[$doc:meta])* fn $name:ident($input:ty => $core_input:ty) -> $output:ty = $core:path, with $core_with:path;
     $from_json:ident, $to_json:ident) => {
        operation! { $(#[$doc])* fn $name($input => $core_input) -> $output = $core; $from_json, $to_json }

        #[uniffi::export]
        impl RuleBook {
            $(#[$doc])*
            /// With this rule book.
            pub fn $name(&self, input: $input) -> Result<$output> {
                let core_input: $core_input = into_core(&input)?;
                from_core(&$core_with(&self.0, &core_input)?)
            }
        }
    };
    ($(#[$doc:meta])* fn $name:ident($input:ty => $core_input:ty) -> $output:ty = $core:path;
     $from_json:ident, $to_json:ident) => {
        $(#[$doc])*
        #[uniffi::export]
        pub fn $name(input: $input) -> Result<$output> {
            let core_input: $core_input = into_core(&input)?;
            from_core(&$core(&core_input)?)
        }

        /// Reads the operation's input from JSON in the shape of the conformance vectors (checked by the core).
        #[uniffi::export]
        pub fn $from_json(json: String) -> Result<$input> {
            let core_input: $core_input = lemniscaat::json::from_str(&json)?;
            from_core(&core_input)
        }

        /// Writes the operation's result as JSON: the core's shape, decimals and dates as strings.
        #[uniffi::export]
        pub fn $to_json(value: $output) -> Result<String> {
            to_text(&value)
        }
    };
}

operation! {
    /// The basisrecht of one employee in one school year, with explanation and receipt.
    fn entitlement(EntitlementInput => lemniscaat::EntitlementInput) -> Entitlement = lemniscaat::entitlement, with lemniscaat::entitlement_with;
    entitlement_input_from_json, entitlement_to_json
}

operation! {
    /// The ledger of one employee over school years: granted, used, lapsed, carried.
    fn ledger(LedgerInput => lemniscaat::ledger::LedgerInput) -> LedgerResult = lemniscaat::ledger::ledger, with lemniscaat::ledger::ledger_with;
    ledger_input_from_json, ledger_result_to_json
}

operation! {
    /// EVC and startkwalificatie eligibility (17.3 lid 3 and 4).
    fn eligibility(EligibilityInput => lemniscaat::eligibility::EligibilityInput) -> Eligibility = lemniscaat::eligibility::eligibility, with lemniscaat::eligibility::eligibility_with;
    eligibility_input_from_json, eligibility_to_json
}

operation! {
    /// The 10% rule (17.2 lid 1) for a year.
    fn lumpsum(LumpsumInput => lemniscaat::budget::LumpsumInput) -> LumpsumResult = lemniscaat::budget::lumpsum, with lemniscaat::budget::lumpsum_with;
    lumpsum_input_from_json, lumpsum_result_to_json
}

operation! {
    /// Classifies an activity into the 70:20:10 model.
    fn classify(ClassifyInput => lemniscaat::learning::ClassifyInput) -> Classification = lemniscaat::learning::classify;
    classify_input_from_json, classification_to_json
}

operation! {
    /// The 70:20:10 mix of activities (advice).
    fn mix(MixInput => lemniscaat::learning::MixInput) -> Mix = lemniscaat::learning::mix;
    mix_input_from_json, mix_to_json
}

operation! {
    /// The lemniscate over a window: stages attended and missing, the next stages, participation.
    fn cycle_status(CycleInput => lemniscaat::cycle::CycleInput) -> CycleStatus = lemniscaat::cycle::cycle_status;
    cycle_input_from_json, cycle_status_to_json
}

/// Validates a dataset (JSON text of the interchange format, `docs/dataset.schema.json`):
/// findings with their articles, counts and alignment.
#[uniffi::export]
pub fn validate_dataset(dataset_json: String) -> Result<ValidationReport> {
    from_core(&lemniscaat::validate::validate(&lemniscaat::dataset::Dataset::from_json(&dataset_json)?)?)
}

/// Writes a `ValidationReport` as JSON.
#[uniffi::export]
pub fn validation_report_to_json(value: ValidationReport) -> Result<String> {
    to_text(&value)
}

model::core_enum! {
    /// The language of labels.
    Language = lemniscaat::svg::Lang {
        /// Dutch (the default).
        Nl,
        /// English.
        En,
    }
}

/// The code the core's JSON API takes for a language.
fn code(language: Language) -> &'static str {
    match language {
        Language::Nl => "nl",
        Language::En => "en",
    }
}

/// The SVG picture of the lemniscate for a cycle input.
#[uniffi::export]
pub fn cycle_svg(input: CycleInput, language: Language) -> Result<String> {
    Ok(lemniscaat::api::cycle_svg(&to_text(&input)?, code(language))?)
}

/// The SVG bar of a 70:20:10 mix.
#[uniffi::export]
pub fn mix_svg(input: MixInput, language: Language) -> Result<String> {
    Ok(lemniscaat::api::mix_svg(&to_text(&input)?, code(language))?)
}

/// The built-in rule sets, oldest first, every parameter with its article and source.
#[uniffi::export]
pub fn rule_sets() -> Result<Vec<RuleSetInfo>> {
    rule_set_infos(lemniscaat::RuleBook::builtin())
}

fn rule_set_infos(book: &lemniscaat::RuleBook) -> Result<Vec<RuleSetInfo>> {
    book.rule_sets()
        .iter()
        .map(|rs| {
            Ok(RuleSetInfo {
                id: rs.id.to_string(),
                name: rs.name.clone(),
                in_force_from: scalar::IsoDate(rs.in_force_from.value),
                known_until: rs.known_until.as_ref().map(|d| scalar::IsoDate(d.value)),
                summary: from_core(&rs.summary)?,
                hash: rs.hash.to_string(),
                parameters: from_core(&lemniscaat::report::parameter_lines(book, rs))?,
                information: from_core(&rs.information)?,
            })
        })
        .collect()
}

/// Any operation of the JSON API (`entitlement`, `ledger`, `eligibility`, `lumpsum`,
/// `classify`, `mix`, `cycle`, `validate`, `report`, `rule_sets`): JSON in, JSON out. The
/// records above are the typed way; this one reaches the board report and the full rule sets.
#[uniffi::export]
pub fn call(operation: String, input_json: String) -> Result<String> {
    Ok(lemniscaat::api::call(&operation, &input_json)?)
}

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    lemniscaat::VERSION.to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// The rows of the operations table of `docs/bindings.md`, cell by cell (backticks dropped).
    pub(crate) fn operations_table() -> Vec<Vec<String>> {
        let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/bindings.md")).unwrap();
        let table = docs.split("<!-- operations:").nth(1).unwrap();
        table
            .lines()
            .skip(3)
            .take_while(|l| l.starts_with('|'))
            .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().replace('`', "")).collect())
            .collect()
    }

    /// The table names every operation of the core, in order, and its Kotlin column names this
    /// binding's typed functions (Kotlin's case of the Rust names, which must exist: the list
    /// below does not compile when one is renamed or removed); `—` only where `call` reaches it.
    #[test]
    fn the_operations_table_names_every_core_operation_and_this_bindings_functions() {
        macro_rules! functions {
            ($($f:ident),*) => { [$({ let _ = $f; stringify!($f) }),*] };
        }
        let typed = functions!(entitlement, ledger, eligibility, lumpsum, classify, mix, cycle_status, validate_dataset, rule_sets);
        let camel = |s: &str| {
            let mut parts = s.split('_');
            let first = parts.next().unwrap_or_default().to_string();
            parts.fold(first, |acc, p| acc + &p[..1].to_uppercase() + &p[1..])
        };
        let rows = operations_table();
        let core: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(core, lemniscaat::api::OPERATIONS.to_vec(), "the table's first column");
        let kotlin: Vec<&str> = rows.iter().map(|r| r[4].as_str()).filter(|k| *k != "—").collect();
        let ours: Vec<String> = typed.iter().map(|f| camel(f)).collect();
        assert_eq!(kotlin, ours, "the Kotlin column against this binding's functions");
        for r in &rows {
            assert_eq!(r.len(), 7, "{r:?}");
            let name = |n: &String| camel(n.split('(').next().unwrap_or_default().rsplit("::").next().unwrap_or_default());
            let differs = r[1..6].iter().any(|n| name(n) != camel(&r[0]));
            assert!(!differs || !r[6].is_empty(), "{}: the names differ without a reason", r[0]);
        }
    }

    /// An operation the core does not know is the core's typed error through `call` (with a book
    /// too): `INVALID_VALUE` and both messages naming the known ones, never a default result.
    #[test]
    fn an_unknown_operation_is_a_typed_error() {
        let book = RuleBook::with_overrides(r#"{"rule_sets":[]}"#.into()).unwrap();
        for e in [call("nope".into(), "{}".into()).unwrap_err(), book.call("ledgerStatements".into(), "{}".into()).unwrap_err()] {
            let LemniscaatError::Input { code, path, message_en, message_nl } = &e else { panic!("{e:?}") };
            assert_eq!((*code, path.as_str()), (ErrorCode::InvalidValue, ""));
            assert!(message_en.starts_with("unknown operation '") && message_en.contains("rule_sets"), "{message_en}");
            assert!(message_nl.starts_with("onbekende bewerking '") && message_nl.contains("entitlement"), "{message_nl}");
        }
    }

    #[test]
    fn every_error_code_lands_in_its_family() {
        for code in lemniscaat::ErrorCode::ALL {
            let e = LemniscaatError::from(lemniscaat::Error::new(code, "en", "nl").at("/x"));
            let family = match &e {
                LemniscaatError::Input { .. } => "input",
                LemniscaatError::Rules { .. } => "rules",
                LemniscaatError::Ledger { .. } => "ledger",
                LemniscaatError::Plan { .. } => "plan",
                LemniscaatError::Limit { .. } => "limit",
                LemniscaatError::Internal { .. } => "internal",
            };
            assert_eq!(family, code.family(), "{code}");
            assert_eq!(e.code().map(ErrorCode::as_str), Some(code.as_str()));
            assert_eq!(e.path(), "/x");
        }
    }

    /// The exported `Display` (Kotlin's `message` and `toString()`, Swift's `description`): the
    /// English message, the code and the path, for a case of `tests/vectors/entitlement.json`.
    #[test]
    fn an_error_reads_as_a_sentence_with_its_code_and_path() {
        let input = r#"{"school_year":"2014-2015","appointments":[{"category":"support","wtf":"1.5","start":"2010-08-01","end":null}]}"#;
        let e = entitlement_input_from_json(input.into()).unwrap_err();
        assert_eq!(e.to_string(), "wtf 1.5 is not above 0 and at most 1 (INVALID_WTF at /appointments/0/wtf)");
        let whole = validate_dataset("{".into()).unwrap_err();
        assert!(whole.to_string().ends_with(" (INVALID_JSON)"), "{whole}");
    }

    #[test]
    fn a_record_crosses_through_the_core_parser_with_its_paths() {
        let mut input = entitlement_input_from_json(
            r#"{"school_year":"2014-2015","appointments":[{"category":"teacher","wtf":"0.6","start":"2014-08-01","end":null}]}"#.into(),
        )
        .unwrap();
        assert!(input.explain, "the core's default is kept");
        input.appointments[0].end = Some(scalar::IsoDate(chrono::NaiveDate::from_ymd_opt(2014, 7, 1).unwrap()));
        let e = entitlement(input).unwrap_err();
        assert_eq!(e.code(), Some(ErrorCode::InvalidDateRange));
        assert!(e.path().starts_with("/appointments/0"), "{}", e.path());
    }

    #[test]
    fn results_keep_every_field_of_the_core() {
        let text = r#"{"school_year":"2023-2024","support_extension_plan":true,
            "appointments":[{"category":"support","wtf":"1","start":"2020-08-01","end":null}]}"#;
        let core = lemniscaat::api::call("entitlement", text).unwrap();
        let typed = entitlement_to_json(entitlement(entitlement_input_from_json(text.into()).unwrap()).unwrap()).unwrap();
        let a: serde_json::Value = serde_json::from_str(&core).unwrap();
        let b: serde_json::Value = serde_json::from_str(&typed).unwrap();
        assert_eq!(a, b);
    }

    /// Every vector input through the records and back gives the core's JSON exactly: no mirror
    /// drops or renames a field.
    #[test]
    fn the_records_mirror_the_core_on_every_vector() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors");
        type Typed = fn(String) -> Result<String>;
        let ops: [(&str, &str, Typed); 9] = [
            ("entitlement.json", "entitlement", |j| entitlement_to_json(entitlement(entitlement_input_from_json(j)?)?)),
            ("ledger.json", "ledger", |j| ledger_result_to_json(ledger(ledger_input_from_json(j)?)?)),
            ("eligibility.json", "eligibility", |j| eligibility_to_json(eligibility(eligibility_input_from_json(j)?)?)),
            ("lumpsum.json", "lumpsum", |j| lumpsum_result_to_json(lumpsum(lumpsum_input_from_json(j)?)?)),
            ("classification.json", "classify", |j| classification_to_json(classify(classify_input_from_json(j)?)?)),
            ("mix.json", "mix", |j| mix_to_json(mix(mix_input_from_json(j)?)?)),
            ("cycle.json", "cycle", |j| cycle_status_to_json(cycle_status(cycle_input_from_json(j)?)?)),
            ("validation.json", "validate", |j| validation_report_to_json(validate_dataset(j)?)),
            ("validation-obligations.json", "validate", |j| validation_report_to_json(validate_dataset(j)?)),
        ];
        let mut compared = 0;
        for (file, op, typed) in ops {
            let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
            let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            for case in cases {
                let input = case["input"].to_string();
                match (lemniscaat::api::call(op, &input), typed(input.clone())) {
                    (Ok(core), Ok(mirror)) => {
                        let a: serde_json::Value = serde_json::from_str(&core).unwrap();
                        let b: serde_json::Value = serde_json::from_str(&mirror).unwrap();
                        assert_eq!(a, b, "{file}: {}", case["name"]);
                        compared += 1;
                    }
                    (Err(core), Err(mirror)) => assert_eq!(Some(core.code().as_str()), mirror.code().map(ErrorCode::as_str)),
                    (core, mirror) => panic!("{file}: {}: core {core:?}, binding {mirror:?}", case["name"]),
                }
            }
        }
        assert!(compared > 50, "{compared}");
    }
}
