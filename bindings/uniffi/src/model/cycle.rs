//! The lemniscate: the figure-eight cycle of professionalisation, tracked over time.

use super::common::Finding;
use crate::scalar::IsoDate;
use serde::{Deserialize, Serialize};

/// A stage of the lemniscate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Preparation.
    Preparation,
    /// Strategic exploration (strategische verkenning).
    StrategicExploration,
    /// Kaders.
    Frameworks,
    /// The collective plan.
    CollectivePlan,
    /// Team goals.
    TeamGoals,
    /// Personal goals.
    PersonalGoals,
    /// Execution.
    Execution,
}

/// What happened to a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Started.
    Started,
    /// Completed.
    Completed,
    /// Revisited.
    Revisited,
}

/// An event of the cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CycleEvent {
    /// The stage.
    pub stage: Stage,
    /// The day.
    pub date: IsoDate,
    /// What happened.
    pub kind: EventKind,
    /// The roles that took part (`pmr`, `teachers`, ...).
    #[uniffi(default)]
    pub roles: Vec<String>,
    /// A document it produced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub artefact: Option<String>,
}

/// The input of the cycle status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CycleInput {
    /// The events.
    pub events: Vec<CycleEvent>,
    /// The day of the status.
    pub as_of: IsoDate,
    /// The window in months (none: the library's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub window_months: Option<u32>,
    /// The start of the cycle, instead of a window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub cycle_start: Option<IsoDate>,
}

/// The status of a stage in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    /// Completed in the window.
    Attended,
    /// Started, not completed.
    InProgress,
    /// Not seen.
    Missing,
}

/// A stage with its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct StageState {
    /// The stage.
    pub stage: Stage,
    /// Its status.
    pub status: StageStatus,
}

/// Whether a role the handreiking asks for took part in a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct ParticipationCheck {
    /// The stage.
    pub stage: Stage,
    /// The role.
    pub required: String,
    /// Whether it took part.
    pub present: bool,
}

/// The lemniscate over a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CycleStatus {
    /// First day of the window.
    pub window_start: IsoDate,
    /// The day of the status.
    pub as_of: IsoDate,
    /// Stages completed in the window.
    pub attended: Vec<Stage>,
    /// Stages not completed.
    pub missing: Vec<Stage>,
    /// Every stage completed.
    pub complete: bool,
    /// The stages to take next.
    pub next: Vec<Stage>,
    /// Every stage with its status, in the order of the figure eight.
    #[serde(with = "pairs")]
    pub stages: Vec<StageState>,
    /// Participation.
    pub participation: Vec<ParticipationCheck>,
    /// Completed cycles.
    pub cycles: u32,
    /// Findings.
    pub findings: Vec<Finding>,
}

/// The core writes a stage's state as the pair `["stage", "status"]`.
mod pairs {
    use super::{Stage, StageState, StageStatus};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[StageState], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|x| (x.stage, x.status)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<StageState>, D::Error> {
        let pairs = Vec::<(Stage, StageStatus)>::deserialize(d)?;
        Ok(pairs.into_iter().map(|(stage, status)| StageState { stage, status }).collect())
    }
}
