//! Team plans: the team's goals for the school year, SMART (the handreiking: "SMART-afspraken").

use super::{blank, owned, Ctx};
use crate::dataset::TeamGoal;
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;

/// Every rule of the team plans of the school year.
pub(super) fn check(cx: &mut Ctx) {
    let (ds, sy) = (cx.ds, cx.sy);
    for (i, t) in ds.teams.iter().enumerate() {
        for (j, plan) in t.plans.iter().enumerate().filter(|(_, p)| p.school_year == sy) {
            for (k, g) in plan.goals.iter().enumerate() {
                smart(cx, &format!("/teams/{i}/plans/{j}/goals/{k}"), g, &t.name);
            }
        }
    }
}

/// What a goal lacks to be SMART: a description, a measure, a deadline (in that order).
pub(super) fn not_smart(description: &str, measure: Option<&str>, deadline: Option<chrono::NaiveDate>) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if blank(description) {
        missing.push("description");
    }
    if measure.is_none_or(blank) {
        missing.push("measure");
    }
    if deadline.is_none() {
        missing.push("deadline");
    }
    missing
}

/// `TEAM_GOAL_NOT_SMART`.
fn smart(cx: &mut Ctx, at: &str, g: &TeamGoal, team: &str) {
    let missing = not_smart(&g.description, g.measure.as_deref(), g.deadline);
    let Some(first) = missing.first() else { return };
    cx.push(
        Finding::of(
            FindingCode::TeamGoalNotSmart,
            FindingSource::handreiking("Doelen in teams/vakgroepen/afdelingen: SMART-afspraken"),
            format!("{at}/{first}"),
            Msg::TeamGoalNotSmart { goal: g.id.clone(), team: team.to_string(), missing: owned(&missing) },
        )
        .with("missing", missing.clone())
        .with("goal", g.id.clone()),
    );
}
