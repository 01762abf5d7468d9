//! The board report: everything an HR department or school leader wants on one page, as data
//! (every host renders it: the command as tables, CSV, JSON or HTML; a notebook; a web page).
//!
//! ```
//! let ds = lemniscaat::dataset::Dataset::from_json(lemniscaat::report::SAMPLE).unwrap();
//! let r = lemniscaat::report::report(&ds, None).unwrap();
//! assert_eq!(r.staff.len(), 29); // one of the 30 left before the school year
//! assert!(r.counts.error > 0 && r.counts.error < 10);
//! ```

use crate::alignment::Alignment;
use crate::budget::{lumpsum_with, LumpsumResult};
use crate::cycle::{cycle_status, CycleInput, CycleStatus};
use crate::dataset::{Board, Dataset};
use crate::entitlement::{entitlement_with, BucketAmount, EntitlementInput};
use crate::error::Result;
use crate::finding::Finding;
use crate::learning::{classify, mix, Bucket, ClassifyInput, Mix, MixActivity, MixInput};
use crate::ledger::{ledger_with, LedgerEvent, LedgerInput, BASISRECHT};
use crate::rules::{Bilingual, Confidence, Param, RuleBook, RuleSet, Selection};
use crate::time::SchoolYear;
use crate::validate::{validate_with, Counts};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The built-in sample board (`examples/voorbeeldstichting.json`).
pub const SAMPLE: &str = include_str!("../data/voorbeeldstichting.json");

/// One parameter of the rule set in force, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParameterLine {
    /// The parameter name (its id).
    pub name: String,
    /// Its value as text (machine form: decimals with a point, ids).
    pub value: String,
    /// The parameter's name for people, in English and Dutch.
    #[serde(default)]
    pub label: Bilingual,
    /// Its value for people, in English and Dutch (`€ 600,00`, `10%`, `3 jaar`).
    #[serde(default)]
    pub shown: Bilingual,
    /// Article and lid.
    pub article: String,
    /// How sure the value is.
    pub confidence: Confidence,
    /// How sure the article number is (weaker than `confidence` where a stated amount sits under
    /// a number renumbered by analogy).
    pub article_confidence: Confidence,
    /// The source document's title.
    pub source: String,
    /// Its address, when verified.
    pub url: Option<String>,
}

/// The rule set in force and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleSetSummary {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// In force from.
    #[serde(serialize_with = "crate::time::date::serialize", deserialize_with = "crate::time::date::deserialize")]
    pub in_force_from: NaiveDate,
    /// Why it applies.
    pub selection: Selection,
    /// Its main parameters with provenance.
    pub parameters: Vec<ParameterLine>,
    /// Information items.
    pub information: Vec<crate::rules::Information>,
}

/// A refusal on one employee's line (the rest of the report goes on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineError {
    /// The code.
    pub code: String,
    /// The path in the dataset.
    pub path: String,
    /// English.
    pub message_en: String,
    /// Dutch.
    pub message_nl: String,
}

/// One employee's entitlement and balance in the school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffLine {
    /// Employee id.
    pub employee: String,
    /// Name.
    pub name: String,
    /// School.
    pub school: Option<String>,
    /// Categories held in the year.
    pub categories: Vec<String>,
    /// Granted hours (free basisrecht).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub granted_hours: Decimal,
    /// Granted money.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub granted_money: Decimal,
    /// Saved balance brought in (hours).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub opening_hours: Decimal,
    /// Saved balance brought in (money).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub opening_money: Decimal,
    /// Used so far (hours).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub used_hours: Decimal,
    /// Used so far (money).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub used_money: Decimal,
    /// Available on the as-of date (hours).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub available_hours: Decimal,
    /// Available on the as-of date (money).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub available_money: Decimal,
    /// Lapsing within 90 days (hours).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub expiring_hours: Decimal,
    /// Lapsing within 90 days (money).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub expiring_money: Decimal,
    /// Extra buckets granted.
    pub extra: Vec<BucketAmount>,
    /// Employer-paid facilities (17.7) in the year: hours.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub facility_hours: Decimal,
    /// A refusal of the ledger, if any.
    pub error: Option<LineError>,
}

/// The 70:20:10 mix of a school.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SchoolMix {
    /// School id.
    pub school: String,
    /// School name.
    pub name: String,
    /// The mix of the collective plan and the personal plans of its staff.
    pub mix: Mix,
}

/// The 10% rule of a school or the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LumpsumLine {
    /// School id, or the board id.
    pub school: String,
    /// Its name.
    pub name: String,
    /// The result.
    pub result: LumpsumResult,
}

/// Hours and money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spent {
    /// Hours.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub hours: Decimal,
    /// Money.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub money: Decimal,
}

impl Spent {
    fn add(&mut self, h: Decimal, m: Decimal) {
        self.hours += h;
        self.money += m;
    }
}

/// Accountability figures of a school for the annual report (17.2 lid 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Accountability {
    /// School id.
    pub school: String,
    /// School name.
    pub name: String,
    /// The school year.
    pub school_year: SchoolYear,
    /// Planned in the collective plan, per theme (hours per participant, cost).
    pub planned_by_theme: BTreeMap<String, Spent>,
    /// Planned per target group.
    pub planned_by_target_group: BTreeMap<String, Spent>,
    /// Planned per CAO 17.1 category (`a`-`d`, `none`).
    pub planned_by_category: BTreeMap<String, Spent>,
    /// Realised from the staff's ledgers: basisrecht used per theme (`individual` when the
    /// activity is not one of the collective plan).
    pub used_by_theme: BTreeMap<String, Spent>,
    /// Realised per CAO 17.1 category (classified from the activity).
    pub used_by_category: BTreeMap<String, Spent>,
    /// Employer-paid facilities of assigned activities (17.7).
    pub facilities: Spent,
    /// The 10% share, when a lumpsum is given for the school (4 decimals).
    #[serde(default, serialize_with = "crate::num::opt_dec::serialize", deserialize_with = "crate::num::opt_dec::deserialize")]
    pub share: Option<Decimal>,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// The board.
    pub board: Board,
    /// The as-of date.
    #[serde(serialize_with = "crate::time::date::serialize", deserialize_with = "crate::time::date::deserialize")]
    pub as_of: NaiveDate,
    /// The school year of the as-of date.
    pub school_year: SchoolYear,
    /// The rule set in force.
    pub rule_set: RuleSetSummary,
    /// Entitlement and balance per employee.
    pub staff: Vec<StaffLine>,
    /// Findings, errors first.
    pub findings: Vec<Finding>,
    /// Counts per severity.
    pub counts: Counts,
    /// Alignment and rode draden.
    pub alignment: Alignment,
    /// 70:20:10 per school.
    pub mix: Vec<SchoolMix>,
    /// The lemniscate.
    pub cycle: CycleStatus,
    /// The 10% rule.
    pub lumpsum: Vec<LumpsumLine>,
    /// Accountability figures per school.
    pub accountability: Vec<Accountability>,
}

fn param_line<T>(book: &RuleBook, name: &str, value: String, shown: Bilingual, p: &Param<T>) -> ParameterLine {
    let doc = book.source(&p.provenance.source);
    ParameterLine {
        name: name.into(),
        value,
        label: crate::locale::parameter(name),
        shown,
        article: match (&p.article, &p.lid) {
            (Some(a), Some(l)) => format!("{a} lid {l}"),
            (Some(a), None) => a.to_string(),
            _ => String::new(),
        },
        confidence: p.provenance.confidence,
        article_confidence: p.provenance.of_article(),
        source: doc.map(|d| format!("{} ({})", d.title, d.publisher)).unwrap_or_else(|| p.provenance.source.to_string()),
        url: doc.and_then(|d| d.url.clone()),
    }
}

/// The summary of a rule set: its main parameters with their provenance.
pub fn summary_of(book: &RuleBook, rs: &RuleSet, selection: Selection) -> RuleSetSummary {
    RuleSetSummary {
        id: rs.id.to_string(),
        name: rs.name.clone(),
        in_force_from: rs.in_force_from.value,
        selection,
        parameters: parameter_lines(book, rs),
        information: rs.information.clone(),
    }
}

/// The main parameters of a rule set, each with its article and source.
///
/// ```
/// let book = lemniscaat::RuleBook::builtin();
/// let lines = lemniscaat::report::parameter_lines(book, book.get("cao-vo-2018-2019").unwrap());
/// let money = lines.iter().find(|l| l.name == "support_money").unwrap();
/// assert_eq!(money.value, "600");
/// ```
pub fn parameter_lines(book: &RuleBook, rs: &RuleSet) -> Vec<ParameterLine> {
    use crate::locale::{self, Lang};
    let p = &rs.parameters;
    let both = |f: &dyn Fn(Lang) -> String| Bilingual { en: f(Lang::En), nl: f(Lang::Nl) };
    let years = |n: u32| {
        both(&|l| {
            format!(
                "{n} {}",
                if l == Lang::Nl {
                    "jaar"
                } else if n == 1 {
                    "year"
                } else {
                    "years"
                }
            )
        })
    };
    let readings = both(&|l| {
        let names: Vec<&str> = p.pro_rata.value.interpretations.iter().map(|r| reading_label(*r, l)).collect();
        names.join(if l == Lang::Nl { " of " } else { " or " })
    });
    let saving = both(&|l| match (&p.saving.value.right, l) {
        (Some(r), Lang::Nl) => format!("bij afspraak; recht op {} jaar met een plan", r.max_years),
        (Some(r), Lang::En) => format!("by agreement; a right to {} years with a plan", r.max_years),
        (None, Lang::Nl) => "bij afspraak".into(),
        (None, Lang::En) => "by agreement".into(),
    });
    let evc = both(&|l| {
        let (level, again) = (locale::level(p.evc.value.max_level, l), p.evc.value.repeat_years);
        match l {
            Lang::Nl => format!("tot en met {level}, opnieuw na {again} jaar"),
            Lang::En => format!("up to and including {level}, again after {again} years"),
        }
    });
    let mut parameters = vec![
        param_line(
            book,
            "teacher_hours",
            p.teacher_hours.value.to_string(),
            both(&|l| locale::hours(p.teacher_hours.value, l)),
            &p.teacher_hours,
        ),
        param_line(
            book,
            "teacher_money",
            p.teacher_money.value.to_string(),
            both(&|l| locale::money(p.teacher_money.value, l)),
            &p.teacher_money,
        ),
        param_line(
            book,
            "support_hours",
            p.support_hours.value.to_string(),
            both(&|l| locale::hours(p.support_hours.value, l)),
            &p.support_hours,
        ),
        param_line(
            book,
            "support_money",
            p.support_money.value.to_string(),
            both(&|l| locale::money(p.support_money.value, l)),
            &p.support_money,
        ),
        param_line(
            book,
            "pro_rata",
            p.pro_rata.value.interpretations.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(" | "),
            readings,
            &p.pro_rata,
        ),
        param_line(
            book,
            "saving",
            match &p.saving.value.right {
                Some(r) => format!("agreement; right {} years with plan", r.max_years),
                None => "agreement".into(),
            },
            saving,
            &p.saving,
        ),
        param_line(
            book,
            "evc",
            format!("up to {}, repeat after {} years", p.evc.value.max_level.as_str(), p.evc.value.repeat_years),
            evc,
            &p.evc,
        ),
        param_line(
            book,
            "personal_plan_max_years",
            p.personal_plan_max_years.value.to_string(),
            years(p.personal_plan_max_years.value),
            &p.personal_plan_max_years,
        ),
        param_line(book, "kaders_max_years", p.kaders_max_years.value.to_string(), years(p.kaders_max_years.value), &p.kaders_max_years),
        param_line(
            book,
            "collective_min_share",
            p.collective_min_share.value.to_string(),
            both(&|l| locale::percent(p.collective_min_share.value, 0, l)),
            &p.collective_min_share,
        ),
    ];
    for b in &p.extra_buckets {
        let doc = book.source(&b.provenance.source);
        parameters.push(ParameterLine {
            name: b.id.clone(),
            value: format!("{} h, EUR {} ({}, from {})", b.hours, b.money, b.category, b.from_school_year),
            label: locale::parameter(&b.id),
            shown: both(&|l| {
                let (h, m, c) = (locale::hours(b.hours, l), locale::money(b.money, l), locale::category(b.category, l));
                match l {
                    Lang::Nl => format!("{h}, {m} ({c}, vanaf {})", b.from_school_year),
                    Lang::En => format!("{h}, {m} ({c}, from {})", b.from_school_year),
                }
            }),
            article: b.article.as_deref().unwrap_or_default().to_string(),
            confidence: b.provenance.confidence,
            article_confidence: b.provenance.of_article(),
            source: doc.map(|d| format!("{} ({})", d.title, d.publisher)).unwrap_or_default(),
            url: doc.and_then(|d| d.url.clone()),
        });
    }
    parameters
}

/// A reading of pro rata by wtf for people.
fn reading_label(r: crate::rules::ProRataReading, l: crate::locale::Lang) -> &'static str {
    use crate::locale::Lang;
    use crate::rules::ProRataReading;
    match (r, l) {
        (ProRataReading::PartiesIntent, Lang::Nl) => "naar rato, zoals de cao-partijen bedoelden",
        (ProRataReading::PartiesIntent, Lang::En) => "pro rata, as the parties intended",
        (ProRataReading::Bezwarencommissie2016, Lang::Nl) => "niet naar rato (Bezwarencommissie 2016)",
        (ProRataReading::Bezwarencommissie2016, Lang::En) => "not pro rata (Bezwarencommissie 2016)",
    }
}

/// Builds the report of a dataset with the built-in rule sets; `as_of` overrides the dataset's.
pub fn report(ds: &Dataset, as_of: Option<NaiveDate>) -> Result<Report> {
    report_with(RuleBook::builtin(), ds, as_of)
}

/// Builds the report with a given rule book.
pub fn report_with(book: &RuleBook, ds: &Dataset, as_of: Option<NaiveDate>) -> Result<Report> {
    let owned;
    let ds = match as_of {
        Some(d) if d != ds.as_of => {
            let mut c = ds.clone();
            c.as_of = d;
            owned = c;
            &owned
        }
        _ => ds,
    };
    let as_of = ds.as_of;
    let sy = SchoolYear::containing(as_of);
    let validation = validate_with(book, ds)?;
    let (rs, sel) = book.select(sy, ds.rule_set.as_deref(), ds.options.mode).map_err(|e| e.at("/as_of"))?;

    let mut staff = Vec::new();
    for (i, e) in ds.employees.iter().enumerate() {
        let in_year: Vec<&crate::people::Appointment> = e.appointments.iter().filter(|a| a.range().days_within(&sy.range()) > 0).collect();
        if in_year.is_empty() {
            continue;
        }
        let mut categories: Vec<String> = in_year.iter().map(|a| a.category.as_str().to_string()).collect();
        categories.dedup();
        let ext = e.asks_support_extension();
        let mut ent_in = EntitlementInput::new(sy, e.appointments.clone());
        ent_in.rule_set = ds.rule_set.clone();
        ent_in.options = ds.options;
        ent_in.support_extension_plan = ext;
        ent_in.explain = false;
        let ent = entitlement_with(book, &ent_in).map_err(|er| er.within(&format!("/employees/{i}")))?;
        let first_year = e.ledger.iter().map(|ev| match ev {
            LedgerEvent::Saving { from, .. } => *from,
            LedgerEvent::Usage { date, .. }
            | LedgerEvent::Adjustment { date, .. }
            | LedgerEvent::Reservation { date, .. }
            | LedgerEvent::Facility { date, .. } => SchoolYear::containing(*date),
        });
        let from = first_year.min().unwrap_or(sy).min(sy);
        let lin = LedgerInput {
            appointments: e.appointments.clone(),
            events: e.ledger.iter().filter(|ev| !matches!(ev, LedgerEvent::Usage { date, .. } | LedgerEvent::Adjustment { date, .. } | LedgerEvent::Reservation { date, .. } | LedgerEvent::Facility { date, .. } if *date > as_of)).cloned().collect(),
            school_years: from.through(sy).collect(),
            rule_set: ds.rule_set.clone(),
            options: ds.options,
            support_extension_plan: ext,
            as_of: Some(as_of),
            expiring_within_days: Some(90),
            explain: false,
        };
        let mut line = StaffLine {
            employee: e.id.clone(),
            name: e.name.clone().unwrap_or_else(|| e.id.clone()),
            school: e.school.clone(),
            categories,
            granted_hours: ent.hours,
            granted_money: ent.money,
            opening_hours: Decimal::ZERO,
            opening_money: Decimal::ZERO,
            used_hours: Decimal::ZERO,
            used_money: Decimal::ZERO,
            available_hours: ent.hours,
            available_money: ent.money,
            expiring_hours: Decimal::ZERO,
            expiring_money: Decimal::ZERO,
            extra: ent.extra.clone(),
            facility_hours: Decimal::ZERO,
            error: None,
        };
        match ledger_with(book, &lin) {
            Ok(l) => {
                if let Some(st) = l.statements.iter().find(|s| s.school_year == sy) {
                    line.opening_hours = st.hours.opening;
                    line.opening_money = st.money.opening;
                    line.used_hours = st.hours.used;
                    line.used_money = st.money.used;
                }
                if let Some(b) = l.balances.iter().find(|b| b.bucket == BASISRECHT) {
                    line.available_hours = b.booked.hours;
                    line.available_money = b.booked.money;
                }
                for x in l.expiring.iter().filter(|x| x.bucket == BASISRECHT) {
                    line.expiring_hours += x.amounts.hours;
                    line.expiring_money += x.amounts.money;
                }
                line.facility_hours = l.facilities.iter().filter(|f| f.school_year == sy).map(|f| f.total.hours).sum();
            }
            Err(er) => {
                line.error = Some(LineError {
                    code: er.code().as_str().into(),
                    path: crate::dataset::Employee::ledger_error_path(i, er.path()),
                    message_en: er.message_en(),
                    message_nl: er.message_nl(),
                });
            }
        }
        staff.push(line);
    }

    // 70:20:10 per school: its collective plan and its staff's current personal plans, each
    // activity with its place in the dataset (where a refusal of the mix is placed).
    let mut mixes = Vec::new();
    for (si, s) in ds.schools.iter().enumerate() {
        let mut acts: Vec<MixActivity> = Vec::new();
        let mut origins: Vec<MixOrigin> = Vec::new();
        for (ci, c) in ds.collective_plans.iter().enumerate().filter(|(_, c)| c.school == s.id && c.school_year == sy) {
            for (ti, t) in c.themes.iter().enumerate() {
                for (ai, a) in t.activities.iter().enumerate() {
                    acts.push(MixActivity::of_plan(a.kind.as_deref(), &a.name, a.hours, a.cost));
                    origins.push(MixOrigin { path: format!("/collective_plans/{ci}/themes/{ti}/activities/{ai}"), cost: "cost" });
                }
            }
        }
        for (ei, e) in ds.employees.iter().enumerate().filter(|(_, e)| e.school.as_deref() == Some(s.id.as_str()) && e.employed_on(as_of)) {
            if let Some((pi, pp)) = e.personal_plans.iter().enumerate().filter(|(_, p)| p.is_agreed()).max_by_key(|(_, p)| p.agreed_on) {
                for (ai, a) in pp.activities.iter().enumerate() {
                    acts.push(MixActivity::of_plan(a.kind.as_deref(), &a.name, a.hours, a.money));
                    origins.push(MixOrigin { path: format!("/employees/{ei}/personal_plans/{pi}/activities/{ai}"), cost: "money" });
                }
            }
        }
        let m = mix(&MixInput { activities: acts, ..Default::default() }).map_err(|e| mix_refusal_at(e, &origins, si))?;
        mixes.push(SchoolMix { school: s.id.clone(), name: s.name.clone(), mix: m });
    }

    let cycle = cycle_status(&CycleInput {
        events: ds.cycle_events.clone(),
        as_of,
        window_months: ds.settings.cycle_window_months,
        cycle_start: None,
    })
    .map_err(crate::cycle::in_dataset)?;

    let mut lumps = Vec::new();
    if let Some(l) = &ds.lumpsum {
        lumps.push(LumpsumLine {
            school: ds.board.id.clone(),
            name: ds.board.name.clone(),
            result: lumpsum_with(book, l).map_err(|e| e.within("/lumpsum"))?,
        });
    }
    for (k, sl) in ds.school_lumpsums.iter().enumerate() {
        lumps.push(LumpsumLine {
            school: sl.school.clone(),
            name: ds.school_name(&sl.school).to_string(),
            result: lumpsum_with(book, &sl.lumpsum).map_err(|e| e.within(&format!("/school_lumpsums/{k}/lumpsum")))?,
        });
    }

    let accountability = ds.schools.iter().map(|s| accountability(ds, sy, &s.id, &lumps)).collect();

    Ok(Report {
        board: ds.board.clone(),
        as_of,
        school_year: sy,
        rule_set: summary_of(book, rs, sel),
        staff,
        findings: validation.findings,
        counts: validation.counts,
        alignment: validation.alignment,
        mix: mixes,
        cycle,
        lumpsum: lumps,
        accountability,
    })
}

fn category_of(kind: Option<&str>, text: &str) -> String {
    let input = match kind {
        Some(k) => ClassifyInput::kind(k),
        None => ClassifyInput::text(text),
    };
    match classify(&input) {
        Ok(c) if c.bucket != Bucket::Unknown || c.kind.is_some() => c.cao_17_1.unwrap_or_else(|| "none".into()),
        _ => "unknown".into(),
    }
}

fn accountability(ds: &Dataset, sy: SchoolYear, school: &str, lumps: &[LumpsumLine]) -> Accountability {
    let mut a = Accountability {
        school: school.into(),
        name: ds.school_name(school).into(),
        school_year: sy,
        planned_by_theme: BTreeMap::new(),
        planned_by_target_group: BTreeMap::new(),
        planned_by_category: BTreeMap::new(),
        used_by_theme: BTreeMap::new(),
        used_by_category: BTreeMap::new(),
        facilities: Spent::default(),
        share: lumps.iter().find(|l| l.school == school).map(|l| l.result.share),
    };
    let mut activity_theme: BTreeMap<&str, &str> = BTreeMap::new();
    for c in ds.collective_plans.iter().filter(|c| c.school == school && c.school_year == sy) {
        for t in &c.themes {
            for act in &t.activities {
                let h = act.hours.unwrap_or_default();
                let m = act.cost.unwrap_or_default();
                activity_theme.insert(&act.id, &t.theme);
                a.planned_by_theme.entry(t.theme.clone()).or_default().add(h, m);
                for g in &t.target_groups {
                    a.planned_by_target_group.entry(g.clone()).or_default().add(h, m);
                }
                a.planned_by_category.entry(category_of(act.kind.as_deref(), &act.name)).or_default().add(h, m);
            }
        }
    }
    for e in ds.employees.iter().filter(|e| e.school.as_deref() == Some(school)) {
        for ev in &e.ledger {
            match ev {
                LedgerEvent::Usage { date, hours, money, activity, .. } if SchoolYear::containing(*date) == sy && *date <= ds.as_of => {
                    let theme = activity_theme.get(activity.as_str()).map(|t| t.to_string()).unwrap_or_else(|| "individual".into());
                    a.used_by_theme.entry(theme).or_default().add(*hours, *money);
                    a.used_by_category.entry(category_of(None, activity)).or_default().add(*hours, *money);
                }
                LedgerEvent::Facility { date, hours, money, .. } if SchoolYear::containing(*date) == sy && *date <= ds.as_of => {
                    a.facilities.add(*hours, *money);
                }
                _ => {}
            }
        }
    }
    a
}

/// Where an activity of a school's mix comes from: its JSON Pointer in the dataset and the name
/// its cost has there (`cost` in a collective plan, `money` in a personal plan; the mix's `text`
/// is the activity's `name`).
struct MixOrigin {
    path: String,
    cost: &'static str,
}

/// A refusal of a school's mix placed in the dataset: at the activity it concerns (the mix's
/// `/activities/<k>` is the k-th activity gathered), else at the school (`/schools/<index>`: the
/// whole list of activities is the school's, not a member of the dataset).
fn mix_refusal_at(e: crate::Error, origins: &[MixOrigin], school: usize) -> crate::Error {
    let place = e.path().strip_prefix("/activities/").and_then(|rest| {
        let (k, tail) = rest.split_once('/').unwrap_or((rest, ""));
        let o = origins.get(k.parse::<usize>().ok()?)?;
        let tail = match tail {
            "" => String::new(),
            "cost" => format!("/{}", o.cost),
            "text" => "/name".to_string(),
            t => format!("/{t}"),
        };
        Some(format!("{}{tail}", o.path))
    });
    match place {
        Some(p) => e.at(p),
        None => e.at(format!("/schools/{school}")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // ok: a test
mod tests {
    use super::*;
    use crate::message::Msg;
    use crate::{Error, ErrorCode};

    fn refusal(path: &str) -> Error {
        Error::of(ErrorCode::InvalidValue, Msg::Negative { what: "mix".into() }).at(path)
    }

    #[test]
    fn a_refusal_of_a_schools_mix_is_placed_at_the_activity_in_the_dataset_or_at_the_schools_index() {
        let origins = [
            MixOrigin { path: "/collective_plans/2/themes/0/activities/1".into(), cost: "cost" },
            MixOrigin { path: "/employees/7/personal_plans/0/activities/3".into(), cost: "money" },
        ];
        let at = |path: &str| mix_refusal_at(refusal(path), &origins, 4).path().to_string();
        assert_eq!(at("/activities/0"), "/collective_plans/2/themes/0/activities/1");
        assert_eq!(at("/activities/0/cost"), "/collective_plans/2/themes/0/activities/1/cost");
        assert_eq!(at("/activities/1/cost"), "/employees/7/personal_plans/0/activities/3/money");
        assert_eq!(at("/activities/1/hours"), "/employees/7/personal_plans/0/activities/3/hours");
        assert_eq!(at("/activities/1/text"), "/employees/7/personal_plans/0/activities/3/name");
        // The whole list, or an activity the mix did not get from the dataset: the school by index.
        assert_eq!(at("/activities"), "/schools/4");
        assert_eq!(at("/activities/9"), "/schools/4");
        assert_eq!(at(""), "/schools/4");
    }
}
