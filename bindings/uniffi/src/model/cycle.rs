//! The lemniscate: the figure-eight cycle of professionalisation, tracked over time.

use super::common::Finding;
use crate::scalar::IsoDate;
use serde::{Deserialize, Serialize};

core_enum! {
    /// A part of the lemniscate.
    Stage = lemniscaat::cycle::Stage {
        /// Voorbereiding en communicatie (off the ring).
        Preparation,
        /// Strategische verkenning.
        StrategicExploration,
        /// Professionaliseringskaders.
        Frameworks,
        /// Collectief professionaliseringsplan (the crossing point).
        CollectivePlan,
        /// Ontwikkeldoelen in teams/vakgroepen/afdelingen.
        TeamGoals,
        /// Persoonlijke ontwikkeldoelen.
        PersonalGoals,
        /// Uitvoeren van opleidings- en ontwikkelactiviteiten.
        Execution,
    }
}

core_enum! {
    /// What happened at a part.
    EventKind = lemniscaat::cycle::EventKind {
        /// Work on the part started.
        Started,
        /// The part was completed.
        Completed,
        /// The part was revisited.
        Revisited,
    }
}

/// An event of the tracker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CycleEvent {
    /// The part.
    pub stage: Stage,
    /// The day.
    pub date: IsoDate,
    /// What happened.
    pub kind: EventKind,
    /// Roles involved (`board`, `pgmr`, `pmr`, `school_leader`, `team`, `employee`, ...).
    #[uniffi(default)]
    pub roles: Vec<String>,
    /// An artefact, e.g. a plan id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub artefact: Option<String>,
}

/// The input of `cycle_status` (the shape of `cycle.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CycleInput {
    /// The events.
    pub events: Vec<CycleEvent>,
    /// The date of the question.
    pub as_of: IsoDate,
    /// One window in months before `as_of` for every part (default: each part's own period: 48
    /// months for the strategic exploration and the kaders, 36 for the personal goals, 12 for the
    /// others).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub window_months: Option<u32>,
    /// Count from this cycle start instead of a window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[uniffi(default)]
    pub cycle_start: Option<IsoDate>,
}

core_enum! {
    /// The status of a part in the window.
    StageStatus = lemniscaat::cycle::StageStatus {
        /// Completed or revisited in the window.
        Attended,
        /// Started but not completed in the window.
        InProgress,
        /// No activity in the window.
        Missing,
    }
}

/// A stage with its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct StageState {
    /// The stage.
    pub stage: Stage,
    /// Its status.
    pub status: StageStatus,
}

pub use lemniscaat::cycle::ParticipationCheck;

#[uniffi::remote(Record)]
/// Whether the participation the CAO requires at a part happened.
pub struct ParticipationCheck {
    /// The part (`frameworks` or `collective_plan`).
    pub stage: Stage,
    /// The body required (`pgmr` or `pmr`).
    pub required: String,
    /// Whether an event of the part in the window names it.
    pub present: bool,
}

/// The answer of `cycle_status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CycleStatus {
    /// First day of the widest window (each part's own window is in its finding's data).
    pub window_start: IsoDate,
    /// The as-of date.
    pub as_of: IsoDate,
    /// Parts attended in the window, canonical order.
    pub attended: Vec<Stage>,
    /// Ring parts not attended, canonical order.
    pub missing: Vec<Stage>,
    /// All six ring parts attended.
    pub complete: bool,
    /// Suggested next parts: uncovered ring neighbours of the last attended part; when both are
    /// covered, the first uncovered part in each direction.
    pub next: Vec<Stage>,
    /// The status of every part.
    #[serde(with = "pairs")]
    pub stages: Vec<StageState>,
    /// Required participation (P(G)MR at the kaders, PMR at the collective plan).
    pub participation: Vec<ParticipationCheck>,
    /// Completed cycles over all events (all six ring parts attended since the previous one).
    pub cycles: u32,
    /// `CYCLE_STAGE_NOT_ATTENDED` per missing part.
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
