//! The basisrecht of article 17: appointments, options, and the entitlement with its explanation.

use super::common::{Bilingual, Explanation, Finding, Information, Receipt};
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};

core_enum! {
    /// The function category (`functiecategorie`) of an appointment.
    Category = lemniscaat::people::Category {
        /// Leraar (scales LB, LC, LD, LE): art. 17.4 lid 1 and 17.5 lid 1 (2014 numbering).
        Teacher,
        /// Onderwijsondersteunend personeel (OOP): art. 17.4 lid 3 and 17.5 lid 3.
        Support,
        /// Directie: no statutory basisrecht in article 17; zero unless the caller configures one.
        Management,
    }
}

/// One appointment (`benoeming`): a category and a wtf over an inclusive date range, optionally at
/// one school. A wtf change is a new appointment segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Appointment {
    /// The function category.
    pub category: Category,
    /// The werktijdfactor.
    pub wtf: ExactDecimal,
    /// The first day (inclusive).
    pub start: IsoDate,
    /// The last day (inclusive), `None` while running.
    #[uniffi(default)]
    pub end: Option<IsoDate>,
    /// The school of the appointment, when the board has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub school: Option<String>,
}

core_enum! {
    /// The readings of pro rata by wtf (art. 6.1 lid 2) for the 2014-2015 rule set.
    ProRataReading = lemniscaat::rules::ProRataReading {
        /// Pro rata by wtf, as the CAO parties declared on 29-03-2016 (the default).
        PartiesIntent,
        /// The literal reading of the Bezwarencommissie CAO-VO (2016): no pro rata for part-timers.
        Bezwarencommissie2016,
    }
}

core_enum! {
    /// Pro rata in time for appointments that do not cover the whole school year (the CAO is silent).
    TemporalProRata = lemniscaat::options::TemporalProRata {
        /// Days of the segment inside the school year / days of the school year (the default).
        CalendarDays,
        /// No reduction: the wtf averaged over the days employed, per category.
        None,
        /// Calendar months whose 1st the segment covers / 12.
        WholeMonths,
    }
}

core_enum! {
    /// How to round: the modes of the `rounding` policy option.
    RoundingMode = lemniscaat::num::RoundingMode {
        /// Half away from zero (the default).
        HalfUp,
        /// Half to even (banker's rounding).
        HalfEven,
        /// Away from zero.
        Up,
        /// Toward zero.
        Down,
    }
}

pub use lemniscaat::num::Rounding;

#[uniffi::remote(Record)]
/// Rounding of one unit: decimals (0 to 8) and mode.
pub struct Rounding {
    /// Number of decimals kept, 0 to 8.
    pub decimals: u32,
    /// The rounding mode.
    pub mode: RoundingMode,
}

/// Rounding per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct RoundingOptions {
    /// Hours (default 2 decimals, half-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<Rounding>,
    /// Money (default cents, half-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub money: Option<Rounding>,
}

core_enum! {
    /// Lenient (default) or strict handling of school years past the known rules.
    Mode = lemniscaat::rules::Mode {
        /// Use the latest rule set with a `RULES_OUT_OF_RANGE` warning.
        Lenient,
        /// Refuse with `RULES_NOT_IN_FORCE`.
        Strict,
    }
}

core_enum! {
    /// Which units the right to save covers (from cao-vo-2020; not settled).
    SavingUnits = lemniscaat::rules::SavingUnits {
        /// Hours and money (the default reading).
        Both,
        /// Money only.
        MoneyOnly,
    }
}

/// A configured basisrecht for management, which the CAO does not grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ManagementBase {
    /// Hours for a full-time, full-year appointment.
    pub hours: ExactDecimal,
    /// Money for a full-time, full-year appointment.
    pub money: ExactDecimal,
}

/// All options; omitted fields take the library's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Options {
    /// The reading of pro rata by wtf where the rule set allows several (2014-2015); absent or null
    /// takes the rule set's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub pro_rata_2014: Option<ProRataReading>,
    /// Pro rata in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub temporal_pro_rata: Option<TemporalProRata>,
    /// Rounding per unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rounding: Option<RoundingOptions>,
    /// Lenient or strict for school years past the known rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub mode: Option<Mode>,
    /// Which units the right to save covers (cao-vo-2020 on); absent or null takes the rule set's
    /// default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub saving_units: Option<SavingUnits>,
    /// A basisrecht for management, which the CAO does not grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub management_base: Option<ManagementBase>,
}

/// The input of `entitlement`: one employee, one school year (the shape of `entitlement.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct EntitlementInput {
    /// The school year.
    pub school_year: String,
    /// The employee's appointments (any order; those outside the school year count zero).
    pub appointments: Vec<Appointment>,
    /// Pin a rule set by id instead of selecting it by date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
    /// Interpretation and policy options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub options: Option<Options>,
    /// The employee's current personal plan asks for the support-staff extension (2023-2024 on).
    #[serde(default)]
    #[uniffi(default)]
    pub support_extension_plan: bool,
    /// Build the explanation and receipt (default true; batch callers may switch it off).
    #[serde(default = "yes")]
    #[uniffi(default = true)]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

/// The hours and money of one extra bucket.
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
    /// Extra buckets (earmarked or conditional).
    pub extra: Vec<BucketAmount>,
    /// The reading of pro rata by wtf applied.
    pub pro_rata: ProRataReading,
    /// Warnings: `WTF_ABOVE_FULL_TIME`, `RULES_OUT_OF_RANGE`.
    pub warnings: Vec<Finding>,
    /// Information of the rule set that concerns the employee (e.g. the induction programme).
    pub information: Vec<Information>,
    /// The explanation, when asked for.
    pub explanation: Option<Explanation>,
    /// The receipt, when an explanation was asked for.
    pub receipt: Option<Receipt>,
}
