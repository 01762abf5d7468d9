//! The personal plan (17.3): agreed with the manager at least once every three years, with
//! elements (a), (b) and (c), SMART agreements, goals in line with the team and school, EVC and
//! startkwalificatie where the employee qualifies, and (when asked) 70:20:10 advice.

use super::employees::Person;
use super::{art, blank, lid, owned, Ctx};
use crate::dataset::{PersonalGoal, PersonalPlan};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use crate::plans::PlanStatus;
use crate::time::add_years;

/// The goals and themes a personal goal may link to (team goal ids, kaders and collective plan
/// theme ids), sorted for a binary search.
pub(super) struct Above<'a> {
    ids: Vec<&'a str>,
}

impl<'a> Above<'a> {
    pub fn of(ds: &'a crate::dataset::Dataset) -> Above<'a> {
        let mut ids: Vec<&str> = Vec::new();
        for t in &ds.teams {
            for p in &t.plans {
                ids.extend(p.goals.iter().map(|g| g.id.as_str()));
            }
        }
        for k in &ds.kaders {
            ids.extend(k.themes.iter().map(|t| t.id.as_str()));
        }
        for c in &ds.collective_plans {
            ids.extend(c.themes.iter().map(|t| t.theme.as_str()));
        }
        ids.sort_unstable();
        Above { ids }
    }

    fn contains(&self, id: &str) -> bool {
        self.ids.binary_search(&id).is_ok()
    }
}

/// Every rule of one employee's personal plans.
pub(super) fn check(cx: &mut Ctx, p: &Person, above: &Above) {
    for (j, pp) in p.e.personal_plans.iter().enumerate() {
        not_approved(cx, p, j, pp);
        if pp.status != PlanStatus::Superseded {
            consent(cx, p, j, pp);
        }
    }
    let agreed =
        p.e.personal_plans.iter().enumerate().filter(|(_, pp)| pp.is_agreed() && pp.agreed_on.is_some()).max_by_key(|(_, pp)| pp.agreed_on);
    match agreed {
        None => missing(cx, p),
        Some((j, pp)) => term(cx, p, j, pp),
    }
    // The plan in use: the latest agreed one, else the latest other plan.
    let current = agreed.or_else(|| p.e.personal_plans.iter().enumerate().rfind(|(_, pp)| pp.status != PlanStatus::Superseded));
    let Some((j, pp)) = current else { return };
    elements(cx, p, j, pp);
    for (g, goal) in pp.goals.iter().enumerate() {
        let at = || format!("{}/goals/{g}", p.plan(j));
        smart(cx, p, at, goal);
        aligned(cx, p, at, goal, above);
    }
    evc(cx, p, j, pp);
    startkwalificatie(cx, p, j, pp);
    if cx.settings.personal_mix_advice {
        mix_advice(cx, p, j, pp);
    }
}

/// `PERSONAL_PLAN_NOT_APPROVED`: a plan in use (agreed, active or completed) that the manager did
/// not approve.
fn not_approved(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    if !pp.status.is_agreed() || pp.approved_by.as_deref() == Some("manager") {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::PersonalPlanNotApproved,
            FindingSource::param(cx.rs, &cx.rs.parameters.personal_plan_max_years),
            format!("{}/approved_by", p.plan(j)),
            Msg::PersonalPlanNotApproved { employee: p.who.to_string(), plan: pp.id.clone(), status: pp.status },
        )
        .with("employee", p.e.id.clone())
        .with("plan", pp.id.clone()),
    );
}

/// `PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT`: an activity of a plan (any but a superseded one)
/// that the employer assigned and that charges hours or money to the basisrecht without the
/// employee's consent (17.4 lid 2 for hours, 17.5 lid 2 for money only; for support staff the lid
/// that applies them, as the ledger cites it). Without consent the activity is an employer-paid
/// facility (17.7), not a use of the basisrecht.
fn consent(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    let positive = |d: Option<rust_decimal::Decimal>| d.is_some_and(|d| d > rust_decimal::Decimal::ZERO);
    for (k, a) in pp.activities.iter().enumerate() {
        if !a.assigned || a.consent || !(positive(a.hours) || positive(a.money)) {
            continue;
        }
        // Money only is cited by the money rule; hours (with or without money) by the hours rule.
        let hours = positive(a.hours) || !positive(a.money);
        let rs = cx.rs;
        let src = crate::ledger::consent_source(rs, hours, crate::ledger::only_category(&p.e.appointments, cx.sy));
        let msg = Msg::PersonalActivityAssignedWithoutConsent {
            employee: p.who.to_string(),
            plan: pp.id.clone(),
            id: a.id.clone().filter(|id| !blank(id)),
            name: a.name.trim().to_string(),
            number: k,
            article: src.article.clone(),
            lid: src.lid.clone(),
            facility: art(rs, "assigned_activities"),
        };
        let mut f =
            Finding::of(FindingCode::PersonalActivityAssignedWithoutConsent, src, format!("{}/activities/{k}/consent", p.plan(j)), msg)
                .with("employee", p.e.id.clone())
                .with("plan", pp.id.clone());
        if let Some(id) = &a.id {
            f = f.with("activity", id.clone());
        }
        cx.push(f);
    }
}

/// `PERSONAL_PLAN_MISSING`: in service for longer than the plan's term without an agreed plan.
fn missing(cx: &mut Ctx, p: &Person) {
    let years = &cx.rs.parameters.personal_plan_max_years;
    let due = add_years(p.since, years.value as i32).unwrap_or(p.since);
    if due >= cx.as_of {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::PersonalPlanMissing,
            FindingSource::param(cx.rs, years),
            format!("{}/personal_plans", p.at()),
            Msg::PersonalPlanMissing { employee: p.who.to_string(), since: p.since, years: years.value },
        )
        .with("employee", p.e.id.clone())
        .with("in_service_since", p.since.to_string()),
    );
}

/// `PERSONAL_PLAN_EXPIRED` (agreed longer ago than its term) or `PERSONAL_PLAN_DUE_SOON` (its
/// term ends within the notice window).
fn term(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    let years = &cx.rs.parameters.personal_plan_max_years;
    let agreed_on = pp.agreed_on.unwrap_or(cx.as_of);
    let expires = add_years(agreed_on, years.value as i32).unwrap_or(agreed_on);
    let path = || format!("{}/agreed_on", p.plan(j));
    let source = FindingSource::param(cx.rs, years);
    if expires < cx.as_of {
        let msg = Msg::PersonalPlanExpired { employee: p.who.to_string(), plan: pp.id.clone(), agreed_on, years: years.value };
        cx.push(
            Finding::of(FindingCode::PersonalPlanExpired, source, path(), msg)
                .with("employee", p.e.id.clone())
                .with("agreed_on", agreed_on.to_string())
                .with("expired_on", expires.to_string()),
        );
    } else if (expires - cx.as_of).num_days() <= i64::from(cx.settings.due_soon_days) {
        let msg = Msg::PersonalPlanDueSoon { employee: p.who.to_string(), plan: pp.id.clone(), expires };
        cx.push(
            Finding::of(FindingCode::PersonalPlanDueSoon, source, path(), msg)
                .with("employee", p.e.id.clone())
                .with("expires_on", expires.to_string()),
        );
    }
}

/// `PERSONAL_PLAN_ELEMENT_MISSING`: element (a) activities, (b) contribution or (c) facilitation
/// of 17.3 lid 2 is absent.
fn elements(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    let mut missing: Vec<(&str, String)> = Vec::new();
    if pp.activities.is_empty() {
        missing.push(("a", "activities".into()));
    }
    if blank(&pp.contribution) {
        missing.push(("b", "contribution".into()));
    }
    if let Some(k) = pp.activities.iter().position(|a| blank(&a.facilitation)) {
        missing.push(("c", format!("activities/{k}/facilitation")));
    }
    let Some((_, field)) = missing.first() else { return };
    let path = format!("{}/{field}", p.plan(j));
    let rs = cx.rs;
    let els: Vec<&str> = missing.iter().map(|m| m.0).collect();
    cx.push(
        Finding::of(
            FindingCode::PersonalPlanElementMissing,
            FindingSource::article(rs, "personal_plan_contents"),
            path,
            Msg::PersonalPlanElementMissing {
                employee: p.who.to_string(),
                plan: pp.id.clone(),
                elements: owned(&els),
                article: art(rs, "personal_plan_contents"),
                lid: lid(rs, "personal_plan_contents"),
            },
        )
        .with("employee", p.e.id.clone())
        .with("elements", els),
    );
}

/// `PERSONAL_GOAL_NOT_SMART`: a goal of the plan in use lacks a description, a measure or a
/// deadline (the handreiking's result of the development conversation: SMART agreements).
fn smart(cx: &mut Ctx, p: &Person, at: impl Fn() -> String, goal: &PersonalGoal) {
    let missing = super::teams::not_smart(&goal.description, goal.measure.as_deref(), goal.deadline);
    let Some(first) = missing.first() else { return };
    cx.push(
        Finding::of(
            FindingCode::PersonalGoalNotSmart,
            FindingSource::handreiking("Persoonlijke ontwikkeldoelen: SMART opleidings- en ontwikkelafspraken"),
            format!("{}/{first}", at()),
            Msg::PersonalGoalNotSmart { employee: p.who.to_string(), goal: goal.id.clone(), missing: owned(&missing) },
        )
        .with("employee", p.e.id.clone())
        .with("goal", goal.id.clone())
        .with("missing", missing),
    );
}

/// `GOAL_NOT_ALIGNED`: a goal links to no team goal and no theme of the kaders or a collective
/// plan.
fn aligned(cx: &mut Ctx, p: &Person, at: impl Fn() -> String, goal: &PersonalGoal, above: &Above) {
    if goal.links.iter().any(|l| above.contains(l)) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::GoalNotAligned,
            FindingSource::handreiking("Persoonlijke ontwikkeldoelen: in lijn met kaders en collectief plan"),
            format!("{}/links", at()),
            Msg::GoalNotAligned { employee: p.who.to_string(), goal: goal.id.clone() },
        )
        .with("employee", p.e.id.clone())
        .with("goal", goal.id.clone()),
    );
}

/// `EVC_OFFER_MISSING`: an employee educated up to the rule set's level, without an EVC in the
/// repeat period, whose plan does not offer it (17.3 lid 3).
fn evc(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    let Some(level) = p.e.education_level else { return };
    let evc = &cx.rs.parameters.evc;
    let next = p.e.last_evc.and_then(|d| add_years(d, evc.value.repeat_years as i32));
    if level > evc.value.max_level || next.is_some_and(|n| n > cx.as_of) || pp.evc_offered {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::EvcOfferMissing,
            FindingSource::param(cx.rs, evc),
            format!("{}/evc_offered", p.plan(j)),
            Msg::EvcOfferMissing { employee: p.who.to_string(), level, plan: pp.id.clone() },
        )
        .with("employee", p.e.id.clone()),
    );
}

/// `STARTKWALIFICATIE_OFFER_MISSING`: an employee educated below the rule set's level whose plan
/// does not offer a startkwalificatie (17.3 lid 4).
fn startkwalificatie(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    let Some(level) = p.e.education_level else { return };
    let sk = &cx.rs.parameters.startkwalificatie;
    if level >= sk.value.below_level || pp.startkwalificatie_offered {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::StartkwalificatieOfferMissing,
            FindingSource::param(cx.rs, sk),
            format!("{}/startkwalificatie_offered", p.plan(j)),
            Msg::StartkwalificatieOfferMissing { employee: p.who.to_string(), level, plan: pp.id.clone() },
        )
        .with("employee", p.e.id.clone()),
    );
}

/// `MIX_*` advice (70:20:10) on the activities of the plan in use, when the dataset asks for it
/// (`settings.personal_mix_advice`): advice, never an error.
fn mix_advice(cx: &mut Ctx, p: &Person, j: usize, pp: &PersonalPlan) {
    let acts = pp.activities.iter().map(|a| (a.kind.as_deref(), a.name.as_str(), a.hours, a.money));
    for mut x in super::mix_findings(acts) {
        x.path = format!("{}/activities", p.plan(j));
        cx.push(x.with("employee", p.e.id.clone()).with("plan", pp.id.clone()));
    }
}
