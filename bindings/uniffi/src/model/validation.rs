//! Validation of a dataset against the CAO and the handreiking: findings, counts and alignment.

use super::common::Finding;
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};

/// Counts of findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Counts {
    /// Errors.
    pub error: u64,
    /// Warnings.
    pub warning: u64,
    /// Advice.
    pub info: u64,
}

pub use lemniscaat::alignment::Orphan;

#[uniffi::remote(Record)]
/// A goal that links to nothing known.
pub struct Orphan {
    /// `team` or `personal`.
    pub level: String,
    /// The goal id.
    pub goal: String,
    /// The team or employee id.
    pub owner: String,
    /// JSON Pointer to the goal.
    pub path: String,
}

/// How often a theme comes back in the team and personal plans of the school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ThemeCount {
    /// The theme id.
    pub theme: String,
    /// Its name, when known.
    pub name: Option<String>,
    /// Team goals linked to it.
    pub team_goals: u64,
    /// Personal goals linked to it (directly, or through a team goal).
    pub personal_goals: u64,
    /// In the kaders in force.
    pub in_kaders: bool,
    /// In a collective plan of the school year.
    pub in_collective_plan: bool,
}

/// The alignment report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Alignment {
    /// The school year of `as_of`.
    pub school_year: String,
    /// Team and personal goals of the school year.
    pub goals: u64,
    /// Of those, linked to a current school theme (directly or through a team goal).
    pub linked: u64,
    /// `linked / goals`, 4 decimals (0 when there are no goals).
    pub coverage: ExactDecimal,
    /// Goals that link to nothing known.
    pub orphans: Vec<Orphan>,
    /// Theme frequency, most frequent first.
    pub themes: Vec<ThemeCount>,
    /// Themes that come up from team or personal plans but are not in the collective plan or the
    /// kaders: candidates for the next cycle.
    pub bottom_up: Vec<ThemeCount>,
}

/// The answer of `validate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ValidationReport {
    /// The date judged on.
    pub as_of: IsoDate,
    /// The school year of `as_of`.
    pub school_year: String,
    /// The rule set applied.
    pub rule_set: String,
    /// The findings, errors first, then by path.
    pub findings: Vec<Finding>,
    /// Counts per severity.
    pub counts: Counts,
    /// Alignment and rode draden.
    pub alignment: Alignment,
}
