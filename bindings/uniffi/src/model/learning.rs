//! The 70:20:10 model: classification of activities and the mix of a plan (advice).

use super::common::{Bilingual, Finding};
use crate::scalar::ExactDecimal;
use serde::{Deserialize, Serialize};

/// A bucket of the 70:20:10 model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// 70: learning from experience.
    Experience,
    /// 20: learning from others.
    Social,
    /// 10: formal learning.
    Formal,
    /// Not recognised.
    Unknown,
}

/// The Cedefop kind of learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Cedefop {
    /// Formal.
    Formal,
    /// Non-formal.
    NonFormal,
    /// Informal.
    Informal,
}

/// A term of the text that matched an activity kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Match {
    /// The term.
    pub term: String,
    /// The activity kind.
    pub kind: String,
    /// Its bucket.
    pub bucket: Bucket,
}

/// Shares (or scores) per bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Shares {
    /// Experience.
    pub experience: ExactDecimal,
    /// Social.
    pub social: ExactDecimal,
    /// Formal.
    pub formal: ExactDecimal,
    /// Unknown.
    pub unknown: ExactDecimal,
}

/// An activity to classify: a kind id or a free text (Dutch or English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ClassifyInput {
    /// An activity kind id, e.g. `intervision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub kind: Option<String>,
    /// A free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub text: Option<String>,
    /// `nl` or `en` (none: both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub language: Option<String>,
    /// The school's own activity kinds: added to the built-in taxonomy, or replacing a built-in
    /// kind of the same id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[uniffi(default)]
    pub taxonomy: Vec<ActivityKind>,
}

/// Keywords of an activity kind per language, matched in free text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, uniffi::Record)]
pub struct Keywords {
    /// Dutch.
    #[serde(default)]
    #[uniffi(default)]
    pub nl: Vec<String>,
    /// English.
    #[serde(default)]
    #[uniffi(default)]
    pub en: Vec<String>,
}

/// An activity kind of the taxonomy (the shape of the built-in ones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ActivityKind {
    /// Stable id, e.g. `lesson-study`.
    pub id: String,
    /// Labels.
    pub label: Bilingual,
    /// Its 70:20:10 bucket (not `Unknown`).
    pub bucket: Bucket,
    /// Its CAO 17.1 category (`a`-`d`), if any.
    #[uniffi(default)]
    pub cao_17_1: Option<String>,
    /// Its Cedefop class.
    pub cedefop: Cedefop,
    /// Keywords for free text.
    #[serde(default)]
    pub keywords: Keywords,
    /// Where the mapping comes from (the school's own policy, a source id).
    pub source: String,
}

/// The classification of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Classification {
    /// The bucket.
    pub bucket: Bucket,
    /// The activity kind, when recognised.
    pub kind: Option<String>,
    /// The purpose of article 17.1 (`a` to `d`), when known.
    pub cao_17_1: Option<String>,
    /// The Cedefop kind.
    pub cedefop: Option<Cedefop>,
    /// Scores per bucket.
    pub scores: Shares,
    /// The terms that matched.
    pub matched: Vec<Match>,
    /// The source of the kind.
    pub source: Option<String>,
}

/// What weighs an activity in the mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Hours (the default).
    Hours,
    /// Cost.
    Cost,
    /// Each activity counts one.
    Count,
}

/// An activity of a mix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct MixActivity {
    /// An activity kind id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub kind: Option<String>,
    /// A free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub text: Option<String>,
    /// A name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub name: Option<String>,
    /// Hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<ExactDecimal>,
    /// Cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub cost: Option<ExactDecimal>,
}

/// The target shares (default 0.70, 0.20, 0.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Target {
    /// Experience.
    pub experience: ExactDecimal,
    /// Social.
    pub social: ExactDecimal,
    /// Formal.
    pub formal: ExactDecimal,
}

/// The input of a mix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct MixInput {
    /// The activities.
    pub activities: Vec<MixActivity>,
    /// What weighs (none: hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub weight: Option<Weight>,
    /// The target (none: 70:20:10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub target: Option<Target>,
    /// The tolerance around the target (none: the library's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub tolerance: Option<ExactDecimal>,
    /// The school's own activity kinds (see [`ClassifyInput::taxonomy`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[uniffi(default)]
    pub taxonomy: Vec<ActivityKind>,
}

/// The 70:20:10 mix of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Mix {
    /// The shares.
    pub shares: Shares,
    /// The target.
    pub target: Target,
    /// The tolerance.
    pub tolerance: ExactDecimal,
    /// What weighed.
    pub weight: Weight,
    /// The total weight.
    pub total: ExactDecimal,
    /// Each activity's classification.
    pub activities: Vec<Classification>,
    /// Advice.
    pub findings: Vec<Finding>,
}
