//! Types shared by several operations: texts in two languages, provenance, explanation steps,
//! receipts and findings.

use crate::scalar::ExactDecimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A message of the core's catalogue: its stable id and its arguments in machine formats (decimal
/// strings, ISO dates, ids), so that an app can render it with texts of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Message {
    /// The id, e.g. `explain.wtf_applied` (`docs/messages.md`).
    pub id: String,
    /// The arguments as a JSON object text, e.g. `{"appointment":0,"wtf":"0.6"}`.
    #[serde(with = "json_text")]
    pub args: String,
}

/// A JSON value carried as its text.
mod json_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    pub fn serialize<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
        serde_json::from_str::<serde_json::Value>(text).map_err(serde::ser::Error::custom)?.serialize(s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(serde_json::Value::deserialize(d)?.to_string())
    }
}

/// A text in English and Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Dutch.
    pub nl: String,
}

/// How sure the library is of a value of a rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// From the seed documents (the handreiking and its appendix).
    Seed,
    /// From a later source with an address.
    Sourced,
    /// Inferred by the library (marked as such in every explanation).
    Inferred,
}

/// Where a value of a rule set comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Provenance {
    /// Confidence.
    pub confidence: Confidence,
    /// Id of the source document.
    pub source: String,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An information item of a rule set (e.g. the induction programme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Information {
    /// Id.
    pub id: String,
    /// First school year it applies to.
    pub from_school_year: Option<String>,
    /// The category it concerns, if one.
    pub category: Option<super::entitlement::Category>,
    /// English text.
    pub en: String,
    /// Dutch text.
    pub nl: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Which rule set applies and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Selection {
    /// The rule set id.
    pub rule_set: String,
    /// `in-force`, `pinned` or `out-of-range`.
    pub reason: String,
    /// English explanation.
    pub en: String,
    /// Dutch explanation.
    pub nl: String,
    /// The explanation as a message of the catalogue.
    pub message: Message,
    /// The school year lies past the known rule sets (lenient mode used the last one).
    pub out_of_range: bool,
}

/// The unit of a step's value (not `Unit`, which Kotlin has).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum StepUnit {
    /// Clock hours.
    Hours,
    /// Euros.
    Eur,
    /// A dimensionless factor.
    Factor,
    /// Days.
    Days,
    /// Months.
    Months,
    /// No value.
    None,
}

/// Where a step's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A rule of a rule set: article and lid in that rule set's numbering.
    Rule {
        /// Rule set id.
        rule_set: String,
        /// Article, e.g. `17.4`.
        article: Option<String>,
        /// Lid, e.g. `1`.
        lid: Option<String>,
        /// Confidence of the value.
        confidence: Confidence,
        /// Confidence of the article number, where it is weaker than the value's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        article_confidence: Option<Confidence>,
        /// Id of the source document.
        document: String,
    },
    /// A policy option of the library where the CAO is silent.
    Policy {
        /// Option name, e.g. `temporal_pro_rata`.
        option: String,
        /// Its value, e.g. `calendar-days`.
        value: String,
        /// Whether it is the library's default.
        #[serde(rename = "default")]
        is_default: bool,
    },
    /// An interpretation of a disputed rule.
    Interpretation {
        /// Interpretation id, e.g. `parties-intent`.
        id: String,
        /// Rule set id.
        rule_set: String,
        /// Article.
        article: Option<String>,
        /// Lid.
        lid: Option<String>,
        /// Id of the source document of the reading.
        document: String,
    },
    /// A value of the input, at a JSON Pointer path.
    Input {
        /// The path.
        path: String,
    },
    /// Arithmetic on earlier steps.
    Computation,
}

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Step {
    /// What the step is: `base`, `wtf`, `time`, `segment`, `sum`, `rounding`, `rule_set`, ...
    pub step: String,
    /// The amount it belongs to: `hours`, `money`, `<bucket>/hours`, or empty.
    pub amount: String,
    /// The value, when the step has one.
    pub value: Option<ExactDecimal>,
    /// The unit of the value.
    pub unit: StepUnit,
    /// English description.
    pub en: String,
    /// Dutch description.
    pub nl: String,
    /// The description as a message of the catalogue.
    pub message: Message,
    /// Where the value comes from.
    pub source: Source,
}

/// An ordered list of steps with the rule set choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Explanation {
    /// Which rule set and why.
    pub selection: Selection,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// What a vendor needs to reproduce a result exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Receipt {
    /// `lemniscaat <version>`.
    pub library: String,
    /// The rule set id.
    pub rule_set: String,
    /// SHA-256 of the rule set's resolved parameters.
    pub rule_set_hash: String,
    /// Interpretation and policy options in force, by name.
    pub options: HashMap<String, String>,
    /// The as-of date, when the operation has one.
    pub as_of: Option<String>,
    /// SHA-256 of the input's JSON form.
    pub input_hash: String,
}

/// The severity of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Breaks the CAO.
    Error,
    /// Departs from the handreiking's advice.
    Warning,
    /// Worth knowing.
    Info,
}

/// The source of a finding: an article of the rule set or a section of the handreiking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct FindingSource {
    /// Rule set id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// Article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Lid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lid: Option<String>,
    /// Section of the handreiking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handreiking: Option<String>,
    /// How sure the article number is in this rule set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// A value in a finding's data: a text or a list of texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(untagged)]
pub enum DataValue {
    /// One text.
    Text(String),
    /// Several texts (not `List`, which Kotlin has).
    TextList(Vec<String>),
}

/// A finding: data about a plan or a result, not an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Finding {
    /// The stable code, e.g. `KADERS_MISSING` (`docs/codes.md`). A string, so that a code added
    /// in a later version does not break an exhaustive `when`/`switch`.
    pub code: String,
    /// Its severity.
    pub severity: Severity,
    /// Article or handreiking section.
    pub source: FindingSource,
    /// JSON Pointer of what it is about.
    pub path: String,
    /// English message.
    pub message_en: String,
    /// Dutch message.
    pub message_nl: String,
    /// The message of the catalogue.
    pub message: Message,
    /// Values that identify what it is about.
    pub data: HashMap<String, DataValue>,
}
