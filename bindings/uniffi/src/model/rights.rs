//! EVC and startkwalificatie (17.3 lid 3 and 4), and the 10% rule of the personele lumpsum (17.2).

use super::common::{Finding, Step};
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The highest education level an employee has completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// None.
    None,
    /// vmbo.
    Vmbo,
    /// mbo level 1.
    Mbo1,
    /// mbo level 2.
    Mbo2,
    /// mbo level 3.
    Mbo3,
    /// mbo level 4.
    Mbo4,
    /// havo.
    Havo,
    /// vwo.
    Vwo,
    /// hbo.
    Hbo,
    /// wo.
    Wo,
}

/// The input of eligibility: the rule set by school year or id, level and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct EligibilityInput {
    /// The school year (or pin `rule_set`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub school_year: Option<String>,
    /// A rule set id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
    /// The education level.
    pub education_level: EducationLevel,
    /// The day of the last EVC procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub last_evc: Option<IsoDate>,
    /// The day of the question.
    pub as_of: IsoDate,
}

/// EVC and startkwalificatie rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Eligibility {
    /// The rule set applied.
    pub rule_set: String,
    /// Entitled to an EVC procedure now.
    pub evc: bool,
    /// The first day a next EVC is due, if one.
    pub evc_next_date: Option<IsoDate>,
    /// Entitled to training towards a startkwalificatie.
    pub startkwalificatie: bool,
    /// Why.
    pub explanation: Vec<Step>,
}

/// A spending category of professionalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SpendingCategory {
    /// Course and tuition fees.
    Fees,
    /// Trainers and coaches.
    Trainers,
    /// Travel.
    Travel,
    /// Location.
    Location,
    /// Materials.
    Materials,
    /// General costs.
    General,
    /// Replacement of staff in training.
    Replacement,
    /// Time: hours at an hourly cost, or money.
    Time,
}

/// A line of spending: money, or hours at an hourly cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct SpendingLine {
    /// The category.
    pub category: SpendingCategory,
    /// Euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub money: Option<ExactDecimal>,
    /// Hours (category `Time`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<ExactDecimal>,
    /// Euros per hour for `hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hourly_cost: Option<ExactDecimal>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub description: Option<String>,
}

/// The period of a lumpsum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// A financial (calendar) year, the default.
    FinancialYear,
    /// A school year.
    SchoolYear,
}

/// The input of the 10% rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LumpsumInput {
    /// The financial year.
    pub year: i32,
    /// The personele lumpsum in euros.
    pub personele_lumpsum: ExactDecimal,
    /// The spending.
    pub lines: Vec<SpendingLine>,
    /// Euros per hour for time lines without their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub default_hourly_cost: Option<ExactDecimal>,
    /// The period (none: financial year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub period: Option<Period>,
    /// Pin a rule set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
}

/// The 10% rule for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LumpsumResult {
    /// The rule set applied.
    pub rule_set: String,
    /// Total spending in euros.
    pub total: ExactDecimal,
    /// Its share of the lumpsum (4 decimals).
    pub share: ExactDecimal,
    /// The minimum share.
    pub minimum_share: ExactDecimal,
    /// Whether the share reaches the minimum.
    pub compliant: bool,
    /// Euros short of the minimum.
    pub shortfall: ExactDecimal,
    /// Spending per category, in euros as text.
    pub per_category: HashMap<String, String>,
    /// Findings.
    pub findings: Vec<Finding>,
    /// Why.
    pub explanation: Vec<Step>,
}
