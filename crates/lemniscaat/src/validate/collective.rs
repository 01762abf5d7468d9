//! The collective plan (17.2 lid 3): per school and school year, agreed with the PMR, its themes
//! worked out from the kaders with activities, target groups, facilities and evaluation, drawing
//! on the team and personal plans (bottom-up input), with 70:20:10 advice.

use super::kaders::{applies_to, kaders_in_force};
use super::{blank, Ctx};
use crate::dataset::{Body, CollectivePlan, PlanTheme};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use crate::plans::PlanStatus;

/// Every rule of the collective plans, school by school.
pub(super) fn check(cx: &mut Ctx) {
    for s in &cx.ds.schools {
        let plans: Vec<(usize, &CollectivePlan)> = cx
            .ds
            .collective_plans
            .iter()
            .enumerate()
            .filter(|(_, c)| c.school == s.id && c.school_year == cx.sy && c.status != PlanStatus::Superseded)
            .collect();
        missing(cx, &s.id, &s.name, &plans);
        let kaders_themes: Vec<&str> = cx
            .ds
            .kaders
            .iter()
            .filter(|k| kaders_in_force(k, cx.as_of) && applies_to(k, &s.id))
            .flat_map(|k| k.themes.iter().map(|t| t.id.as_str()))
            .collect();
        for (i, c) in plans {
            consultation(cx, i, c);
            for (j, t) in c.themes.iter().enumerate() {
                let theme = Theme { at: format!("/collective_plans/{i}/themes/{j}"), name: theme_name(cx, t), t };
                activities(cx, &theme, c);
                in_kaders(cx, &theme, c, &kaders_themes);
                target_group(cx, &theme);
                facilities(cx, &theme);
                evaluation(cx, &theme);
            }
            bottom_up(cx, i, c, &s.id);
            mix_advice(cx, i, c);
        }
    }
}

/// A theme of a plan with its path and the name a person reads.
struct Theme<'a> {
    at: String,
    name: String,
    t: &'a PlanTheme,
}

/// A theme's own name, else the kaders' name of its theme, else its id.
fn theme_name(cx: &Ctx, t: &PlanTheme) -> String {
    t.name
        .clone()
        .or_else(|| cx.ds.kaders.iter().flat_map(|k| &k.themes).find(|x| x.id == t.theme).map(|x| x.name.clone()))
        .unwrap_or_else(|| t.theme.clone())
}

/// `COLLECTIVE_PLAN_MISSING`: the school has no agreed collective plan for the school year (a
/// draft, submitted or returned plan is not yet one: the message names it).
fn missing(cx: &mut Ctx, school: &str, name: &str, plans: &[(usize, &CollectivePlan)]) {
    if plans.iter().any(|(_, c)| c.status.is_agreed()) {
        return;
    }
    let (path, msg) = match plans.first() {
        None => ("/collective_plans".to_string(), Msg::CollectivePlanMissing { school: name.to_string(), school_year: cx.sy }),
        Some((i, c)) => (
            format!("/collective_plans/{i}/status"),
            Msg::CollectivePlanNotAgreed { school: name.to_string(), school_year: cx.sy, plan: c.id.clone(), status: c.status },
        ),
    };
    cx.push(
        Finding::of(FindingCode::CollectivePlanMissing, FindingSource::article(cx.rs, "collective_plan"), path, msg)
            .with("school", school.to_string())
            .with("school_year", cx.sy.to_string()),
    );
}

/// `COLLECTIVE_PLAN_NO_PMR_CONSULTATION`: no recorded consultation of the PMR (a draft too: the
/// plan is worked out with the PMR, not shown to it afterwards). The P(G)MR, GMR or a works
/// council does not stand in for the school's PMR.
fn consultation(cx: &mut Ctx, i: usize, c: &CollectivePlan) {
    if c.consultations.iter().any(|x| x.body == Body::Pmr) {
        return;
    }
    cx.push(Finding::of(
        FindingCode::CollectivePlanNoPmrConsultation,
        FindingSource::article(cx.rs, "collective_plan"),
        format!("/collective_plans/{i}/consultations"),
        Msg::CollectivePlanNoPmrConsultation { plan: c.id.clone(), status: c.status },
    ));
}

/// `COLLECTIVE_PLAN_NO_ACTIVITIES`: a theme names no concrete activity.
fn activities(cx: &mut Ctx, th: &Theme, c: &CollectivePlan) {
    if !th.t.activities.is_empty() {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::CollectivePlanNoActivities,
            FindingSource::article(cx.rs, "collective_plan"),
            format!("{}/activities", th.at),
            Msg::CollectivePlanNoActivities { theme: th.name.clone(), plan: c.id.clone() },
        )
        .with("theme", th.t.theme.clone()),
    );
}

/// `THEME_NOT_IN_KADERS`: the plan works out a theme the kaders in force do not name.
fn in_kaders(cx: &mut Ctx, th: &Theme, c: &CollectivePlan, kaders_themes: &[&str]) {
    if kaders_themes.contains(&th.t.theme.as_str()) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::ThemeNotInKaders,
            FindingSource::handreiking("Collectief professionaliseringsplan: de kaders uitwerken"),
            format!("{}/theme", th.at),
            Msg::ThemeNotInKaders { theme: th.name.clone(), plan: c.id.clone() },
        )
        .with("theme", th.t.theme.clone()),
    );
}

/// `THEME_NO_TARGET_GROUP`.
fn target_group(cx: &mut Ctx, th: &Theme) {
    if th.t.target_groups.iter().any(|g| !blank(g)) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::ThemeNoTargetGroup,
            FindingSource::handreiking("Collectief professionaliseringsplan: doelgroepen"),
            format!("{}/target_groups", th.at),
            Msg::ThemeNoTargetGroup { theme: th.name.clone() },
        )
        .with("theme", th.t.theme.clone()),
    );
}

/// `THEME_NO_FACILITIES`.
fn facilities(cx: &mut Ctx, th: &Theme) {
    if th.t.facilities.as_ref().is_some_and(|x| x.any()) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::ThemeNoFacilities,
            FindingSource::handreiking("Collectief professionaliseringsplan: faciliteiten"),
            format!("{}/facilities", th.at),
            Msg::ThemeNoFacilities { theme: th.name.clone() },
        )
        .with("theme", th.t.theme.clone()),
    );
}

/// `THEME_NO_EVALUATION`.
fn evaluation(cx: &mut Ctx, th: &Theme) {
    if !th.t.evaluation.as_deref().is_none_or(blank) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::ThemeNoEvaluation,
            FindingSource::handreiking("Collectief professionaliseringsplan: evaluatie en verantwoording"),
            format!("{}/evaluation", th.at),
            Msg::ThemeNoEvaluation { theme: th.name.clone() },
        )
        .with("theme", th.t.theme.clone()),
    );
}

/// `COLLECTIVE_PLAN_NO_BOTTOM_UP`: the school's team and personal plans name themes, and the
/// collective plan takes none of them up (the handreiking: top-down and bottom-up input are
/// both required; a rode draden analyse of the team and personal plans feeds the plan).
fn bottom_up(cx: &mut Ctx, i: usize, c: &CollectivePlan, school: &str) {
    let ds = cx.ds;
    // The themes the school's team plans of the year and its staff's plans name.
    let mut below: Vec<&str> = Vec::new();
    for t in ds.teams.iter().filter(|t| t.school == school) {
        for p in t.plans.iter().filter(|p| p.school_year == cx.sy) {
            for g in &p.goals {
                below.extend(g.themes.iter().map(String::as_str));
            }
        }
    }
    for e in ds.employees.iter().filter(|e| e.school.as_deref() == Some(school)) {
        for p in e.personal_plans.iter().filter(|p| p.status != PlanStatus::Superseded) {
            for g in &p.goals {
                below.extend(g.links.iter().map(String::as_str));
            }
        }
    }
    if below.is_empty() || c.themes.iter().any(|t| below.contains(&t.theme.as_str())) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::CollectivePlanNoBottomUp,
            FindingSource::handreiking("Collectief professionaliseringsplan: top-down en bottom-up input vereist"),
            format!("/collective_plans/{i}/themes"),
            Msg::CollectivePlanNoBottomUp { plan: c.id.clone() },
        )
        .with("plan", c.id.clone()),
    );
}

/// `MIX_*` advice (70:20:10) on the plan's activities.
fn mix_advice(cx: &mut Ctx, i: usize, c: &CollectivePlan) {
    let acts = c.themes.iter().flat_map(|t| &t.activities).map(|a| (a.kind.as_deref(), a.name.as_str(), a.hours, a.cost));
    for mut x in super::mix_findings(acts) {
        x.path = format!("/collective_plans/{i}/themes");
        cx.push(x.with("plan", c.id.clone()));
    }
}
