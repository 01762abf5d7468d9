//! The ledger of article 17.5-17.6: grants, usage, saving, lapse, reservations and facilities.

use super::common::{Finding, Receipt, Step};
use super::entitlement::{Appointment, Options};
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};

/// A balance unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum BalanceUnit {
    /// Hours.
    Hours,
    /// Money.
    Money,
}

/// The basis of a saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SavingBasis {
    /// A deviating agreement (17.6): allowed under every rule set, any span.
    Agreement,
    /// The right to save (from cao-vo-2020): needs a plan, two school years at most.
    Right,
}

/// A cap on a saving; an absent unit is not capped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Cap {
    /// Hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<ExactDecimal>,
    /// Money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub money: Option<ExactDecimal>,
}

/// An event of the ledger; events may come in any order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LedgerEvent {
    /// Hours and money used for an activity.
    Usage {
        /// The day of use.
        date: IsoDate,
        /// Hours.
        hours: ExactDecimal,
        /// Money.
        money: ExactDecimal,
        /// The activity id.
        activity: String,
        /// Assigned by the employer (17.3 lid 2).
        assigned: bool,
        /// The employee consented to drawing assigned work from the basisrecht.
        consent: bool,
        /// Draw from an extra bucket instead of the free basisrecht.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// Keep a year's balance beyond its lapse (17.6).
    Saving {
        /// The school year whose grant is saved.
        from: String,
        /// The last school year it stays available.
        until: String,
        /// The units saved.
        units: Vec<BalanceUnit>,
        /// Agreement or right.
        basis: SavingBasis,
        /// The personal plan the saving serves (needed for `Right`).
        plan: Option<String>,
        /// The cap.
        cap: Cap,
        /// Save an extra bucket instead of the free basisrecht.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// A signed correction.
    Adjustment {
        /// The day.
        date: IsoDate,
        /// Hours (signed).
        hours: ExactDecimal,
        /// Money (signed).
        money: ExactDecimal,
        /// Why.
        reason: String,
        /// Adjust an extra bucket instead of the free basisrecht.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// Planned use, not yet booked.
    Reservation {
        /// The day.
        date: IsoDate,
        /// Hours.
        hours: ExactDecimal,
        /// Money.
        money: ExactDecimal,
        /// The activity id.
        activity: String,
        /// Reserve from an extra bucket.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// Facilities for assigned work that the employer pays besides the basisrecht.
    Facility {
        /// The day.
        date: IsoDate,
        /// Hours.
        hours: ExactDecimal,
        /// Money.
        money: ExactDecimal,
        /// The activity id.
        activity: String,
    },
}

/// The input of the ledger: one employee over several school years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LedgerInput {
    /// The employee's appointments.
    pub appointments: Vec<Appointment>,
    /// The events, in any order.
    #[uniffi(default)]
    pub events: Vec<LedgerEvent>,
    /// The school years whose statements are wanted.
    pub school_years: Vec<String>,
    /// Pin a rule set by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
    /// Options (none: the library's defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub options: Option<Options>,
    /// The personal plan asks for the support-staff extension.
    #[serde(default)]
    #[uniffi(default)]
    pub support_extension_plan: bool,
    /// The day of the balances (default: the end of the last school year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub as_of: Option<IsoDate>,
    /// List grants that lapse within this many days of `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub expiring_within_days: Option<u32>,
    /// Explain every statement line.
    #[serde(default = "yes")]
    #[uniffi(default = true)]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

/// One unit of a statement: `opening + granted - used + adjusted = lapsed + carried`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct UnitStatement {
    /// Balance at the start.
    pub opening: ExactDecimal,
    /// Granted this year.
    pub granted: ExactDecimal,
    /// Used.
    pub used: ExactDecimal,
    /// Adjusted (signed).
    pub adjusted: ExactDecimal,
    /// Lapsed at the end.
    pub lapsed: ExactDecimal,
    /// Carried into the next year.
    pub carried: ExactDecimal,
}

/// The statement of one school year and bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Statement {
    /// The school year.
    pub school_year: String,
    /// `basisrecht` or an extra bucket id.
    pub bucket: String,
    /// The rule set of the year.
    pub rule_set: String,
    /// Hours.
    pub hours: UnitStatement,
    /// Money.
    pub money: UnitStatement,
    /// Why, line by line (empty when `explain` is false).
    pub explanation: Vec<Step>,
}

/// Hours and money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Amounts {
    /// Hours.
    pub hours: ExactDecimal,
    /// Money.
    pub money: ExactDecimal,
}

/// The balance of a bucket on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Balance {
    /// The bucket.
    pub bucket: String,
    /// The day.
    pub date: IsoDate,
    /// Booked balance.
    pub booked: Amounts,
    /// Reserved.
    pub reserved: Amounts,
    /// Booked minus reserved.
    pub free_to_plan: Amounts,
}

/// A grant that lapses soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Expiring {
    /// The bucket.
    pub bucket: String,
    /// The school year of the grant.
    pub granted_in: String,
    /// Its last day.
    pub lapses_after: IsoDate,
    /// What remains of it.
    pub amounts: Amounts,
}

/// Facilities for assigned work in a school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Facilities {
    /// The school year.
    pub school_year: String,
    /// The total.
    pub total: Amounts,
    /// The activities.
    pub activities: Vec<String>,
}

/// The ledger of one employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LedgerResult {
    /// Statements of the free basisrecht.
    pub statements: Vec<Statement>,
    /// Statements of the extra buckets.
    pub bucket_statements: Vec<Statement>,
    /// Balances on `as_of`.
    pub balances: Vec<Balance>,
    /// Free to plan at the end of the last school year (after reservations).
    pub free_to_plan: Amounts,
    /// Grants that lapse soon.
    pub expiring: Vec<Expiring>,
    /// Facilities for assigned work.
    pub facilities: Vec<Facilities>,
    /// Warnings.
    pub warnings: Vec<Finding>,
    /// The receipt.
    pub receipt: Option<Receipt>,
}
