//! The lemniscate cycle: the handreiking's figure-eight process model with no fixed start,
//! its reference data, a tracker over time and its picture.
//!
//! Six parts form the ring (strategic exploration, kaders, collective plan, team goals, personal
//! goals, execution, and back); `preparation` precedes and accompanies them, off the ring.
//!
//! ```
//! use lemniscaat::cycle::{cycle_status, CycleInput, Stage};
//! let input: CycleInput = serde_json::from_str(r#"{"as_of":"2015-03-01","events":[
//!   {"stage":"frameworks","date":"2014-10-01","kind":"completed","roles":["board","pgmr"]},
//!   {"stage":"collective_plan","date":"2014-11-01","kind":"completed","roles":["school_leader","pmr"]}]}"#).unwrap();
//! let s = cycle_status(&input).unwrap();
//! assert!(!s.complete);
//! assert_eq!(s.next, vec![Stage::TeamGoals]);
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;

use crate::rules::Bilingual;
use crate::svg::{escape, Lang};
use crate::time::{self};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const REFERENCE: &str = include_str!(concat!(env!("OUT_DIR"), "/cycle.json"));

/// A part of the lemniscate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
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

impl Stage {
    /// All parts in canonical order.
    pub const ALL: [Stage; 7] = [
        Stage::Preparation,
        Stage::StrategicExploration,
        Stage::Frameworks,
        Stage::CollectivePlan,
        Stage::TeamGoals,
        Stage::PersonalGoals,
        Stage::Execution,
    ];

    /// The ring, in top-down order.
    pub const RING: [Stage; 6] =
        [Stage::StrategicExploration, Stage::Frameworks, Stage::CollectivePlan, Stage::TeamGoals, Stage::PersonalGoals, Stage::Execution];

    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Preparation => "preparation",
            Stage::StrategicExploration => "strategic_exploration",
            Stage::Frameworks => "frameworks",
            Stage::CollectivePlan => "collective_plan",
            Stage::TeamGoals => "team_goals",
            Stage::PersonalGoals => "personal_goals",
            Stage::Execution => "execution",
        }
    }

    /// The part's own period in months, its default window: the strategic exploration and the
    /// kaders four years (17.2 lid 2: kaders at least once every four years), the personal goals
    /// three (17.3 lid 1: a personal plan at least once every three years), the collective plan
    /// (17.2 lid 3: yearly), the team goals, the execution and the preparation one year.
    pub fn window_months(self) -> u32 {
        match self {
            Stage::StrategicExploration | Stage::Frameworks => 48,
            Stage::PersonalGoals => 36,
            Stage::Preparation | Stage::CollectivePlan | Stage::TeamGoals | Stage::Execution => 12,
        }
    }

    fn ring_index(self) -> Option<usize> {
        Stage::RING.iter().position(|s| *s == self)
    }

    /// The neighbours on the ring (next top-down, next bottom-up); none for `preparation`.
    pub fn neighbours(self) -> Vec<Stage> {
        match self.ring_index() {
            Some(i) => vec![Stage::RING[(i + 1) % 6], Stage::RING[(i + 5) % 6]],
            None => vec![],
        }
    }
}

/// Reference data of a part (bilingual, after the handreiking's tables).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageInfo {
    /// The part.
    pub id: Stage,
    /// Its name.
    pub name: Bilingual,
    /// The loop it belongs to.
    pub loop_: Bilingual,
    /// Its activities.
    pub activities: Vec<Bilingual>,
    /// The approach (who does it).
    pub approach: Vec<Bilingual>,
    /// The role of the participation bodies.
    pub participation: Bilingual,
    /// Tips.
    pub tips: Vec<Bilingual>,
    /// The expected result.
    pub result: Bilingual,
    /// Roles whose participation the CAO requires (`pgmr`, `pmr`).
    pub required_participation: Vec<String>,
    /// The handreiking table it follows.
    pub source: String,
}

#[derive(Deserialize)]
struct RawInfo {
    id: Stage,
    name: Bilingual,
    #[serde(rename = "loop")]
    loop_: Bilingual,
    activities: Vec<Bilingual>,
    approach: Vec<Bilingual>,
    participation: Bilingual,
    tips: Vec<Bilingual>,
    result: Bilingual,
    required_participation: Vec<String>,
    source: String,
}

/// The reference data of all seven parts.
///
/// ```
/// let parts = lemniscaat::cycle::reference();
/// assert_eq!(parts.len(), 7);
/// assert_eq!(parts[2].name.nl, "Professionaliseringskaders");
/// ```
pub fn reference() -> &'static [StageInfo] {
    static R: OnceLock<Vec<StageInfo>> = OnceLock::new();
    R.get_or_init(|| {
        let raw: Vec<RawInfo> = serde_json::from_str(REFERENCE).unwrap_or_default();
        raw.into_iter()
            .map(|r| StageInfo {
                id: r.id,
                name: r.name,
                loop_: r.loop_,
                activities: r.activities,
                approach: r.approach,
                participation: r.participation,
                tips: r.tips,
                result: r.result,
                required_participation: r.required_participation,
                source: r.source,
            })
            .collect()
    })
}

fn info(s: Stage) -> Option<&'static StageInfo> {
    reference().iter().find(|i| i.id == s)
}

/// What happened at a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Work on the part started.
    Started,
    /// The part was completed.
    Completed,
    /// The part was revisited.
    Revisited,
}

/// An event of the tracker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CycleEvent {
    /// The part.
    pub stage: Stage,
    /// The day.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub date: NaiveDate,
    /// What happened.
    pub kind: EventKind,
    /// Roles involved (`board`, `pgmr`, `pmr`, `school_leader`, `team`, `employee`, ...).
    #[serde(default)]
    pub roles: Vec<String>,
    /// An artefact, e.g. a plan id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artefact: Option<String>,
}

/// The input of [`cycle_status`] (the shape of `cycle.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CycleInput {
    /// The events.
    pub events: Vec<CycleEvent>,
    /// The date of the question.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub as_of: NaiveDate,
    /// One window in months before `as_of` for every part (default: each part's own period: 48
    /// months for the strategic exploration and the kaders, 36 for the personal goals, 12 for the
    /// others).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_months: Option<u32>,
    /// Count from this cycle start instead of a window.
    #[serde(
        default,
        serialize_with = "time::opt_date::serialize",
        deserialize_with = "time::opt_date::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub cycle_start: Option<NaiveDate>,
}

/// The status of a part in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    /// Completed or revisited in the window.
    Attended,
    /// Started but not completed in the window.
    InProgress,
    /// No activity in the window.
    Missing,
}

/// Whether the participation the CAO requires at a part happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParticipationCheck {
    /// The part (`frameworks` or `collective_plan`).
    pub stage: Stage,
    /// The body required (`pgmr` or `pmr`).
    pub required: String,
    /// Whether an event of the part in the window names it.
    pub present: bool,
}

/// The answer of [`cycle_status`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CycleStatus {
    /// First day of the widest window (each part's own window is in its finding's data).
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub window_start: NaiveDate,
    /// The as-of date.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub as_of: NaiveDate,
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
    pub stages: Vec<(Stage, StageStatus)>,
    /// Required participation (P(G)MR at the kaders, PMR at the collective plan).
    pub participation: Vec<ParticipationCheck>,
    /// Completed cycles over all events (all six ring parts attended since the previous one).
    pub cycles: u32,
    /// `CYCLE_STAGE_NOT_ATTENDED` per missing part.
    pub findings: Vec<Finding>,
}

/// The largest number of cycle events read.
pub const MAX_EVENTS: usize = 100_000;

/// A refusal of the cycle of a dataset placed in the dataset: its events are the dataset's
/// `cycle_events`, its window the setting `cycle_window_months`, its `as_of` the dataset's.
pub(crate) fn in_dataset(e: Error) -> Error {
    let path = match e.path() {
        "/window_months" => "/settings/cycle_window_months".to_string(),
        p => match p.strip_prefix("/events") {
            Some(rest) => format!("/cycle_events{rest}"),
            None => p.to_string(),
        },
    };
    e.at(path)
}

/// The status of the cycle.
pub fn cycle_status(input: &CycleInput) -> Result<CycleStatus> {
    if input.events.len() > MAX_EVENTS {
        return Err(Error::of(
            ErrorCode::LimitExceeded,
            Msg::TooMany { what: "cycle_events".into(), count: input.events.len(), limit: MAX_EVENTS },
        )
        .at("/events"));
    }
    if let Some(m) = input.window_months.filter(|m| *m == 0 || *m > 1200) {
        return Err(Error::of(ErrorCode::InvalidValue, Msg::WindowMonths { given: m }).at("/window_months"));
    }
    // Each part's window: from the cycle start when given, else the months asked for, else the
    // part's own period.
    let mut starts = Vec::with_capacity(Stage::ALL.len());
    for s in Stage::ALL {
        let start = match input.cycle_start {
            Some(d) => d,
            None => time::add_months(input.as_of, -(input.window_months.unwrap_or(s.window_months()) as i32))
                .and_then(|d| d.succ_opt())
                .ok_or_else(|| Error::of(ErrorCode::InvalidDate, Msg::DateOutOfRange { what: "window".into() }).at("/as_of"))?,
        };
        starts.push((s, start));
    }
    let start_of = |s: Stage| starts.iter().find(|(x, _)| *x == s).map_or(input.as_of, |(_, d)| *d);
    let window_start = starts.iter().map(|(_, d)| *d).min().unwrap_or(input.as_of);
    let in_window: Vec<&CycleEvent> = input.events.iter().filter(|e| e.date >= start_of(e.stage) && e.date <= input.as_of).collect();
    let mut stages = Vec::with_capacity(7);
    for s in Stage::ALL {
        let evs: Vec<&&CycleEvent> = in_window.iter().filter(|e| e.stage == s).collect();
        let status = if evs.is_empty() {
            StageStatus::Missing
        } else {
            let latest = evs.iter().max_by_key(|e| (e.date, e.kind != EventKind::Started)).map(|e| e.kind);
            if latest == Some(EventKind::Started) && !evs.iter().any(|e| e.kind != EventKind::Started) {
                StageStatus::InProgress
            } else {
                StageStatus::Attended
            }
        };
        stages.push((s, status));
    }
    let attended: Vec<Stage> = stages.iter().filter(|(_, st)| *st != StageStatus::Missing).map(|(s, _)| *s).collect();
    let missing: Vec<Stage> = Stage::RING.iter().copied().filter(|s| !attended.contains(s)).collect();
    let last = in_window.iter().filter(|e| e.stage != Stage::Preparation).max_by_key(|e| e.date).map(|e| e.stage);
    let next: Vec<Stage> = match last {
        Some(l) => {
            let n = l.neighbours();
            let near: Vec<Stage> = Stage::RING.iter().copied().filter(|s| n.contains(s) && !attended.contains(s)).collect();
            if near.is_empty() {
                // Both neighbours are covered: the first uncovered part in each direction.
                let i = l.ring_index().unwrap_or(0);
                let fwd = (1..6).map(|k| Stage::RING[(i + k) % 6]).find(|s| !attended.contains(s));
                let back = (1..6).map(|k| Stage::RING[(i + 6 - k) % 6]).find(|s| !attended.contains(s));
                Stage::RING.iter().copied().filter(|s| Some(*s) == fwd || Some(*s) == back).collect()
            } else {
                near
            }
        }
        None => vec![Stage::StrategicExploration],
    };
    let mut participation = Vec::new();
    for s in [Stage::Frameworks, Stage::CollectivePlan] {
        if !attended.contains(&s) {
            continue;
        }
        for req in info(s).map(|i| i.required_participation.clone()).unwrap_or_default() {
            // The personnel section is required: a whole (G)MR counts for the P(G)MR, a plain MR
            // or a works council does not.
            let alt: &[&str] = if req == "pgmr" { &["pgmr", "gmr"] } else { &["pmr"] };
            let present = in_window.iter().any(|e| e.stage == s && e.roles.iter().any(|r| alt.contains(&r.as_str())));
            participation.push(ParticipationCheck { stage: s, required: req, present });
        }
    }
    let mut sorted: Vec<&CycleEvent> = input.events.iter().collect();
    sorted.sort_by_key(|e| e.date);
    let mut seen = [false; 6];
    let mut cycles = 0;
    for e in sorted {
        if let Some(i) = e.stage.ring_index() {
            seen[i] = true;
            if seen.iter().all(|x| *x) {
                cycles += 1;
                seen = [false; 6];
            }
        }
    }
    let findings = missing
        .iter()
        .map(|s| {
            Finding::of(
                FindingCode::CycleStageNotAttended,
                FindingSource {
                    handreiking: Some("het lemniscaatmodel: alle onderdelen bewust aandacht geven".into()),
                    ..Default::default()
                },
                "/cycle_events",
                Msg::CycleStageNotAttended { stage: s.as_str().to_string(), from: start_of(*s), to: input.as_of },
            )
            .with("stage", s.as_str())
            .with("window_start", start_of(*s).to_string())
        })
        .collect();
    Ok(CycleStatus {
        window_start,
        as_of: input.as_of,
        complete: missing.is_empty(),
        attended,
        missing,
        next,
        stages,
        participation,
        cycles,
        findings,
    })
}

/// Where each part sits on the picture (x, y) and which way its label goes.
fn place(s: Stage) -> (i32, i32) {
    match s {
        Stage::Preparation => (300, 52),
        Stage::StrategicExploration => (165, 128),
        Stage::Frameworks => (165, 292),
        Stage::CollectivePlan => (300, 210),
        Stage::TeamGoals => (435, 128),
        Stage::PersonalGoals => (540, 210),
        Stage::Execution => (435, 292),
    }
}

/// The figure eight as SVG: every part labelled and coloured by status, with a text mark (not
/// colour alone), a title and a description. A pure function: a string out.
///
/// ```
/// use lemniscaat::cycle::{cycle_svg, Stage, StageStatus};
/// use lemniscaat::svg::Lang;
/// let svg = cycle_svg(&[(Stage::Frameworks, StageStatus::Attended)], Lang::Nl);
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("<title"));
/// assert!(svg.contains("Professionaliseringskaders"));
/// ```
pub fn cycle_svg(stages: &[(Stage, StageStatus)], lang: Lang) -> String {
    let status = |s: Stage| stages.iter().find(|(x, _)| *x == s).map(|(_, st)| *st).unwrap_or(StageStatus::Missing);
    let text = |id: &str| crate::message::label(id, lang);
    let (title, loop_a, loop_b) = (text("svg.cycle"), text("svg.cycle_direction"), text("svg.cycle_practice"));
    let mut desc = String::new();
    let mut nodes = String::new();
    for s in Stage::ALL {
        let st = status(s);
        let name =
            info(s).map(|i| if lang == Lang::Nl { i.name.nl.clone() } else { i.name.en.clone() }).unwrap_or_else(|| s.as_str().into());
        let (fill, stroke, dash, mark) = match st {
            // The preparation is off the ring: shown when attended, never as missing.
            StageStatus::Missing if s == Stage::Preparation => ("#f2f2f2", "#757575", " stroke-dasharray=\"2 3\"", "–".to_string()),
            StageStatus::Attended => ("#d7ecd9", "#1b5e20", "", text("svg.attended")),
            StageStatus::InProgress => ("#fff1c2", "#8a5a00", " stroke-dasharray=\"6 3\"", text("svg.in_progress")),
            StageStatus::Missing => ("#fbe3e3", "#b71c1c", " stroke-dasharray=\"2 3\"", text("svg.missing")),
        };
        desc.push_str(&format!("{name}: {mark}. "));
        let (x, y) = place(s);
        let lines = wrap(&name, 20);
        let h = 22 + 15 * lines.len() as i32;
        let w = 160;
        nodes.push_str(&format!(
            "<g class=\"stage {id} {st}\"><rect x=\"{rx}\" y=\"{ry}\" width=\"{w}\" height=\"{h}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"{dash}/>",
            id = s.as_str(),
            st = match st { StageStatus::Attended => "attended", StageStatus::InProgress => "in-progress", StageStatus::Missing => "missing" },
            rx = x - w / 2,
            ry = y - h / 2,
        ));
        for (i, l) in lines.iter().enumerate() {
            nodes.push_str(&format!(
                "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#1a1a1a\">{}</text>",
                escape(l),
                ty = y - h / 2 + 16 + 15 * i as i32
            ));
        }
        nodes.push_str(&format!(
            "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{stroke}\">{}</text></g>",
            escape(&mark),
            ty = y + h / 2 - 7
        ));
    }
    format!(
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 620 380\" width=\"600\" role=\"img\" aria-labelledby=\"lem-title lem-desc\" font-family=\"system-ui, sans-serif\">",
            "<title id=\"lem-title\">{title}</title><desc id=\"lem-desc\">{desc}</desc>",
            "<rect width=\"620\" height=\"380\" fill=\"#ffffff\"/>",
            "<path d=\"M310,210 C370,110 560,110 560,210 C560,310 370,310 310,210 C250,110 60,110 60,210 C60,310 250,310 310,210 Z\" fill=\"none\" stroke=\"#5c6b7a\" stroke-width=\"6\" stroke-linecap=\"round\"/>",
            "<text x=\"165\" y=\"365\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"#37474f\">{a}</text>",
            "<text x=\"455\" y=\"365\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"#37474f\">{b}</text>",
            "{nodes}</svg>"
        ),
        title = escape(&title),
        desc = escape(desc.trim()),
        a = escape(&loop_a),
        b = escape(&loop_b),
        nodes = nodes
    )
}

/// Splits a label into lines of at most `width` characters, breaking at spaces and after `/`.
fn wrap(s: &str, width: usize) -> Vec<String> {
    // Pieces with the separator that follows them: a space, or nothing after a '/'.
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for word in s.split_whitespace() {
        let parts: Vec<&str> = word.split_inclusive('/').collect();
        let n = parts.len();
        for (k, p) in parts.into_iter().enumerate() {
            pieces.push((p.to_string(), k + 1 == n));
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut space_before = false;
    for (p, space_after) in pieces {
        let extra = if cur.is_empty() { 0 } else { usize::from(space_before) };
        if !cur.is_empty() && cur.chars().count() + extra + p.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        } else if !cur.is_empty() && space_before {
            cur.push(' ');
        }
        cur.push_str(&p);
        space_before = space_after;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn reference_has_all_parts_in_both_languages() {
        let r = reference();
        assert_eq!(r.iter().map(|i| i.id).collect::<Vec<_>>(), Stage::ALL.to_vec());
        for i in r {
            assert!(!i.name.nl.is_empty() && !i.name.en.is_empty());
            assert!(!i.activities.is_empty() && !i.tips.is_empty());
        }
    }

    #[test]
    fn labels_wrap_at_spaces_and_slashes() {
        assert_eq!(wrap("Ontwikkeldoelen in teams/vakgroepen/afdelingen", 20), ["Ontwikkeldoelen in", "teams/vakgroepen/", "afdelingen"]);
        assert_eq!(wrap("Strategische verkenning", 20), ["Strategische", "verkenning"]);
    }

    #[test]
    fn svg_structure() {
        let svg = cycle_svg(&[(Stage::Frameworks, StageStatus::Attended), (Stage::TeamGoals, StageStatus::InProgress)], Lang::En);
        assert_eq!(svg.matches("<g class=\"stage ").count(), 7);
        assert!(svg.contains("class=\"stage frameworks attended\""));
        assert!(svg.contains("class=\"stage team_goals in-progress\""));
        assert!(svg.contains("class=\"stage execution missing\""));
        assert!(svg.contains("✗ missing"));
        assert!(svg.contains("aria-labelledby"));
        assert!(svg.ends_with("</svg>"));
    }
}
