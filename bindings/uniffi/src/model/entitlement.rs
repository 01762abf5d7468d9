//! The basisrecht of article 17: appointments, options, and the entitlement with its explanation.

use super::common::{Bilingual, Explanation, Finding, Information, Receipt};
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};

/// The staff category of an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Teaching staff (OP).
    Teacher,
    /// Support staff (OOP).
    Support,
    /// Management (directie).
    Management,
}

/// One appointment: category, wtf and the dates it runs, both inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Appointment {
    /// Staff category.
    pub category: Category,
    /// Werktijdfactor: above 0, at most 1.
    pub wtf: ExactDecimal,
    /// First day.
    pub start: IsoDate,
    /// Last day (inclusive), or none when open-ended.
    #[uniffi(default)]
    pub end: Option<IsoDate>,
    /// The school (brin or id) the appointment is at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub school: Option<String>,
}

/// The reading of pro rata by wtf for 2014-2015 (art. 6.1 lid 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum ProRataReading {
    /// Pro rata by wtf, as the CAO parties declared on 29-03-2016 (the default).
    PartiesIntent,
    /// The literal reading of the Bezwarencommissie CAO-VO (2016): no pro rata for part-timers.
    #[serde(rename = "bezwarencommissie-2016")]
    Bezwarencommissie2016,
}

/// How a part of a school year counts (a policy option: the CAO is silent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum TemporalProRata {
    /// By calendar days (the default).
    CalendarDays,
    /// Not at all: a full year's right.
    None,
    /// By whole months.
    WholeMonths,
}

/// A rounding mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingMode {
    /// Half away from zero (the default).
    HalfUp,
    /// Half to even.
    HalfEven,
    /// Away from zero.
    Up,
    /// Towards zero.
    Down,
}

/// A rounding: decimals and mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Rounding {
    /// Decimals (default 2).
    pub decimals: u32,
    /// Mode.
    pub mode: RoundingMode,
}

/// The rounding of hours and money; an absent one takes the library's default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct RoundingOptions {
    /// Hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<Rounding>,
    /// Money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub money: Option<Rounding>,
}

/// Lenient (default) or strict handling of school years past the known rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Use the last known rule set and say so.
    Lenient,
    /// Refuse with `RULES_NOT_IN_FORCE`.
    Strict,
}

/// Which balances a saving may keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "kebab-case")]
pub enum SavingUnits {
    /// Hours and money (the default).
    Both,
    /// Money only.
    MoneyOnly,
}

/// A school's own base for management staff, where the CAO leaves it to the school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ManagementBase {
    /// Hours per full-time year.
    pub hours: ExactDecimal,
    /// Euros per full-time year.
    pub money: ExactDecimal,
}

/// Interpretation and policy options; every absent one takes the library's default, which the
/// explanation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Options {
    /// The reading of pro rata by wtf for 2014-2015.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub pro_rata_2014: Option<ProRataReading>,
    /// How part of a school year counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub temporal_pro_rata: Option<TemporalProRata>,
    /// Rounding of hours and money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rounding: Option<RoundingOptions>,
    /// Lenient or strict rule set selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub mode: Option<Mode>,
    /// Which balances a saving keeps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub saving_units: Option<SavingUnits>,
    /// The school's base for management staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub management_base: Option<ManagementBase>,
}

/// The input of an entitlement: one employee, one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct EntitlementInput {
    /// The school year, e.g. `2014-2015`.
    pub school_year: String,
    /// The employee's appointments (any order).
    pub appointments: Vec<Appointment>,
    /// Pin a rule set by id instead of selecting it by date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
    /// Interpretation and policy options (none: the library's defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub options: Option<Options>,
    /// The employee's personal plan asks for the support-staff extension (2023-2024 on).
    #[serde(default)]
    #[uniffi(default)]
    pub support_extension_plan: bool,
    /// Build the explanation and receipt.
    #[serde(default = "yes")]
    #[uniffi(default = true)]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

/// The hours and money of one extra bucket (earmarked or conditional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct BucketAmount {
    /// The bucket id, e.g. `earmarked-basic-skills`.
    pub bucket: String,
    /// Hours.
    pub hours: ExactDecimal,
    /// Money.
    pub money: ExactDecimal,
    /// The earmarked purpose, if any.
    pub purpose: Option<String>,
    /// A label.
    pub label: Bilingual,
}

/// The entitlement of one employee in one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Entitlement {
    /// The school year.
    pub school_year: String,
    /// The rule set applied.
    pub rule_set: String,
    /// Hours of the free basisrecht.
    pub hours: ExactDecimal,
    /// Money of the free basisrecht.
    pub money: ExactDecimal,
    /// Extra buckets.
    pub extra: Vec<BucketAmount>,
    /// The reading of pro rata by wtf applied.
    pub pro_rata: ProRataReading,
    /// Warnings: `WTF_ABOVE_FULL_TIME`, `RULES_OUT_OF_RANGE`.
    pub warnings: Vec<Finding>,
    /// Information of the rule set that concerns the employee.
    pub information: Vec<Information>,
    /// The explanation, when asked for.
    pub explanation: Option<Explanation>,
    /// The receipt, when an explanation was asked for.
    pub receipt: Option<Receipt>,
}
