//! The message catalogue: every sentence a person reads, as a typed message (an id and typed
//! arguments) with one text per language.
//!
//! Rule code never formats prose: it builds a [`Msg`] with the numbers, dates and ids it has, and
//! the text is rendered only when somebody asks for it ([`Msg::render`], or when JSON with texts is
//! written). The Dutch texts live in `nl.rs`, the English ones in `en.rs`: a translator changes a
//! sentence in one place per language without touching a rule, and the compiler refuses a message
//! without a text in either language (each file is one exhaustive `match`).
//!
//! Why typed enums and not Project Fluent (`fluent-bundle`) or ICU4X (`icu_decimal` with baked
//! Dutch data): the library has two languages and about a hundred messages whose arguments are
//! exact decimals, dates and its own enums. Fluent would parse its resources at start-up, look
//! messages up by string and pass arguments as dynamically typed values (its numbers are `f64`:
//! an amount like `60500.005` would lose its exactness before it is formatted); ICU4X's decimal
//! formatter with baked data costs tens of kilobytes of WebAssembly for two locales whose number
//! format is two characters. A `match` per language renders without a lookup, is checked by the
//! compiler, adds only the texts themselves to the WebAssembly module, and formats decimals from
//! their exact digits ([`crate::locale`]).
//!
//! In JSON a message is written as its texts (`en`, `nl`, or `message_en`, `message_nl`) and as
//! `{"id": ..., "args": {...}}` with the arguments in machine formats (decimal strings, ISO
//! dates, ids), so that a host can render it with texts of its own.
//!
//! ```
//! use lemniscaat::message::Msg;
//! use lemniscaat::locale::Lang;
//! let m = Msg::WtfApplied { appointment: 0, wtf: "0.7368".parse().unwrap() };
//! assert_eq!(m.render(Lang::Nl), "benoeming 1: naar rato van de wtf 0,7368");
//! assert_eq!(m.render(Lang::En), "appointment 1: pro rata by wtf 0.7368");
//! assert_eq!(m.id(), "explain.wtf_applied");
//! ```

mod en;
mod nl;

use crate::dataset::Section;
use crate::locale::Lang;
use crate::num::RoundingMode;
use crate::options::TemporalProRata;
use crate::people::{Category, EducationLevel};
use crate::plans::PlanStatus;
use crate::rules::{Confidence, ProRataReading};
use crate::time::SchoolYear;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A message argument in its machine format (decimal strings, ISO dates, ids), both ways.
pub trait Arg: Sized {
    /// The argument as JSON.
    fn arg(&self) -> Value;
    /// The argument read back from JSON.
    fn from_arg(v: &Value) -> Option<Self>;
}

/// Arguments whose serde form is their machine format.
macro_rules! serde_args {
    ($($t:ty),* $(,)?) => {
        $(impl Arg for $t {
            fn arg(&self) -> Value {
                serde_json::to_value(self).unwrap_or(Value::Null)
            }
            fn from_arg(v: &Value) -> Option<Self> {
                <$t>::deserialize(v).ok()
            }
        })*
    };
}

serde_args!(
    SchoolYear,
    String,
    i32,
    Section,
    PlanStatus,
    Category,
    EducationLevel,
    RoundingMode,
    ProRataReading,
    TemporalProRata,
    bool,
    u32,
    usize
);

impl Arg for NaiveDate {
    fn arg(&self) -> Value {
        Value::String(self.to_string())
    }
    fn from_arg(v: &Value) -> Option<Self> {
        v.as_str()?.parse().ok()
    }
}

impl Arg for Decimal {
    fn arg(&self) -> Value {
        Value::String(self.to_string())
    }
    fn from_arg(v: &Value) -> Option<Self> {
        v.as_str()?.parse().ok()
    }
}

impl<T: Arg> Arg for Option<T> {
    fn arg(&self) -> Value {
        self.as_ref().map_or(Value::Null, Arg::arg)
    }
    fn from_arg(v: &Value) -> Option<Self> {
        if v.is_null() {
            Some(None)
        } else {
            T::from_arg(v).map(Some)
        }
    }
}

impl<T: Arg> Arg for Vec<T> {
    fn arg(&self) -> Value {
        Value::Array(self.iter().map(Arg::arg).collect())
    }
    fn from_arg(v: &Value) -> Option<Self> {
        v.as_array()?.iter().map(T::from_arg).collect()
    }
}

impl Arg for Box<Msg> {
    fn arg(&self) -> Value {
        serde_json::to_value(self.as_ref()).unwrap_or(Value::Null)
    }
    fn from_arg(v: &Value) -> Option<Self> {
        Msg::deserialize(v).ok().map(Box::new)
    }
}

macro_rules! catalogue {
    ($( $(#[$m:meta])* $v:ident = $id:literal { $($f:ident : $t:ty),* $(,)? } )*) => {
        /// A message: an id with typed arguments; its texts are in `nl.rs` and `en.rs`.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(missing_docs)]
        pub enum Msg {
            $( $(#[$m])* $v { $($f: $t),* }, )*
        }

        impl Msg {
            /// Every message id, in catalogue order.
            pub const IDS: &'static [&'static str] = &[$($id),*];

            /// The stable id, e.g. `explain.wtf_applied`.
            pub fn id(&self) -> &'static str {
                match self { $(Msg::$v { .. } => $id,)* }
            }

            /// A message from its id and arguments; `None` for an unknown id or a missing or
            /// malformed argument.
            pub fn from_parts(id: &str, args: &serde_json::Map<String, Value>) -> Option<Msg> {
                #[allow(unused_variables)]
                let get = |name: &str| args.get(name).unwrap_or(&Value::Null);
                match id {
                    $($id => Some(Msg::$v { $($f: Arg::from_arg(get(stringify!($f)))?),* }),)*
                    _ => None,
                }
            }

            /// The arguments by name, in machine formats.
            pub fn args(&self) -> serde_json::Map<String, Value> {
                #[allow(unused_mut)]
                let mut out = serde_json::Map::new();
                match self {
                    $(Msg::$v { $($f),* } => { $( out.insert(stringify!($f).into(), $f.arg()); )* })*
                }
                out
            }
        }
    };
}

catalogue! {
    /// A text given as it is in both languages (a rule set's own summary, or a message read back
    /// from JSON).
    Text = "text" { en: String, nl: String }
    /// A message about a named thing (a school, an employee): `name: message`.
    Of = "of" { name: String, message: Box<Msg> }

    // Which rule set, and why.
    /// The caller pinned the rule set.
    SelectionPinned = "selection.pinned" { rule_set: String, school_year: SchoolYear }
    /// The latest rule set in force on the first day of the school year.
    SelectionInForce = "selection.in_force" { school_year: SchoolYear, first_day: NaiveDate, in_force_from: NaiveDate }
    /// The school year lies past the known rules (lenient mode).
    SelectionOutOfRange = "selection.out_of_range" { rule_set: String, school_year: SchoolYear, known_until: Option<NaiveDate> }

    // The entitlement's explanation.
    /// The rule set used and why.
    RuleSetChosen = "explain.rule_set" { rule_set: String, selection: Box<Msg> }
    /// The pro rata reading asked for does not apply to this rule set.
    ReadingNotApplicable = "explain.reading_not_applicable" { rule_set: String, reading: ProRataReading }
    /// The full-time base of a category.
    Base = "explain.base" { category: Category, no_basisrecht: bool }
    /// An appointment counts by its wtf.
    WtfApplied = "explain.wtf_applied" { appointment: usize, wtf: Decimal }
    /// An appointment's wtf is not applied (the 2016 reading of 2014-2015).
    WtfNotApplied = "explain.wtf_not_applied" { appointment: usize, wtf: Decimal }
    /// The days of an appointment inside the school year.
    TimeDays = "explain.time_days" { appointment: usize, days: u32, year_days: u32, school_year: SchoolYear }
    /// The months whose first day an appointment covers.
    TimeMonths = "explain.time_months" { appointment: usize, months: u32, school_year: SchoolYear }
    /// No reduction for days without an appointment.
    TimeEmployed = "explain.time_employed" { appointment: usize, days: u32 }
    /// The exact sum before rounding.
    ExactSum = "explain.exact_sum" { numerator: Decimal, denominator: Decimal }
    /// Rounded once at the end.
    RoundedOnce = "explain.rounded_once" { decimals: u32, mode: RoundingMode }

    // The ledger's statement lines.
    /// Saved balance brought in.
    LedgerOpening = "ledger.opening" {}
    /// The year's grant.
    LedgerGranted = "ledger.granted" { school_year: SchoolYear }
    /// Used for activities of the employee's choice or with consent.
    LedgerUsed = "ledger.used" {}
    /// Manual corrections.
    LedgerAdjusted = "ledger.adjusted" {}
    /// Unused and not saved at the end of the year: lapsed.
    LedgerLapsed = "ledger.lapsed" { school_year: SchoolYear, last_day: NaiveDate }
    /// Unused and not saved so far: lapses at the end of the year unless used or saved.
    LedgerLapsesProjected = "ledger.lapses_projected" { school_year: SchoolYear, last_day: NaiveDate }
    /// Kept by the year's saving agreement.
    LedgerCarriedUntil = "ledger.carried_until" { until: SchoolYear }
    /// Kept by saving agreements of earlier years.
    LedgerCarried = "ledger.carried" {}

    // Eligibility.
    /// The EVC level limit.
    EvcLevel = "eligibility.evc_level" { max_level: EducationLevel, level: EducationLevel }
    /// When EVC may be repeated.
    EvcRepeat = "eligibility.evc_repeat" { last: NaiveDate, years: u32, from: NaiveDate }
    /// The startkwalificatie level limit.
    StartkwalificatieLevel = "eligibility.startkwalificatie_level" { below: EducationLevel, level: EducationLevel }

    // The 10% rule.
    /// Hours of a spending line valued at an hourly cost.
    TimeValued = "lumpsum.time_valued" { hours: Decimal, hourly_cost: Decimal, cost: Decimal }
    /// The share spent against the minimum.
    LumpsumShare = "lumpsum.share" { spent: Decimal, lumpsum: Decimal, minimum: Decimal }

    // Findings (docs/codes.md); `article`/`lid` come from the applicable rule set.
    /// An id that the dataset does not have.
    UnknownReference = "finding.unknown_reference" { kind: String, id: String }
    /// No kaders in force for a school.
    KadersMissing = "finding.kaders_missing" { school: String, as_of: NaiveDate }
    /// The kaders in force are older than the rule set allows.
    KadersExpired = "finding.kaders_expired" { kaders: String, school: String, agreed_on: NaiveDate, years: u32, as_of: NaiveDate }
    /// Elements of the kaders' contents are missing.
    KadersElementMissing = "finding.kaders_element_missing" { kaders: String, elements: Vec<String>, article: Option<String>, lid: Option<String> }
    /// Kaders agreed without the P(G)MR.
    KadersNoPgmrConsultation = "finding.kaders_no_pgmr_consultation" { kaders: String }
    /// Sections the handreiking recommends are missing.
    KadersSectionRecommended = "finding.kaders_section_recommended" { kaders: String, sections: Vec<Section> }
    /// No collective plan for the school year.
    CollectivePlanMissing = "finding.collective_plan_missing" { school: String, school_year: SchoolYear }
    /// A collective plan agreed without the PMR.
    CollectivePlanNoPmrConsultation = "finding.collective_plan_no_pmr_consultation" { plan: String }
    /// A theme without activities.
    CollectivePlanNoActivities = "finding.collective_plan_no_activities" { theme: String, plan: String }
    /// A theme not in the kaders.
    ThemeNotInKaders = "finding.theme_not_in_kaders" { theme: String, plan: String }
    /// A theme without a target group.
    ThemeNoTargetGroup = "finding.theme_no_target_group" { theme: String }
    /// A theme without facilities.
    ThemeNoFacilities = "finding.theme_no_facilities" { theme: String }
    /// A theme without evaluation.
    ThemeNoEvaluation = "finding.theme_no_evaluation" { theme: String }
    /// A team goal that is not SMART (`missing`: `description`, `measure`, `deadline`).
    TeamGoalNotSmart = "finding.team_goal_not_smart" { goal: String, team: String, missing: Vec<String> }
    /// A personal plan used without the manager's approval.
    PersonalPlanNotApproved = "finding.personal_plan_not_approved" { employee: String, plan: String, status: PlanStatus }
    /// No agreed personal plan after the allowed years.
    PersonalPlanMissing = "finding.personal_plan_missing" { employee: String, since: NaiveDate, years: u32 }
    /// The latest personal plan is too old.
    PersonalPlanExpired = "finding.personal_plan_expired" { employee: String, plan: String, agreed_on: NaiveDate, years: u32 }
    /// The personal plan must be renewed soon.
    PersonalPlanDueSoon = "finding.personal_plan_due_soon" { employee: String, plan: String, expires: NaiveDate }
    /// Elements of the personal plan's contents are missing.
    PersonalPlanElementMissing = "finding.personal_plan_element_missing" { employee: String, plan: String, elements: Vec<String>, article: Option<String>, lid: Option<String> }
    /// A personal goal linked to nothing above it.
    GoalNotAligned = "finding.goal_not_aligned" { employee: String, goal: String }
    /// EVC eligible but not in the plan.
    EvcOfferMissing = "finding.evc_offer_missing" { employee: String, level: EducationLevel, plan: String }
    /// Startkwalificatie eligible but not in the plan.
    StartkwalificatieOfferMissing = "finding.startkwalificatie_offer_missing" { employee: String, level: EducationLevel, plan: String }
    /// No conversation in the window.
    NoYearlyConversation = "finding.no_yearly_conversation" { employee: String, months: u32, as_of: NaiveDate }
    /// The jaartaak gives less free time than the basisrecht.
    TaakbeleidBelowBasisrecht = "finding.taakbeleid_below_basisrecht" { employee: String, free: Decimal, basisrecht: Decimal }
    /// Concurrent appointments above full time (`employee` in a board's validation).
    WtfAboveFullTime = "finding.wtf_above_full_time" { employee: Option<String>, wtf: Decimal, day: NaiveDate }
    /// Less than the minimum share of the lumpsum spent.
    LumpsumBelowMinimum = "finding.lumpsum_below_minimum" { year: i32, share: Decimal, minimum: Decimal, shortfall: Decimal }
    /// A part of the lemniscate without activity in its window.
    CycleStageNotAttended = "finding.cycle_stage_not_attended" { stage: String, from: NaiveDate, to: NaiveDate }
    /// Formal learning far above its 70:20:10 share (advice).
    MixFormalHeavy = "finding.mix_formal_heavy" { formal: Decimal, target: Decimal }
    /// No learning on the job (advice).
    MixNoWorkplaceLearning = "finding.mix_no_workplace_learning" {}
}

impl Msg {
    /// The text in `l`.
    pub fn render(&self, l: Lang) -> String {
        match l {
            Lang::Nl => nl::text(self),
            Lang::En => en::text(self),
        }
    }

    /// The English text.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// The Dutch text.
    pub fn nl(&self) -> String {
        self.render(Lang::Nl)
    }
}

impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("id", self.id())?;
        m.serialize_entry("args", &self.args())?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Parts {
            id: String,
            #[serde(default)]
            args: serde_json::Map<String, Value>,
        }
        let p = Parts::deserialize(d)?;
        Msg::from_parts(&p.id, &p.args).ok_or_else(|| serde::de::Error::custom(format!("unknown message {} or bad arguments", p.id)))
    }
}

/// A message read back from JSON: its id and arguments when they parse (`message`), otherwise its
/// texts as they are.
pub(crate) fn read_back(message: Option<Value>, en: String, nl: String) -> Msg {
    message.and_then(|m| Msg::deserialize(m).ok()).unwrap_or(Msg::Text { en, nl })
}

/// Where a step's value comes from, as a person reads it in `l` (see [`crate::explain::Source::text`]).
pub fn source(s: &crate::explain::Source, l: Lang) -> String {
    match l {
        Lang::Nl => nl::source(s),
        Lang::En => en::source(s),
    }
}

/// An option of a receipt (`rounding.hours` = `2:half-up`) in words in `l`.
pub fn option(key: &str, value: &str, l: Lang) -> String {
    match l {
        Lang::Nl => nl::option(key, value),
        Lang::En => en::option(key, value),
    }
}

/// A finding's or an error's rule as a person reads it in `l`: the rule set's name, article and
/// lid, and a note when the article number is inferred.
///
/// `value` is how sure the value is, `number` how sure the article number is; an inferred one
/// says so.
pub fn rule(
    rule_set: &str,
    article: Option<&str>,
    lid: Option<&str>,
    value: Option<Confidence>,
    number: Option<Confidence>,
    l: Lang,
) -> String {
    match l {
        Lang::Nl => nl::rule(rule_set, article, lid, value, number),
        Lang::En => en::rule(rule_set, article, lid, value, number),
    }
}

/// One of the library's enums by its id (`half-up`, `parties-intent`).
fn parse_id<T: serde::de::DeserializeOwned>(id: &str) -> Option<T> {
    T::deserialize(Value::String(id.to_string())).ok()
}

/// The display name of a rule set by its id: the built-in rule sets' names (`CAO VO 2014-2015`),
/// any other id (an override's) as it is.
pub fn rule_set_name(id: &str) -> String {
    crate::rules::RuleBook::builtin().get(id).map_or_else(|| id.to_string(), |rs| rs.name.clone())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
