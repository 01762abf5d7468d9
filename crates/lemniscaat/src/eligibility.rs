//! Education-level rules of the personal plan: EVC (17.3 lid 3) and startkwalificatie
//! (17.3 lid 4), per rule set.
//!
//! ```
//! use lemniscaat::eligibility::{eligibility, EligibilityInput};
//! let input: EligibilityInput = serde_json::from_str(r#"{"school_year":"2014-2015",
//!   "education_level":"mbo3","last_evc":"2011-03-01","as_of":"2015-01-01"}"#).unwrap();
//! let e = eligibility(&input).unwrap();
//! assert!(!e.evc);
//! assert_eq!(e.evc_next_date.unwrap().to_string(), "2016-03-01");
//! assert!(!e.startkwalificatie);
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::explain::{Source, Step, Unit};
use crate::message::Msg;
use crate::people::EducationLevel;
use crate::rules::{Mode, RuleBook};
use crate::time::{self, SchoolYear};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The input of [`eligibility`] (the shape of `eligibility.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EligibilityInput {
    /// The school year whose rule set applies (default: the one containing `as_of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_year: Option<SchoolYear>,
    /// Pin a rule set by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<String>,
    /// The employee's education level.
    pub education_level: EducationLevel,
    /// The date of the last EVC-traject, if any.
    #[serde(
        default,
        serialize_with = "time::opt_date::serialize",
        deserialize_with = "time::opt_date::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_evc: Option<NaiveDate>,
    /// The date of the question.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub as_of: NaiveDate,
}

/// The answer of [`eligibility`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Eligibility {
    /// The rule set applied.
    pub rule_set: Arc<str>,
    /// May follow an EVC-traject now.
    pub evc: bool,
    /// When a repeat becomes possible (last EVC + the repeat interval), for an eligible level.
    #[serde(serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    pub evc_next_date: Option<NaiveDate>,
    /// Entitled to a startkwalificatie at the employer's cost.
    pub startkwalificatie: bool,
    /// Why.
    pub explanation: Vec<Step>,
}

/// Answers the EVC and startkwalificatie questions with the built-in rule sets.
pub fn eligibility(input: &EligibilityInput) -> Result<Eligibility> {
    eligibility_with(RuleBook::builtin(), input)
}

/// Answers the EVC and startkwalificatie questions with a given rule book.
pub fn eligibility_with(book: &RuleBook, input: &EligibilityInput) -> Result<Eligibility> {
    let sy = input.school_year.unwrap_or_else(|| SchoolYear::containing(input.as_of));
    let (rs, _) = book.select(sy, input.rule_set.as_deref(), Mode::Lenient).map_err(|e| e.at("/school_year"))?;
    let evc = &rs.parameters.evc;
    let sk = &rs.parameters.startkwalificatie;
    let level = input.education_level;
    let level_ok = level <= evc.value.max_level;
    let next = match (level_ok, input.last_evc) {
        (true, Some(d)) => Some(
            time::add_years(d, evc.value.repeat_years as i32)
                .ok_or_else(|| Error::of(ErrorCode::InvalidDate, Msg::DateOutOfRange { what: "repeat".into() }).at("/last_evc"))?,
        ),
        _ => None,
    };
    let evc_now = level_ok && next.is_none_or(|n| input.as_of >= n);
    let startkwalificatie = level < sk.value.below_level;
    let mut explanation = vec![Step {
        step: "evc_level".into(),
        amount: "evc".into(),
        value: None,
        unit: Unit::None,
        message: Msg::EvcLevel { max_level: evc.value.max_level, level },
        source: Source::rule(rs, evc),
    }];
    if let (Some(last), Some(n)) = (input.last_evc, next) {
        explanation.push(Step {
            step: "evc_repeat".into(),
            amount: "evc".into(),
            value: Some(evc.value.repeat_years.into()),
            unit: Unit::None,
            message: Msg::EvcRepeat { last, years: evc.value.repeat_years, from: n },
            source: Source::rule(rs, evc),
        });
    }
    explanation.push(Step {
        step: "startkwalificatie".into(),
        amount: "startkwalificatie".into(),
        value: None,
        unit: Unit::None,
        message: Msg::StartkwalificatieLevel { below: sk.value.below_level, level },
        source: Source::rule(rs, sk),
    });
    Ok(Eligibility { rule_set: rs.id.clone(), evc: evc_now, evc_next_date: next, startkwalificatie, explanation })
}
