//! EVC and startkwalificatie (17.3 lid 3 and 4), and the 10% rule of the personele lumpsum (17.2).

use super::common::{Finding, Step};
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

core_enum! {
    /// Education level (`opleidingsniveau`), ordered from `none` to `wo`.
    EducationLevel = lemniscaat::people::EducationLevel {
        /// No completed education.
        None,
        /// vmbo.
        Vmbo,
        /// mbo level 1.
        Mbo1,
        /// mbo level 2 (startkwalificatie level).
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
}

/// The input of `eligibility` (the shape of `eligibility.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct EligibilityInput {
    /// The school year whose rule set applies (default: the one containing `as_of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub school_year: Option<String>,
    /// Pin a rule set by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
    /// The employee's education level.
    pub education_level: EducationLevel,
    /// The date of the last EVC-traject, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub last_evc: Option<IsoDate>,
    /// The date of the question.
    pub as_of: IsoDate,
}

/// The answer of `eligibility`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Eligibility {
    /// The rule set applied.
    pub rule_set: String,
    /// May follow an EVC-traject now.
    pub evc: bool,
    /// When a repeat becomes possible (last EVC + the repeat interval), for an eligible level.
    pub evc_next_date: Option<IsoDate>,
    /// Entitled to a startkwalificatie at the employer's cost.
    pub startkwalificatie: bool,
    /// Why.
    pub explanation: Vec<Step>,
}

core_enum! {
    /// A spending category of the 10% rule.
    SpendingCategory = lemniscaat::budget::SpendingCategory {
        /// Course and tuition fees.
        Fees,
        /// Trainers and coaches.
        Trainers,
        /// Travel.
        Travel,
        /// Location and catering.
        Location,
        /// Materials.
        Materials,
        /// General costs (an e-learning licence, external support for writing the kaders).
        General,
        /// Replacement of staff in training.
        Replacement,
        /// Time: hours valued at an hourly cost.
        Time,
    }
}

/// One spending line: money, or (for `time`) hours with an hourly cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct SpendingLine {
    /// The category.
    pub category: SpendingCategory,
    /// Money spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub money: Option<ExactDecimal>,
    /// Hours (time lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<ExactDecimal>,
    /// The hourly cost of those hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hourly_cost: Option<ExactDecimal>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub description: Option<String>,
}

core_enum! {
    /// The period of the 10% rule.
    Period = lemniscaat::budget::Period {
        /// The financial (calendar) year (default).
        FinancialYear,
        /// The school year starting in August of `year`.
        SchoolYear,
    }
}

/// The input of `lumpsum` (the shape of `lumpsum.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LumpsumInput {
    /// The financial year (or the start year of the school year, with `period: school-year`).
    pub year: i32,
    /// The personele lumpsum in euros.
    pub personele_lumpsum: ExactDecimal,
    /// Spending lines.
    pub lines: Vec<SpendingLine>,
    /// The hourly cost for time lines without their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub default_hourly_cost: Option<ExactDecimal>,
    /// Financial year (default) or school year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub period: Option<Period>,
    /// Pin a rule set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
}

/// The answer of `lumpsum`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LumpsumResult {
    /// The rule set applied.
    pub rule_set: String,
    /// Total spent (money and valued time), in euros rounded to the cent.
    pub total: ExactDecimal,
    /// Total / personele lumpsum, 4 decimals half-up.
    pub share: ExactDecimal,
    /// The minimum share (10%).
    pub minimum_share: ExactDecimal,
    /// At least the minimum share was spent.
    pub compliant: bool,
    /// What is missing to the minimum, in euros rounded to the cent (0.00 when compliant).
    pub shortfall: ExactDecimal,
    /// Totals per category, in euros rounded to the cent.
    pub per_category: HashMap<String, ExactDecimal>,
    /// `LUMPSUM_BELOW_10_PERCENT` when not compliant.
    pub findings: Vec<Finding>,
    /// Why.
    pub explanation: Vec<Step>,
}
