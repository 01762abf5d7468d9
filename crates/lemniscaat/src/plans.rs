//! The plan hierarchy's lifecycle: kaders (board, every 4 years, with the P(G)MR), the yearly
//! collective plan per school (with the PMR), team plans, and personal plans (every 3 years,
//! approved by the manager).
//!
//! Every level moves `draft -> submitted -> agreed -> active -> completed` (or `superseded`),
//! and `submitted -> returned -> draft`. Each transition records the role that made it and the day;
//! any other move is `ILLEGAL_TRANSITION`.
//!
//! ```
//! use lemniscaat::plans::{transition, PlanLevel, PlanStatus, Role};
//! let d = lemniscaat::time::parse_date("2015-09-01").unwrap();
//! let t = transition(PlanLevel::Personal, PlanStatus::Submitted, PlanStatus::Agreed, Role::Manager, d).unwrap();
//! assert_eq!(t.to, PlanStatus::Agreed);
//! let err = transition(PlanLevel::Personal, PlanStatus::Submitted, PlanStatus::Agreed, Role::Employee, d).unwrap_err();
//! assert_eq!(err.code().as_str(), "ILLEGAL_TRANSITION");
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::message::Msg;
use crate::time;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The status of a plan at any level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Being written.
    Draft,
    /// Submitted for approval (or consultation).
    Submitted,
    /// Returned for changes.
    Returned,
    /// Agreed (approved by the manager; adopted after consultation of the P(G)MR / PMR).
    Agreed,
    /// In use.
    Active,
    /// Its term is over.
    Completed,
    /// Replaced by a newer plan.
    Superseded,
}

impl PlanStatus {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Submitted => "submitted",
            PlanStatus::Returned => "returned",
            PlanStatus::Agreed => "agreed",
            PlanStatus::Active => "active",
            PlanStatus::Completed => "completed",
            PlanStatus::Superseded => "superseded",
        }
    }

    /// Agreed, active or completed.
    pub fn is_agreed(self) -> bool {
        matches!(self, PlanStatus::Agreed | PlanStatus::Active | PlanStatus::Completed)
    }
}

/// The level of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanLevel {
    /// Professionaliseringskaders (board).
    Kaders,
    /// Collectief professionaliseringsplan (school, yearly).
    Collective,
    /// Team plan.
    Team,
    /// Persoonlijk professionaliseringsplan.
    Personal,
}

/// A role in the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Bestuur.
    Board,
    /// Schoolleider / directie.
    SchoolLeader,
    /// Leidinggevende.
    Manager,
    /// Team.
    Team,
    /// Werknemer.
    Employee,
    /// P&O.
    Hr,
    /// Financiën.
    Finance,
    /// P(G)MR.
    Pgmr,
    /// PMR.
    Pmr,
    /// Vakbonden.
    Unions,
    /// Leerlingen.
    Students,
}

impl Role {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Board => "board",
            Role::SchoolLeader => "school_leader",
            Role::Manager => "manager",
            Role::Team => "team",
            Role::Employee => "employee",
            Role::Hr => "hr",
            Role::Finance => "finance",
            Role::Pgmr => "pgmr",
            Role::Pmr => "pmr",
            Role::Unions => "unions",
            Role::Students => "students",
        }
    }
}

/// A recorded transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// From.
    pub from: PlanStatus,
    /// To.
    pub to: PlanStatus,
    /// Who.
    pub role: Role,
    /// When.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub date: NaiveDate,
}

/// Who writes a plan of a level, and who approves it.
fn roles(level: PlanLevel) -> (&'static [Role], &'static [Role]) {
    match level {
        PlanLevel::Kaders => (&[Role::Board, Role::Hr], &[Role::Board]),
        PlanLevel::Collective => (&[Role::SchoolLeader, Role::Hr], &[Role::SchoolLeader, Role::Board]),
        // The handreiking: the team sets its own plan ("het team zelf laten uitspreken waar ...
        // hun ontwikkelbehoefte ligt"); its manager or the school leader may agree it too.
        PlanLevel::Team => (&[Role::Team, Role::Manager], &[Role::Team, Role::Manager, Role::SchoolLeader]),
        PlanLevel::Personal => (&[Role::Employee], &[Role::Manager]),
    }
}

/// The roles that may move a plan of a level from one status to another; empty when the move is
/// not allowed at all.
pub fn allowed_roles(level: PlanLevel, from: PlanStatus, to: PlanStatus) -> Vec<Role> {
    use PlanStatus::*;
    let (authors, approvers) = roles(level);
    let both = || authors.iter().chain(approvers.iter()).chain([Role::Hr].iter()).copied().collect::<Vec<_>>();
    let mut v: Vec<Role> = match (from, to) {
        (Draft, Submitted) | (Returned, Draft) => authors.to_vec(),
        (Submitted, Agreed) | (Submitted, Returned) => approvers.to_vec(),
        (Agreed, Active) | (Active, Completed) | (Agreed, Superseded) | (Active, Superseded) => both(),
        _ => vec![],
    };
    v.dedup();
    v
}

/// Checks one transition and records it.
pub fn transition(level: PlanLevel, from: PlanStatus, to: PlanStatus, role: Role, date: NaiveDate) -> Result<Transition> {
    let allowed = allowed_roles(level, from, to);
    if allowed.contains(&role) {
        return Ok(Transition { from, to, role, date });
    }
    Err(Error::of(ErrorCode::IllegalTransition, Msg::TransitionNotAllowed { role, from, to, allowed }))
}

/// Checks a recorded history: it starts at `draft`, each step is allowed and dated in order, and
/// it ends at `status`. The error's path points at the offending transition (`/3`).
///
/// ```
/// use lemniscaat::plans::{check_history, PlanLevel, PlanStatus, Transition};
/// let h: Vec<Transition> = serde_json::from_str(r#"[
///   {"from":"draft","to":"submitted","role":"employee","date":"2015-09-01"},
///   {"from":"submitted","to":"agreed","role":"manager","date":"2015-09-10"}]"#).unwrap();
/// assert!(check_history(PlanLevel::Personal, &h, PlanStatus::Agreed).is_ok());
/// assert!(check_history(PlanLevel::Personal, &h, PlanStatus::Active).is_err());
/// ```
pub fn check_history(level: PlanLevel, history: &[Transition], status: PlanStatus) -> Result<()> {
    let mut cur = PlanStatus::Draft;
    let mut last: Option<NaiveDate> = None;
    for (i, t) in history.iter().enumerate() {
        if t.from != cur {
            return Err(
                Error::of(ErrorCode::IllegalTransition, Msg::TransitionFrom { index: i, from: t.from, was: cur }).at(format!("/{i}"))
            );
        }
        if last.is_some_and(|l| t.date < l) {
            return Err(Error::of(ErrorCode::IllegalTransition, Msg::TransitionOrder { index: i }).at(format!("/{i}/date")));
        }
        transition(level, t.from, t.to, t.role, t.date).map_err(|e| e.at(format!("/{i}")))?;
        cur = t.to;
        last = Some(t.date);
    }
    if !history.is_empty() && cur != status {
        return Err(Error::of(ErrorCode::IllegalTransition, Msg::HistoryEnd { ends: cur, status }));
    }
    Ok(())
}
