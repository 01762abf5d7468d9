//! Validation of a dataset against the CAO and the handreiking: findings, counts and alignment.

use super::common::Finding;
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};

/// Findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Counts {
    /// Errors.
    pub error: u64,
    /// Warnings.
    pub warning: u64,
    /// Information.
    pub info: u64,
}

/// A goal linked to no theme of the level above.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Orphan {
    /// `team` or `personal`.
    pub level: String,
    /// The goal id.
    pub goal: String,
    /// The team or employee.
    pub owner: String,
    /// JSON Pointer of the goal.
    pub path: String,
}

/// How often a theme is taken up by goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ThemeCount {
    /// The theme id.
    pub theme: String,
    /// Its name.
    pub name: Option<String>,
    /// Team goals linked to it.
    pub team_goals: u64,
    /// Personal goals linked to it.
    pub personal_goals: u64,
    /// In the board's kaders.
    pub in_kaders: bool,
    /// In the school's collective plan.
    pub in_collective_plan: bool,
}

/// Top-down and bottom-up alignment of goals with the kaders and collective plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Alignment {
    /// The school year.
    pub school_year: String,
    /// Goals counted.
    pub goals: u64,
    /// Goals linked to a theme.
    pub linked: u64,
    /// `linked / goals`.
    pub coverage: ExactDecimal,
    /// Goals without a link.
    pub orphans: Vec<Orphan>,
    /// Themes of the kaders and plans.
    pub themes: Vec<ThemeCount>,
    /// Themes that arise from goals only.
    pub bottom_up: Vec<ThemeCount>,
}

/// The validation report of a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ValidationReport {
    /// The day of the validation.
    pub as_of: IsoDate,
    /// The school year of `as_of`.
    pub school_year: String,
    /// The rule set in force.
    pub rule_set: String,
    /// The findings.
    pub findings: Vec<Finding>,
    /// Counts per severity.
    pub counts: Counts,
    /// Alignment.
    pub alignment: Alignment,
}
