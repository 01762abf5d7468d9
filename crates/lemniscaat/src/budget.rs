//! The collective level in money: the 10% rule (17.2 lid 1; 16.2 lid 1 from 2018).
//!
//! Each year at least 10% of the personele lumpsum is spent on professionalisation, in time and
//! money. How time is valued is **not** defined by the CAO: the library values a time line at its
//! own hourly cost, or at the default hourly cost (annual salary cost / normjaartaak of 1659
//! hours), and says so in the explanation.
//!
//! ```
//! use lemniscaat::budget::{lumpsum, LumpsumInput};
//! let input: LumpsumInput = serde_json::from_str(r#"{"year":2015,"personele_lumpsum":"1000000",
//!   "lines":[{"category":"fees","money":"40000"},{"category":"time","hours":"600","hourly_cost":"50"}]}"#).unwrap();
//! let r = lumpsum(&input).unwrap();
//! assert_eq!(r.total.to_string(), "70000.00");
//! assert_eq!(r.share.to_string(), "0.0700");
//! assert!(!r.compliant);
//! assert_eq!(r.shortfall.to_string(), "30000.00");
//! assert_eq!(r.per_category["time"].to_string(), "30000.00");
//! // In JSON every amount is a decimal string.
//! let json = serde_json::to_value(&r).unwrap();
//! assert_eq!(json["per_category"]["fees"], "40000.00");
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::explain::{Source, Step, Unit};
use crate::finding::{Finding, FindingCode, FindingSource};

use crate::message::Msg;
use crate::num::{Rounding, RoundingMode};
use crate::rules::{Mode, RuleBook};
use crate::time::SchoolYear;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A spending category of the 10% rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpendingCategory {
    /// Course and tuition fees.
    Fees,
    /// Trainers and coaches.
    Trainers,
    /// Travel.
    Travel,
    /// Location and catering.
    Location,
    /// Materials.
    Materials,
    /// General costs (an e-learning licence, external support for writing the kaders).
    General,
    /// Replacement of staff in training.
    Replacement,
    /// Time: hours valued at an hourly cost.
    Time,
}

impl SpendingCategory {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            SpendingCategory::Fees => "fees",
            SpendingCategory::Trainers => "trainers",
            SpendingCategory::Travel => "travel",
            SpendingCategory::Location => "location",
            SpendingCategory::Materials => "materials",
            SpendingCategory::General => "general",
            SpendingCategory::Replacement => "replacement",
            SpendingCategory::Time => "time",
        }
    }
}

/// One spending line: money, or (for `time`) hours with an hourly cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendingLine {
    /// The category.
    pub category: SpendingCategory,
    /// Money spent.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub money: Option<Decimal>,
    /// Hours (time lines).
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub hours: Option<Decimal>,
    /// The hourly cost of those hours.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub hourly_cost: Option<Decimal>,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The period of the 10% rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// The financial (calendar) year (default).
    #[default]
    FinancialYear,
    /// The school year starting in August of `year`.
    SchoolYear,
}

/// The input of [`lumpsum`] (the shape of `lumpsum.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LumpsumInput {
    /// The financial year (or the start year of the school year, with `period: school-year`).
    pub year: i32,
    /// The personele lumpsum in euros.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub personele_lumpsum: Decimal,
    /// Spending lines.
    pub lines: Vec<SpendingLine>,
    /// The hourly cost for time lines without their own.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_hourly_cost: Option<Decimal>,
    /// Financial year (default) or school year.
    #[serde(default)]
    pub period: Period,
    /// Pin a rule set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
}

/// The answer of [`lumpsum`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LumpsumResult {
    /// The rule set applied.
    pub rule_set: Arc<str>,
    /// Total spent (money and valued time), in euros rounded to the cent.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub total: Decimal,
    /// Total / personele lumpsum, 4 decimals half-up.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub share: Decimal,
    /// The minimum share (10%).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub minimum_share: Decimal,
    /// At least the minimum share was spent.
    pub compliant: bool,
    /// What is missing to the minimum, in euros rounded to the cent (0.00 when compliant).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub shortfall: Decimal,
    /// Totals per category, in euros rounded to the cent.
    #[serde(serialize_with = "crate::num::dec_map::serialize", deserialize_with = "crate::num::dec_map::deserialize")]
    pub per_category: BTreeMap<String, Decimal>,
    /// `LUMPSUM_BELOW_10_PERCENT` when not compliant.
    pub findings: Vec<Finding>,
    /// Why.
    pub explanation: Vec<Step>,
}

/// The 10% rule with the built-in rule sets.
pub fn lumpsum(input: &LumpsumInput) -> Result<LumpsumResult> {
    lumpsum_with(RuleBook::builtin(), input)
}

fn cents() -> Rounding {
    Rounding { decimals: 2, mode: RoundingMode::HalfUp }
}

/// The 10% rule with a given rule book. The rule set is the one in force for the school year that
/// contains 1 January of the financial year (or the school year itself).
pub fn lumpsum_with(book: &RuleBook, input: &LumpsumInput) -> Result<LumpsumResult> {
    if input.personele_lumpsum <= Decimal::ZERO {
        return Err(Error::of(ErrorCode::InvalidValue, Msg::LumpsumNotPositive {}).at("/personele_lumpsum"));
    }
    let sy = match input.period {
        Period::FinancialYear => chrono::NaiveDate::from_ymd_opt(input.year, 1, 1).map(SchoolYear::containing),
        Period::SchoolYear => SchoolYear::new(input.year).ok(),
    }
    .ok_or_else(|| Error::of(ErrorCode::InvalidValue, Msg::YearOutOfRange { year: input.year }).at("/year"))?;
    let (rs, _) = book.select(sy, input.rule_set.as_deref(), Mode::Lenient).map_err(|e| e.at("/year"))?;
    let mut per: BTreeMap<SpendingCategory, Decimal> = BTreeMap::new();
    let mut total = Decimal::ZERO;
    let mut explanation = Vec::new();
    let overflow = || Error::of(ErrorCode::LimitExceeded, Msg::TooLarge {});
    for (i, l) in input.lines.iter().enumerate() {
        let at = |f: &str| format!("/lines/{i}/{f}");
        let value = match (l.category, l.money, l.hours) {
            (_, Some(m), None) => m,
            (SpendingCategory::Time, None, Some(h)) => {
                let cost = l
                    .hourly_cost
                    .or(input.default_hourly_cost)
                    .ok_or_else(|| Error::of(ErrorCode::MissingField, Msg::NoHourlyCost {}).at(at("hourly_cost")))?;
                let value = crate::num::mul(h, cost).ok_or_else(overflow)?;
                explanation.push(Step {
                    step: "time_valued".into(),
                    amount: format!("lines/{i}").into(),
                    value: Some(value),
                    unit: Unit::Eur,
                    message: Msg::TimeValued { hours: h, hourly_cost: cost, cost: value },
                    source: Source::policy(
                        "time_valuation",
                        if l.hourly_cost.is_some() { "line-hourly-cost" } else { "default-hourly-cost" },
                        l.hourly_cost.is_some(),
                    ),
                });
                value
            }
            (_, Some(_), Some(_)) => {
                return Err(Error::of(ErrorCode::InvalidValue, Msg::MoneyAndHours {}).at(at("hours")));
            }
            (SpendingCategory::Time, None, None) => {
                return Err(Error::of(ErrorCode::MissingField, Msg::NoHours {}).at(at("hours")));
            }
            (_, None, _) => {
                return Err(Error::of(ErrorCode::MissingField, Msg::NoMoney {}).at(at("money")));
            }
        };
        if value < Decimal::ZERO {
            return Err(Error::of(ErrorCode::InvalidValue, Msg::Negative { what: "spending".into() }).at(at("money")));
        }
        *per.entry(l.category).or_default() += value;
        total = crate::num::add(total, value).ok_or_else(overflow)?;
    }
    let min = rs.parameters.collective_min_share.value;
    let needed = crate::num::mul(min, input.personele_lumpsum).ok_or_else(overflow)?;
    let compliant = total >= needed;
    // total / lumpsum, rounded to 4 decimals half-up (28 significant digits before rounding).
    let q = total.checked_div(input.personele_lumpsum).ok_or_else(overflow)?;
    let share = Rounding { decimals: 4, mode: RoundingMode::HalfUp }.round(q);
    let shortfall = if compliant { Decimal::ZERO } else { needed - total };
    let shortfall = cents().round(shortfall);
    let total_c = cents().round(total);
    let src = Source::rule(rs, &rs.parameters.collective_min_share);
    explanation.push(Step {
        step: "share".into(),
        amount: "share".into(),
        value: Some(share),
        unit: Unit::Factor,
        message: Msg::LumpsumShare { spent: total_c, lumpsum: input.personele_lumpsum, minimum: min },
        source: src,
    });
    let mut findings = Vec::new();
    if !compliant {
        findings.push(
            Finding::of(
                FindingCode::LumpsumBelow10Percent,
                FindingSource::param(rs, &rs.parameters.collective_min_share),
                "/lumpsum",
                Msg::LumpsumBelowMinimum { year: input.year, share, minimum: min, shortfall },
            )
            .with("share", share.to_string())
            .with("shortfall", shortfall.to_string())
            .with("total", total_c.to_string()),
        );
    }
    Ok(LumpsumResult {
        rule_set: rs.id.clone(),
        total: total_c,
        share,
        minimum_share: min,
        compliant,
        shortfall,
        per_category: per.into_iter().map(|(k, v)| (k.as_str().to_string(), cents().round(v))).collect(),
        findings,
        explanation,
    })
}
