//! Explanations and receipts: every number the library computes says how it came about.
//!
//! An [`Explanation`] is an ordered list of [`Step`]s, each with its value, unit and [`Source`]
//! (a rule set article and lid, a policy option, an interpretation, or the input). A [`Receipt`]
//! names the library version, the rule set and a hash of its parameters, the options in force and
//! a hash of the input, so that a figure can be reproduced exactly years later.

use crate::locale::Lang;
use crate::message::Msg;
use crate::rules::{Confidence, Param, RuleSet, Selection};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The unit of a step's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Clock hours (klokuren).
    Hours,
    /// Euros.
    Eur,
    /// A dimensionless factor (wtf, share of a year).
    Factor,
    /// Days.
    Days,
    /// Months.
    Months,
    /// No value.
    None,
}

/// Where a step's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A rule of a rule set: article and lid in that rule set's numbering.
    Rule {
        /// Rule set id.
        rule_set: Arc<str>,
        /// Article, e.g. `17.4`.
        article: Option<Arc<str>>,
        /// Lid, e.g. `1`.
        lid: Option<Arc<str>>,
        /// Confidence of the value.
        confidence: Confidence,
        /// Confidence of the article number, where it is weaker than the value's (a stated amount
        /// under an article number inferred by analogy).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        article_confidence: Option<Confidence>,
        /// Id of the source document.
        document: Arc<str>,
    },
    /// A policy option of the library (`policy:<option>=<value>`), where the CAO is silent.
    Policy {
        /// Option name, e.g. `temporal_pro_rata`.
        option: Cow<'static, str>,
        /// Its value, e.g. `calendar-days`.
        value: Cow<'static, str>,
        /// Whether it is the library's default.
        default: bool,
    },
    /// An interpretation of a disputed rule.
    Interpretation {
        /// Interpretation id, e.g. `parties-intent`.
        id: Cow<'static, str>,
        /// Rule set id.
        rule_set: Arc<str>,
        /// Article.
        article: Option<Arc<str>>,
        /// Lid.
        lid: Option<Arc<str>>,
        /// Id of the source document of the reading.
        document: Arc<str>,
    },
    /// A value of the input, at a JSON Pointer path.
    Input {
        /// The path.
        path: Cow<'static, str>,
    },
    /// Arithmetic on earlier steps.
    Computation,
}

impl Source {
    /// The source of a rule set parameter.
    pub fn rule<T>(rs: &RuleSet, p: &Param<T>) -> Source {
        Source::Rule {
            rule_set: rs.id.clone(),
            article: p.article.clone(),
            lid: p.lid.clone(),
            confidence: p.provenance.confidence,
            article_confidence: p.provenance.article_confidence,
            document: p.provenance.source.clone(),
        }
    }

    /// The source of a rule set article reference by key (`lapse`, `consent_hours`, ...).
    pub fn article(rs: &RuleSet, key: &str) -> Source {
        match rs.article(key) {
            Some(a) => Source::Rule {
                rule_set: rs.id.clone(),
                article: Some(a.article.clone()),
                lid: a.lid.clone(),
                confidence: a.provenance.confidence,
                article_confidence: a.provenance.article_confidence,
                document: a.provenance.source.clone(),
            },
            None => Source::Rule {
                rule_set: rs.id.clone(),
                article: None,
                lid: None,
                confidence: Confidence::Inferred,
                article_confidence: None,
                document: "lemniscaat".into(),
            },
        }
    }

    /// The source of an extra bucket of a rule set.
    pub fn bucket(rs: &RuleSet, b: &crate::rules::ExtraBucket) -> Source {
        Source::Rule {
            rule_set: rs.id.clone(),
            article: b.article.clone(),
            lid: b.lid.clone(),
            confidence: b.provenance.confidence,
            article_confidence: b.provenance.article_confidence,
            document: b.provenance.source.clone(),
        }
    }

    /// A policy option (names and values are mostly the library's own static texts, shared
    /// rather than copied).
    pub fn policy(option: impl Into<Cow<'static, str>>, value: impl Into<Cow<'static, str>>, default: bool) -> Source {
        Source::Policy { option: option.into(), value: value.into(), default }
    }

    /// A short citation: `cao-vo-2014-2015 art. 17.4 lid 1`, `policy:rounding=half-up`, ...
    ///
    /// ```
    /// use lemniscaat::explain::Source;
    /// assert_eq!(Source::policy("rounding", "half-up", true).citation(), "policy:rounding=half-up");
    /// ```
    pub fn citation(&self) -> String {
        fn art(a: &Option<Arc<str>>, l: &Option<Arc<str>>) -> String {
            match (a, l) {
                (Some(a), Some(l)) => format!(" art. {a} lid {l}"),
                (Some(a), None) => format!(" art. {a}"),
                _ => String::new(),
            }
        }
        match self {
            Source::Rule { rule_set, article, lid, .. } => format!("{rule_set}{}", art(article, lid)),
            Source::Policy { option, value, .. } => format!("policy:{option}={value}"),
            Source::Interpretation { id, rule_set, article, lid, document } => {
                format!("interpretation:{id} ({rule_set}{}; {document})", art(article, lid))
            }
            Source::Input { path } => format!("input:{path}"),
            Source::Computation => "computation".into(),
        }
    }
}

impl Source {
    /// The source as a person reads it: `CAO VO 2014-2015, art. 17.4 lid 1`, `keuze van
    /// lemniscaat: afronding op 2 decimalen, half naar boven (rekenkundig) (standaard)`, ...; an
    /// inferred article number says so.
    ///
    /// ```
    /// use lemniscaat::explain::Source;
    /// use lemniscaat::locale::Lang;
    /// assert_eq!(Source::policy("rounding", "2:half-up", true).text(Lang::En), "a choice of lemniscaat: rounding to 2 decimals, half up (default)");
    /// ```
    pub fn text(&self, l: Lang) -> String {
        crate::message::source(self, l)
    }
}

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the step is: `base`, `wtf`, `time`, `segment`, `sum`, `rounding`, `rule_set`, ...
    pub step: Cow<'static, str>,
    /// Which amount it belongs to: `hours`, `money`, or a bucket id with the unit
    /// (`earmarked-basic-skills/hours`); empty for steps that concern the whole result.
    pub amount: Cow<'static, str>,
    /// The value, when the step has one.
    pub value: Option<Decimal>,
    /// The unit of the value.
    pub unit: Unit,
    /// What the step says, rendered in a language only when asked ([`Step::text`]).
    pub message: Msg,
    /// Where the value comes from.
    pub source: Source,
}

impl Step {
    /// The step's text in `l`.
    pub fn text(&self, l: Lang) -> String {
        self.message.render(l)
    }
}

/// A step as JSON: its texts in both languages beside the message's id and arguments.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct StepOut<'a> {
    /// What the step is: `base`, `wtf`, `time`, `segment`, `sum`, `rounding`, `rule_set`, ...
    step: &'a str,
    /// Which amount it belongs to: `hours`, `money`, or a bucket id with the unit
    /// (`earmarked-basic-skills/hours`); empty for steps that concern the whole result.
    amount: &'a str,
    /// The value, when the step has one.
    #[serde(serialize_with = "crate::num::opt_dec::serialize")]
    value: Option<Decimal>,
    /// The unit of the value.
    unit: Unit,
    /// What the step says, in English.
    en: String,
    /// What the step says, in Dutch.
    nl: String,
    /// The message behind both texts: its id and arguments.
    message: &'a Msg,
    /// Where the value comes from.
    source: &'a Source,
}

/// A step read back from JSON: its message, or its texts as a [`Msg::Text`].
#[derive(Deserialize)]
struct StepIn {
    #[serde(default)]
    message: Option<serde_json::Value>,
    step: Cow<'static, str>,
    amount: Cow<'static, str>,
    #[serde(deserialize_with = "crate::num::opt_dec::deserialize")]
    value: Option<Decimal>,
    unit: Unit,
    en: String,
    nl: String,
    source: Source,
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        StepOut {
            step: &self.step,
            amount: &self.amount,
            value: self.value,
            unit: self.unit,
            en: self.message.en(),
            nl: self.message.nl(),
            message: &self.message,
            source: &self.source,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Step {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = StepIn::deserialize(d)?;
        Ok(Step {
            step: w.step,
            amount: w.amount,
            value: w.value,
            unit: w.unit,
            message: crate::message::read_back(w.message, w.en, w.nl),
            source: w.source,
        })
    }
}

/// An ordered list of steps with the rule set choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Explanation {
    /// Which rule set and why.
    pub selection: Selection,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

impl Explanation {
    /// The steps of one amount (`hours`, `money`, ...).
    pub fn steps_for<'a>(&'a self, amount: &'a str) -> impl Iterator<Item = &'a Step> + 'a {
        self.steps.iter().filter(move |s| s.amount == amount)
    }

    /// Every citation of the explanation, deduplicated, in order of first use.
    pub fn citations(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in &self.steps {
            let c = s.source.citation();
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// What a vendor needs to reproduce a result exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Receipt {
    /// `lemniscaat <version>`.
    pub library: Cow<'static, str>,
    /// The rule set id.
    pub rule_set: Arc<str>,
    /// SHA-256 of the rule set's resolved parameters.
    pub rule_set_hash: Arc<str>,
    /// Interpretation and policy options in force, by name.
    pub options: BTreeMap<Cow<'static, str>, Cow<'static, str>>,
    /// The as-of date, when the operation has one.
    #[serde(default)]
    pub as_of: Option<String>,
    /// SHA-256 of the typed input (its defaults filled in) in the library's binary encoding, as 64
    /// lowercase hex digits: the same input gives the same hash in every host.
    pub input_hash: String,
}

impl Receipt {
    /// A receipt for an input under a rule set with the given options.
    pub fn new<I: Serialize + ?Sized>(
        rs: &RuleSet,
        options: BTreeMap<Cow<'static, str>, Cow<'static, str>>,
        as_of: Option<String>,
        input: &I,
    ) -> Receipt {
        Receipt {
            library: Cow::Borrowed(concat!("lemniscaat ", env!("CARGO_PKG_VERSION"))),
            rule_set: rs.id.clone(),
            rule_set_hash: rs.hash.clone(),
            options,
            as_of,
            input_hash: crate::digest::hash_hex(input),
        }
    }
}

crate::schema::written_as!(Step, "Step" => StepOut<'static>);
