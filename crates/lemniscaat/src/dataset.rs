//! The dataset: the interchange format for a board, its schools, plans and staff, as a vendor or a
//! front end sends it, the command reads it and [`crate::validate`] checks it.
//!
//! Field names are fixed by `vectors.md`; the optional fields the library adds are marked as
//! such. Unknown fields are refused (`UNKNOWN_FIELD` with the JSON Pointer path), so typos do not
//! pass silently. Dates are ISO strings, inclusive on both ends; decimals are strings.
//!
//! ```
//! let ds = lemniscaat::dataset::Dataset::from_json(r#"{"as_of":"2015-03-01",
//!   "board":{"id":"B1","name":"Stichting"},"schools":[{"id":"S1","name":"College"}]}"#).unwrap();
//! assert_eq!(ds.schools[0].id, "S1");
//! let err = lemniscaat::dataset::Dataset::from_json(r#"{"as_of":"2015-03-01",
//!   "board":{"id":"B1","name":"Stichting","nmae":"x"}}"#).unwrap_err();
//! assert_eq!((err.code().as_str(), err.path()), ("UNKNOWN_FIELD", "/board/nmae"));
//! ```

use crate::budget::LumpsumInput;
use crate::cycle::CycleEvent;
use crate::error::Result;
use crate::ledger::LedgerEvent;
use crate::message::Msg;
use crate::options::Options;
use crate::people::{Appointment, EducationLevel};
use crate::plans::{PlanStatus, Transition};
use crate::time::{self, SchoolYear};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The board (bevoegd gezag, stichting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A school of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A participation body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// Personeelsgeleding van de (gemeenschappelijke) medezeggenschapsraad.
    Pgmr,
    /// Personeelsgeleding van de medezeggenschapsraad van de school.
    Pmr,
    /// Gemeenschappelijke medezeggenschapsraad.
    Gmr,
    /// Ondernemingsraad.
    Or,
}

/// A recorded consultation of a participation body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// The body.
    pub body: Body,
    /// The day.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub date: NaiveDate,
}

/// The level the kaders are agreed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum KadersLevel {
    /// The board (for all its schools).
    Board,
    /// One school.
    School,
}

/// The handreiking's recommended sections of the kaders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Trends in education.
    Trends,
    /// Mission, vision and strategy.
    MissionVisionStrategy,
    /// HR strategy.
    HrStrategy,
    /// Development themes.
    Themes,
    /// Vision on development.
    VisionOnDevelopment,
    /// Development culture.
    DevelopmentCulture,
    /// Embedding.
    Embedding,
    /// Facilities and budgets.
    FacilitiesBudgets,
    /// Accountability.
    Accountability,
}

impl Section {
    /// All recommended sections.
    pub const ALL: [Section; 9] = [
        Section::Trends,
        Section::MissionVisionStrategy,
        Section::HrStrategy,
        Section::Themes,
        Section::VisionOnDevelopment,
        Section::DevelopmentCulture,
        Section::Embedding,
        Section::FacilitiesBudgets,
        Section::Accountability,
    ];

    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Trends => "trends",
            Section::MissionVisionStrategy => "mission_vision_strategy",
            Section::HrStrategy => "hr_strategy",
            Section::Themes => "themes",
            Section::VisionOnDevelopment => "vision_on_development",
            Section::DevelopmentCulture => "development_culture",
            Section::Embedding => "embedding",
            Section::FacilitiesBudgets => "facilities_budgets",
            Section::Accountability => "accountability",
        }
    }
}

/// A development theme (ontwikkelthema).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// Professionaliseringskaders (17.2 lid 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Kaders {
    /// Id.
    pub id: String,
    /// Board or school level.
    pub level: KadersLevel,
    /// The school, for school-level kaders.
    #[serde(default)]
    pub school: Option<String>,
    /// Lifecycle status.
    pub status: PlanStatus,
    /// The day they were agreed.
    #[serde(default, serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    pub agreed_on: Option<NaiveDate>,
    /// Consultations of the P(G)MR.
    #[serde(default)]
    pub consultations: Vec<Consultation>,
    /// Element (a): the development goals of organisation and employees in relation.
    #[serde(default)]
    pub goals: String,
    /// Element (b): how facilities are made available.
    #[serde(default)]
    pub facilities: String,
    /// Element (c): how the goals relate to the demands on the organisation and its vision.
    #[serde(default)]
    pub demands_and_vision: String,
    /// Recommended sections present.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Development themes.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// (Added) the lifecycle transitions so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Transition>,
}

/// Facilities of a theme of the collective plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThemeFacilities {
    /// Organisation.
    #[serde(default)]
    pub organisation: Option<String>,
    /// Guidance.
    #[serde(default)]
    pub guidance: Option<String>,
    /// Time.
    #[serde(default)]
    pub time: Option<String>,
    /// Money.
    #[serde(default)]
    pub money: Option<String>,
    /// Replacement.
    #[serde(default)]
    pub replacement: Option<String>,
}

impl ThemeFacilities {
    /// Whether any facility is named.
    pub fn any(&self) -> bool {
        [&self.organisation, &self.guidance, &self.time, &self.money, &self.replacement]
            .iter()
            .any(|f| f.as_deref().is_some_and(|s| !s.trim().is_empty()))
    }
}

/// A concrete activity of the collective plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanActivity {
    /// Id (ledger usages may name it).
    pub id: String,
    /// Activity kind id of the taxonomy.
    #[serde(default)]
    pub kind: Option<String>,
    /// Name.
    pub name: String,
    /// Hours per participant.
    #[serde(default, serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub hours: Option<Decimal>,
    /// Cost.
    #[serde(default, serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub cost: Option<Decimal>,
    /// The school years it is planned in.
    #[serde(default)]
    pub school_years: Vec<SchoolYear>,
}

/// A theme worked out in the collective plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanTheme {
    /// The theme id (of the kaders, or a new one).
    pub theme: String,
    /// (Added) a name for a theme that is not in the kaders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Target groups (by function, phase, contract).
    #[serde(default)]
    pub target_groups: Vec<String>,
    /// Concrete activities.
    #[serde(default)]
    pub activities: Vec<PlanActivity>,
    /// Facilities.
    #[serde(default)]
    pub facilities: Option<ThemeFacilities>,
    /// When and how evaluation and accountability happen.
    #[serde(default)]
    pub evaluation: Option<String>,
}

/// The collective professionalisation plan of a school for a school year (17.2 lid 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CollectivePlan {
    /// Id.
    pub id: String,
    /// The school.
    pub school: String,
    /// The school year.
    pub school_year: SchoolYear,
    /// Lifecycle status.
    pub status: PlanStatus,
    /// Consultations of the PMR.
    #[serde(default)]
    pub consultations: Vec<Consultation>,
    /// Themes.
    #[serde(default)]
    pub themes: Vec<PlanTheme>,
    /// (Added) the day it was agreed.
    #[serde(
        default,
        serialize_with = "time::opt_date::serialize",
        deserialize_with = "time::opt_date::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub agreed_on: Option<NaiveDate>,
    /// (Added) the lifecycle transitions so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Transition>,
}

/// A SMART goal of a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamGoal {
    /// Id.
    pub id: String,
    /// Specific: what.
    #[serde(default)]
    pub description: String,
    /// Measurable: the measure of success.
    #[serde(default)]
    pub measure: Option<String>,
    /// Time-bound: the deadline.
    #[serde(default, serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    pub deadline: Option<NaiveDate>,
    /// The owner (an employee id).
    #[serde(default)]
    pub owner: Option<String>,
    /// Linked school themes.
    #[serde(default)]
    pub themes: Vec<String>,
}

/// A team plan for a school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamPlan {
    /// The school year.
    pub school_year: SchoolYear,
    /// Goals.
    #[serde(default)]
    pub goals: Vec<TeamGoal>,
    /// (Added) lifecycle status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
}

/// A team, section, department or project team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Id.
    pub id: String,
    /// The school.
    pub school: String,
    /// Name.
    pub name: String,
    /// Plans per school year.
    #[serde(default)]
    pub plans: Vec<TeamPlan>,
}

/// An activity of a personal plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonalActivity {
    /// (Added) an id that ledger usages may name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Activity kind id.
    #[serde(default)]
    pub kind: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Hours.
    #[serde(default, serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub hours: Option<Decimal>,
    /// Money.
    #[serde(default, serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub money: Option<Decimal>,
    /// Element (c): how it is facilitated.
    #[serde(default)]
    pub facilitation: String,
    /// (Added) the employer assigned the activity ("opgedragen door de werkgever"). The basisrecht
    /// may be charged for an assigned activity only with the employee's consent (17.4 lid 2 for
    /// hours, 17.5 lid 2 for money); without it the activity is an employer-paid facility (17.7).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assigned: bool,
    /// (Added) the employee consents to charging the assigned activity's hours and money to the
    /// basisrecht (17.4 lid 2, 17.5 lid 2). Without `assigned` it says nothing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub consent: bool,
}

/// A goal of a personal plan, linked upward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonalGoal {
    /// Id.
    pub id: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Team goal ids or school theme ids.
    #[serde(default)]
    pub links: Vec<String>,
    /// (Added) measurable: the measure of success (a SMART agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// (Added) time-bound: the deadline.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "time::opt_date::serialize",
        deserialize_with = "time::opt_date::deserialize"
    )]
    pub deadline: Option<NaiveDate>,
}

/// A personal professionalisation plan (17.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonalPlan {
    /// Id.
    pub id: String,
    /// Lifecycle status.
    pub status: PlanStatus,
    /// The day it was agreed.
    #[serde(default, serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    pub agreed_on: Option<NaiveDate>,
    /// Who approved it (`manager`).
    #[serde(default)]
    pub approved_by: Option<String>,
    /// Element (a): the activities during its term.
    #[serde(default)]
    pub activities: Vec<PersonalActivity>,
    /// Element (b): how they serve the employee's wishes and the organisation's goals.
    #[serde(default)]
    pub contribution: String,
    /// The plan mentions an EVC-traject.
    #[serde(default)]
    pub evc_offered: bool,
    /// The plan mentions a startkwalificatie.
    #[serde(default)]
    pub startkwalificatie_offered: bool,
    /// Goals.
    #[serde(default)]
    pub goals: Vec<PersonalGoal>,
    /// (Added) the plan asks for the support-staff extension of 43 hours (2023-2024 on).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub support_extension: bool,
    /// (Added) the lifecycle transitions so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Transition>,
}

impl PersonalPlan {
    /// Agreed: status agreed, active or completed, approved by the manager.
    pub fn is_agreed(&self) -> bool {
        self.status.is_agreed() && self.approved_by.as_deref() == Some("manager")
    }
}

/// A conversation of the conversation cycle (gesprekkencyclus).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conversation {
    /// The day.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub date: NaiveDate,
    /// Kind: development, performance, appraisal, ...
    #[serde(default)]
    pub kind: String,
    /// (Added) the school years whose use of the basisrecht the employee accounted for in this
    /// conversation (17.4 lid 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounted_for: Vec<SchoolYear>,
}

/// (Added) the jaartaak by component for the 17.8 check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Taakbeleid {
    /// The school year.
    pub school_year: SchoolYear,
    /// Hours of component d (deskundigheidsbevordering) free to choose.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub component_d_hours: Decimal,
    /// Free-to-choose professionalisation hours recognisable in other components.
    #[serde(default, serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub other_free_hours: Option<Decimal>,
}

/// An employee with appointments, plans, conversations and ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Employee {
    /// Id.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// The school.
    #[serde(default)]
    pub school: Option<String>,
    /// The team.
    #[serde(default)]
    pub team: Option<String>,
    /// Education level (for EVC and startkwalificatie).
    #[serde(default)]
    pub education_level: Option<EducationLevel>,
    /// Date of the last EVC-traject.
    #[serde(default, serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    pub last_evc: Option<NaiveDate>,
    /// Appointments.
    #[serde(default)]
    pub appointments: Vec<Appointment>,
    /// Personal plans.
    #[serde(default)]
    pub personal_plans: Vec<PersonalPlan>,
    /// Conversations.
    #[serde(default)]
    pub conversations: Vec<Conversation>,
    /// Ledger events.
    #[serde(default)]
    pub ledger: Vec<LedgerEvent>,
    /// (Added) the jaartaak's professionalisation hours per school year (17.8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taakbeleid: Vec<Taakbeleid>,
}

impl Employee {
    /// The first day of the earliest appointment.
    pub fn in_service_since(&self) -> Option<NaiveDate> {
        self.appointments.iter().map(|a| a.start).min()
    }

    /// Whether an agreed personal plan asks for the support-staff extension (2023-2024 on).
    pub fn asks_support_extension(&self) -> bool {
        self.personal_plans.iter().any(|p| p.is_agreed() && p.support_extension)
    }

    /// The dataset path of an error of this employee's ledger (employee `index`): `/events/3`
    /// becomes `/employees/{index}/ledger/3`; other paths are put under the employee.
    pub fn ledger_error_path(index: usize, path: &str) -> String {
        match path.strip_prefix("/events") {
            Some(rest) => format!("/employees/{index}/ledger{rest}"),
            None => format!("/employees/{index}{path}"),
        }
    }

    /// Whether an appointment covers the date.
    pub fn employed_on(&self, d: NaiveDate) -> bool {
        self.appointments.iter().any(|a| a.range().contains(d))
    }
}

/// (Added) settings of the validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The notice window of `PERSONAL_PLAN_DUE_SOON` in days (default 90).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_soon_days: Option<u32>,
    /// One window of the cycle in months for every part (default: each part's own period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle_window_months: Option<u32>,
    /// The window of `NO_YEARLY_CONVERSATION` in months (default 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_months: Option<u32>,
    /// 70:20:10 advice on personal plans too (default false: advice on collective plans only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_mix_advice: Option<bool>,
}

/// A board's dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The date the dataset is judged on.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub as_of: NaiveDate,
    /// The board.
    pub board: Board,
    /// Schools.
    #[serde(default)]
    pub schools: Vec<School>,
    /// Kaders.
    #[serde(default)]
    pub kaders: Vec<Kaders>,
    /// Collective plans.
    #[serde(default)]
    pub collective_plans: Vec<CollectivePlan>,
    /// Teams.
    #[serde(default)]
    pub teams: Vec<Team>,
    /// Employees.
    #[serde(default)]
    pub employees: Vec<Employee>,
    /// Lemniscate cycle events.
    #[serde(default)]
    pub cycle_events: Vec<CycleEvent>,
    /// The 10% rule input for the board, or null.
    #[serde(default)]
    pub lumpsum: Option<LumpsumInput>,
    /// (Added) the 10% rule per school.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub school_lumpsums: Vec<SchoolLumpsum>,
    /// (Added) the board's annual reports (17.2 lid 4); judged only when the dataset records any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annual_reports: Vec<AnnualReport>,
    /// (Added) pin a rule set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// (Added) entitlement options.
    #[serde(default, skip_serializing_if = "is_default")]
    pub options: Options,
    /// (Added) validation settings.
    #[serde(default, skip_serializing_if = "is_default")]
    pub settings: Settings,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

/// (Added) the 10% rule of one school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchoolLumpsum {
    /// The school.
    pub school: String,
    /// The input.
    pub lumpsum: LumpsumInput,
}

/// (Added) the board's annual report (jaarverslag) over a calendar year, as far as 17.2 lid 4
/// goes: whether it accounts for the spending on professionalisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnnualReport {
    /// The calendar year the report covers.
    pub year: i32,
    /// Whether it accounts for the spending of the means for professionalisation.
    pub accounts_for_professionalisation: bool,
}

/// The largest number of employees in a dataset.
pub const MAX_EMPLOYEES: usize = 200_000;

impl Dataset {
    /// Reads a dataset from JSON, with typed errors and paths.
    pub fn from_json(text: &str) -> Result<Dataset> {
        let ds: Dataset = crate::json::from_str(text)?;
        ds.check()?;
        Ok(ds)
    }

    /// Checks what serde cannot: limits, options and the planned amounts.
    pub fn check(&self) -> Result<()> {
        if self.employees.len() > MAX_EMPLOYEES {
            return Err(crate::Error::of(
                crate::ErrorCode::LimitExceeded,
                Msg::TooMany { what: "employees".into(), count: self.employees.len(), limit: MAX_EMPLOYEES },
            )
            .at("/employees"));
        }
        self.options.check("/options")?;
        self.check_planned_amounts()
    }

    /// The hours, cost and money of planned activities (collective and personal plans) are not
    /// negative: a negative one is refused at its path when the dataset is read, in every
    /// operation, rather than by the one that sums it (the report's 70:20:10).
    fn check_planned_amounts(&self) -> Result<()> {
        let negative =
            |path: String| crate::Error::of(crate::ErrorCode::InvalidValue, Msg::Negative { what: "plan_activity".into() }).at(path);
        let below_zero = |v: &Option<Decimal>| v.is_some_and(|d| d < Decimal::ZERO);
        for (ci, c) in self.collective_plans.iter().enumerate() {
            for (ti, t) in c.themes.iter().enumerate() {
                for (ai, a) in t.activities.iter().enumerate() {
                    for (field, v) in [("hours", &a.hours), ("cost", &a.cost)] {
                        if below_zero(v) {
                            return Err(negative(format!("/collective_plans/{ci}/themes/{ti}/activities/{ai}/{field}")));
                        }
                    }
                }
            }
        }
        for (ei, e) in self.employees.iter().enumerate() {
            for (pi, p) in e.personal_plans.iter().enumerate() {
                for (ai, a) in p.activities.iter().enumerate() {
                    for (field, v) in [("hours", &a.hours), ("money", &a.money)] {
                        if below_zero(v) {
                            return Err(negative(format!("/employees/{ei}/personal_plans/{pi}/activities/{ai}/{field}")));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The school's name, or its id.
    pub fn school_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.schools.iter().find(|s| s.id == id).map(|s| s.name.as_str()).unwrap_or(id)
    }
}
