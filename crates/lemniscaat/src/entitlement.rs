//! The personal entitlement (basisrecht) per employee and school year, art. 17.4 and 17.5
//! (2014 numbering; 16.4 and 16.5 from 2018), with the extra buckets of later rule sets.
//!
//! Per appointment segment: base of the category x wtf (art. 6.1 lid 2) x share of the school
//! year, summed exactly over the segments and rounded once at the end, per unit:
//!
//! ```
//! use lemniscaat::{entitlement, EntitlementInput};
//! let input: EntitlementInput = serde_json::from_str(r#"{
//!   "school_year": "2014-2015",
//!   "appointments": [{"category":"teacher","wtf":"0.6","start":"2010-08-01","end":null}]
//! }"#).unwrap();
//! let e = entitlement(&input).unwrap();
//! assert_eq!((e.hours.to_string(), e.money.to_string()), ("49.80".into(), "360.00".into()));
//! let cites = e.explanation.unwrap().citations();
//! assert!(cites.iter().any(|c| c == "cao-vo-2014-2015 art. 17.4 lid 1"));
//! assert!(cites.iter().any(|c| c.starts_with("interpretation:parties-intent")));
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::explain::{Explanation, Receipt, Source, Step, Unit};
use crate::finding::{Finding, FindingCode, FindingSource};

use crate::message::Msg;
use crate::num::Ratio;
use crate::options::{Options, TemporalProRata};
use crate::people::{first_overlap_above_full_time, Appointment, Category};
use crate::rules::{Bilingual, BucketCondition, ExtraBucket, Information, ProRataReading, RuleBook, RuleSet, Selection};
use crate::time::{DateRange, SchoolYear};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

/// The input of [`entitlement`]: one employee, one school year (the shape of `entitlement.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EntitlementInput {
    /// The school year.
    pub school_year: SchoolYear,
    /// The employee's appointments (any order; those outside the school year count zero).
    pub appointments: Vec<Appointment>,
    /// Pin a rule set by id instead of selecting it by date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// Interpretation and policy options.
    #[serde(default)]
    pub options: Options,
    /// The employee's current personal plan asks for the support-staff extension (2023-2024 on).
    #[serde(default)]
    pub support_extension_plan: bool,
    /// Build the explanation and receipt (default true; batch callers may switch it off).
    #[serde(default = "yes")]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

impl EntitlementInput {
    /// An input with default options.
    pub fn new(school_year: SchoolYear, appointments: Vec<Appointment>) -> EntitlementInput {
        EntitlementInput {
            school_year,
            appointments,
            rule_set: None,
            options: Options::default(),
            support_extension_plan: false,
            explain: true,
        }
    }
}

/// The hours and money of one extra bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BucketAmount {
    /// The bucket id, e.g. `earmarked-basic-skills`.
    pub bucket: String,
    /// Hours.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub hours: Decimal,
    /// Money.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub money: Decimal,
    /// The earmarked purpose, if any.
    pub purpose: Option<String>,
    /// A label.
    pub label: Bilingual,
}

/// The entitlement of one employee in one school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entitlement {
    /// The school year.
    pub school_year: SchoolYear,
    /// The rule set applied.
    pub rule_set: Arc<str>,
    /// Hours of the free basisrecht.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub hours: Decimal,
    /// Money of the free basisrecht.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub money: Decimal,
    /// Extra buckets (earmarked or conditional).
    pub extra: Vec<BucketAmount>,
    /// The reading of pro rata by wtf applied.
    pub pro_rata: ProRataReading,
    /// Warnings: `WTF_ABOVE_FULL_TIME`, `RULES_OUT_OF_RANGE`.
    pub warnings: Vec<Finding>,
    /// Information of the rule set that concerns the employee (e.g. the induction programme).
    pub information: Vec<Information>,
    /// The explanation, when asked for.
    pub explanation: Option<Explanation>,
    /// The receipt, when an explanation was asked for.
    pub receipt: Option<Receipt>,
}

/// Computes the entitlement with the built-in rule sets.
pub fn entitlement(input: &EntitlementInput) -> Result<Entitlement> {
    entitlement_with(RuleBook::builtin(), input)
}

/// Computes the entitlement with a given rule book.
pub fn entitlement_with(book: &RuleBook, input: &EntitlementInput) -> Result<Entitlement> {
    input.options.check("/options")?;
    for (i, a) in input.appointments.iter().enumerate() {
        a.check().map_err(|e| e.within(&format!("/appointments/{i}")))?;
    }
    let (rs, choice) = book.choose(input.school_year, input.rule_set.as_deref(), input.options.mode).map_err(|e| {
        if input.rule_set.is_some() && e.code() == ErrorCode::UnknownRuleSet {
            e.at("/rule_set")
        } else {
            e.at("/school_year")
        }
    })?;
    let raw = compute(rs, &input.options, input.school_year, &input.appointments, input.support_extension_plan)?;
    let r = input.options.rounding;
    let mut extra = Vec::with_capacity(raw.extra.len());
    for (b, h, m) in &raw.extra {
        extra.push(BucketAmount {
            bucket: b.id.clone(),
            hours: h.round(r.hours)?,
            money: m.round(r.money)?,
            purpose: b.purpose.clone(),
            label: b.label.clone(),
        });
    }
    let mut warnings = Vec::new();
    let out_of_range = choice == crate::rules::Choice::OutOfRange;
    let sel = (out_of_range || input.explain).then(|| book.describe(rs, input.school_year, choice));
    if let (true, Some(sel)) = (out_of_range, &sel) {
        warnings.push(
            Finding::of(
                FindingCode::RulesOutOfRange,
                FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() },
                "/school_year",
                sel.message_again(),
            )
            .with("school_year", input.school_year.to_string()),
        );
    }
    let year = input.school_year.range();
    let in_year = |a: &&Appointment| a.range().days_within(&year) > 0;
    let overlap = if input.appointments.len() > 1 {
        let v: Vec<Appointment> = input.appointments.iter().filter(in_year).cloned().collect();
        first_overlap_above_full_time(&v)
    } else {
        None
    };
    if let Some((day, sum)) = overlap {
        warnings.push(wtf_above_full_time(rs, "/appointments".into(), None, day, sum));
    }
    let categories: Vec<Category> =
        if rs.information.is_empty() { Vec::new() } else { input.appointments.iter().filter(in_year).map(|a| a.category).collect() };
    let information = rs
        .information
        .iter()
        .filter(|i| i.from_school_year.is_none_or(|f| input.school_year >= f) && i.category.is_none_or(|c| categories.contains(&c)))
        .cloned()
        .collect();
    let (explanation, receipt) = if let (true, Some(sel)) = (input.explain, sel) {
        let ex = explain(rs, sel, &input.options, input.school_year, &input.appointments, &raw)?;
        let receipt = Receipt::new(rs, input.options.receipt_map(raw.reading, None), None, input);
        (Some(ex), Some(receipt))
    } else {
        (None, None)
    };
    Ok(Entitlement {
        school_year: input.school_year,
        rule_set: rs.id.clone(),
        hours: raw.hours.round(r.hours)?,
        money: raw.money.round(r.money)?,
        extra,
        pro_rata: raw.reading,
        warnings,
        information,
        explanation,
        receipt,
    })
}

/// The exact, unrounded amounts of the free basisrecht: for callers that aggregate before
/// rounding, and for checking that splitting an appointment changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExactAmounts {
    /// Hours, exact.
    pub hours: Ratio,
    /// Money, exact.
    pub money: Ratio,
}

/// The exact amounts of the free basisrecht, before the one rounding.
///
/// ```
/// use lemniscaat::{entitlement::entitlement_exact, EntitlementInput};
/// let input: EntitlementInput = serde_json::from_str(r#"{"school_year":"2014-2015",
///   "appointments":[{"category":"teacher","wtf":"1","start":"2015-02-01","end":null}]}"#).unwrap();
/// let x = entitlement_exact(&input).unwrap();
/// assert_eq!((x.hours.numerator().to_string(), x.hours.denominator()), ("15023".into(), 365));
/// ```
pub fn entitlement_exact(input: &EntitlementInput) -> Result<ExactAmounts> {
    let book = RuleBook::builtin();
    input.options.check("/options")?;
    for (i, a) in input.appointments.iter().enumerate() {
        a.check().map_err(|e| e.within(&format!("/appointments/{i}")))?;
    }
    let (rs, _) = book.select(input.school_year, input.rule_set.as_deref(), input.options.mode)?;
    let raw = compute(rs, &input.options, input.school_year, &input.appointments, input.support_extension_plan)?;
    Ok(ExactAmounts { hours: raw.hours, money: raw.money })
}

/// The exact, unrounded amounts of one employee-year.
#[derive(Debug, Clone)]
pub(crate) struct Raw<'a> {
    pub reading: ProRataReading,
    pub reading_requested_but_not_allowed: bool,
    pub hours: Ratio,
    pub money: Ratio,
    pub extra: Vec<(&'a ExtraBucket, Ratio, Ratio)>,
}

/// The reading of pro rata by wtf that applies: the caller's when the rule set allows it.
pub(crate) fn reading(rs: &RuleSet, options: &Options) -> (ProRataReading, bool) {
    let pr = &rs.parameters.pro_rata.value;
    match options.pro_rata_2014 {
        Some(r) if pr.interpretations.contains(&r) => (r, false),
        Some(_) => (pr.default, true),
        None => (pr.default, false),
    }
}

/// The base of a category for the free basisrecht: `(hours, money)`.
pub(crate) fn free_base(rs: &RuleSet, options: &Options, c: Category) -> (Decimal, Decimal) {
    match (c, options.management_base) {
        (Category::Management, Some(mb)) => (mb.hours, mb.money),
        _ => (rs.parameters.base_hours(c).value, rs.parameters.base_money(c).value),
    }
}

/// Whether an extra bucket applies to this employee-year.
pub(crate) fn bucket_applies(b: &ExtraBucket, sy: SchoolYear, support_extension_plan: bool) -> bool {
    sy >= b.from_school_year && (b.condition == BucketCondition::None || support_extension_plan)
}

/// `WTF_ABOVE_FULL_TIME` (art. 6.1 lid 2): concurrent appointments of one person sum to more
/// than a full-time wtf on `day`. `who` names the employee in a board's validation; without it
/// the finding is an entitlement's warning, computed as given.
pub(crate) fn wtf_above_full_time(rs: &RuleSet, path: String, who: Option<&str>, day: NaiveDate, sum: Decimal) -> Finding {
    Finding::of(
        FindingCode::WtfAboveFullTime,
        FindingSource::param(rs, &rs.parameters.pro_rata),
        path,
        Msg::WtfAboveFullTime { employee: who.map(str::to_string), wtf: sum, day },
    )
    .with("date", day.to_string())
    .with("wtf", sum.to_string())
}

pub(crate) fn compute<'a>(
    rs: &'a RuleSet,
    options: &Options,
    sy: SchoolYear,
    apps: &[Appointment],
    support_extension_plan: bool,
) -> Result<Raw<'a>> {
    let (reading, not_allowed) = reading(rs, options);
    let t = options.temporal_pro_rata;
    let stats = CategoryStats::of(sy, apps)?;
    let free = |c: Category| free_base(rs, options, c);
    let hours = stats.amount(sy, reading, t, |c| free(c).0)?;
    let money = stats.amount(sy, reading, t, |c| free(c).1)?;
    let mut extra = Vec::new();
    for b in &rs.parameters.extra_buckets {
        if !bucket_applies(b, sy, support_extension_plan) {
            continue;
        }
        let (h, m) = if b.pro_rata {
            (
                stats.amount(sy, reading, t, |c| if c == b.category { b.hours } else { Decimal::ZERO })?,
                stats.amount(sy, reading, t, |c| if c == b.category { b.money } else { Decimal::ZERO })?,
            )
        } else {
            let has = stats.per[b.category.index()].union_days > 0;
            (Ratio::from(if has { b.hours } else { Decimal::ZERO }), Ratio::from(if has { b.money } else { Decimal::ZERO }))
        };
        // A bucket for a category the employee does not hold in the year is not listed.
        if stats.per[b.category.index()].union_days > 0 {
            extra.push((b, h, m));
        }
    }
    Ok(Raw { reading, reading_requested_but_not_allowed: not_allowed, hours, money, extra })
}

fn overflow() -> Error {
    Error::of(ErrorCode::LimitExceeded, crate::message::Msg::TooLarge {})
}

/// Per category: the sums the three temporal options need.
#[derive(Debug, Default, Clone)]
struct PerCategory {
    /// Sum of wtf x days inside the school year.
    wtf_days: Decimal,
    /// Sum of wtf x covered months.
    wtf_months: Decimal,
    /// Days with at least one appointment of the category.
    union_days: u32,
    /// Months whose 1st has at least one appointment of the category.
    union_months: u32,
}

struct CategoryStats {
    per: [PerCategory; 3],
}

fn month_index(d: NaiveDate) -> i64 {
    d.year() as i64 * 12 + d.month0() as i64
}

/// Months of an inclusive range whose 1st lies inside it.
fn months_covering_first(r: &DateRange) -> u32 {
    let (Some(end), start) = (r.end(), r.start()) else {
        return 0;
    };
    let first = month_index(start) + if start.day() == 1 { 0 } else { 1 };
    let last = month_index(end);
    (last - first + 1).max(0) as u32
}

impl CategoryStats {
    fn of(sy: SchoolYear, apps: &[Appointment]) -> Result<CategoryStats> {
        let year = sy.range();
        let mut per: [PerCategory; 3] = Default::default();
        // One segment per category needs no merging (and no allocation); more are merged.
        let mut single: [Option<DateRange>; 3] = [None; 3];
        let mut clipped: [Vec<DateRange>; 3] = Default::default();
        for a in apps {
            let Some(seg) = a.range().intersect(&year) else {
                continue;
            };
            let days = seg.days_within(&year);
            if days == 0 {
                continue;
            }
            let p = &mut per[a.category.index()];
            let w = a.wtf.value();
            p.wtf_days = crate::num::mul(w, Decimal::from(days)).and_then(|x| crate::num::add(x, p.wtf_days)).ok_or_else(overflow)?;
            p.wtf_months = crate::num::mul(w, Decimal::from(months_covering_first(&seg)))
                .and_then(|x| crate::num::add(x, p.wtf_months))
                .ok_or_else(overflow)?;
            let c = a.category.index();
            if single[c].is_none() && clipped[c].is_empty() {
                single[c] = Some(seg);
            } else {
                if let Some(first) = single[c].take() {
                    clipped[c].push(first);
                }
                clipped[c].push(seg);
            }
        }
        for (i, one) in single.iter().enumerate() {
            if let Some(seg) = one {
                per[i].union_days = seg.days_within(&year);
                per[i].union_months = months_covering_first(seg);
            }
        }
        for (i, segs) in clipped.iter_mut().enumerate() {
            if segs.is_empty() {
                continue;
            }
            segs.sort_by_key(|s| s.start());
            let mut merged: Vec<DateRange> = Vec::with_capacity(segs.len());
            for s in segs.iter() {
                match merged.last_mut() {
                    Some(last) if last.end().and_then(|e| e.succ_opt()).is_some_and(|next| s.start() <= next) => {
                        let end = last.end().max(s.end());
                        *last = DateRange::new(last.start(), end)?;
                    }
                    _ => merged.push(*s),
                }
            }
            per[i].union_days = merged.iter().map(|r| r.days_within(&year)).sum();
            per[i].union_months = merged.iter().map(months_covering_first).sum();
        }
        Ok(CategoryStats { per })
    }

    /// The exact amount for a base per category.
    fn amount(&self, sy: SchoolYear, reading: ProRataReading, t: TemporalProRata, base: impl Fn(Category) -> Decimal) -> Result<Ratio> {
        let mut total = Ratio::ZERO;
        for c in Category::ALL {
            let p = &self.per[c.index()];
            if p.union_days == 0 {
                continue;
            }
            let b = base(c);
            let mul = |x: Decimal| crate::num::mul(b, x).ok_or_else(overflow);
            let part = match (t, reading) {
                (TemporalProRata::CalendarDays, ProRataReading::PartiesIntent) => Ratio::new(mul(p.wtf_days)?, sy.days() as u64)?,
                (TemporalProRata::CalendarDays, ProRataReading::Bezwarencommissie2016) => {
                    Ratio::new(mul(Decimal::from(p.union_days))?, sy.days() as u64)?
                }
                (TemporalProRata::WholeMonths, ProRataReading::PartiesIntent) => Ratio::new(mul(p.wtf_months)?, 12)?,
                (TemporalProRata::WholeMonths, ProRataReading::Bezwarencommissie2016) => {
                    Ratio::new(mul(Decimal::from(p.union_months))?, 12)?
                }
                (TemporalProRata::None, ProRataReading::PartiesIntent) => Ratio::new(mul(p.wtf_days)?, p.union_days as u64)?,
                (TemporalProRata::None, ProRataReading::Bezwarencommissie2016) => Ratio::from(b),
            };
            total = total.checked_add(part)?;
        }
        Ok(total)
    }
}

fn unit_of(amount: &str) -> Unit {
    if amount.ends_with("hours") {
        Unit::Hours
    } else {
        Unit::Eur
    }
}

/// Which amount an explanation block is about.
enum Which<'a> {
    Free { hours: bool },
    Extra { bucket: &'a ExtraBucket, hours: bool },
}

/// The base of a category for an amount, with its source; `None` when the amount does not concern
/// the category.
fn base_for(rs: &RuleSet, options: &Options, which: &Which, c: Category) -> Option<(Decimal, Source)> {
    match *which {
        Which::Free { hours } => {
            let (h, m) = free_base(rs, options, c);
            let source = match (c, options.management_base) {
                (Category::Management, Some(mb)) => Source::policy("management_base", mb.describe(), false),
                _ => Source::rule(rs, rs.parameters.base(c, hours)),
            };
            Some((if hours { h } else { m }, source))
        }
        Which::Extra { bucket, hours } => {
            (c == bucket.category).then(|| (if hours { bucket.hours } else { bucket.money }, Source::bucket(rs, bucket)))
        }
    }
}

/// Builds the explanation of a computed entitlement.
fn explain(rs: &RuleSet, selection: Selection, options: &Options, sy: SchoolYear, apps: &[Appointment], raw: &Raw) -> Result<Explanation> {
    // One step for the rule set, then per amount a base per category, two per appointment, a sum
    // and a rounding.
    let mut steps = Vec::with_capacity(2 + (2 + 2 * raw.extra.len()) * (3 * apps.len() + 3));
    steps.push(Step {
        step: "rule_set".into(),
        amount: "".into(),
        value: None,
        unit: Unit::None,
        message: Msg::RuleSetChosen { rule_set: rs.id.clone(), selection: Box::new(selection.message_again()) },
        source: Source::Rule {
            rule_set: rs.id.clone(),
            article: None,
            lid: None,
            confidence: rs.in_force_from.provenance.confidence,
            article_confidence: None,
            document: rs.in_force_from.provenance.source.clone(),
        },
    });
    let pr = &rs.parameters.pro_rata;
    let wtf_source = if pr.value.interpretations.len() > 1 {
        let doc = match raw.reading {
            ProRataReading::PartiesIntent => pr.provenance.source.clone(),
            ProRataReading::Bezwarencommissie2016 => "bezwarencommissie-cao-vo-2016".into(),
        };
        Source::Interpretation {
            id: raw.reading.as_str().into(),
            rule_set: rs.id.clone(),
            article: pr.article.clone(),
            lid: pr.lid.clone(),
            document: doc,
        }
    } else {
        Source::rule(rs, pr)
    };
    if raw.reading_requested_but_not_allowed {
        steps.push(Step {
            step: "interpretation".into(),
            amount: "".into(),
            value: None,
            unit: Unit::None,
            message: Msg::ReadingNotApplicable { rule_set: rs.id.clone(), reading: raw.reading },
            source: Source::rule(rs, pr),
        });
    }
    let t = options.temporal_pro_rata;
    let t_source = Source::policy("temporal_pro_rata", t.as_str(), t == TemporalProRata::default());
    let year = sy.range();
    let mut amounts: Vec<(Cow<'static, str>, Ratio, crate::num::Rounding, Which)> = vec![
        ("hours".into(), raw.hours, options.rounding.hours, Which::Free { hours: true }),
        ("money".into(), raw.money, options.rounding.money, Which::Free { hours: false }),
    ];
    for (b, h, m) in &raw.extra {
        amounts.push((format!("{}/hours", b.id).into(), *h, options.rounding.hours, Which::Extra { bucket: b, hours: true }));
        amounts.push((format!("{}/money", b.id).into(), *m, options.rounding.money, Which::Extra { bucket: b, hours: false }));
    }
    for (amount, exact, rounding, which) in amounts {
        let unit = unit_of(&amount);
        let mut seen = [false; 3];
        for (i, a) in apps.iter().enumerate() {
            let Some((b, bsrc)) = base_for(rs, options, &which, a.category) else {
                continue;
            };
            let days = a.range().days_within(&year);
            if days == 0 {
                continue;
            }
            if !seen[a.category.index()] {
                seen[a.category.index()] = true;
                steps.push(Step {
                    step: "base".into(),
                    amount: amount.clone(),
                    value: Some(b),
                    unit,
                    message: Msg::Base { category: a.category, no_basisrecht: a.category == Category::Management && b.is_zero() },
                    source: bsrc,
                });
            }
            let wtf_applied = raw.reading == ProRataReading::PartiesIntent;
            steps.push(Step {
                step: "wtf".into(),
                amount: amount.clone(),
                value: Some(if wtf_applied { a.wtf.value() } else { Decimal::ONE }),
                unit: Unit::Factor,
                message: if wtf_applied {
                    Msg::WtfApplied { appointment: i, wtf: a.wtf.value() }
                } else {
                    Msg::WtfNotApplied { appointment: i, wtf: a.wtf.value() }
                },
                source: wtf_source.clone(),
            });
            let seg = a.range().intersect(&year);
            let (tv, tu, message) = match t {
                TemporalProRata::CalendarDays => {
                    (Decimal::from(days), Unit::Days, Msg::TimeDays { appointment: i, days, year_days: sy.days(), school_year: sy })
                }
                TemporalProRata::WholeMonths => {
                    let months = seg.as_ref().map(months_covering_first).unwrap_or(0);
                    (Decimal::from(months), Unit::Months, Msg::TimeMonths { appointment: i, months, school_year: sy })
                }
                TemporalProRata::None => (Decimal::from(days), Unit::Days, Msg::TimeEmployed { appointment: i, days }),
            };
            steps.push(Step { step: "time".into(), amount: amount.clone(), value: Some(tv), unit: tu, message, source: t_source.clone() });
        }
        steps.push(Step {
            step: "sum".into(),
            amount: amount.clone(),
            value: Some(exact.approx().round_dp(6)),
            unit,
            message: Msg::ExactSum { numerator: exact.numerator().normalize(), denominator: Decimal::from(exact.denominator()) },
            source: Source::Computation,
        });
        let value = exact.round(rounding)?;
        steps.push(Step {
            step: "rounding".into(),
            amount: amount.clone(),
            value: Some(value),
            unit,
            message: Msg::RoundedOnce { decimals: rounding.decimals, mode: rounding.mode },
            source: Source::policy("rounding", rounding.policy_value(), rounding == crate::num::Rounding::default()),
        });
    }
    Ok(Explanation { selection, steps })
}
