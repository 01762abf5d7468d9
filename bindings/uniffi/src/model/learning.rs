//! The 70:20:10 model: classification of activities and the mix of a plan (advice).

use super::common::{Bilingual, Finding};
use crate::scalar::ExactDecimal;
use serde::{Deserialize, Serialize};

core_enum! {
    /// A bucket of the 70:20:10 model.
    Bucket = lemniscaat::learning::Bucket {
        /// 70: learning on the job.
        Experience,
        /// 20: learning from others.
        Social,
        /// 10: formal learning.
        Formal,
        /// Not recognised.
        Unknown,
    }
}

core_enum! {
    /// The Cedefop class of an activity.
    Cedefop = lemniscaat::learning::Cedefop {
        /// Leads to a recognised qualification.
        Formal,
        /// Organised, intentional, without a qualification.
        NonFormal,
        /// Learning from daily work.
        Informal,
    }
}

pub use lemniscaat::learning::Match;

#[uniffi::remote(Record)]
/// A term the classifier recognised.
pub struct Match {
    /// The keyword (normalised).
    pub term: String,
    /// The kind it points to.
    pub kind: String,
    /// The kind's bucket.
    pub bucket: Bucket,
}

/// Shares per bucket (4 decimals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Shares {
    /// Experience (70).
    pub experience: ExactDecimal,
    /// Social (20).
    pub social: ExactDecimal,
    /// Formal (10).
    pub formal: ExactDecimal,
    /// Not recognised.
    pub unknown: ExactDecimal,
}

pub use lemniscaat::learning::ClassifyInput;

#[uniffi::remote(Record)]
/// The input of `classify` (the shape of `classification.json`): a kind id or free text.
pub struct ClassifyInput {
    /// An activity kind id.
    #[uniffi(default)]
    pub kind: Option<String>,
    /// Free text (Dutch or English).
    #[uniffi(default)]
    pub text: Option<String>,
    /// `nl` or `en`: restricts the keywords; default both.
    #[uniffi(default)]
    pub language: Option<String>,
    /// Kinds to add to or replace in the built-in taxonomy.
    #[uniffi(default)]
    pub taxonomy: Vec<ActivityKind>,
}

pub use lemniscaat::learning::Keywords;

#[uniffi::remote(Record)]
/// Keywords of a kind per language.
pub struct Keywords {
    /// Dutch.
    #[uniffi(default)]
    pub nl: Vec<String>,
    /// English.
    #[uniffi(default)]
    pub en: Vec<String>,
}

pub use lemniscaat::learning::ActivityKind;

#[uniffi::remote(Record)]
/// An activity kind of the taxonomy.
pub struct ActivityKind {
    /// Stable id, e.g. `intervision`.
    pub id: String,
    /// Labels.
    pub label: Bilingual,
    /// Its 70:20:10 bucket.
    pub bucket: Bucket,
    /// Its CAO 17.1 category (`a`-`d`), if any.
    #[uniffi(default)]
    pub cao_17_1: Option<String>,
    /// Its Cedefop class.
    pub cedefop: Cedefop,
    /// Keywords for free text.
    pub keywords: Keywords,
    /// Where the mapping comes from.
    pub source: String,
}

/// The answer of `classify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Classification {
    /// The bucket (the one with the highest score), or `unknown`.
    pub bucket: Bucket,
    /// The best matching kind.
    pub kind: Option<String>,
    /// Its CAO 17.1 category.
    pub cao_17_1: Option<String>,
    /// Its Cedefop class.
    pub cedefop: Option<Cedefop>,
    /// Scores per bucket (shares of the matched weight).
    pub scores: Shares,
    /// The terms recognised.
    pub matched: Vec<Match>,
    /// Where the kind's mapping comes from.
    pub source: Option<String>,
}

core_enum! {
    /// What weighs an activity in the mix.
    Weight = lemniscaat::learning::Weight {
        /// Hours (the default).
        Hours,
        /// Cost.
        Cost,
        /// Each activity counts once.
        Count,
    }
}

/// One activity of a mix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct MixActivity {
    /// A kind id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub kind: Option<String>,
    /// Or free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub text: Option<String>,
    /// A name (used as text when neither kind nor text is given).
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

/// The target mix (default 0.70 / 0.20 / 0.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Target {
    /// Experience share.
    pub experience: ExactDecimal,
    /// Social share.
    pub social: ExactDecimal,
    /// Formal share.
    pub formal: ExactDecimal,
}

/// The input of `mix` (the shape of `mix.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct MixInput {
    /// The activities.
    pub activities: Vec<MixActivity>,
    /// What weighs (default hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub weight: Option<Weight>,
    /// The target (default 70:20:10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub target: Option<Target>,
    /// How far a share may stray from its target before advice is given (default 0.10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub tolerance: Option<ExactDecimal>,
    /// Kinds to add to or replace in the built-in taxonomy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[uniffi(default)]
    pub taxonomy: Vec<ActivityKind>,
}

/// The answer of `mix`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Mix {
    /// Shares per bucket (4 decimals).
    pub shares: Shares,
    /// The target.
    pub target: Target,
    /// The tolerance used.
    pub tolerance: ExactDecimal,
    /// The weight used.
    pub weight: Weight,
    /// Total weight (hours, cost or count).
    pub total: ExactDecimal,
    /// The classification of each activity.
    pub activities: Vec<Classification>,
    /// Advice (`info`): `MIX_FORMAL_HEAVY`, `MIX_NO_WORKPLACE_LEARNING`.
    pub findings: Vec<Finding>,
}
