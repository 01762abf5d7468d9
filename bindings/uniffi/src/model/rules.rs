//! The rule sets: every CAO version since 2014 as dated data with sources.

use super::common::{Bilingual, Confidence, Information};
use crate::scalar::IsoDate;
use serde::{Deserialize, Serialize};

pub use lemniscaat::report::ParameterLine;

#[uniffi::remote(Record)]
/// One parameter of the rule set in force, with its provenance.
pub struct ParameterLine {
    /// The parameter name (its id).
    pub name: String,
    /// Its value as text (machine form: decimals with a point, ids).
    pub value: String,
    /// The parameter's name for people, in English and Dutch.
    pub label: Bilingual,
    /// Its value for people, in English and Dutch (`€ 600,00`, `10%`, `3 jaar`).
    pub shown: Bilingual,
    /// Article and lid.
    pub article: String,
    /// How sure the value is.
    pub confidence: Confidence,
    /// How sure the article number is (weaker than `confidence` where a stated amount sits under
    /// a number renumbered by analogy).
    pub article_confidence: Confidence,
    /// The source document's title.
    pub source: String,
    /// Its address, when verified.
    pub url: Option<String>,
}

/// A rule set: its dates, what changed, its parameters with their sources, and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct RuleSetInfo {
    /// Id, e.g. `cao-vo-2014-2015`.
    pub id: String,
    /// Name.
    pub name: String,
    /// First day in force.
    pub in_force_from: IsoDate,
    /// The last day it is known to run, when a source says so.
    pub known_until: Option<IsoDate>,
    /// What changed.
    pub summary: Bilingual,
    /// SHA-256 of the resolved parameters (the receipts' `rule_set_hash`).
    pub hash: String,
    /// The main parameters with provenance.
    pub parameters: Vec<ParameterLine>,
    /// Information items.
    pub information: Vec<Information>,
}
