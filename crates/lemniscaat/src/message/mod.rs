//! The message catalogue: every sentence a person reads, as a typed message (an id and typed
//! arguments) with one text per language.
//!
//! Rule code never formats prose: it builds a [`Msg`] with the numbers, dates and ids it has, and
//! the text is rendered only when somebody asks for it ([`Msg::render`], or when JSON with texts is
//! written). The texts are data: `data/messages/nl.txt` and `data/messages/en.txt`, one line per
//! message (`id = template`), so that a translator changes a sentence in one place per language
//! without touching a rule. A test holds every message to a text in both languages and every
//! placeholder to an argument of its message.
//!
//! A template is text with placeholders: `{name}` (the argument as a person reads it: a decimal
//! with the language's decimal sign, a date in words, an enum by its label), `{name:kind}` (a
//! format: `hours`, `money`, `percent`, `percent0`, `share`, `number`, `plus1`, `rule_set`,
//! `stage`, `bucket`, `label`, `labels`), and choices `{name:if|A|B}` (A when the argument is
//! true, present, non-empty or non-zero), `{name:one|A|B}` (A when it is one) and
//! `{name:n|A|B|C}` (zero, one, more); A, B and C are templates themselves. `{{` and `}}` are
//! braces. `label.<id>` lines name the library's ids (`label.events = gebeurtenissen`).
//!
//! Why this and not Project Fluent (`fluent-bundle`) or ICU4X (`icu_decimal` with baked Dutch
//! data): the library has two languages and about 130 messages whose arguments are exact
//! decimals, dates and its own enums. Fluent passes arguments as dynamically typed values whose
//! numbers are `f64` (an amount like `60500.005` would lose its exactness before it is
//! formatted), and its parser, resolver and plural rules cost more WebAssembly than the 300 KB
//! budget leaves; ICU4X's decimal formatter with baked data costs tens of kilobytes for two
//! locales whose number format is two characters. Typed messages keep the compiler's check of
//! every argument, the templates keep the texts out of the code (the WebAssembly module carries
//! them as data), and decimals are formatted from their exact digits ([`crate::locale`]).
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

mod args;
mod template;

pub use args::{Arg, ArgValue};

use crate::dataset::Section;
use crate::locale::Lang;
use crate::num::RoundingMode;
use crate::options::TemporalProRata;
use crate::people::{Category, EducationLevel};
use crate::plans::{PlanStatus, Role};
use crate::rules::{Confidence, ProRataReading};
use crate::time::SchoolYear;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;

macro_rules! catalogue {
    ($( $(#[$m:meta])* $v:ident = $id:literal { $($f:ident : $t:ty),* $(,)? } )*) => {
        /// A message: an id with typed arguments; its texts are in `data/messages/`.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(missing_docs)]
        pub enum Msg {
            $( $(#[$m])* $v { $($f: $t),* }, )*
        }

        impl Msg {
            /// Every message id, in catalogue order.
            pub const IDS: &'static [&'static str] = &[$($id),*];

            /// The arguments' names of every message, in catalogue order.
            pub const FIELDS: &'static [&'static [&'static str]] = &[$(&[$(stringify!($f)),*]),*];

            /// The stable id, e.g. `explain.wtf_applied`.
            pub fn id(&self) -> &'static str {
                match self { $(Msg::$v { .. } => $id,)* }
            }

            /// The position of the message in the catalogue.
            fn index(&self) -> usize {
                let mut i = 0usize;
                $(
                    if let Msg::$v { .. } = self {
                        return i;
                    }
                    i += 1;
                )*
                i
            }

            /// Calls `f` with each argument's name and value, in order.
            pub fn visit<'a>(&'a self, f: &mut dyn FnMut(&'static str, &'a dyn Arg)) {
                match self {
                    $(Msg::$v { $($f),* } => { $( f(stringify!($f), $f); )* })*
                }
            }
        }
    };
}

catalogue! {
    /// A text given as it is in both languages (a rule set's own summary, or a message read back
    /// from JSON).
    Text = "text" { en: String, nl: String }
    /// A message read back from JSON: its id and arguments as they were written, and its texts.
    Read = "read" { id: String, args: Value, en: String, nl: String }
    /// A message about a named thing (a school, an employee): `name: message`.
    Of = "of" { name: String, message: Box<Msg> }

    // Which rule set, and why.
    /// The caller pinned the rule set.
    SelectionPinned = "selection.pinned" { rule_set: Arc<str>, school_year: SchoolYear }
    /// The latest rule set in force on the first day of the school year.
    SelectionInForce = "selection.in_force" { school_year: SchoolYear, first_day: NaiveDate, in_force_from: NaiveDate }
    /// The school year lies past the known rules (lenient mode).
    SelectionOutOfRange = "selection.out_of_range" { rule_set: Arc<str>, school_year: SchoolYear, known_until: Option<NaiveDate> }

    // The entitlement's explanation.
    /// The rule set used and why.
    RuleSetChosen = "explain.rule_set" { rule_set: Arc<str>, selection: Box<Msg> }
    /// The pro rata reading asked for does not apply to this rule set.
    ReadingNotApplicable = "explain.reading_not_applicable" { rule_set: Arc<str>, reading: ProRataReading }
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
    KadersElementMissing = "finding.kaders_element_missing" { kaders: String, elements: Vec<String>, article: Option<Arc<str>>, lid: Option<Arc<str>> }
    /// Kaders agreed without the P(G)MR.
    KadersNoPgmrConsultation = "finding.kaders_no_pgmr_consultation" { kaders: String }
    /// Sections the handreiking recommends are missing.
    KadersSectionRecommended = "finding.kaders_section_recommended" { kaders: String, sections: Vec<Section> }
    /// No collective plan for the school year.
    CollectivePlanMissing = "finding.collective_plan_missing" { school: String, school_year: SchoolYear }
    /// A school year whose collective plan is not agreed yet (a draft, submitted or returned).
    CollectivePlanNotAgreed = "finding.collective_plan_not_agreed" { school: String, school_year: SchoolYear, plan: String, status: PlanStatus }
    /// A collective plan without a recorded consultation of the PMR.
    CollectivePlanNoPmrConsultation = "finding.collective_plan_no_pmr_consultation" { plan: String, status: PlanStatus }
    /// A collective plan that takes up no theme of the team and personal plans.
    CollectivePlanNoBottomUp = "finding.collective_plan_no_bottom_up" { plan: String }
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
    PersonalPlanElementMissing = "finding.personal_plan_element_missing" { employee: String, plan: String, elements: Vec<String>, article: Option<Arc<str>>, lid: Option<Arc<str>> }
    /// A personal goal that is not SMART (`missing`: `description`, `measure`, `deadline`).
    PersonalGoalNotSmart = "finding.personal_goal_not_smart" { employee: String, goal: String, missing: Vec<String> }
    /// A personal goal linked to nothing above it.
    GoalNotAligned = "finding.goal_not_aligned" { employee: String, goal: String }
    /// EVC eligible but not in the plan.
    EvcOfferMissing = "finding.evc_offer_missing" { employee: String, level: EducationLevel, plan: String }
    /// Startkwalificatie eligible but not in the plan.
    StartkwalificatieOfferMissing = "finding.startkwalificatie_offer_missing" { employee: String, level: EducationLevel, plan: String }
    /// A personal plan charges the basisrecht for an assigned activity without the employee's
    /// consent: the activity by its `id`, else its `name`, else its position `number` (from 0).
    PersonalActivityAssignedWithoutConsent = "finding.personal_activity_assigned_without_consent" { employee: String, plan: String, id: Option<String>, name: String, number: usize, article: Option<Arc<str>>, lid: Option<Arc<str>>, facility: Option<Arc<str>> }
    /// No conversation in the window.
    NoYearlyConversation = "finding.no_yearly_conversation" { employee: String, months: u32, as_of: NaiveDate }
    /// The use of the basisrecht in a school year not accounted for in a conversation since.
    UseNotAccountedFor = "finding.use_not_accounted_for" { employee: String, school_year: SchoolYear }
    /// The jaartaak gives less free time than the basisrecht.
    TaakbeleidBelowBasisrecht = "finding.taakbeleid_below_basisrecht" { employee: String, free: Decimal, basisrecht: Decimal }
    /// Concurrent appointments above full time (`employee` in a board's validation).
    WtfAboveFullTime = "finding.wtf_above_full_time" { employee: Option<String>, wtf: Decimal, day: NaiveDate }
    /// Less than the minimum share of the lumpsum spent.
    LumpsumBelowMinimum = "finding.lumpsum_below_minimum" { year: i32, share: Decimal, minimum: Decimal, shortfall: Decimal }
    /// No annual report recorded over a year whose report is due.
    AnnualReportMissing = "finding.annual_report_missing" { year: i32, due: NaiveDate }
    /// An annual report that does not account for the spending on professionalisation.
    AnnualReportSilent = "finding.annual_report_silent" { year: i32 }
    /// A part of the lemniscate without activity in its window.
    CycleStageNotAttended = "finding.cycle_stage_not_attended" { stage: String, from: NaiveDate, to: NaiveDate }
    /// Formal learning far above its 70:20:10 share (advice).
    MixFormalHeavy = "finding.mix_formal_heavy" { formal: Decimal, target: Decimal }
    /// No learning on the job (advice).
    MixNoWorkplaceLearning = "finding.mix_no_workplace_learning" {}

    // Errors (docs/codes.md): what the library refuses, and why.
    /// The document is not JSON.
    InvalidJson = "error.invalid_json" { line: usize, column: usize, detail: String }
    /// A field that is not part of the format.
    UnknownField = "error.unknown_field" { field: String, expected: Vec<String> }
    /// A required field is absent.
    MissingField = "error.missing_field" { field: String }
    /// A value that is not one of the allowed ones.
    NotAllowed = "error.not_allowed" { value: String, expected: Vec<String> }
    /// A value of the wrong JSON type (`got`: `string`, `number`, `list`, `object`, ...).
    WrongType = "error.wrong_type" { got: String, expected: String, detail: String }
    /// Any other malformed value (the parser's own words in `detail`, shown in English only).
    InvalidValue = "error.invalid_value" { detail: String }
    /// A document above the size limit.
    DocumentTooLarge = "error.document_too_large" { bytes: usize, limit: usize }
    /// Too many items of a kind (`what`: `events`, `employees`, `rows`, `activities`, `cycle_events`).
    TooMany = "error.too_many" { what: String, count: usize, limit: usize }
    /// A value too large to compute exactly.
    TooLarge = "error.too_large" {}
    /// Not a decimal number.
    NotADecimal = "error.not_a_decimal" { text: String }
    /// A decimal with more than 28 digits.
    DecimalOutOfRange = "error.decimal_out_of_range" { text: String }
    /// A JSON number with a fraction where an exact decimal is asked.
    DecimalAsFloat = "error.decimal_as_float" {}
    /// Rounding decimals out of range.
    RoundingDecimals = "error.rounding_decimals" { given: u32, max: u32 }
    /// Not a date.
    NotADate = "error.not_a_date" { text: String, min: i32, max: i32 }
    /// A day number that is no date in range.
    DayOutOfRange = "error.day_out_of_range" { days: i64, min: i32, max: i32 }
    /// A computed date out of range (`what`: `window`, `repeat`).
    DateOutOfRange = "error.date_out_of_range" { what: String }
    /// A school year out of range.
    SchoolYearOutOfRange = "error.school_year_out_of_range" { start: i32, min: i32, max: i32 }
    /// Not a school year.
    NotASchoolYear = "error.not_a_school_year" { text: String }
    /// A year out of range.
    YearOutOfRange = "error.year_out_of_range" { year: i32 }
    /// An end before a start.
    EndBeforeStart = "error.end_before_start" { start: Option<NaiveDate>, end: Option<NaiveDate> }
    /// A wtf out of range.
    WtfOutOfRange = "error.wtf_out_of_range" { wtf: Decimal }
    /// A first rule set without a parameter.
    FirstRuleSetMissesParameter = "error.first_rule_set_misses_parameter" { rule_set: Arc<str>, parameter: String }
    /// A rule set naming a source the book does not list.
    UnknownSource = "error.unknown_source" { rule_set: Arc<str>, source: String }
    /// An unknown rule set id.
    UnknownRuleSet = "error.unknown_rule_set" { id: String, known: Vec<String> }
    /// No rule set in force yet.
    NoRuleSetInForce = "error.no_rule_set_in_force" { day: NaiveDate, school_year: SchoolYear, first: Option<NaiveDate> }
    /// Past the known rules in strict mode.
    PastKnownRules = "error.past_known_rules" { school_year: SchoolYear, rule_set: Arc<str>, known_until: Option<NaiveDate> }
    /// An unknown operation of the JSON interface.
    UnknownOperation = "error.unknown_operation" { operation: String, known: Vec<String> }
    /// A language other than nl or en.
    UnknownLanguage = "error.unknown_language" { lang: String }
    /// An unknown activity kind.
    UnknownKind = "error.unknown_kind" { kind: String }
    /// Neither a kind nor a text to classify.
    NothingToClassify = "error.nothing_to_classify" {}
    /// A negative amount where none may be (`what`: `mix`, `spending`, `event`, `saving_cap`).
    Negative = "error.negative" { what: String }
    /// The 10% rule without a lumpsum.
    LumpsumNotPositive = "error.lumpsum_not_positive" {}
    /// A time line without an hourly cost.
    NoHourlyCost = "error.no_hourly_cost" {}
    /// A spending line with both money and hours.
    MoneyAndHours = "error.money_and_hours" {}
    /// A time line without hours.
    NoHours = "error.no_hours" {}
    /// A line without money.
    NoMoney = "error.no_money" {}
    /// A cycle window out of range.
    WindowMonths = "error.window_months" { given: u32 }
    /// A plan transition that starts from another status than the plan's.
    TransitionFrom = "error.transition_from" { index: usize, from: PlanStatus, was: PlanStatus }
    /// A transition dated before the previous one.
    TransitionOrder = "error.transition_order" { index: usize }
    /// A history that ends elsewhere than the status.
    HistoryEnd = "error.history_end" { ends: PlanStatus, status: PlanStatus }
    /// A transition the lifecycle does not allow.
    TransitionNotAllowed = "error.transition_not_allowed" { role: Role, from: PlanStatus, to: PlanStatus, allowed: Vec<Role> }
    /// A ledger without school years.
    NoSchoolYears = "error.no_school_years" {}
    /// A ledger spanning too many years.
    LedgerTooLong = "error.ledger_too_long" { limit: u32 }
    /// A batch without a school year.
    NoSchoolYear = "error.no_school_year" {}
    /// An empty cell where a value is needed (`column`).
    EmptyCell = "error.empty_cell" { column: String }
    /// Not a category.
    NotACategory = "error.not_a_category" { text: String }
    /// Not an order of the generator.
    NotAnOrder = "error.not_an_order" { text: String }
    /// A second saving agreement for the same year and unit.
    SecondSaving = "error.second_saving" { from: SchoolYear, bucket: String, hours: bool }
    /// A saving agreement that does not run past its year.
    SavingTooShort = "error.saving_too_short" { from: SchoolYear, until: SchoolYear }
    /// A saving agreement without units.
    SavingNoUnits = "error.saving_no_units" {}
    /// The rule set allows no saving agreements.
    SavingForbidden = "error.saving_forbidden" { rule_set: Arc<str>, article: Option<Arc<str>> }
    /// No right to save in this rule set (only by agreement).
    NoRightToSave = "error.no_right_to_save" { rule_set: Arc<str>, from: SchoolYear, article: Option<Arc<str>> }
    /// The right to save needs a plan.
    SavingNeedsPlan = "error.saving_needs_plan" { article: Option<Arc<str>> }
    /// The right to save spans too many years.
    SavingTooLong = "error.saving_too_long" { max: u32, from: SchoolYear, until: SchoolYear, span: u32 }
    /// The right to save covers money only under this reading.
    SavingMoneyOnly = "error.saving_money_only" {}
    /// No rule set for an event's year.
    NoRuleSetForEvent = "error.no_rule_set_for_event" {}
    /// An assigned activity charged without consent.
    AssignedWithoutConsent = "error.assigned_without_consent" { activity: String, article: Option<Arc<str>>, lid: Option<Arc<str>>, facility: Option<Arc<str>> }
    /// A bucket not granted this year.
    BucketNotGranted = "error.bucket_not_granted" { bucket: String, granted: Vec<String> }
    /// More asked than available.
    Insufficient = "error.insufficient" { bucket: String, hours: bool, asked: Decimal, available: Decimal }

    // Citations and choices, as a person reads them (see `Source::text`).
    /// A rule of a rule set: `CAO VO 2014-2015, art. 17.4 lid 1`.
    CiteRule = "cite.rule" { rule_set: Arc<str>, article: Option<Arc<str>>, lid: Option<Arc<str>>, number_inferred: bool, value_inferred: bool }
    /// A choice of lemniscaat where the CAO is silent.
    CitePolicy = "cite.policy" { choice: Box<Msg>, default: bool }
    /// A reading of a disputed rule.
    CiteReading = "cite.reading" { reading: ProRataReading, rule: Box<Msg> }
    /// A value of the input.
    CiteInput = "cite.input" { path: String }
    /// Arithmetic on earlier steps.
    CiteComputation = "cite.computation" {}
    /// Rounding: decimals and mode.
    ChoiceRounding = "choice.rounding" { decimals: u32, mode: RoundingMode }
    /// Rounding of one unit (`hours`: hours, else money).
    ChoiceRoundingOf = "choice.rounding_of" { hours: bool, decimals: u32, mode: RoundingMode }
    /// How a part of a year counts.
    ChoiceTemporal = "choice.temporal" { value: TemporalProRata }
    /// How time is valued (`line`: at the line's own hourly cost).
    ChoiceTimeValuation = "choice.time_valuation" { line: bool }
    /// A base for management.
    ChoiceManagementBase = "choice.management_base" { hours: Decimal, money: Decimal }
    /// Lenient or strict mode past the known rules.
    ChoiceMode = "choice.mode" { strict: bool }
    /// The reading of pro rata by wtf.
    ChoiceProRata = "choice.pro_rata" { reading: ProRataReading }
    /// Which units the right to save covers.
    ChoiceSavingUnits = "choice.saving_units" { money_only: bool }
    /// Any other option, as it is.
    ChoiceOther = "choice.other" { option: String, value: String }
}

impl Msg {
    /// The text in `l`.
    pub fn render(&self, l: Lang) -> String {
        match self {
            Msg::Text { en, nl } | Msg::Read { en, nl, .. } => match l {
                Lang::Nl => nl.clone(),
                Lang::En => en.clone(),
            },
            m => template::render(m, template::of(m.index(), l), l),
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

    /// The argument called `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&dyn Arg> {
        let mut found = None;
        self.visit(&mut |n, a| {
            if n == name && found.is_none() {
                found = Some(a);
            }
        });
        found
    }
}

/// The arguments of a message as a JSON object.
struct Args<'a>(&'a Msg);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        let mut result = Ok(());
        self.0.visit(&mut |name, a| {
            if result.is_ok() {
                result = m.serialize_entry(name, &a.value());
            }
        });
        result?;
        m.end()
    }
}

impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        if let Msg::Read { id, args, .. } = self {
            m.serialize_entry("id", id)?;
            m.serialize_entry("args", args)?;
        } else {
            m.serialize_entry("id", self.id())?;
            m.serialize_entry("args", &Args(self))?;
        }
        m.end()
    }
}

/// A message as JSON: `{"id": ..., "args": {...}}`, the id one of the catalogue's (or a text's own
/// `text`), the arguments in machine formats (decimal strings, ISO dates, ids) by name.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Msg {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Message".into()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        "lemniscaat::message::Msg".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A message of the catalogue: its id and its arguments in machine formats (decimal strings, ISO dates, ids), for a host that renders it with texts of its own.",
            "type": "object",
            "properties": {
                "id": { "type": "string", "description": "The message id, e.g. `explain.wtf_applied` (see `docs/messages.md`)." },
                "args": { "type": "object", "description": "The arguments by name." }
            },
            "required": ["id", "args"],
            "additionalProperties": false
        })
    }
}

/// A message read back from JSON: its id and arguments as written (`message`), with its texts;
/// without them, its texts alone.
pub(crate) fn read_back(message: Option<Value>, en: String, nl: String) -> Msg {
    match message {
        Some(Value::Object(mut m)) => match (m.remove("id"), m.remove("args")) {
            (Some(Value::String(id)), Some(args)) => Msg::Read { id, args, en, nl },
            _ => Msg::Text { en, nl },
        },
        _ => Msg::Text { en, nl },
    }
}

/// Where a step's value comes from, as a person reads it in `l` (see [`crate::explain::Source::text`]).
pub fn source(s: &crate::explain::Source, l: Lang) -> String {
    use crate::explain::Source;
    let m = match s {
        Source::Rule { rule_set, article, lid, confidence, article_confidence, .. } => {
            cite_rule(rule_set, article.as_deref(), lid.as_deref(), Some(*confidence), *article_confidence)
        }
        Source::Policy { option, value, default } => Msg::CitePolicy { choice: Box::new(choice(option, value)), default: *default },
        Source::Interpretation { id, rule_set, article, lid, .. } => match parse_reading(id) {
            Some(reading) => {
                Msg::CiteReading { reading, rule: Box::new(cite_rule(rule_set, article.as_deref(), lid.as_deref(), None, None)) }
            }
            None => Msg::ChoiceOther {
                option: id.to_string(),
                value: cite_rule(rule_set, article.as_deref(), lid.as_deref(), None, None).render(l),
            },
        },
        Source::Input { path } => Msg::CiteInput { path: path.to_string() },
        Source::Computation => Msg::CiteComputation {},
    };
    m.render(l)
}

/// An option of a receipt (`rounding.hours` = `2:half-up`) in words in `l`.
pub fn option(key: &str, value: &str, l: Lang) -> String {
    let m = match (key, value) {
        ("mode", v) => Msg::ChoiceMode { strict: v == "strict" },
        ("pro_rata", v) => match parse_reading(v) {
            Some(reading) => Msg::ChoiceProRata { reading },
            None => Msg::ChoiceOther { option: key.into(), value: value.into() },
        },
        ("saving_units", v) => Msg::ChoiceSavingUnits { money_only: v == "money-only" },
        ("rounding.hours" | "rounding.money", v) => match rounding(v) {
            Some((decimals, mode)) => Msg::ChoiceRoundingOf { hours: key == "rounding.hours", decimals, mode },
            None => Msg::ChoiceOther { option: key.into(), value: value.into() },
        },
        (k, v) => choice(k, v),
    };
    m.render(l)
}

/// A policy option of the library as a message.
fn choice(option: &str, value: &str) -> Msg {
    let other = || Msg::ChoiceOther { option: option.into(), value: value.into() };
    match option {
        "rounding" => rounding(value).map_or_else(other, |(decimals, mode)| Msg::ChoiceRounding { decimals, mode }),
        "temporal_pro_rata" => match value {
            "calendar-days" => Msg::ChoiceTemporal { value: TemporalProRata::CalendarDays },
            "whole-months" => Msg::ChoiceTemporal { value: TemporalProRata::WholeMonths },
            "none" => Msg::ChoiceTemporal { value: TemporalProRata::None },
            _ => other(),
        },
        "time_valuation" => Msg::ChoiceTimeValuation { line: value == "line-hourly-cost" },
        "management_base" => {
            let parts = value.strip_suffix("eur").and_then(|v| v.split_once("h/"));
            match parts.map(|(h, m)| (h.parse(), m.parse())) {
                Some((Ok(hours), Ok(money))) => Msg::ChoiceManagementBase { hours, money },
                _ => other(),
            }
        }
        _ => other(),
    }
}

/// `2:half-up` as decimals and mode.
fn rounding(value: &str) -> Option<(u32, RoundingMode)> {
    let (d, m) = value.split_once(':')?;
    let mode = match m {
        "half-up" => RoundingMode::HalfUp,
        "half-even" => RoundingMode::HalfEven,
        "up" => RoundingMode::Up,
        "down" => RoundingMode::Down,
        _ => return None,
    };
    Some((d.parse().ok()?, mode))
}

fn parse_reading(id: &str) -> Option<ProRataReading> {
    match id {
        "parties-intent" => Some(ProRataReading::PartiesIntent),
        "bezwarencommissie-2016" => Some(ProRataReading::Bezwarencommissie2016),
        _ => None,
    }
}

fn cite_rule(rule_set: &str, article: Option<&str>, lid: Option<&str>, value: Option<Confidence>, number: Option<Confidence>) -> Msg {
    let number_inferred = article.is_some() && number == Some(Confidence::Inferred);
    Msg::CiteRule {
        rule_set: rule_set.into(),
        article: article.map(Arc::from),
        lid: lid.map(Arc::from),
        number_inferred,
        value_inferred: article.is_some() && !number_inferred && value == Some(Confidence::Inferred),
    }
}

/// A finding's or an error's rule as a person reads it in `l`: the rule set's name, article and
/// lid, and a note when the article number or the value is inferred.
///
/// `value` is how sure the value is, `number` how sure the article number is.
pub fn rule(
    rule_set: &str,
    article: Option<&str>,
    lid: Option<&str>,
    value: Option<Confidence>,
    number: Option<Confidence>,
    l: Lang,
) -> String {
    cite_rule(rule_set, article, lid, value, number).render(l)
}

/// A label of the catalogue in `l` (`label.<id>` in `data/messages/`): the words of pictures and
/// tables that are not sentences; an id without one as it is.
pub fn label(id: &str, l: Lang) -> String {
    template::label(id, l)
}

/// The short title of a finding code in `l` (`Taakbeleid onder het basisrecht`); a code without
/// one as it is.
pub fn title(code: &str, l: Lang) -> String {
    template::title(code, l)
}

/// The display name of a rule set by its id: the built-in rule sets' names (`CAO VO 2014-2015`),
/// any other id (an override's) as it is.
pub fn rule_set_name(id: &str) -> String {
    crate::rules::RuleBook::builtin().get(id).map_or_else(|| id.to_string(), |rs| rs.name.clone())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
