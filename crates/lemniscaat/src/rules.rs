//! Rule sets: the CAO VO versions since 2014 as dated data, every value with its provenance.
//!
//! The built-in data (`data/rulesets.json`) states, per rule set, only what changed; every other
//! parameter carries forward from the previous rule set with its previous provenance. A caller can
//! add a rule set (the next CAO) or override values from JSON with [`RuleBook::with_overrides`],
//! without a new release of the library.
//!
//! Selection: the rule set for a school year is the latest whose "in force from" date is on or
//! before 1 August of that school year, unless the caller pins one by id.

use crate::error::{Error, ErrorCode, Result};
use crate::people::{Category, EducationLevel};
use crate::time::{self, SchoolYear};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/rulesets.json"));

/// How sure the library is of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// In the appendix of the handreiking (article 17 of the CAO VO 2014-2015).
    Seed,
    /// Stated by a named secondary source.
    Sourced,
    /// The project's own reading; no source states it.
    Inferred,
}

impl Confidence {
    /// The less sure of two confidences (a citation made of two rules is as sure as its weakest).
    pub fn weaker(self, other: Confidence) -> Confidence {
        use Confidence::*;
        match (self, other) {
            (Inferred, _) | (_, Inferred) => Inferred,
            (Sourced, _) | (_, Sourced) => Sourced,
            _ => Seed,
        }
    }

    /// The snake_case id.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Seed => "seed",
            Confidence::Sourced => "sourced",
            Confidence::Inferred => "inferred",
        }
    }
}

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// How sure.
    pub confidence: Confidence,
    /// The id of a source document of the rule book (its `sources`).
    pub source: Arc<str>,
    /// A remark, e.g. which part is inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How sure the article number is, where it differs from the value's confidence (an amount
    /// a source states, under an article number renumbered by analogy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_confidence: Option<Confidence>,
}

impl Provenance {
    /// How sure the article number is: its own confidence, else the value's.
    pub fn of_article(&self) -> Confidence {
        self.article_confidence.unwrap_or(self.confidence)
    }
}

/// A document a value was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    /// Short id used by [`Provenance::source`].
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date, when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Address, when verified; `None` when only the publication is known.
    #[serde(default)]
    pub url: Option<String>,
    /// The confidence of values taken from it.
    pub confidence: Confidence,
}

/// How a parameter's value is read: decimals through the library's exact reader (a JSON number
/// with a fraction is refused here as everywhere), everything else by its own `Deserialize`.
pub trait ParamValue: Sized {
    /// Reads the value.
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error>;
}

impl ParamValue for Decimal {
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        crate::num::dec::deserialize(d)
    }
}

macro_rules! param_values {
    ($($t:ty),*) => {
        $(impl ParamValue for $t {
            fn read<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                <$t>::deserialize(d)
            }
        })*
    };
}

param_values!(u32, ProRata, Saving, Evc, Startkwalificatie);

/// A value with its article reference (numbering of that rule set's CAO) and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Param_{T}"))]
#[serde(deny_unknown_fields, bound(deserialize = "T: ParamValue"))]
pub struct Param<T> {
    /// The value.
    #[serde(deserialize_with = "T::read")]
    pub value: T,
    /// Article, e.g. `17.4`.
    #[serde(default)]
    pub article: Option<Arc<str>>,
    /// Lid (paragraph), e.g. `1`.
    #[serde(default)]
    pub lid: Option<Arc<str>>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A dated value with provenance (a rule set's start or known end).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dated {
    /// The date.
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub value: NaiveDate,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A text in English and Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Dutch.
    pub nl: String,
}

/// The readings of pro rata by wtf (art. 6.1 lid 2) for the 2014-2015 rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ProRataReading {
    /// Pro rata by wtf, as the CAO parties declared on 29-03-2016 (the default).
    #[default]
    PartiesIntent,
    /// The literal reading of the Bezwarencommissie CAO-VO (2016): no pro rata for part-timers.
    #[serde(rename = "bezwarencommissie-2016")]
    Bezwarencommissie2016,
}

impl ProRataReading {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            ProRataReading::PartiesIntent => "parties-intent",
            ProRataReading::Bezwarencommissie2016 => "bezwarencommissie-2016",
        }
    }
}

/// Which readings of pro rata a rule set allows, and its default.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProRata {
    /// The allowed readings.
    pub interpretations: Vec<ProRataReading>,
    /// The default reading.
    pub default: ProRataReading,
}

/// When an extra bucket is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum BucketCondition {
    /// Always, to every employee of the category.
    None,
    /// Only when the employee's current personal plan asks for it.
    PersonalPlanRequests,
}

/// An extra bucket of hours and money beside the free basisrecht.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExtraBucket {
    /// Stable id, e.g. `earmarked-basic-skills`.
    pub id: String,
    /// The category it is granted to.
    pub category: Category,
    /// Hours for a full-time, full-year appointment.
    #[serde(deserialize_with = "crate::num::dec::deserialize")]
    pub hours: Decimal,
    /// Money for a full-time, full-year appointment.
    #[serde(deserialize_with = "crate::num::dec::deserialize")]
    pub money: Decimal,
    /// The earmarked purpose (usage must name it), null when free.
    #[serde(default)]
    pub purpose: Option<String>,
    /// When it is granted.
    pub condition: BucketCondition,
    /// The first school year it applies to.
    pub from_school_year: SchoolYear,
    /// Whether it is pro rata by wtf and time like the basisrecht.
    pub pro_rata: bool,
    /// A label.
    pub label: Bilingual,
    /// Article.
    #[serde(default)]
    pub article: Option<Arc<str>>,
    /// Lid.
    #[serde(default)]
    pub lid: Option<Arc<str>>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Which units the right to save covers (from cao-vo-2020; not settled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SavingUnits {
    /// Hours and money (the default reading).
    #[default]
    Both,
    /// Money only.
    MoneyOnly,
}

impl SavingUnits {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            SavingUnits::Both => "both",
            SavingUnits::MoneyOnly => "money-only",
        }
    }
}

/// The right to save (from cao-vo-2020).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SavingRight {
    /// A plan must underlie it.
    pub requires_plan: bool,
    /// School years in total, the `from` year included.
    pub max_years: u32,
    /// The readings of which units it covers.
    pub interpretations: Vec<SavingUnits>,
    /// The default reading.
    pub default: SavingUnits,
}

/// Saving (17.6): by agreement, and from 2020 as a right.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Saving {
    /// Deviating agreements ("afwijkende afspraken") are allowed, with any term.
    pub agreement: bool,
    /// The right to save, when the rule set has one.
    pub right: Option<SavingRight>,
}

/// EVC (17.3 lid 3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evc {
    /// The highest education level that is eligible.
    pub max_level: EducationLevel,
    /// Years after the last EVC before it may be repeated.
    pub repeat_years: u32,
}

/// Startkwalificatie (17.3 lid 4).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Startkwalificatie {
    /// Employees below this level are eligible.
    pub below_level: EducationLevel,
}

/// An article reference for a rule without a value of its own (consent, lapse, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleRef {
    /// Article.
    pub article: Arc<str>,
    /// Lid.
    #[serde(default)]
    pub lid: Option<Arc<str>>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Information a rule set carries that is not an amount (the induction programme).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Information {
    /// Id.
    pub id: String,
    /// First school year it applies to.
    #[serde(default)]
    pub from_school_year: Option<SchoolYear>,
    /// The category it concerns.
    #[serde(default)]
    pub category: Option<Category>,
    /// English text.
    pub en: String,
    /// Dutch text.
    pub nl: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

macro_rules! parameters {
    ($( $(#[$m:meta])* $name:ident : $ty:ty ),* $(,)?) => {
        /// The parameters a rule set states: only what changed (`None` carries forward).
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ParameterDelta {
            $( $(#[$m])* #[serde(default, skip_serializing_if = "Option::is_none")] pub $name: Option<Param<$ty>>, )*
            /// Extra buckets, merged by id.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub extra_buckets: Option<Vec<ExtraBucket>>,
        }

        /// The resolved parameters of a rule set: every value present, with its provenance.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Parameters {
            $( $(#[$m])* pub $name: Param<$ty>, )*
            /// Extra buckets beside the free basisrecht.
            pub extra_buckets: Vec<ExtraBucket>,
        }

        impl ParameterDelta {
            /// The provenance of every parameter the delta states, by name.
            fn stated(&self) -> Vec<(&'static str, &Provenance)> {
                let mut v = Vec::new();
                $( if let Some(p) = &self.$name { v.push((stringify!($name), &p.provenance)); } )*
                v
            }

            /// Merges a later delta over this one: its stated values win; buckets merge by id.
            fn merge(&mut self, over: ParameterDelta) {
                $( if over.$name.is_some() { self.$name = over.$name; } )*
                if let Some(list) = over.extra_buckets {
                    let mine = self.extra_buckets.get_or_insert_with(Vec::new);
                    for b in list {
                        match mine.iter_mut().find(|x| x.id == b.id) {
                            Some(x) => *x = b,
                            None => mine.push(b),
                        }
                    }
                }
            }
        }

        impl Parameters {
            fn resolve(prev: Option<&Parameters>, delta: &ParameterDelta, id: &str) -> Result<Parameters> {
                let mut buckets: Vec<ExtraBucket> = prev.map(|p| p.extra_buckets.clone()).unwrap_or_default();
                for b in delta.extra_buckets.iter().flatten() {
                    match buckets.iter_mut().find(|x| x.id == b.id) {
                        Some(x) => *x = b.clone(),
                        None => buckets.push(b.clone()),
                    }
                }
                Ok(Parameters {
                    $( $name: match (&delta.$name, prev) {
                        (Some(v), _) => v.clone(),
                        (None, Some(p)) => p.$name.clone(),
                        (None, None) => return Err(missing_parameter(id, stringify!($name), delta.stated().is_empty())),
                    }, )*
                    extra_buckets: buckets,
                })
            }
        }
    };
}

parameters! {
    /// Basisrecht hours of a full-time teacher (17.4 lid 1).
    teacher_hours: Decimal,
    /// Basisrecht hours of full-time support staff (17.4 lid 3).
    support_hours: Decimal,
    /// Hours of management (none in the CAO).
    management_hours: Decimal,
    /// Basisrecht money of a teacher (17.5 lid 1).
    teacher_money: Decimal,
    /// Basisrecht money of support staff (17.5 lid 3).
    support_money: Decimal,
    /// Money of management (none in the CAO).
    management_money: Decimal,
    /// The readings of pro rata by wtf (6.1 lid 2).
    pro_rata: ProRata,
    /// Saving (17.6).
    saving: Saving,
    /// EVC (17.3 lid 3).
    evc: Evc,
    /// Startkwalificatie (17.3 lid 4).
    startkwalificatie: Startkwalificatie,
    /// Maximum age of a personal plan in years (17.3 lid 1).
    personal_plan_max_years: u32,
    /// Maximum age of the kaders in years (17.2 lid 2).
    kaders_max_years: u32,
    /// Minimum share of the personele lumpsum spent on professionalisation (17.2 lid 1).
    collective_min_share: Decimal,
    /// The full-time normjaartaak in hours.
    normjaartaak_hours: Decimal,
}

impl Parameters {
    /// The base hours of a category.
    pub fn base_hours(&self, c: Category) -> &Param<Decimal> {
        match c {
            Category::Teacher => &self.teacher_hours,
            Category::Support => &self.support_hours,
            Category::Management => &self.management_hours,
        }
    }

    /// The base hours (`hours`) or money of a category: the grant a balance of that unit comes
    /// from.
    pub fn base(&self, c: Category, hours: bool) -> &Param<Decimal> {
        if hours {
            self.base_hours(c)
        } else {
            self.base_money(c)
        }
    }

    /// The base money of a category.
    pub fn base_money(&self, c: Category) -> &Param<Decimal> {
        match c {
            Category::Teacher => &self.teacher_money,
            Category::Support => &self.support_money,
            Category::Management => &self.management_money,
        }
    }
}

/// `MISSING_FIELD`: the first rule set of a book must state every parameter (one function for
/// all of them rather than a copy per parameter); the path is within the rule set: its
/// `parameters` when it states none, else the parameter it lacks.
#[inline(never)]
fn missing_parameter(id: &str, name: &'static str, states_none: bool) -> Error {
    let at = if states_none { "/parameters".to_string() } else { format!("/parameters/{name}") };
    Error::of(ErrorCode::MissingField, crate::message::Msg::FirstRuleSetMissesParameter { rule_set: id.into(), parameter: name.into() })
        .at(at)
}

/// `INVALID_VALUE` at the first source a rule set names (as written in its file) that the book
/// does not have; the path is within the rule set.
fn check_sources(def: &RuleSetDef, sources: &[SourceDoc]) -> Result<()> {
    let unknown = |p: &Provenance| !sources.iter().any(|s| *s.id == *p.source);
    let refuse = |p: &Provenance, at: String| {
        let message = crate::message::Msg::UnknownSource { rule_set: def.id.as_str().into(), source: p.source.to_string() };
        Err(Error::of(ErrorCode::InvalidValue, message).at(format!("{at}/provenance/source")))
    };
    for (name, p) in def.parameters.stated() {
        if unknown(p) {
            return refuse(p, format!("/parameters/{name}"));
        }
    }
    for (k, b) in def.parameters.extra_buckets.iter().flatten().enumerate() {
        if unknown(&b.provenance) {
            return refuse(&b.provenance, format!("/parameters/extra_buckets/{k}"));
        }
    }
    for (key, a) in &def.articles {
        if unknown(&a.provenance) {
            return refuse(&a.provenance, format!("/articles/{}", key.replace('~', "~0").replace('/', "~1")));
        }
    }
    for (k, i) in def.information.iter().enumerate() {
        if unknown(&i.provenance) {
            return refuse(&i.provenance, format!("/information/{k}"));
        }
    }
    Ok(())
}

/// A rule set as written in JSON: its dates, summary and the parameters it changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetDef {
    /// Id, e.g. `cao-vo-2014-2015`.
    pub id: String,
    /// Name.
    pub name: String,
    /// First day in force.
    pub in_force_from: Dated,
    /// The last day it is known to run, when a source says so.
    #[serde(default)]
    pub known_until: Option<Dated>,
    /// What changed, in English and Dutch.
    #[serde(default)]
    pub summary: Bilingual,
    /// The parameters it changes.
    #[serde(default)]
    pub parameters: ParameterDelta,
    /// Article references it changes, by rule key.
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleRef>,
    /// Information items (added to those carried forward, by id).
    #[serde(default)]
    pub information: Vec<Information>,
}

/// A resolved rule set: every parameter, article and information item in force.
///
/// ```
/// let book = lemniscaat::RuleBook::builtin();
/// let rs = book.get("cao-vo-2018-2019").unwrap();
/// assert_eq!(rs.parameters.support_money.value.to_string(), "600");
/// assert_eq!(rs.parameters.teacher_hours.article.as_deref(), Some("16.4"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleSet {
    /// Id (shared by every explanation step and receipt that cites it).
    pub id: Arc<str>,
    /// Name.
    pub name: String,
    /// First day in force.
    pub in_force_from: Dated,
    /// Known last day.
    pub known_until: Option<Dated>,
    /// What changed.
    pub summary: Bilingual,
    /// All parameters.
    pub parameters: Parameters,
    /// All article references by rule key.
    pub articles: BTreeMap<String, ArticleRef>,
    /// Information items.
    pub information: Vec<Information>,
    /// SHA-256 (hex) of the resolved parameters, articles and id: the receipt's rule-set hash.
    pub hash: Arc<str>,
}

impl RuleSet {
    /// An article reference by rule key (`lapse`, `consent_hours`, ...).
    pub fn article(&self, key: &str) -> Option<&ArticleRef> {
        self.articles.get(key)
    }
}

/// Lenient (default) or strict handling of school years past the known rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Use the latest rule set with a `RULES_OUT_OF_RANGE` warning.
    #[default]
    Lenient,
    /// Refuse with `RULES_NOT_IN_FORCE`.
    Strict,
}

/// How a rule set was chosen (without texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// The latest rule set in force on 1 August of the school year.
    InForce,
    /// Pinned by the caller.
    Pinned,
    /// Past the known rules (lenient mode).
    OutOfRange,
}

/// Why a rule set was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The rule set id.
    pub rule_set: Arc<str>,
    /// `in-force` (latest in force on 1 August), `pinned` or `out-of-range` (lenient mode).
    pub reason: Cow<'static, str>,
    /// The explanation, rendered in a language when asked.
    pub message: crate::message::Msg,
    /// Whether the school year lies past the known rules.
    pub out_of_range: bool,
}

/// A selection as JSON: its texts in both languages beside the message's id and arguments.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct SelectionOut<'a> {
    /// The rule set id.
    rule_set: &'a str,
    /// `in-force` (latest in force on 1 August), `pinned` or `out-of-range` (lenient mode).
    reason: &'a str,
    /// Why, in English.
    en: String,
    /// Why, in Dutch.
    nl: String,
    /// The message behind both texts: its id and arguments.
    message: &'a crate::message::Msg,
    /// Whether the school year lies past the known rules.
    out_of_range: bool,
}

/// A selection read back from JSON: its message, or its texts as a [`crate::message::Msg::Text`].
#[derive(Deserialize)]
struct SelectionIn {
    #[serde(default)]
    message: Option<serde_json::Value>,
    rule_set: Arc<str>,
    reason: Cow<'static, str>,
    en: String,
    nl: String,
    out_of_range: bool,
}

impl Selection {
    /// The selection's message once more (a rule-set selection is one of three messages; copying
    /// it here keeps the catalogue's general `Clone` out of the WebAssembly module).
    pub fn message_again(&self) -> crate::message::Msg {
        use crate::message::Msg;
        match &self.message {
            Msg::SelectionPinned { rule_set, school_year } => {
                Msg::SelectionPinned { rule_set: rule_set.clone(), school_year: *school_year }
            }
            Msg::SelectionInForce { school_year, first_day, in_force_from } => {
                Msg::SelectionInForce { school_year: *school_year, first_day: *first_day, in_force_from: *in_force_from }
            }
            Msg::SelectionOutOfRange { rule_set, school_year, known_until } => {
                Msg::SelectionOutOfRange { rule_set: rule_set.clone(), school_year: *school_year, known_until: *known_until }
            }
            other => Msg::Text { en: other.en(), nl: other.nl() },
        }
    }
}

impl Serialize for Selection {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (en, nl) = (self.message.en(), self.message.nl());
        SelectionOut { rule_set: &self.rule_set, reason: &self.reason, en, nl, message: &self.message, out_of_range: self.out_of_range }
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Selection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = SelectionIn::deserialize(d)?;
        let message = crate::message::read_back(w.message, w.en, w.nl);
        Ok(Selection { rule_set: w.rule_set, reason: w.reason, message, out_of_range: w.out_of_range })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct BookFile {
    #[serde(default)]
    sources: Vec<SourceDoc>,
    #[serde(default)]
    rule_sets: Vec<RuleSetDef>,
}

/// The rule sets the library knows, resolved, in order of their start date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBook {
    sources: Vec<SourceDoc>,
    defs: Vec<RuleSetDef>,
    rule_sets: Vec<RuleSet>,
}

impl RuleBook {
    /// The built-in rule sets (CAO VO 2014-2015 to 2024-2025).
    ///
    /// ```
    /// let ids: Vec<&str> = lemniscaat::RuleBook::builtin().rule_sets().iter().map(|r| &*r.id).collect();
    /// assert_eq!(ids.len(), 8);
    /// assert_eq!(ids[0], "cao-vo-2014-2015");
    /// ```
    pub fn builtin() -> &'static RuleBook {
        static BOOK: OnceLock<RuleBook> = OnceLock::new();
        // The built-in data is checked by a unit test; were it ever unreadable, an empty book makes
        // every call fail with RULES_NOT_IN_FORCE instead of a panic.
        BOOK.get_or_init(|| RuleBook::from_json(BUILTIN).unwrap_or_else(|_| RuleBook::empty()))
    }

    /// A book without rule sets.
    pub fn empty() -> RuleBook {
        RuleBook { sources: vec![], defs: vec![], rule_sets: vec![] }
    }

    /// Reads a rule book from JSON `{ "sources": [...], "rule_sets": [...] }`.
    pub fn from_json(json: &str) -> Result<RuleBook> {
        let file: BookFile = crate::json::from_str(json)?;
        RuleBook::empty().merge(file)
    }

    /// This book with rule sets added or overridden from JSON of the same format: a rule set
    /// with a new id is added; one with a known id replaces its name, dates and summary, and its
    /// parameters and articles are merged over the known ones (state only what changes).
    ///
    /// ```
    /// let book = lemniscaat::RuleBook::builtin().with_overrides(r#"{"rule_sets":[{
    ///   "id":"cao-vo-2026","name":"CAO VO 2026",
    ///   "in_force_from":{"value":"2026-08-01","provenance":{"confidence":"inferred","source":"lemniscaat"}},
    ///   "parameters":{"teacher_money":{"value":"700","article":"16.5","lid":"1",
    ///     "provenance":{"confidence":"inferred","source":"lemniscaat"}}}}]}"#).unwrap();
    /// let rs = book.get("cao-vo-2026").unwrap();
    /// assert_eq!(rs.parameters.teacher_money.value.to_string(), "700");
    /// assert_eq!(rs.parameters.teacher_hours.value.to_string(), "83");
    /// ```
    pub fn with_overrides(&self, json: &str) -> Result<RuleBook> {
        let file: BookFile = crate::json::from_str(json)?;
        // The resolved rule sets are made again by the merge: only the definitions are copied.
        RuleBook { sources: self.sources.clone(), defs: self.defs.clone(), rule_sets: Vec::new() }.merge(file)
    }

    fn merge(mut self, file: BookFile) -> Result<RuleBook> {
        for s in file.sources {
            match self.sources.iter_mut().find(|x| x.id == s.id) {
                Some(x) => *x = s,
                None => self.sources.push(s),
            }
        }
        // Each rule set is checked as written and placed by its index in this file, before it
        // merges with the book's.
        let mut origins: Vec<(String, usize)> = Vec::with_capacity(file.rule_sets.len());
        for (i, def) in file.rule_sets.iter().enumerate() {
            check_sources(def, &self.sources).map_err(|e| e.within(&format!("/rule_sets/{i}")))?;
            origins.push((def.id.clone(), i));
        }
        for def in file.rule_sets {
            match self.defs.iter_mut().find(|x| x.id == def.id) {
                Some(x) => {
                    let mut params = x.parameters.clone();
                    params.merge(def.parameters);
                    let mut articles = x.articles.clone();
                    articles.extend(def.articles);
                    let mut info = x.information.clone();
                    for i in def.information {
                        match info.iter_mut().find(|y| y.id == i.id) {
                            Some(y) => *y = i,
                            None => info.push(i),
                        }
                    }
                    *x = RuleSetDef { parameters: params, articles, information: info, ..def };
                }
                None => self.defs.push(def),
            }
        }
        self.defs.sort_by_key(|d| d.in_force_from.value);
        self.resolve(&origins)
    }

    /// Resolves every rule set over the ones before it; `origins` places the rule sets of the file
    /// being read by their index there, for the paths of errors.
    fn resolve(mut self, origins: &[(String, usize)]) -> Result<RuleBook> {
        let mut out: Vec<RuleSet> = Vec::with_capacity(self.defs.len());
        for (i, def) in self.defs.iter().enumerate() {
            let prev = out.last();
            let place = origins.iter().find(|(id, _)| *id == def.id).map_or(i, |o| o.1);
            let parameters = Parameters::resolve(prev.map(|p| &p.parameters), &def.parameters, &def.id)
                .map_err(|e| e.within(&format!("/rule_sets/{place}")))?;
            let mut articles = prev.map(|p| p.articles.clone()).unwrap_or_default();
            articles.extend(def.articles.clone());
            let mut information = prev.map(|p| p.information.clone()).unwrap_or_default();
            for item in &def.information {
                match information.iter_mut().find(|y| y.id == item.id) {
                    Some(y) => *y = item.clone(),
                    None => information.push(item.clone()),
                }
            }
            let hash = hash_hex(&(&def.id, &parameters, &articles)).into();
            out.push(RuleSet {
                id: def.id.as_str().into(),
                name: def.name.clone(),
                in_force_from: def.in_force_from.clone(),
                known_until: def.known_until.clone(),
                summary: def.summary.clone(),
                parameters,
                articles,
                information,
                hash,
            });
        }
        self.rule_sets = out;
        Ok(self)
    }

    /// All resolved rule sets, oldest first.
    pub fn rule_sets(&self) -> &[RuleSet] {
        &self.rule_sets
    }

    /// The source documents.
    pub fn sources(&self) -> &[SourceDoc] {
        &self.sources
    }

    /// A source document by id.
    pub fn source(&self, id: &str) -> Option<&SourceDoc> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A rule set by id.
    pub fn get(&self, id: &str) -> Option<&RuleSet> {
        self.rule_sets.iter().find(|r| &*r.id == id)
    }

    /// The rule set by id, or `UNKNOWN_RULE_SET`.
    pub fn require(&self, id: &str) -> Result<&RuleSet> {
        self.get(id).ok_or_else(|| {
            let known: Vec<&str> = self.rule_sets.iter().map(|r| &*r.id).collect();
            Error::of(
                ErrorCode::UnknownRuleSet,
                crate::message::Msg::UnknownRuleSet { id: id.to_string(), known: known.iter().map(|k| k.to_string()).collect() },
            )
        })
    }

    /// Chooses the rule set for a school year.
    ///
    /// ```
    /// use lemniscaat::{RuleBook, SchoolYear, rules::Mode};
    /// let book = RuleBook::builtin();
    /// let sy: SchoolYear = "2017-2018".parse().unwrap();
    /// let (rs, sel) = book.select(sy, None, Mode::Lenient).unwrap();
    /// assert_eq!(&*rs.id, "cao-vo-2016-2017");
    /// assert!(!sel.out_of_range);
    /// let late: SchoolYear = "2026-2027".parse().unwrap();
    /// assert!(book.select(late, None, Mode::Lenient).unwrap().1.out_of_range);
    /// assert_eq!(book.select(late, None, Mode::Strict).unwrap_err().code(), lemniscaat::ErrorCode::RulesNotInForce);
    /// ```
    pub fn select(&self, sy: SchoolYear, pinned: Option<&str>, mode: Mode) -> Result<(&RuleSet, Selection)> {
        let (rs, choice) = self.choose(sy, pinned, mode)?;
        Ok((rs, self.describe(rs, sy, choice)))
    }

    /// Chooses the rule set for a school year without building the explanation's texts (the fast
    /// path of [`RuleBook::select`]).
    pub fn choose(&self, sy: SchoolYear, pinned: Option<&str>, mode: Mode) -> Result<(&RuleSet, Choice)> {
        if let Some(id) = pinned {
            return Ok((self.require(id)?, Choice::Pinned));
        }
        let day = sy.first_day();
        let Some(rs) = self.rule_sets.iter().rev().find(|r| r.in_force_from.value <= day) else {
            let first = self.rule_sets.first().map(|r| r.in_force_from.value);
            return Err(Error::of(ErrorCode::RulesNotInForce, crate::message::Msg::NoRuleSetInForce { day, school_year: sy, first }));
        };
        let last = self.rule_sets.last();
        let out = last.is_some_and(|l| std::ptr::eq(l, rs) && l.known_until.as_ref().is_some_and(|u| day > u.value));
        if !out {
            return Ok((rs, Choice::InForce));
        }
        if mode == Mode::Strict {
            return Err(Error::of(
                ErrorCode::RulesNotInForce,
                crate::message::Msg::PastKnownRules {
                    school_year: sy,
                    rule_set: rs.id.clone(),
                    known_until: rs.known_until.as_ref().map(|u| u.value),
                },
            ));
        }
        Ok((rs, Choice::OutOfRange))
    }

    /// Why `rs` was chosen for `sy`, as a message.
    pub fn describe(&self, rs: &RuleSet, sy: SchoolYear, choice: Choice) -> Selection {
        use crate::message::Msg;
        let (reason, message) = match choice {
            Choice::Pinned => ("pinned", Msg::SelectionPinned { rule_set: rs.id.clone(), school_year: sy }),
            Choice::InForce => {
                ("in-force", Msg::SelectionInForce { school_year: sy, first_day: sy.first_day(), in_force_from: rs.in_force_from.value })
            }
            Choice::OutOfRange => (
                "out-of-range",
                Msg::SelectionOutOfRange {
                    rule_set: rs.id.clone(),
                    school_year: sy,
                    known_until: rs.known_until.as_ref().map(|u| u.value),
                },
            ),
        };
        Selection { rule_set: rs.id.clone(), reason: reason.into(), message, out_of_range: choice == Choice::OutOfRange }
    }
}

/// The rule set's hash in receipts: SHA-256 (hex) of its id, parameters and articles in the JSON
/// form the library writes them (computed once, when the book is read).
pub(crate) fn hash_hex<T: Serialize + ?Sized>(v: &T) -> String {
    // Writing into a Vec cannot fail; a value that does not serialise hashes what it wrote.
    let json = serde_json::to_vec(v).unwrap_or_default();
    crate::digest::hex(Sha256::digest(&json))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn an_override_is_refused_at_its_own_place_in_the_overrides() {
        let dated = |d: &str| format!(r#"{{"value":"{d}","provenance":{{"confidence":"seed","source":"seed"}}}}"#);
        // A rule set before every built-in one must state every parameter: named by its index in
        // the overrides, not by its id or its place in the merged book.
        let early = format!(r#"{{"rule_sets":[{{"id":"early","name":"early","in_force_from":{}}}]}}"#, dated("2010-08-01"));
        let e = RuleBook::builtin().with_overrides(&early).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, "/rule_sets/0/parameters"));
        let some = early.replace(r#""name":"early","#, r#""name":"early","parameters":{"evc":{"value":{"max_level":"mbo2","repeat_years":5},"provenance":{"confidence":"seed","source":"seed"}}},"#);
        let e = RuleBook::builtin().with_overrides(&some).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, "/rule_sets/0/parameters/teacher_hours"), "{}", e.message_en());
        // An unknown source: at the provenance that names it, in the overrides as written.
        let param = r#"{"value":"700","article":"16.5","lid":"1","provenance":{"confidence":"inferred","source":"nowhere"}}"#;
        let late = format!(
            r#"{{"rule_sets":[{{"id":"ok","name":"ok","in_force_from":{}}},{{"id":"x","name":"x","in_force_from":{},"parameters":{{"teacher_money":{param}}}}}]}}"#,
            dated("2031-08-01"),
            dated("2030-08-01")
        );
        let e = RuleBook::builtin().with_overrides(&late).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/rule_sets/1/parameters/teacher_money/provenance/source"));
        assert!(e.message_en().contains("nowhere"), "{}", e.message_en());
        let article = late.replace(r#""parameters":{"teacher_money":"#, r#""articles":{"a/b~c":"#).replace(r#""value":"700","#, "");
        let e = RuleBook::builtin().with_overrides(&article).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/rule_sets/1/articles/a~1b~0c/provenance/source"));
    }

    #[test]
    fn builtin_parses_and_carries_forward() {
        let book = RuleBook::from_json(BUILTIN).unwrap();
        assert_eq!(book.rule_sets().len(), 8);
        let r2023 = book.get("cao-vo-2023-2024").unwrap();
        let ids: Vec<&str> = r2023.parameters.extra_buckets.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["earmarked-basic-skills", "support-plan-extension"]);
        // carried forward from 2022 with the 2022 provenance
        assert_eq!(r2023.parameters.extra_buckets[0].provenance.source.as_ref(), "aob-cao-vo-2022");
        assert_eq!(book.get("cao-vo-2021").unwrap().parameters.evc.value.max_level, EducationLevel::Mbo2);
        assert_ne!(book.get("cao-vo-2021").unwrap().hash, book.get("cao-vo-2020").unwrap().hash);
    }

    #[test]
    fn selection_follows_rulesets_md() {
        let book = RuleBook::builtin();
        for (sy, want) in [
            ("2014-2015", "cao-vo-2014-2015"),
            ("2015-2016", "cao-vo-2014-2015"),
            ("2016-2017", "cao-vo-2016-2017"),
            ("2017-2018", "cao-vo-2016-2017"),
            ("2018-2019", "cao-vo-2018-2019"),
            ("2020-2021", "cao-vo-2020"),
            ("2021-2022", "cao-vo-2021"),
            ("2022-2023", "cao-vo-2022"),
            ("2023-2024", "cao-vo-2023-2024"),
            ("2024-2025", "cao-vo-2023-2024"),
            ("2025-2026", "cao-vo-2024-2025"),
        ] {
            let (rs, _) = book.select(sy.parse().unwrap(), None, Mode::Lenient).unwrap();
            assert_eq!(&*rs.id, want, "{sy}");
        }
        assert_eq!(book.select("2013-2014".parse().unwrap(), None, Mode::Lenient).unwrap_err().code(), ErrorCode::RulesNotInForce);
        assert_eq!(book.select("2014-2015".parse().unwrap(), Some("nope"), Mode::Lenient).unwrap_err().code(), ErrorCode::UnknownRuleSet);
    }

    #[test]
    fn unknown_source_is_refused() {
        let err = RuleBook::builtin()
            .with_overrides(r#"{"rule_sets":[{"id":"x","name":"x","in_force_from":{"value":"2030-08-01","provenance":{"confidence":"inferred","source":"nowhere"}}}]}"#);
        // in_force_from provenance is not checked, but no parameter names "nowhere": fine.
        assert!(err.is_ok());
        let err = RuleBook::builtin().with_overrides(
            r#"{"rule_sets":[{"id":"x","name":"x","in_force_from":{"value":"2030-08-01","provenance":{"confidence":"inferred","source":"lemniscaat"}},
               "parameters":{"teacher_hours":{"value":"90","provenance":{"confidence":"inferred","source":"nowhere"}}}}]}"#,
        );
        assert_eq!(err.unwrap_err().code(), ErrorCode::InvalidValue);
    }
}

crate::schema::written_as!(Selection, "Selection" => SelectionOut<'static>);
