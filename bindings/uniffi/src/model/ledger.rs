//! The ledger of article 17.5-17.6: grants, usage, saving, lapse, reservations and facilities.

use super::common::{Finding, Receipt, Step};
use super::entitlement::{Appointment, Options};
use crate::scalar::{ExactDecimal, IsoDate};
use serde::{Deserialize, Serialize};

core_enum! {
    /// A unit of the balance.
    BalanceUnit = lemniscaat::ledger::BalanceUnit {
        /// Hours.
        Hours,
        /// Money (euros).
        Money,
    }
}

core_enum! {
    /// How a saving agreement is founded.
    SavingBasis = lemniscaat::ledger::SavingBasis {
        /// A deviating agreement (17.6): allowed under every rule set, any span.
        Agreement,
        /// The right to save (cao-vo-2020 on): a plan and at most two school years in total.
        Right,
    }
}

/// Caps of a saving agreement per unit (absent or null: no cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Cap {
    /// Cap on hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub hours: Option<ExactDecimal>,
    /// Cap on money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub money: Option<ExactDecimal>,
}

/// A ledger event (the `type` field selects the kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LedgerEvent {
    /// Use of the balance for an activity.
    Usage {
        /// The day.
        date: IsoDate,
        /// Hours used.
        hours: ExactDecimal,
        /// Money used.
        money: ExactDecimal,
        /// The activity it was spent on (17.4 lid 4: accounted for in the conversation cycle).
        activity: String,
        /// The activity was assigned (opgedragen) by the employer.
        assigned: bool,
        /// The employee consented to charging it to the basisrecht.
        consent: bool,
        /// An extra bucket to draw from instead of the free basisrecht.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// A saving agreement (spaarafspraak).
    Saving {
        /// The school year whose remaining balance is saved.
        from: String,
        /// The last school year it may be used in.
        until: String,
        /// Which units.
        units: Vec<BalanceUnit>,
        /// Agreement or right.
        basis: SavingBasis,
        /// The plan that underlies it.
        plan: Option<String>,
        /// Caps per unit.
        cap: Cap,
        /// The bucket saved (default the free basisrecht).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// A signed correction with a reason.
    Adjustment {
        /// The day.
        date: IsoDate,
        /// Hours (signed).
        hours: ExactDecimal,
        /// Money (signed).
        money: ExactDecimal,
        /// Why.
        reason: String,
        /// The bucket (default the free basisrecht).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// Planned use: reduces the free-to-plan balance, not the booked one; released by a usage of
    /// the same activity or at the end of its school year.
    Reservation {
        /// The day it was recorded.
        date: IsoDate,
        /// Hours reserved.
        hours: ExactDecimal,
        /// Money reserved.
        money: ExactDecimal,
        /// The planned activity.
        activity: String,
        /// The bucket (default the free basisrecht).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// An assigned activity at the employer's cost (17.7): outside the balance, not pro rata.
    Facility {
        /// The day.
        date: IsoDate,
        /// Hours of facility (within the jaartaak).
        hours: ExactDecimal,
        /// Money paid by the employer.
        money: ExactDecimal,
        /// The activity.
        activity: String,
    },
}

/// The input of `ledger` (the shape of `ledger.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LedgerInput {
    /// The employee's appointments.
    pub appointments: Vec<Appointment>,
    /// The events, in any order.
    #[uniffi(default)]
    pub events: Vec<LedgerEvent>,
    /// The school years whose statements are wanted.
    pub school_years: Vec<String>,
    /// Pin a rule set for every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub rule_set: Option<String>,
    /// Options (as for the entitlement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub options: Option<Options>,
    /// The employee's plan asks for the support-staff extension (2023-2024 on).
    #[serde(default)]
    #[uniffi(default)]
    pub support_extension_plan: bool,
    /// The date of the balance and the expiring-soon list (default: the last day of the last
    /// school year asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub as_of: Option<IsoDate>,
    /// The window of the expiring-soon list in days (default 90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub expiring_within_days: Option<u32>,
    /// Explain every statement line and give a receipt (default true; batch callers may switch
    /// it off).
    #[serde(default = "yes")]
    #[uniffi(default = true)]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

/// One unit's movement in one school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct UnitStatement {
    /// Saved balances brought in.
    pub opening: ExactDecimal,
    /// Granted on 1 August (or pro rata at the start of an appointment).
    pub granted: ExactDecimal,
    /// Used.
    pub used: ExactDecimal,
    /// Adjusted (signed).
    pub adjusted: ExactDecimal,
    /// Lapsed after 31 July.
    pub lapsed: ExactDecimal,
    /// Saved onward into the next school year.
    pub carried: ExactDecimal,
}

/// The statement of one bucket in one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Statement {
    /// The school year.
    pub school_year: String,
    /// The bucket: `basisrecht` or an extra bucket id.
    pub bucket: String,
    /// The rule set of the year.
    pub rule_set: String,
    /// Hours.
    pub hours: UnitStatement,
    /// Money.
    pub money: UnitStatement,
    /// Each line explained, with its article.
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

/// The balance of a bucket on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Balance {
    /// The bucket.
    pub bucket: String,
    /// The date.
    pub date: IsoDate,
    /// Booked: granted and saved, less what was used.
    pub booked: Amounts,
    /// Open reservations.
    pub reserved: Amounts,
    /// Free to plan: booked less reservations.
    pub free_to_plan: Amounts,
}

/// An amount that lapses soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Expiring {
    /// The bucket.
    pub bucket: String,
    /// The school year of the grant.
    pub granted_in: String,
    /// The last day it may be used.
    pub lapses_after: IsoDate,
    /// What lapses then unless used.
    pub amounts: Amounts,
}

/// Employer-paid facilities of assigned activities (17.7) in a school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct Facilities {
    /// The school year.
    pub school_year: String,
    /// Totals (not pro rata by wtf: 17.7 lid 3).
    pub total: Amounts,
    /// The activities.
    pub activities: Vec<String>,
}

/// The ledger's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct LedgerResult {
    /// The free basisrecht's statements, one per school year asked.
    pub statements: Vec<Statement>,
    /// The statements of extra buckets (earmarked or conditional), per school year asked.
    pub bucket_statements: Vec<Statement>,
    /// The balance of every bucket at `as_of`.
    pub balances: Vec<Balance>,
    /// Free to plan of the free basisrecht at `as_of` (after reservations).
    pub free_to_plan: Amounts,
    /// What lapses within the window after `as_of`.
    pub expiring: Vec<Expiring>,
    /// Employer-paid facilities per school year asked.
    pub facilities: Vec<Facilities>,
    /// Warnings from the entitlements (`RULES_OUT_OF_RANGE`, `WTF_ABOVE_FULL_TIME`).
    pub warnings: Vec<Finding>,
    /// The receipt.
    pub receipt: Option<Receipt>,
}
