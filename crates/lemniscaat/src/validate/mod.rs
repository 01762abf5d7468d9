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

mod budget;
mod collective;
mod employees;
mod kaders;
mod personal;
mod references;
pub mod settings;
mod teams;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;

use crate::alignment::{alignment, Alignment};
use crate::dataset::Dataset;
use crate::error::Result;
use crate::finding::{Finding, FindingCode, FindingSource, Severity};
use crate::rules::{RuleBook, RuleSet};
use crate::time::SchoolYear;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
pub use settings::Settings;
use std::sync::Arc;

/// Counts of findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValidationReport {
    /// The date judged on.
    #[serde(serialize_with = "crate::time::date::serialize", deserialize_with = "crate::time::date::deserialize")]
    pub as_of: NaiveDate,
    /// The school year of `as_of`.
    pub school_year: SchoolYear,
    /// The rule set applied.
    pub rule_set: Arc<str>,
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

/// What every rule reads: the dataset, the rule book and the rule set that applies, the day and
/// school year judged, the settings; and the findings so far.
pub(crate) struct Ctx<'a> {
    pub book: &'a RuleBook,
    pub ds: &'a Dataset,
    pub rs: &'a RuleSet,
    pub as_of: NaiveDate,
    pub sy: SchoolYear,
    pub settings: Settings,
    pub findings: Vec<Finding>,
}

impl Ctx<'_> {
    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }
}

/// Validates a dataset with a given rule book: every rule of every plan level, then the findings
/// in order (errors first, then by path).
pub fn validate_with(book: &RuleBook, ds: &Dataset) -> Result<ValidationReport> {
    ds.check()?;
    let as_of = ds.as_of;
    let sy = SchoolYear::containing(as_of);
    let (rs, sel) = book.select(sy, ds.rule_set.as_deref(), ds.options.mode).map_err(|e| e.at("/as_of"))?;
    let mut cx = Ctx { book, ds, rs, as_of, sy, settings: Settings::of(ds), findings: Vec::new() };
    if sel.out_of_range {
        let source = FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() };
        cx.push(Finding::of(FindingCode::RulesOutOfRange, source, "/as_of", sel.message_again()));
    }
    references::histories(ds)?;
    references::unknown(&mut cx);
    kaders::check(&mut cx);
    collective::check(&mut cx);
    teams::check(&mut cx);
    employees::check(&mut cx)?;
    budget::check(&mut cx)?;
    cycle(&mut cx)?;
    let mut f = cx.findings;
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

/// The lemniscate cycle, when the dataset tracks it.
fn cycle(cx: &mut Ctx) -> Result<()> {
    if cx.ds.cycle_events.is_empty() {
        return Ok(());
    }
    let input = crate::cycle::CycleInput {
        events: cx.ds.cycle_events.clone(),
        as_of: cx.as_of,
        window_months: cx.settings.cycle_window_months,
        cycle_start: None,
    };
    let st = crate::cycle::cycle_status(&input).map_err(crate::cycle::in_dataset)?;
    cx.findings.extend(st.findings);
    Ok(())
}

/// Where a finding code is decided: the file in `crates/lemniscaat/src/validate/` and the rule's
/// function in it. Every code has one (the match is exhaustive): `docs/codes.md` links each code
/// to its rule.
pub fn rule_of(code: FindingCode) -> (&'static str, &'static str) {
    use FindingCode::*;
    match code {
        KadersMissing | KadersExpired => ("kaders.rs", "in_force"),
        KadersElementMissing => ("kaders.rs", "elements"),
        KadersNoPgmrConsultation => ("kaders.rs", "consultation"),
        KadersSectionRecommended => ("kaders.rs", "sections"),
        CollectivePlanMissing => ("collective.rs", "missing"),
        CollectivePlanNoPmrConsultation => ("collective.rs", "consultation"),
        CollectivePlanNoActivities => ("collective.rs", "activities"),
        ThemeNotInKaders => ("collective.rs", "in_kaders"),
        ThemeNoTargetGroup => ("collective.rs", "target_group"),
        ThemeNoFacilities => ("collective.rs", "facilities"),
        ThemeNoEvaluation => ("collective.rs", "evaluation"),
        CollectivePlanNoBottomUp => ("collective.rs", "bottom_up"),
        TeamGoalNotSmart => ("teams.rs", "smart"),
        PersonalPlanMissing => ("personal.rs", "missing"),
        PersonalPlanExpired | PersonalPlanDueSoon => ("personal.rs", "term"),
        PersonalPlanNotApproved => ("personal.rs", "not_approved"),
        PersonalPlanElementMissing => ("personal.rs", "elements"),
        PersonalGoalNotSmart => ("personal.rs", "smart"),
        GoalNotAligned => ("personal.rs", "aligned"),
        EvcOfferMissing => ("personal.rs", "evc"),
        StartkwalificatieOfferMissing => ("personal.rs", "startkwalificatie"),
        PersonalActivityAssignedWithoutConsent => ("personal.rs", "consent"),
        NoYearlyConversation => ("employees.rs", "yearly_conversation"),
        UseNotAccountedFor => ("employees.rs", "accounted_for"),
        AssignedWithoutConsent | InsufficientBalance | SavingNotAllowed => ("employees.rs", "ledger"),
        WtfAboveFullTime => ("employees.rs", "above_full_time"),
        TaakbeleidBelowBasisrecht => ("employees.rs", "taakbeleid"),
        LumpsumBelow10Percent => ("budget.rs", "ten_percent"),
        AnnualReportNoAccountability => ("budget.rs", "annual_report"),
        MixFormalHeavy | MixNoWorkplaceLearning => ("collective.rs", "mix_advice"),
        CycleStageNotAttended => ("mod.rs", "cycle"),
        RulesOutOfRange => ("mod.rs", "validate_with"),
        UnknownReference => ("references.rs", "unknown"),
    }
}

/// The 70:20:10 advice on a plan's activities (kind, name, hours, cost): classified by their kind,
/// or by their name when the taxonomy does not know it ([`MixActivity::of_plan`]); none for a
/// plan without activities.
fn mix_findings<'a>(
    activities: impl Iterator<Item = (Option<&'a str>, &'a str, Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>)>,
) -> Vec<Finding> {
    use crate::learning::{mix, MixActivity, MixInput};
    let activities: Vec<MixActivity> = activities.map(|(kind, name, hours, cost)| MixActivity::of_plan(kind, name, hours, cost)).collect();
    if activities.is_empty() {
        return Vec::new();
    }
    mix(&MixInput { activities, ..Default::default() }).map(|m| m.findings).unwrap_or_default()
}

/// The article of a rule key in the applicable rule set, for a message.
fn art(rs: &RuleSet, key: &str) -> Option<Arc<str>> {
    rs.article(key).map(|a| a.article.clone())
}

/// The lid of a rule key in the applicable rule set, for a message.
fn lid(rs: &RuleSet, key: &str) -> Option<Arc<str>> {
    rs.article(key).and_then(|a| a.lid.clone())
}

fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}
