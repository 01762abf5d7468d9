//! Validation of a dataset as of a date: findings, never errors, for well-formed input that
//! breaks the CAO or the handreiking's advice. Each finding has its code, severity, source
//! (rule set article and lid, or handreiking section), JSON Pointer path, messages and data.
//!
//! Scope decisions (see `docs/DESIGN.md`): findings concern the school year that contains
//! `as_of`; employees without an appointment on `as_of` are not judged; the cycle is judged
//! only when the dataset records cycle events; the 70:20:10 mix is advised per collective plan.
//!
//! ```
//! use lemniscaat::{dataset::Dataset, validate::validate};
//! let ds = Dataset::from_json(r#"{"as_of":"2015-03-01","board":{"id":"B1","name":"B"},
//!   "schools":[{"id":"S1","name":"School"}]}"#).unwrap();
//! let report = validate(&ds).unwrap();
//! let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
//! assert!(codes.contains(&"KADERS_MISSING"));
//! assert!(codes.contains(&"COLLECTIVE_PLAN_MISSING"));
//! ```

use crate::alignment::{alignment, Alignment};
use crate::dataset::{Body, Dataset, Kaders, KadersLevel, Section};
use crate::entitlement::{self, EntitlementInput};
use crate::error::{ErrorCode, Result};
use crate::finding::{Finding, FindingCode, FindingSource, Severity};
use crate::learning::{mix, MixActivity, MixInput};
use crate::ledger::{ledger_with, LedgerInput};

use crate::message::Msg;
use crate::people::first_overlap_above_full_time;
use crate::plans::{check_history, PlanLevel};
use crate::rules::{RuleBook, RuleSet};
use crate::time::{add_months, add_years, SchoolYear};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Counts of findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Advice.
    pub info: usize,
}

/// The answer of [`validate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidationReport {
    /// The date judged on.
    #[serde(serialize_with = "crate::time::date::serialize", deserialize_with = "crate::time::date::deserialize")]
    pub as_of: NaiveDate,
    /// The school year of `as_of`.
    pub school_year: SchoolYear,
    /// The rule set applied.
    pub rule_set: String,
    /// The findings, errors first, then by path.
    pub findings: Vec<Finding>,
    /// Counts per severity.
    pub counts: Counts,
    /// Alignment and rode draden.
    pub alignment: Alignment,
}

impl ValidationReport {
    /// Whether any finding has severity `error`.
    pub fn has_errors(&self) -> bool {
        self.counts.error > 0
    }

    /// The codes of the findings, deduplicated, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = Vec::new();
        for f in &self.findings {
            if !v.contains(&f.code.as_str()) {
                v.push(f.code.as_str());
            }
        }
        v
    }
}

/// Validates a dataset with the built-in rule sets.
pub fn validate(ds: &Dataset) -> Result<ValidationReport> {
    validate_with(RuleBook::builtin(), ds)
}

/// The article of a rule key in the applicable rule set, for a message.
fn art(rs: &RuleSet, key: &str) -> Option<String> {
    rs.article(key).map(|a| a.article.clone())
}

/// The lid of a rule key in the applicable rule set, for a message.
fn lid(rs: &RuleSet, key: &str) -> Option<String> {
    rs.article(key).and_then(|a| a.lid.clone())
}

fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn kaders_in_force(k: &Kaders, as_of: NaiveDate) -> bool {
    k.status.is_agreed() && k.agreed_on.is_some_and(|d| d <= as_of)
}

/// Validates a dataset with a given rule book.
pub fn validate_with(book: &RuleBook, ds: &Dataset) -> Result<ValidationReport> {
    ds.check()?;
    let as_of = ds.as_of;
    let sy = SchoolYear::containing(as_of);
    let (rs, sel) = book.select(sy, ds.rule_set.as_deref(), ds.options.mode).map_err(|e| e.at("/as_of"))?;
    let p = &rs.parameters;
    let mut f: Vec<Finding> = Vec::new();
    if sel.out_of_range {
        f.push(Finding::of(
            FindingCode::RulesOutOfRange,
            FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() },
            "/as_of",
            sel.message_again(),
        ));
    }

    // Lifecycle histories must be legal (malformed input, not a finding).
    for (i, k) in ds.kaders.iter().enumerate() {
        check_history(PlanLevel::Kaders, &k.history, k.status).map_err(|e| e.within(&format!("/kaders/{i}/history")))?;
    }
    for (i, c) in ds.collective_plans.iter().enumerate() {
        check_history(PlanLevel::Collective, &c.history, c.status).map_err(|e| e.within(&format!("/collective_plans/{i}/history")))?;
    }
    for (i, e) in ds.employees.iter().enumerate() {
        for (j, pp) in e.personal_plans.iter().enumerate() {
            check_history(PlanLevel::Personal, &pp.history, pp.status)
                .map_err(|er| er.within(&format!("/employees/{i}/personal_plans/{j}/history")))?;
        }
    }

    // References between parts of the dataset.
    let school_ids: Vec<&str> = ds.schools.iter().map(|s| s.id.as_str()).collect();
    let mut unknown_ref = |path: String, what: &str, id: &str| {
        f.push(
            Finding::of(
                FindingCode::UnknownReference,
                FindingSource::default(),
                path,
                Msg::UnknownReference { kind: what.into(), id: id.into() },
            )
            .with("id", id),
        );
    };
    for (i, c) in ds.collective_plans.iter().enumerate() {
        if !school_ids.contains(&c.school.as_str()) {
            unknown_ref(format!("/collective_plans/{i}/school"), "school", &c.school);
        }
    }
    for (i, t) in ds.teams.iter().enumerate() {
        if !school_ids.contains(&t.school.as_str()) {
            unknown_ref(format!("/teams/{i}/school"), "school", &t.school);
        }
    }
    for (i, e) in ds.employees.iter().enumerate() {
        if let Some(s) = &e.school {
            if !school_ids.contains(&s.as_str()) {
                unknown_ref(format!("/employees/{i}/school"), "school", s);
            }
        }
        if let Some(t) = &e.team {
            if !ds.teams.iter().any(|x| &x.id == t) {
                unknown_ref(format!("/employees/{i}/team"), "team", t);
            }
        }
    }

    // Kaders per school (17.2 lid 2).
    let kaders_years = p.kaders_max_years.value as i32;
    let mut judged_kaders: Vec<usize> = Vec::new();
    for s in &ds.schools {
        let applicable: Vec<(usize, &Kaders)> = ds
            .kaders
            .iter()
            .enumerate()
            .filter(|(_, k)| match k.level {
                KadersLevel::Board => true,
                KadersLevel::School => k.school.as_deref() == Some(s.id.as_str()),
            })
            .filter(|(_, k)| kaders_in_force(k, as_of))
            .collect();
        let latest = applicable.iter().max_by_key(|(_, k)| k.agreed_on);
        match latest {
            None => f.push(
                Finding::of(
                    FindingCode::KadersMissing,
                    FindingSource::param(rs, &p.kaders_max_years),
                    "/kaders",
                    Msg::KadersMissing { school: s.name.clone(), as_of },
                )
                .with("school", s.id.clone())
                .with("school_year", sy.to_string()),
            ),
            Some((i, k)) => {
                if !judged_kaders.contains(i) {
                    judged_kaders.push(*i);
                }
                if let Some(agreed) = k.agreed_on {
                    let expires = add_years(agreed, kaders_years).unwrap_or(agreed);
                    if expires < as_of {
                        f.push(
                            Finding::of(
                                FindingCode::KadersExpired,
                                FindingSource::param(rs, &p.kaders_max_years),
                                format!("/kaders/{i}/agreed_on"),
                                Msg::KadersExpired {
                                    kaders: k.id.clone(),
                                    school: s.name.clone(),
                                    agreed_on: agreed,
                                    years: p.kaders_max_years.value,
                                    as_of,
                                },
                            )
                            .with("school", s.id.clone())
                            .with("agreed_on", agreed.to_string())
                            .with("expired_on", expires.to_string()),
                        );
                    }
                }
            }
        }
    }
    judged_kaders.sort();
    for i in judged_kaders {
        let k = &ds.kaders[i];
        let mut missing = Vec::new();
        for (el, text, field) in
            [("a", &k.goals, "goals"), ("b", &k.facilities, "facilities"), ("c", &k.demands_and_vision, "demands_and_vision")]
        {
            if blank(text) {
                missing.push((el, field));
            }
        }
        if let Some((_, field)) = missing.first() {
            let els: Vec<&str> = missing.iter().map(|m| m.0).collect();
            f.push(
                Finding::of(
                    FindingCode::KadersElementMissing,
                    FindingSource::article(rs, "kaders_contents"),
                    format!("/kaders/{i}/{field}"),
                    Msg::KadersElementMissing {
                        kaders: k.id.clone(),
                        elements: owned(&els),
                        article: art(rs, "kaders_contents"),
                        lid: lid(rs, "kaders_contents"),
                    },
                )
                .with("elements", els),
            );
        }
        let bodies: &[Body] = match k.level {
            KadersLevel::Board => &[Body::Pgmr, Body::Gmr],
            KadersLevel::School => &[Body::Pgmr, Body::Gmr, Body::Pmr],
        };
        if !k.consultations.iter().any(|c| bodies.contains(&c.body)) {
            f.push(Finding::of(
                FindingCode::KadersNoPgmrConsultation,
                FindingSource::article(rs, "kaders_contents"),
                format!("/kaders/{i}/consultations"),
                Msg::KadersNoPgmrConsultation { kaders: k.id.clone() },
            ));
        }
        let missing: Vec<Section> = Section::ALL.iter().copied().filter(|s| !k.sections.contains(s)).collect();
        let absent: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        if !absent.is_empty() {
            f.push(
                Finding::of(
                    FindingCode::KadersSectionRecommended,
                    FindingSource::handreiking("Opstellen professionaliseringskaders: aanbevolen onderdelen"),
                    format!("/kaders/{i}/sections"),
                    Msg::KadersSectionRecommended { kaders: k.id.clone(), sections: missing.clone() },
                )
                .with("sections", absent),
            );
        }
    }

    // Collective plans (17.2 lid 3).
    for s in &ds.schools {
        let theme_ids: Vec<&str> = ds
            .kaders
            .iter()
            .filter(|k| kaders_in_force(k, as_of) && (k.level == KadersLevel::Board || k.school.as_deref() == Some(s.id.as_str())))
            .flat_map(|k| k.themes.iter().map(|t| t.id.as_str()))
            .collect();
        let plans: Vec<(usize, &crate::dataset::CollectivePlan)> = ds
            .collective_plans
            .iter()
            .enumerate()
            .filter(|(_, c)| c.school == s.id && c.school_year == sy && c.status != crate::plans::PlanStatus::Superseded)
            .collect();
        if plans.is_empty() {
            f.push(
                Finding::of(
                    FindingCode::CollectivePlanMissing,
                    FindingSource::article(rs, "collective_plan"),
                    "/collective_plans",
                    Msg::CollectivePlanMissing { school: s.name.clone(), school_year: sy },
                )
                .with("school", s.id.clone())
                .with("school_year", sy.to_string()),
            );
        }
        for (i, c) in plans {
            if c.status.is_agreed() && !c.consultations.iter().any(|x| x.body == Body::Pmr) {
                f.push(Finding::of(
                    FindingCode::CollectivePlanNoPmrConsultation,
                    FindingSource::article(rs, "collective_plan"),
                    format!("/collective_plans/{i}/consultations"),
                    Msg::CollectivePlanNoPmrConsultation { plan: c.id.clone() },
                ));
            }
            for (j, t) in c.themes.iter().enumerate() {
                let at = format!("/collective_plans/{i}/themes/{j}");
                let name = t
                    .name
                    .clone()
                    .or_else(|| ds.kaders.iter().flat_map(|k| &k.themes).find(|x| x.id == t.theme).map(|x| x.name.clone()))
                    .unwrap_or_else(|| t.theme.clone());
                if t.activities.is_empty() {
                    f.push(
                        Finding::of(
                            FindingCode::CollectivePlanNoActivities,
                            FindingSource::article(rs, "collective_plan"),
                            format!("{at}/activities"),
                            Msg::CollectivePlanNoActivities { theme: name.clone(), plan: c.id.clone() },
                        )
                        .with("theme", t.theme.clone()),
                    );
                }
                if !theme_ids.contains(&t.theme.as_str()) {
                    f.push(
                        Finding::of(
                            FindingCode::ThemeNotInKaders,
                            FindingSource::handreiking("Collectief professionaliseringsplan: de kaders uitwerken"),
                            format!("{at}/theme"),
                            Msg::ThemeNotInKaders { theme: name.clone(), plan: c.id.clone() },
                        )
                        .with("theme", t.theme.clone()),
                    );
                }
                if t.target_groups.iter().all(|g| blank(g)) {
                    f.push(
                        Finding::of(
                            FindingCode::ThemeNoTargetGroup,
                            FindingSource::handreiking("Collectief professionaliseringsplan: doelgroepen"),
                            format!("{at}/target_groups"),
                            Msg::ThemeNoTargetGroup { theme: name.clone() },
                        )
                        .with("theme", t.theme.clone()),
                    );
                }
                if !t.facilities.as_ref().is_some_and(|x| x.any()) {
                    f.push(
                        Finding::of(
                            FindingCode::ThemeNoFacilities,
                            FindingSource::handreiking("Collectief professionaliseringsplan: faciliteiten"),
                            format!("{at}/facilities"),
                            Msg::ThemeNoFacilities { theme: name.clone() },
                        )
                        .with("theme", t.theme.clone()),
                    );
                }
                if t.evaluation.as_deref().is_none_or(blank) {
                    f.push(
                        Finding::of(
                            FindingCode::ThemeNoEvaluation,
                            FindingSource::handreiking("Collectief professionaliseringsplan: evaluatie en verantwoording"),
                            format!("{at}/evaluation"),
                            Msg::ThemeNoEvaluation { theme: name.clone() },
                        )
                        .with("theme", t.theme.clone()),
                    );
                }
            }
            // 70:20:10 advice on the plan's activities.
            let acts: Vec<MixActivity> = c
                .themes
                .iter()
                .flat_map(|t| &t.activities)
                .map(|a| MixActivity {
                    kind: a.kind.clone(),
                    text: if a.kind.is_none() { Some(a.name.clone()) } else { None },
                    name: None,
                    hours: a.hours,
                    cost: a.cost,
                })
                .collect();
            if !acts.is_empty() {
                if let Ok(m) = mix(&MixInput { activities: acts, ..Default::default() }) {
                    for mut x in m.findings {
                        x.path = format!("/collective_plans/{i}/themes");
                        f.push(x.with("plan", c.id.clone()));
                    }
                }
            }
        }
    }

    // Team goals: SMART.
    for (i, t) in ds.teams.iter().enumerate() {
        for (j, plan) in t.plans.iter().enumerate() {
            if plan.school_year != sy {
                continue;
            }
            for (k, g) in plan.goals.iter().enumerate() {
                let mut missing: Vec<&str> = Vec::new();
                if blank(&g.description) {
                    missing.push("description");
                }
                if g.measure.as_deref().is_none_or(blank) {
                    missing.push("measure");
                }
                if g.deadline.is_none() {
                    missing.push("deadline");
                }
                if let Some(first) = missing.first() {
                    f.push(
                        Finding::of(
                            FindingCode::TeamGoalNotSmart,
                            FindingSource::handreiking("Doelen in teams/vakgroepen/afdelingen: SMART-afspraken"),
                            format!("/teams/{i}/plans/{j}/goals/{k}/{first}"),
                            Msg::TeamGoalNotSmart { goal: g.id.clone(), team: t.name.clone(), missing: owned(&missing) },
                        )
                        .with("missing", missing.clone())
                        .with("goal", g.id.clone()),
                    );
                }
            }
        }
    }

    // Employees.
    let plan_years = p.personal_plan_max_years.value as i32;
    let due_days = ds.settings.due_soon_days.unwrap_or(90);
    let conv_months = ds.settings.conversation_months.unwrap_or(12) as i32;
    let team_goal_ids: Vec<&str> =
        ds.teams.iter().flat_map(|t| t.plans.iter().flat_map(|p| p.goals.iter().map(|g| g.id.as_str()))).collect();
    let all_theme_ids: Vec<&str> = ds
        .kaders
        .iter()
        .flat_map(|k| k.themes.iter().map(|t| t.id.as_str()))
        .chain(ds.collective_plans.iter().flat_map(|c| c.themes.iter().map(|t| t.theme.as_str())))
        .collect();
    for (i, e) in ds.employees.iter().enumerate() {
        let at = format!("/employees/{i}");
        let who = e.name.clone().unwrap_or_else(|| e.id.clone());
        for (k, a) in e.appointments.iter().enumerate() {
            a.check().map_err(|er| er.within(&format!("{at}/appointments/{k}")))?;
        }
        if let Some((day, sum)) = first_overlap_above_full_time(&e.appointments) {
            f.push(entitlement::wtf_above_full_time(rs, format!("{at}/appointments"), Some(&who), day, sum).with("employee", e.id.clone()));
        }
        if !e.employed_on(as_of) {
            continue;
        }
        let since = e.in_service_since().unwrap_or(as_of);
        let agreed: Option<(usize, &crate::dataset::PersonalPlan)> = e
            .personal_plans
            .iter()
            .enumerate()
            .filter(|(_, pp)| pp.is_agreed() && pp.agreed_on.is_some())
            .max_by_key(|(_, pp)| pp.agreed_on);
        for (j, pp) in e.personal_plans.iter().enumerate() {
            if pp.status.is_agreed() && pp.approved_by.as_deref() != Some("manager") {
                f.push(
                    Finding::of(
                        FindingCode::PersonalPlanNotApproved,
                        FindingSource::param(rs, &p.personal_plan_max_years),
                        format!("{at}/personal_plans/{j}/approved_by"),
                        Msg::PersonalPlanNotApproved { employee: who.clone(), plan: pp.id.clone(), status: pp.status },
                    )
                    .with("employee", e.id.clone())
                    .with("plan", pp.id.clone()),
                );
            }
        }
        match agreed {
            None => {
                let three = add_years(since, plan_years).unwrap_or(since);
                if three < as_of {
                    f.push(
                        Finding::of(
                            FindingCode::PersonalPlanMissing,
                            FindingSource::param(rs, &p.personal_plan_max_years),
                            format!("{at}/personal_plans"),
                            Msg::PersonalPlanMissing { employee: who.clone(), since, years: p.personal_plan_max_years.value },
                        )
                        .with("employee", e.id.clone())
                        .with("in_service_since", since.to_string()),
                    );
                }
            }
            Some((j, pp)) => {
                let agreed_on = pp.agreed_on.unwrap_or(as_of);
                let expires = add_years(agreed_on, plan_years).unwrap_or(agreed_on);
                if expires < as_of {
                    f.push(
                        Finding::of(
                            FindingCode::PersonalPlanExpired,
                            FindingSource::param(rs, &p.personal_plan_max_years),
                            format!("{at}/personal_plans/{j}/agreed_on"),
                            Msg::PersonalPlanExpired {
                                employee: who.clone(),
                                plan: pp.id.clone(),
                                agreed_on,
                                years: p.personal_plan_max_years.value,
                            },
                        )
                        .with("employee", e.id.clone())
                        .with("agreed_on", agreed_on.to_string())
                        .with("expired_on", expires.to_string()),
                    );
                } else if (expires - as_of).num_days() <= due_days as i64 {
                    f.push(
                        Finding::of(
                            FindingCode::PersonalPlanDueSoon,
                            FindingSource::param(rs, &p.personal_plan_max_years),
                            format!("{at}/personal_plans/{j}/agreed_on"),
                            Msg::PersonalPlanDueSoon { employee: who.clone(), plan: pp.id.clone(), expires },
                        )
                        .with("employee", e.id.clone())
                        .with("expires_on", expires.to_string()),
                    );
                }
            }
        }
        // The plan in use: the latest agreed one, else the latest other plan.
        let current =
            agreed.or_else(|| e.personal_plans.iter().enumerate().rfind(|(_, pp)| pp.status != crate::plans::PlanStatus::Superseded));
        if let Some((j, pp)) = current {
            let pat = format!("{at}/personal_plans/{j}");
            let mut missing: Vec<(&str, String)> = Vec::new();
            if pp.activities.is_empty() {
                missing.push(("a", format!("{pat}/activities")));
            }
            if blank(&pp.contribution) {
                missing.push(("b", format!("{pat}/contribution")));
            }
            if let Some(k) = pp.activities.iter().position(|a| blank(&a.facilitation)) {
                missing.push(("c", format!("{pat}/activities/{k}/facilitation")));
            }
            if let Some((_, path)) = missing.first() {
                let els: Vec<&str> = missing.iter().map(|m| m.0).collect();
                f.push(
                    Finding::of(
                        FindingCode::PersonalPlanElementMissing,
                        FindingSource::article(rs, "personal_plan_contents"),
                        path.clone(),
                        Msg::PersonalPlanElementMissing {
                            employee: who.clone(),
                            plan: pp.id.clone(),
                            elements: owned(&els),
                            article: art(rs, "personal_plan_contents"),
                            lid: lid(rs, "personal_plan_contents"),
                        },
                    )
                    .with("employee", e.id.clone())
                    .with("elements", els),
                );
            }
            for (g, goal) in pp.goals.iter().enumerate() {
                let aligned = goal.links.iter().any(|l| team_goal_ids.contains(&l.as_str()) || all_theme_ids.contains(&l.as_str()));
                if !aligned {
                    f.push(
                        Finding::of(
                            FindingCode::GoalNotAligned,
                            FindingSource::handreiking("Persoonlijke ontwikkeldoelen: in lijn met kaders en collectief plan"),
                            format!("{pat}/goals/{g}/links"),
                            Msg::GoalNotAligned { employee: who.clone(), goal: goal.id.clone() },
                        )
                        .with("employee", e.id.clone())
                        .with("goal", goal.id.clone()),
                    );
                }
            }
            if let Some(level) = e.education_level {
                let evc_level = level <= p.evc.value.max_level;
                let next = e.last_evc.and_then(|d| add_years(d, p.evc.value.repeat_years as i32));
                if evc_level && next.is_none_or(|n| n <= as_of) && !pp.evc_offered {
                    f.push(
                        Finding::of(
                            FindingCode::EvcOfferMissing,
                            FindingSource::param(rs, &p.evc),
                            format!("{pat}/evc_offered"),
                            Msg::EvcOfferMissing { employee: who.clone(), level, plan: pp.id.clone() },
                        )
                        .with("employee", e.id.clone()),
                    );
                }
                if level < p.startkwalificatie.value.below_level && !pp.startkwalificatie_offered {
                    f.push(
                        Finding::of(
                            FindingCode::StartkwalificatieOfferMissing,
                            FindingSource::param(rs, &p.startkwalificatie),
                            format!("{pat}/startkwalificatie_offered"),
                            Msg::StartkwalificatieOfferMissing { employee: who.clone(), level, plan: pp.id.clone() },
                        )
                        .with("employee", e.id.clone()),
                    );
                }
            }
        }
        // Conversation cycle.
        let window_start = add_months(as_of, -conv_months).unwrap_or(as_of);
        if since <= window_start && !e.conversations.iter().any(|c| c.date > window_start && c.date <= as_of) {
            f.push(
                Finding::of(
                    FindingCode::NoYearlyConversation,
                    FindingSource::handreiking("Persoonlijke ontwikkeldoelen: bij voorkeur ten minste eenmaal per jaar een gesprek"),
                    format!("{at}/conversations"),
                    Msg::NoYearlyConversation { employee: who.clone(), months: conv_months.unsigned_abs(), as_of },
                )
                .with("employee", e.id.clone()),
            );
        }
        let support_ext = e.asks_support_extension();
        // Ledger (17.4-17.7): a refused event is a finding here.
        if !e.ledger.is_empty() {
            let input = LedgerInput {
                appointments: e.appointments.clone(),
                events: e.ledger.clone(),
                school_years: vec![sy],
                rule_set: ds.rule_set.clone(),
                options: ds.options,
                support_extension_plan: support_ext,
                as_of: Some(as_of),
                expiring_within_days: None,
                explain: false,
            };
            match ledger_with(book, &input) {
                Ok(_) => {}
                Err(err) => {
                    let code = match err.code() {
                        ErrorCode::InsufficientBalance => FindingCode::InsufficientBalance,
                        ErrorCode::AssignedWithoutConsent => FindingCode::AssignedWithoutConsent,
                        ErrorCode::SavingNotAllowed => FindingCode::SavingNotAllowed,
                        _ => {
                            let path = crate::dataset::Employee::ledger_error_path(i, err.path());
                            return Err(err.at(path));
                        }
                    };
                    let src = err.cites().cloned().unwrap_or_else(|| FindingSource::article(rs, "lapse"));
                    let path = crate::dataset::Employee::ledger_error_path(i, err.path());
                    f.push(
                        Finding::of(code, src, path, Msg::Of { name: who.clone(), message: err.into_msg() }).with("employee", e.id.clone()),
                    );
                }
            }
        }
        // Taakbeleid (17.8).
        for (k, t) in e.taakbeleid.iter().enumerate() {
            if t.school_year != sy {
                continue;
            }
            let mut input = EntitlementInput::new(sy, e.appointments.clone());
            input.rule_set = ds.rule_set.clone();
            input.options = ds.options;
            input.explain = false;
            input.support_extension_plan = support_ext;
            let ent = entitlement::entitlement_with(book, &input).map_err(|er| er.within(&at))?;
            let free = t.component_d_hours + t.other_free_hours.unwrap_or_default();
            if free < ent.hours {
                f.push(
                    Finding::of(
                        FindingCode::TaakbeleidBelowBasisrecht,
                        FindingSource::article(rs, "taakbeleid"),
                        format!("{at}/taakbeleid/{k}"),
                        Msg::TaakbeleidBelowBasisrecht { employee: who.clone(), free, basisrecht: ent.hours },
                    )
                    .with("employee", e.id.clone())
                    .with("free_hours", free.to_string())
                    .with("basisrecht_hours", ent.hours.to_string()),
                );
            }
        }
    }

    // The 10% rule (17.2 lid 1).
    if let Some(l) = &ds.lumpsum {
        let r = crate::budget::lumpsum_with(book, l).map_err(|e| e.within("/lumpsum"))?;
        f.extend(r.findings);
    }
    for (k, sl) in ds.school_lumpsums.iter().enumerate() {
        let r = crate::budget::lumpsum_with(book, &sl.lumpsum).map_err(|e| e.within(&format!("/school_lumpsums/{k}/lumpsum")))?;
        for mut x in r.findings {
            x.path = format!("/school_lumpsums/{k}");
            x.message = Msg::Of { name: ds.school_name(&sl.school).to_string(), message: Box::new(x.message) };
            f.push(x.with("school", sl.school.clone()));
        }
    }

    // The lemniscate cycle, when the dataset tracks it.
    if !ds.cycle_events.is_empty() {
        let input = crate::cycle::CycleInput {
            events: ds.cycle_events.clone(),
            as_of,
            window_months: ds.settings.cycle_window_months,
            cycle_start: None,
        };
        let st = crate::cycle::cycle_status(&input).map_err(|e| e.within("/cycle_events"))?;
        f.extend(st.findings);
    }

    f.sort_by(|a, b| (a.severity, &a.path, a.code).cmp(&(b.severity, &b.path, b.code)));
    let mut counts = Counts::default();
    for x in &f {
        match x.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }
    Ok(ValidationReport { as_of, school_year: sy, rule_set: rs.id.clone(), findings: f, counts, alignment: alignment(ds) })
}
