//! Alignment and "rode draden": how personal and team goals link upward to school themes and the
//! kaders, which goals are orphans, how often each theme comes back, and which themes come up
//! from below without being in the collective plan or the kaders: the input for the next cycle.
//!
//! ```
//! use lemniscaat::{alignment::alignment, dataset::Dataset};
//! let ds = Dataset::from_json(r#"{"as_of":"2015-03-01","board":{"id":"B1","name":"B"},
//!   "teams":[{"id":"TM1","school":"S1","name":"Wiskunde","plans":[{"school_year":"2014-2015",
//!     "goals":[{"id":"G1","description":"x","measure":"y","deadline":"2015-06-30","themes":["T9"]}]}]}]}"#).unwrap();
//! let a = alignment(&ds);
//! assert_eq!(a.bottom_up[0].theme, "T9");
//! ```

use crate::dataset::Dataset;
use crate::time::SchoolYear;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How often a theme comes back in the team and personal plans of the school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThemeCount {
    /// The theme id.
    pub theme: String,
    /// Its name, when known.
    pub name: Option<String>,
    /// Team goals linked to it.
    pub team_goals: usize,
    /// Personal goals linked to it (directly, or through a team goal).
    pub personal_goals: usize,
    /// In the kaders in force.
    pub in_kaders: bool,
    /// In a collective plan of the school year.
    pub in_collective_plan: bool,
}

/// A goal that links to nothing known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Orphan {
    /// `team` or `personal`.
    pub level: String,
    /// The goal id.
    pub goal: String,
    /// The team or employee id.
    pub owner: String,
    /// JSON Pointer to the goal.
    pub path: String,
}

/// The alignment report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Alignment {
    /// The school year of `as_of`.
    pub school_year: SchoolYear,
    /// Team and personal goals of the school year.
    pub goals: usize,
    /// Of those, linked to a current school theme (directly or through a team goal).
    pub linked: usize,
    /// `linked / goals`, 4 decimals (0 when there are no goals).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub coverage: Decimal,
    /// Goals that link to nothing known.
    pub orphans: Vec<Orphan>,
    /// Theme frequency, most frequent first.
    pub themes: Vec<ThemeCount>,
    /// Themes that come up from team or personal plans but are not in the collective plan or the
    /// kaders: candidates for the next cycle.
    pub bottom_up: Vec<ThemeCount>,
}

/// Computes the alignment of the school year that contains `as_of`.
pub fn alignment(ds: &Dataset) -> Alignment {
    let sy = SchoolYear::containing(ds.as_of);
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    let mut in_kaders: Vec<&str> = Vec::new();
    for k in ds.kaders.iter().filter(|k| k.status.is_agreed() && k.agreed_on.is_some_and(|d| d <= ds.as_of)) {
        for t in &k.themes {
            names.insert(&t.id, &t.name);
            in_kaders.push(&t.id);
        }
    }
    let mut in_plan: Vec<&str> = Vec::new();
    for c in ds.collective_plans.iter().filter(|c| c.school_year == sy) {
        for t in &c.themes {
            in_plan.push(&t.theme);
            if let Some(n) = &t.name {
                names.entry(&t.theme).or_insert(n);
            }
        }
    }
    let school_theme = |id: &str| in_kaders.contains(&id) || in_plan.contains(&id);
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut goals = 0usize;
    let mut linked = 0usize;
    let mut orphans = Vec::new();
    // Team goals of the year: id -> themes.
    let mut team_goal_themes: BTreeMap<&str, &Vec<String>> = BTreeMap::new();
    for (i, t) in ds.teams.iter().enumerate() {
        for (j, p) in t.plans.iter().enumerate() {
            if p.school_year != sy {
                continue;
            }
            for (k, g) in p.goals.iter().enumerate() {
                goals += 1;
                team_goal_themes.insert(&g.id, &g.themes);
                for th in &g.themes {
                    counts.entry(th.clone()).or_default().0 += 1;
                }
                if g.themes.iter().any(|th| school_theme(th)) {
                    linked += 1;
                } else if g.themes.is_empty() {
                    orphans.push(Orphan {
                        level: "team".into(),
                        goal: g.id.clone(),
                        owner: t.id.clone(),
                        path: format!("/teams/{i}/plans/{j}/goals/{k}"),
                    });
                }
            }
        }
    }
    for (i, e) in ds.employees.iter().enumerate() {
        // The plan in use: the latest agreed one.
        let Some((j, pp)) = e.personal_plans.iter().enumerate().filter(|(_, p)| p.is_agreed()).max_by_key(|(_, p)| p.agreed_on) else {
            continue;
        };
        for (k, g) in pp.goals.iter().enumerate() {
            goals += 1;
            let mut themes: Vec<String> = Vec::new();
            let mut known = false;
            for l in &g.links {
                if let Some(ts) = team_goal_themes.get(l.as_str()) {
                    themes.extend(ts.iter().cloned());
                    known = true;
                } else {
                    themes.push(l.clone());
                    known |= school_theme(l);
                }
            }
            themes.sort();
            themes.dedup();
            for th in &themes {
                counts.entry(th.clone()).or_default().1 += 1;
            }
            if themes.iter().any(|th| school_theme(th)) {
                linked += 1;
            } else if !known {
                orphans.push(Orphan {
                    level: "personal".into(),
                    goal: g.id.clone(),
                    owner: e.id.clone(),
                    path: format!("/employees/{i}/personal_plans/{j}/goals/{k}"),
                });
            }
        }
    }
    let mut themes: Vec<ThemeCount> = counts
        .into_iter()
        .map(|(theme, (t, p))| ThemeCount {
            name: names.get(theme.as_str()).map(|s| s.to_string()),
            in_kaders: in_kaders.contains(&theme.as_str()),
            in_collective_plan: in_plan.contains(&theme.as_str()),
            theme,
            team_goals: t,
            personal_goals: p,
        })
        .collect();
    themes.sort_by(|a, b| (b.team_goals + b.personal_goals).cmp(&(a.team_goals + a.personal_goals)).then(a.theme.cmp(&b.theme)));
    let bottom_up = themes.iter().filter(|t| !t.in_kaders && !t.in_collective_plan).cloned().collect();
    let coverage = if goals == 0 {
        Decimal::ZERO
    } else {
        crate::num::Rounding { decimals: 4, mode: crate::num::RoundingMode::HalfUp }.round(Decimal::from(linked) / Decimal::from(goals))
    };
    Alignment { school_year: sy, goals, linked, coverage, orphans, themes, bottom_up }
}
