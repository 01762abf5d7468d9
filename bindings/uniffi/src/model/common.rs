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

pub use lemniscaat::rules::Bilingual;

#[uniffi::remote(Record)]
/// A text in English and Dutch.
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Dutch.
    pub nl: String,
}

core_enum! {
    /// How sure the library is of a value.
    Confidence = lemniscaat::rules::Confidence {
        /// In the appendix of the handreiking (article 17 of the CAO VO 2014-2015).
        Seed,
        /// Stated by a named secondary source.
        Sourced,
        /// The project's own reading; no source states it.
        Inferred,
    }
}

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Provenance {
    /// How sure.
    pub confidence: Confidence,
    /// The id of a source document of the rule book (its `sources`).
    pub source: String,
    /// A remark, e.g. which part is inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How sure the article number is, where it differs from the value's confidence (an amount
    /// a source states, under an article number renumbered by analogy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub article_confidence: Option<Confidence>,
}

/// Information a rule set carries that is not an amount (the induction programme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Information {
    /// Id.
    pub id: String,
    /// First school year it applies to.
    pub from_school_year: Option<String>,
    /// The category it concerns.
    pub category: Option<super::entitlement::Category>,
    /// English text.
    pub en: String,
    /// Dutch text.
    pub nl: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Why a rule set was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Selection {
    /// The rule set id.
    pub rule_set: String,
    /// `in-force` (latest in force on 1 August), `pinned` or `out-of-range` (lenient mode).
    pub reason: String,
    /// English explanation.
    pub en: String,
    /// Dutch explanation.
    pub nl: String,
    /// The explanation, rendered in a language when asked.
    pub message: Message,
    /// Whether the school year lies past the known rules.
    pub out_of_range: bool,
}

core_enum! {
    /// The unit of a step's value.
    StepUnit = lemniscaat::explain::Unit {
        /// Clock hours (klokuren).
        Hours,
        /// Euros.
        Eur,
        /// A dimensionless factor (wtf, share of a year).
        Factor,
        /// Days.
        Days,
        /// Months.
        Months,
        /// No value.
        None,
    }
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
        /// Confidence of the article number, where it is weaker than the value's (a stated amount
        /// under an article number inferred by analogy).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        article_confidence: Option<Confidence>,
        /// Id of the source document.
        document: String,
    },
    /// A policy option of the library (`policy:<option>=<value>`), where the CAO is silent.
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
    /// Which amount it belongs to: `hours`, `money`, or a bucket id with the unit
    /// (`earmarked-basic-skills/hours`); empty for steps that concern the whole result.
    pub amount: String,
    /// The value, when the step has one.
    pub value: Option<ExactDecimal>,
    /// The unit of the value.
    pub unit: StepUnit,
    /// English description.
    pub en: String,
    /// Dutch description.
    pub nl: String,
    /// What the step says, rendered in a language only when asked (`Step::text`).
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
    /// SHA-256 of the typed input (its defaults filled in) in the library's binary encoding, as 64
    /// lowercase hex digits: the same input gives the same hash in every host.
    pub input_hash: String,
}

core_enum! {
    /// How serious a finding is.
    Severity = lemniscaat::finding::Severity {
        /// Violates the CAO.
        Error,
        /// Against the handreiking's advice, or likely a mistake.
        Warning,
        /// Advice.
        Info,
    }
}

/// Where a finding's rule comes from: a rule set article, or a handreiking section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct FindingSource {
    /// Rule set id, for CAO rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// Article in that rule set's numbering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Lid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lid: Option<String>,
    /// A handreiking section, for advice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handreiking: Option<String>,
    /// How sure the article number is in this rule set (`inferred`: renumbered by analogy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

core_enum! {
    /// A data item of a finding: a text (dates, amounts and ids are texts) or a list of texts.
    DataValue = lemniscaat::finding::DataValue {
        /// A text, e.g. `"2015-03-01"`, `"66.40"`, `"E1"`.
        Text(String),
        /// A list of texts, e.g. the missing elements `["b"]`.
        #[uniffi(name = "TextList")]
        List(Vec<String>),
    }
}

/// A finding: a stable code, its severity, source, JSON Pointer path, message and data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Finding {
    /// The code.
    pub code: String,
    /// The severity.
    pub severity: Severity,
    /// Where the rule comes from.
    pub source: FindingSource,
    /// JSON Pointer into the input.
    pub path: String,
    /// English message.
    pub message_en: String,
    /// Dutch message.
    pub message_nl: String,
    /// What the finding says, rendered in a language only when asked (`Finding::text`).
    pub message: Message,
    /// Structured data (dates, amounts as strings, ids).
    pub data: HashMap<String, DataValue>,
}
