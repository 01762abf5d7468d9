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

use crate::entitlement::{self, compute};
use crate::error::{Error, ErrorCode, Result};
use crate::explain::{Receipt, Source, Step, Unit};
use crate::finding::Finding;
mod read;

use crate::finding::FindingSource;
use crate::message::Msg;
use crate::options::Options;
use crate::people::{Appointment, Category};
use crate::rules::{RuleBook, RuleSet, SavingUnits};
use crate::time::{self, SchoolYear};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

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

/// Caps of a saving agreement per unit (`None`: no cap).
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

#[derive(Debug, Clone)]
struct Lot {
    bucket: String,
    unit: BalanceUnit,
    granted_in: SchoolYear,
    /// The last school year it may be used in (its own, or a saving's `until`).
    expires: SchoolYear,
    /// The cap of a saving covering it, applied when its year ends.
    saving_cap: Option<Option<Decimal>>,
    remaining: Decimal,
}

#[derive(Debug, Clone)]
struct Reservation {
    bucket: String,
    year: SchoolYear,
    activity: String,
    hours: Decimal,
    money: Decimal,
}

fn refused(code: ErrorCode, i: usize, message: Msg) -> Error {
    Error::of(code, message).at(format!("/events/{i}"))
}

/// The consent rule for charging the basisrecht: hours (17.4 lid 2) or money only (17.5 lid 2)
/// for a teacher; for support staff the lid that applies it "van overeenkomstige toepassing"
/// (17.4 lid 3 jo. lid 2), in the rule set's own numbering.
pub(crate) fn consent_source(rs: &RuleSet, hours: bool, category: Option<Category>) -> FindingSource {
    let mut src = FindingSource::article(rs, if hours { "consent_hours" } else { "consent_money" });
    if category == Some(Category::Support) {
        let base = if hours { rs.parameters.base_hours(Category::Support) } else { rs.parameters.base_money(Category::Support) };
        if let (Some(own), Some(applied)) = (&base.lid, &src.lid) {
            src.lid = Some(format!("{own} jo. lid {applied}").into());
            src.confidence = Some(src.confidence.map_or(base.provenance.of_article(), |c| c.weaker(base.provenance.of_article())));
        }
    }
    src
}

/// The grant a balance comes from: the basisrecht article of the unit for the employee's category.
fn grant_source(rs: &RuleSet, u: BalanceUnit, category: Option<Category>) -> FindingSource {
    let c = category.unwrap_or(Category::Teacher);
    FindingSource::param(rs, if u == BalanceUnit::Hours { rs.parameters.base_hours(c) } else { rs.parameters.base_money(c) })
}

fn amount_of(unit: BalanceUnit, hours: Decimal, money: Decimal) -> Decimal {
    match unit {
        BalanceUnit::Hours => hours,
        BalanceUnit::Money => money,
    }
}

const UNITS: [BalanceUnit; 2] = [BalanceUnit::Hours, BalanceUnit::Money];

/// Replays the events and returns the statements with the built-in rule sets.
pub fn ledger(input: &LedgerInput) -> Result<LedgerResult> {
    ledger_with(RuleBook::builtin(), input)
}

/// The largest number of events and school years one ledger replays.
pub const MAX_EVENTS: usize = 100_000;

/// Replays the events with a given rule book.
pub fn ledger_with(book: &RuleBook, input: &LedgerInput) -> Result<LedgerResult> {
    input.options.check("/options")?;
    for (i, a) in input.appointments.iter().enumerate() {
        a.check().map_err(|e| e.within(&format!("/appointments/{i}")))?;
    }
    if input.events.len() > MAX_EVENTS {
        return Err(Error::of(
            ErrorCode::LimitExceeded,
            Msg::TooMany { what: "events".into(), count: input.events.len(), limit: MAX_EVENTS },
        )
        .at("/events"));
    }
    let Some(&last_asked) = input.school_years.iter().max() else {
        return Err(Error::of(ErrorCode::MissingField, Msg::NoSchoolYears {}).at("/school_years"));
    };
    let first_asked = input.school_years.iter().min().copied().unwrap_or(last_asked);
    // The years to replay: from the earliest asked or touched, through the last asked or touched.
    let mut first = first_asked;
    let mut last = last_asked;
    for e in &input.events {
        let ys: Vec<SchoolYear> = match e {
            LedgerEvent::Saving { from, until, .. } => vec![*from, *until],
            other => other.date().map(SchoolYear::containing).into_iter().collect(),
        };
        for y in ys {
            first = first.min(y);
            last = last.max(y);
        }
    }
    if last.start_year() - first.start_year() > 60 {
        return Err(Error::of(ErrorCode::LimitExceeded, Msg::LedgerTooLong { limit: 60 }).at("/events"));
    }

    // Deterministic order: date, kind, then the event's own fields (never the input order).
    let mut order: Vec<(usize, &LedgerEvent)> = input.events.iter().enumerate().collect();
    order.sort_by(|a, b| (a.1.date(), a.1.rank(), a.1).cmp(&(b.1.date(), b.1.rank(), b.1)));

    // Rule sets per year and the savings, checked first.
    let mut rule_sets: BTreeMap<SchoolYear, &RuleSet> = BTreeMap::new();
    let mut warnings = Vec::new();
    for y in first.through(last) {
        let (rs, sel) = book.select(y, input.rule_set.as_deref(), input.options.mode).map_err(|e| e.at("/school_years"))?;
        if sel.out_of_range && input.school_years.contains(&y) {
            warnings.push(Finding::of(
                crate::finding::FindingCode::RulesOutOfRange,
                crate::finding::FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() },
                "/school_years",
                sel.message,
            ));
        }
        rule_sets.insert(y, rs);
    }
    // (from year, bucket, unit) -> (until, cap)
    let mut savings: BTreeMap<(SchoolYear, String, BalanceUnit), (SchoolYear, Option<Decimal>)> = BTreeMap::new();
    for (i, e) in &order {
        if let LedgerEvent::Saving { from, until, units, basis, plan, cap, bucket } = e {
            let rs = rule_sets.get(from).copied().ok_or_else(|| refused(ErrorCode::RulesNotInForce, *i, Msg::NoRuleSetForEvent {}))?;
            check_saving(rs, &input.options, *i, *from, *until, units, *basis, plan.as_deref())?;
            let b = bucket.clone().unwrap_or_else(|| BASISRECHT.into());
            for u in units {
                let c = amount_cap(*u, cap);
                if c.is_some_and(|c| c < Decimal::ZERO) {
                    return Err(refused(ErrorCode::InvalidValue, *i, Msg::Negative { what: "saving_cap".into() }));
                }
                if savings.insert((*from, b.clone(), *u), (*until, c)).is_some() {
                    let message = Msg::SecondSaving { from: *from, bucket: b.clone(), hours: *u == BalanceUnit::Hours };
                    return Err(refused(ErrorCode::SavingNotAllowed, *i, message).citing(FindingSource::article(rs, "lapse")));
                }
            }
        }
    }

    let mut lots: Vec<Lot> = Vec::new();
    let mut reservations: Vec<Reservation> = Vec::new();
    let mut statements: Vec<Statement> = Vec::new();
    let mut bucket_statements: Vec<Statement> = Vec::new();
    let mut facilities: Vec<Facilities> = Vec::new();
    let mut balances: Vec<Balance> = Vec::new();
    let mut expiring: Vec<Expiring> = Vec::new();
    let as_of = input.as_of.unwrap_or_else(|| last_asked.last_day());
    let window = input.expiring_within_days.unwrap_or(90);
    let mut balance_taken = false;
    let mut next_event = 0usize;

    for y in first.through(last) {
        let rs = rule_sets[&y];
        let raw = compute(rs, &input.options, y, &input.appointments, input.support_extension_plan)?;
        let r = input.options.rounding;
        let mut grants: Vec<(String, Decimal, Decimal)> = vec![(BASISRECHT.into(), raw.hours.round(r.hours)?, raw.money.round(r.money)?)];
        for (b, h, m) in &raw.extra {
            grants.push((b.id.clone(), h.round(r.hours)?, m.round(r.money)?));
        }
        // Per bucket and unit: opening (what earlier years carried in), then this year's grant.
        let mut st: BTreeMap<(String, BalanceUnit), UnitStatement> = BTreeMap::new();
        for l in &lots {
            st.entry((l.bucket.clone(), l.unit)).or_default().opening += l.remaining;
        }
        for (b, h, m) in &grants {
            for u in UNITS {
                let granted = amount_of(u, *h, *m);
                st.entry((b.clone(), u)).or_default().granted = granted;
                let saving = savings.get(&(y, b.clone(), u));
                lots.push(Lot {
                    bucket: b.clone(),
                    unit: u,
                    granted_in: y,
                    expires: saving.map(|s| s.0).unwrap_or(y),
                    saving_cap: saving.map(|s| s.1),
                    remaining: granted,
                });
            }
        }
        let mut fac = Facilities { school_year: y, total: Amounts::default(), activities: vec![] };

        while next_event < order.len() {
            let (i, e) = &order[next_event];
            let Some(d) = e.date() else {
                next_event += 1;
                continue;
            };
            if SchoolYear::containing(d) != y {
                break;
            }
            if !balance_taken && d > as_of {
                balances = take_balances(&lots, &reservations, as_of);
                expiring = take_expiring(&lots, as_of, window);
                balance_taken = true;
            }
            next_event += 1;
            match e {
                LedgerEvent::Usage { hours, money, activity, assigned, consent, bucket, .. } => {
                    let b = bucket.clone().unwrap_or_else(|| BASISRECHT.into());
                    check_non_negative(*i, *hours, *money)?;
                    check_bucket(*i, &b, &st)?;
                    if *assigned && !*consent {
                        let src = consent_source(rs, !hours.is_zero() || money.is_zero(), only_category(&input.appointments, y));
                        let message = Msg::AssignedWithoutConsent {
                            activity: activity.clone(),
                            article: src.article.clone(),
                            lid: src.lid.clone(),
                            facility: rs.article("assigned_activities").map(|a| a.article.clone()),
                        };
                        return Err(refused(ErrorCode::AssignedWithoutConsent, *i, message).citing(src));
                    }
                    for u in UNITS {
                        let want = amount_of(u, *hours, *money);
                        draw(&mut lots, &b, u, y, want).map_err(|avail| {
                            insufficient(*i, &b, u, want, avail).citing(grant_source(rs, u, only_category(&input.appointments, y)))
                        })?;
                        if let Some(s) = st.get_mut(&(b.clone(), u)) {
                            s.used += want;
                        }
                    }
                    for r in reservations.iter_mut().filter(|r| r.bucket == b && &r.activity == activity) {
                        r.hours = (r.hours - *hours).max(Decimal::ZERO);
                        r.money = (r.money - *money).max(Decimal::ZERO);
                    }
                }
                LedgerEvent::Adjustment { hours, money, bucket, .. } => {
                    let b = bucket.clone().unwrap_or_else(|| BASISRECHT.into());
                    check_bucket(*i, &b, &st)?;
                    for u in UNITS {
                        let v = amount_of(u, *hours, *money);
                        if v < Decimal::ZERO {
                            draw(&mut lots, &b, u, y, -v).map_err(|avail| {
                                insufficient(*i, &b, u, -v, avail).citing(grant_source(rs, u, only_category(&input.appointments, y)))
                            })?;
                        } else if v > Decimal::ZERO {
                            if let Some(l) = lots.iter_mut().find(|l| l.bucket == b && l.unit == u && l.granted_in == y) {
                                l.remaining += v;
                            }
                        }
                        if let Some(s) = st.get_mut(&(b.clone(), u)) {
                            s.adjusted += v;
                        }
                    }
                }
                LedgerEvent::Reservation { hours, money, activity, bucket, .. } => {
                    let b = bucket.clone().unwrap_or_else(|| BASISRECHT.into());
                    check_non_negative(*i, *hours, *money)?;
                    check_bucket(*i, &b, &st)?;
                    for u in UNITS {
                        let booked = available(&lots, &b, u, y);
                        let reserved: Decimal = reservations.iter().filter(|r| r.bucket == b).map(|r| amount_of(u, r.hours, r.money)).sum();
                        let want = amount_of(u, *hours, *money);
                        if want > booked - reserved {
                            return Err(insufficient(*i, &b, u, want, booked - reserved).citing(grant_source(
                                rs,
                                u,
                                only_category(&input.appointments, y),
                            )));
                        }
                    }
                    reservations.push(Reservation { bucket: b, year: y, activity: activity.clone(), hours: *hours, money: *money });
                }
                LedgerEvent::Facility { hours, money, activity, .. } => {
                    check_non_negative(*i, *hours, *money)?;
                    fac.total.hours += *hours;
                    fac.total.money += *money;
                    fac.activities.push(activity.clone());
                }
                LedgerEvent::Saving { .. } => {}
            }
        }
        if !balance_taken && as_of <= y.last_day() {
            balances = take_balances(&lots, &reservations, as_of);
            expiring = take_expiring(&lots, as_of, window);
            balance_taken = true;
        }

        // End of the school year: lapse what expires, apply saving caps.
        let mut lapsed: BTreeMap<(String, BalanceUnit), Decimal> = BTreeMap::new();
        for l in lots.iter_mut() {
            if l.granted_in == y {
                if let Some(cap) = l.saving_cap {
                    let keep = cap.map_or(l.remaining, |c| l.remaining.min(c));
                    *lapsed.entry((l.bucket.clone(), l.unit)).or_default() += l.remaining - keep;
                    l.remaining = keep;
                }
            }
            if l.expires == y {
                *lapsed.entry((l.bucket.clone(), l.unit)).or_default() += l.remaining;
                l.remaining = Decimal::ZERO;
            }
        }
        lots.retain(|l| l.expires > y);
        reservations.retain(|r| r.year > y);

        if input.school_years.contains(&y) {
            let mut per_bucket: BTreeMap<String, (UnitStatement, UnitStatement)> = BTreeMap::new();
            for ((b, u), mut s) in st {
                s.lapsed = lapsed.get(&(b.clone(), u)).copied().unwrap_or_default();
                s.carried = lots.iter().filter(|l| l.bucket == b && l.unit == u).map(|l| l.remaining).sum();
                let e = per_bucket.entry(b).or_default();
                match u {
                    BalanceUnit::Hours => e.0 = s,
                    BalanceUnit::Money => e.1 = s,
                }
            }
            for (b, (h, m)) in per_bucket {
                let statement = Statement {
                    school_year: y,
                    rule_set: rs.id.clone(),
                    explanation: if input.explain {
                        explain_statement(rs, y, &b, (&h, &m), &savings, only_category(&input.appointments, y), as_of < y.last_day())
                    } else {
                        Vec::new()
                    },
                    bucket: b.clone(),
                    hours: h,
                    money: m,
                };
                if b == BASISRECHT {
                    statements.push(statement);
                } else {
                    bucket_statements.push(statement);
                }
            }
            facilities.push(fac);
        }
    }
    if !balance_taken {
        balances = take_balances(&lots, &reservations, as_of);
        expiring = take_expiring(&lots, as_of, window);
    }
    let free_to_plan = balances.iter().find(|b| b.bucket == BASISRECHT).map(|b| b.free_to_plan).unwrap_or_default();
    let receipt = rule_sets.get(&last_asked).filter(|_| input.explain).map(|rs| {
        let (reading, _) = entitlement::reading(rs, &input.options);
        let units = rs.parameters.saving.value.right.as_ref().map(|r| input.options.saving_units.unwrap_or(r.default));
        Receipt::new(rs, input.options.receipt_map(reading, units), Some(as_of.to_string()), input)
    });
    Ok(LedgerResult { statements, bucket_statements, balances, free_to_plan, expiring, facilities, warnings, receipt })
}

fn amount_cap(u: BalanceUnit, cap: &Cap) -> Option<Decimal> {
    match u {
        BalanceUnit::Hours => cap.hours,
        BalanceUnit::Money => cap.money,
    }
}

#[allow(clippy::too_many_arguments)]
fn check_saving(
    rs: &RuleSet,
    options: &Options,
    i: usize,
    from: SchoolYear,
    until: SchoolYear,
    units: &[BalanceUnit],
    basis: SavingBasis,
    plan: Option<&str>,
) -> Result<()> {
    let s = &rs.parameters.saving;
    let article = rs.article("lapse").map(|a| a.article.clone());
    let refuse = |message: Msg| Err(refused(ErrorCode::SavingNotAllowed, i, message).citing(FindingSource::article(rs, "lapse")));
    if until <= from {
        return refuse(Msg::SavingTooShort { from, until });
    }
    if units.is_empty() {
        return refuse(Msg::SavingNoUnits {});
    }
    match basis {
        SavingBasis::Agreement => {
            if !s.value.agreement {
                return refuse(Msg::SavingForbidden { rule_set: rs.id.clone(), article });
            }
        }
        SavingBasis::Right => {
            let Some(right) = &s.value.right else {
                return refuse(Msg::NoRightToSave { rule_set: rs.id.clone(), from, article });
            };
            if right.requires_plan && plan.is_none_or(|p| p.trim().is_empty()) {
                return refuse(Msg::SavingNeedsPlan { article });
            }
            let span = (until.start_year() - from.start_year() + 1) as u32;
            if span > right.max_years {
                return refuse(Msg::SavingTooLong { max: right.max_years, from, until, span });
            }
            let reading = options.saving_units.filter(|u| right.interpretations.contains(u)).unwrap_or(right.default);
            if reading == SavingUnits::MoneyOnly && units.contains(&BalanceUnit::Hours) {
                return refuse(Msg::SavingMoneyOnly {});
            }
        }
    }
    Ok(())
}

fn check_non_negative(i: usize, hours: Decimal, money: Decimal) -> Result<()> {
    if hours < Decimal::ZERO || money < Decimal::ZERO {
        return Err(refused(ErrorCode::InvalidValue, i, Msg::Negative { what: "event".into() }));
    }
    Ok(())
}

fn check_bucket(i: usize, b: &str, st: &BTreeMap<(String, BalanceUnit), UnitStatement>) -> Result<()> {
    if st.contains_key(&(b.to_string(), BalanceUnit::Hours)) {
        return Ok(());
    }
    let known: Vec<&str> = st.keys().map(|k| k.0.as_str()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    Err(Error::of(
        ErrorCode::InvalidValue,
        Msg::BucketNotGranted { bucket: b.to_string(), granted: known.iter().map(|k| k.to_string()).collect() },
    )
    .at(format!("/events/{i}/bucket")))
}

fn insufficient(i: usize, b: &str, u: BalanceUnit, want: Decimal, avail: Decimal) -> Error {
    let message = Msg::Insufficient { bucket: b.to_string(), hours: u == BalanceUnit::Hours, asked: want, available: avail };
    refused(ErrorCode::InsufficientBalance, i, message)
}

fn available(lots: &[Lot], b: &str, u: BalanceUnit, y: SchoolYear) -> Decimal {
    lots.iter().filter(|l| l.bucket == b && l.unit == u && l.granted_in <= y && l.expires >= y).map(|l| l.remaining).sum()
}

/// Draws `want` from the lots that expire first (oldest grant on ties); `Err(available)` when short.
fn draw(lots: &mut [Lot], b: &str, u: BalanceUnit, y: SchoolYear, want: Decimal) -> std::result::Result<(), Decimal> {
    if want.is_zero() {
        return Ok(());
    }
    let avail = available(lots, b, u, y);
    if want > avail {
        return Err(avail);
    }
    let mut idx: Vec<usize> =
        (0..lots.len()).filter(|&k| lots[k].bucket == b && lots[k].unit == u && lots[k].granted_in <= y && lots[k].expires >= y).collect();
    idx.sort_by_key(|&k| (lots[k].expires, lots[k].granted_in));
    let mut left = want;
    for k in idx {
        let take = left.min(lots[k].remaining);
        lots[k].remaining -= take;
        left -= take;
        if left.is_zero() {
            break;
        }
    }
    Ok(())
}

fn take_balances(lots: &[Lot], reservations: &[Reservation], date: NaiveDate) -> Vec<Balance> {
    let y = SchoolYear::containing(date);
    let mut buckets: Vec<String> = lots.iter().map(|l| l.bucket.clone()).collect();
    buckets.sort();
    buckets.dedup();
    buckets
        .into_iter()
        .map(|b| {
            let booked = Amounts { hours: available(lots, &b, BalanceUnit::Hours, y), money: available(lots, &b, BalanceUnit::Money, y) };
            let mut reserved = Amounts::default();
            for r in reservations.iter().filter(|r| r.bucket == b && r.year == y) {
                reserved.hours += r.hours;
                reserved.money += r.money;
            }
            let free_to_plan = Amounts {
                hours: (booked.hours - reserved.hours).max(Decimal::ZERO),
                money: (booked.money - reserved.money).max(Decimal::ZERO),
            };
            Balance { bucket: b, date, booked, reserved, free_to_plan }
        })
        .collect()
}

fn take_expiring(lots: &[Lot], date: NaiveDate, window: u32) -> Vec<Expiring> {
    let y = SchoolYear::containing(date);
    let horizon = date.checked_add_days(chrono::Days::new(window as u64)).unwrap_or(date);
    let mut out: BTreeMap<(String, SchoolYear, NaiveDate), Amounts> = BTreeMap::new();
    for l in lots.iter().filter(|l| l.granted_in <= y && l.expires >= y && l.remaining > Decimal::ZERO) {
        // A grant still covered by a saving of its own year keeps only up to the cap; the rest
        // lapses at the end of its own year.
        let end = l.expires.last_day();
        let (lapse_day, amount) = match l.saving_cap {
            Some(Some(cap)) if l.granted_in == y && l.remaining > cap => (y.last_day(), l.remaining - cap),
            _ => (end, l.remaining),
        };
        if lapse_day <= horizon {
            let a = out.entry((l.bucket.clone(), l.granted_in, lapse_day)).or_default();
            match l.unit {
                BalanceUnit::Hours => a.hours += amount,
                BalanceUnit::Money => a.money += amount,
            }
        }
    }
    out.into_iter().map(|((bucket, granted_in, lapses_after), amounts)| Expiring { bucket, granted_in, lapses_after, amounts }).collect()
}

/// The one category of the appointments that run in a school year, if they share one.
fn only_category(apps: &[Appointment], y: SchoolYear) -> Option<Category> {
    let (first, last) = (y.first_day(), y.last_day());
    let mut held = apps.iter().filter(|a| a.start <= last && a.end.is_none_or(|e| e >= first)).map(|a| a.category);
    let c = held.next()?;
    held.all(|x| x == c).then_some(c)
}

/// The source of the ledger's "used" line: the consent rule of the unit and category.
fn used_source(rs: &RuleSet, hours: bool, category: Option<Category>) -> Source {
    let f = consent_source(rs, hours, category);
    match rs.article(if hours { "consent_hours" } else { "consent_money" }) {
        Some(a) => Source::Rule {
            rule_set: rs.id.clone(),
            article: f.article,
            lid: f.lid,
            confidence: a.provenance.confidence,
            article_confidence: f.confidence.filter(|c| *c != a.provenance.confidence),
            document: a.provenance.source.clone(),
        },
        None => Source::article(rs, "consent_hours"),
    }
}

fn explain_statement(
    rs: &RuleSet,
    y: SchoolYear,
    bucket: &str,
    (h, m): (&UnitStatement, &UnitStatement),
    savings: &BTreeMap<(SchoolYear, String, BalanceUnit), (SchoolYear, Option<Decimal>)>,
    category: Option<Category>,
    projected: bool,
) -> Vec<Step> {
    let mut steps = Vec::new();
    // The grant's article: that of the employee's category (17.4/17.5 lid 1 for teachers, lid 3
    // for support staff, ...); with several categories in the year, the entitlement's own
    // explanation has the part of each.
    let bucket_src =
        rs.parameters.extra_buckets.iter().find(|b| b.id == bucket).map(|b| Source::bucket(rs, b)).unwrap_or(Source::Computation);
    for (unit, s, u) in [("hours", h, Unit::Hours), ("money", m, Unit::Eur)] {
        let grant_src = match (bucket == BASISRECHT, category) {
            (true, Some(c)) => Source::rule(rs, if unit == "hours" { rs.parameters.base_hours(c) } else { rs.parameters.base_money(c) }),
            (true, None) => Source::Computation,
            (false, _) => bucket_src.clone(),
        };
        let amount: std::borrow::Cow<'static, str> = match (bucket, unit) {
            (BASISRECHT, "hours") => "basisrecht/hours".into(),
            (BASISRECHT, _) => "basisrecht/money".into(),
            _ => format!("{bucket}/{unit}").into(),
        };
        let bu = if unit == "hours" { BalanceUnit::Hours } else { BalanceUnit::Money };
        let saved = savings.get(&(y, bucket.to_string(), bu));
        let lapse = if projected {
            Msg::LedgerLapsesProjected { school_year: y, last_day: y.last_day() }
        } else {
            Msg::LedgerLapsed { school_year: y, last_day: y.last_day() }
        };
        let carried = match saved {
            Some((until, _)) => Msg::LedgerCarriedUntil { until: *until },
            None => Msg::LedgerCarried {},
        };
        let lines: [(&str, Decimal, Msg, Source); 6] = [
            ("opening", s.opening, Msg::LedgerOpening {}, Source::article(rs, "lapse")),
            ("granted", s.granted, Msg::LedgerGranted { school_year: y }, grant_src),
            ("used", s.used, Msg::LedgerUsed {}, used_source(rs, unit == "hours", category)),
            ("adjusted", s.adjusted, Msg::LedgerAdjusted {}, Source::Input { path: "/events".into() }),
            ("lapsed", s.lapsed, lapse, Source::article(rs, "lapse")),
            ("carried", s.carried, carried, Source::article(rs, "lapse")),
        ];
        for (step, value, message, source) in lines {
            steps.push(Step { step: step.into(), amount: amount.clone(), value: Some(value), unit: u, message, source });
        }
    }
    steps
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
