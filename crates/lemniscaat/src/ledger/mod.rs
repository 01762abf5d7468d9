//! The entitlement ledger: grants on 1 August, use, lapse after 31 July, saving (art. 17.4 lid 2,
//! 17.5 lid 2, 17.6 and 17.7; 16.x from 2018).
//!
//! The ledger is a pure function of the appointments and the events: it replays them in a
//! deterministic order and either returns statements or refuses the whole sequence with a typed
//! error naming the event (`INSUFFICIENT_BALANCE`, `ASSIGNED_WITHOUT_CONSENT`,
//! `SAVING_NOT_ALLOWED`): a refused event leaves nothing half-applied.
//!
//! **Order.** Events are replayed by date; on the same day adjustments come first, then usages,
//! then reservations, then facilities; events of the same kind on the same day are ordered by
//! their fields (amounts, activity, flags). So the order in which same-day events are given never changes a statement.
//!
//! **Lapse** (17.6). Each school year's grant lapses at the end of that school year (after 31 July)
//! unless a saving agreement keeps it:
//!
//! ```
//! use lemniscaat::ledger::{ledger, LedgerInput};
//! let input: LedgerInput = serde_json::from_str(r#"{
//!   "appointments": [{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}],
//!   "events": [{"type":"usage","date":"2015-03-02","hours":"50","money":"400","activity":"A1"}],
//!   "school_years": ["2014-2015"]}"#).unwrap();
//! let s = &ledger(&input).unwrap().statements[0];
//! assert_eq!(s.hours.lapsed.to_string(), "33.00");
//! assert_eq!(s.money.lapsed.to_string(), "200.00");
//! ```
//!
//! **Saving** (17.6). A saving agreement keeps what the `from` year's grant still has at its end
//! (up to a cap) until the end of the `until` year. Usage draws on what expires first, the oldest
//! grant first on ties:
//!
//! ```
//! use lemniscaat::ledger::{ledger, LedgerInput};
//! let input: LedgerInput = serde_json::from_str(r#"{
//!   "appointments": [{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}],
//!   "events": [
//!     {"type":"saving","from":"2014-2015","until":"2015-2016","units":["hours"],"basis":"agreement"},
//!     {"type":"usage","date":"2015-09-01","hours":"100","money":"0","activity":"A2"}],
//!   "school_years": ["2014-2015","2015-2016"]}"#).unwrap();
//! let st = ledger(&input).unwrap().statements;
//! assert_eq!(st[0].hours.carried.to_string(), "83.00");
//! assert_eq!(st[1].hours.opening.to_string(), "83.00");
//! assert_eq!(st[1].hours.lapsed.to_string(), "66.00"); // 100 drew 83 saved + 17 of the new grant
//! ```
//!
//! **Consent** (17.4 lid 2, 17.5 lid 2). The basisrecht is charged for an assigned activity only
//! with the employee's consent; otherwise the activity is an employer-paid `facility` (17.7), not
//! pro rata by wtf, outside the balance:
//!
//! ```
//! use lemniscaat::{ledger::{ledger, LedgerInput}, ErrorCode};
//! let input: LedgerInput = serde_json::from_str(r#"{
//!   "appointments": [{"category":"teacher","wtf":"0.5","start":"2010-08-01","end":null}],
//!   "events": [{"type":"usage","date":"2015-03-02","hours":"20","money":"0","activity":"A1","assigned":true}],
//!   "school_years": ["2014-2015"]}"#).unwrap();
//! let err = ledger(&input).unwrap_err();
//! assert_eq!((err.code(), err.path()), (ErrorCode::AssignedWithoutConsent, "/events/0"));
//! ```

use crate::error::Result;
use crate::explain::{Receipt, Step};
use crate::finding::{Finding, FindingSource};
use crate::options::Options;
use crate::people::{Appointment, Category};
use crate::rules::{RuleBook, RuleSet};
use crate::time::{self, SchoolYear};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod explain;
mod read;
mod replay;

pub(crate) use replay::only_category;

/// The id of the free basisrecht bucket.
pub const BASISRECHT: &str = "basisrecht";

/// A unit of the balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BalanceUnit {
    /// Hours.
    Hours,
    /// Money (euros).
    Money,
}

/// How a saving agreement is founded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SavingBasis {
    /// A deviating agreement (17.6): allowed under every rule set, any span.
    Agreement,
    /// The right to save (cao-vo-2020 on): a plan and at most two school years in total.
    Right,
}

/// Caps of a saving agreement per unit (absent or null: no cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// Cap on hours.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub hours: Option<Decimal>,
    /// Cap on money.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub money: Option<Decimal>,
}

// Read through a flat record (`read.rs`) rather than serde's internally tagged enums, which
// buffer every event and double the parsing code of each kind (about 7 KB of WebAssembly).
/// A ledger event (the `type` field selects the kind).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum LedgerEvent {
    /// Use of the balance for an activity.
    Usage {
        /// The day.
        #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
        date: NaiveDate,
        /// Hours used.
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        hours: Decimal,
        /// Money used.
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        money: Decimal,
        /// The activity it was spent on (17.4 lid 4: accounted for in the conversation cycle).
        activity: String,
        /// The activity was assigned (opgedragen) by the employer.
        #[serde(default)]
        assigned: bool,
        /// The employee consented to charging it to the basisrecht.
        #[serde(default)]
        consent: bool,
        /// An extra bucket to draw from instead of the free basisrecht.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// A saving agreement (spaarafspraak).
    Saving {
        /// The school year whose remaining balance is saved.
        from: SchoolYear,
        /// The last school year it may be used in.
        until: SchoolYear,
        /// Which units.
        units: Vec<BalanceUnit>,
        /// Agreement or right.
        basis: SavingBasis,
        /// The plan that underlies it.
        #[serde(default)]
        plan: Option<String>,
        /// Caps per unit.
        #[serde(default)]
        cap: Cap,
        /// The bucket saved (default the free basisrecht).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// A signed correction with a reason.
    Adjustment {
        /// The day.
        #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
        date: NaiveDate,
        /// Hours (signed).
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        hours: Decimal,
        /// Money (signed).
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        money: Decimal,
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
        #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
        date: NaiveDate,
        /// Hours reserved.
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        hours: Decimal,
        /// Money reserved.
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        money: Decimal,
        /// The planned activity.
        activity: String,
        /// The bucket (default the free basisrecht).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        bucket: Option<String>,
    },
    /// An assigned activity at the employer's cost (17.7): outside the balance, not pro rata.
    Facility {
        /// The day.
        #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
        date: NaiveDate,
        /// Hours of facility (within the jaartaak).
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        hours: Decimal,
        /// Money paid by the employer.
        #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
        money: Decimal,
        /// The activity.
        activity: String,
    },
}

impl LedgerEvent {
    fn rank(&self) -> u8 {
        match self {
            LedgerEvent::Adjustment { .. } => 0,
            LedgerEvent::Usage { .. } => 1,
            LedgerEvent::Reservation { .. } => 2,
            LedgerEvent::Facility { .. } => 3,
            LedgerEvent::Saving { .. } => 4,
        }
    }

    fn date(&self) -> Option<NaiveDate> {
        match self {
            LedgerEvent::Usage { date, .. }
            | LedgerEvent::Adjustment { date, .. }
            | LedgerEvent::Reservation { date, .. }
            | LedgerEvent::Facility { date, .. } => Some(*date),
            LedgerEvent::Saving { .. } => None,
        }
    }
}

/// The input of [`ledger`] (the shape of `ledger.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LedgerInput {
    /// The employee's appointments.
    pub appointments: Vec<Appointment>,
    /// The events, in any order.
    #[serde(default)]
    pub events: Vec<LedgerEvent>,
    /// The school years whose statements are wanted.
    pub school_years: Vec<SchoolYear>,
    /// Pin a rule set for every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// Options (as for the entitlement).
    #[serde(default)]
    pub options: Options,
    /// The employee's plan asks for the support-staff extension (2023-2024 on).
    #[serde(default)]
    pub support_extension_plan: bool,
    /// The date of the balance and the expiring-soon list (default: the last day of the last
    /// school year asked).
    #[serde(
        default,
        serialize_with = "time::opt_date::serialize",
        deserialize_with = "time::opt_date::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub as_of: Option<NaiveDate>,
    /// The window of the expiring-soon list in days (default 90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiring_within_days: Option<u32>,
    /// Explain every statement line and give a receipt (default true; batch callers may switch
    /// it off).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// One unit's movement in one school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitStatement {
    /// Saved balances brought in.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub opening: Decimal,
    /// Granted on 1 August (or pro rata at the start of an appointment).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub granted: Decimal,
    /// Used.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub used: Decimal,
    /// Adjusted (signed).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub adjusted: Decimal,
    /// Lapsed after 31 July.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub lapsed: Decimal,
    /// Saved onward into the next school year.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub carried: Decimal,
}

/// The statement of one bucket in one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statement {
    /// The school year.
    pub school_year: SchoolYear,
    /// The bucket: `basisrecht` or an extra bucket id.
    pub bucket: String,
    /// The rule set of the year.
    pub rule_set: Arc<str>,
    /// Hours.
    pub hours: UnitStatement,
    /// Money.
    pub money: UnitStatement,
    /// Each line explained, with its article.
    pub explanation: Vec<Step>,
}

/// Hours and money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Amounts {
    /// Hours.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub hours: Decimal,
    /// Money.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub money: Decimal,
}

/// The balance of a bucket on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Balance {
    /// The bucket.
    pub bucket: String,
    /// The date.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub date: NaiveDate,
    /// Booked: granted and saved, less what was used.
    pub booked: Amounts,
    /// Open reservations.
    pub reserved: Amounts,
    /// Free to plan: booked less reservations.
    pub free_to_plan: Amounts,
}

/// An amount that lapses soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Expiring {
    /// The bucket.
    pub bucket: String,
    /// The school year of the grant.
    pub granted_in: SchoolYear,
    /// The last day it may be used.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub lapses_after: NaiveDate,
    /// What lapses then unless used.
    pub amounts: Amounts,
}

/// Employer-paid facilities of assigned activities (17.7) in a school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Facilities {
    /// The school year.
    pub school_year: SchoolYear,
    /// Totals (not pro rata by wtf: 17.7 lid 3).
    pub total: Amounts,
    /// The activities.
    pub activities: Vec<String>,
}

/// The ledger's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// The consent rule for charging the basisrecht: hours (17.4 lid 2) or money only (17.5 lid 2)
/// for a teacher; for support staff the lid that applies it "van overeenkomstige toepassing"
/// (17.4 lid 3 jo. lid 2), in the rule set's own numbering.
pub(crate) fn consent_source(rs: &RuleSet, hours: bool, category: Option<Category>) -> FindingSource {
    let mut src = FindingSource::article(rs, if hours { "consent_hours" } else { "consent_money" });
    if category == Some(Category::Support) {
        let base = rs.parameters.base(Category::Support, hours);
        if let (Some(own), Some(applied)) = (&base.lid, &src.lid) {
            src.lid = Some(format!("{own} jo. lid {applied}").into());
            src.confidence = Some(src.confidence.map_or(base.provenance.of_article(), |c| c.weaker(base.provenance.of_article())));
        }
    }
    src
}

/// Replays the events and returns the statements with the built-in rule sets.
pub fn ledger(input: &LedgerInput) -> Result<LedgerResult> {
    ledger_with(RuleBook::builtin(), input)
}

/// The largest number of events and school years one ledger replays.
pub const MAX_EVENTS: usize = 100_000;

/// Replays the events with a given rule book.
pub fn ledger_with(book: &RuleBook, input: &LedgerInput) -> Result<LedgerResult> {
    replay::replay(book, input)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn granted_citations(category: &str) -> Vec<String> {
        let input: LedgerInput = crate::json::from_str(&format!(
            r#"{{"appointments":[{{"category":"{category}","wtf":"1","start":"2010-08-01","end":null}}],"school_years":["2014-2015"]}}"#
        ))
        .unwrap();
        let r = ledger(&input).unwrap();
        r.statements[0].explanation.iter().filter(|s| s.step == "granted").map(|s| s.source.citation()).collect()
    }

    #[test]
    fn a_grant_cites_the_article_of_the_employees_category() {
        assert_eq!(granted_citations("teacher"), ["cao-vo-2014-2015 art. 17.4 lid 1", "cao-vo-2014-2015 art. 17.5 lid 1"]);
        let support = granted_citations("support");
        assert_eq!(support[0], "cao-vo-2014-2015 art. 17.4 lid 3");
        assert!(support.iter().all(|c| !c.ends_with("lid 1")), "{support:?}");
    }
}
