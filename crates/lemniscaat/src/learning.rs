//! The 70:20:10 learning model: a taxonomy of activity kinds as data, a deterministic classifier
//! for Dutch and English free text, and the mix of a plan as advice.
//!
//! The handreiking presents the model (after Jennings) as a way to arrange development activities
//! so that most learning happens at work: a guideline, not a quota, so its results are advice
//! (`info` findings), never errors.
//!
//! ```
//! use lemniscaat::learning::{classify, ClassifyInput, Bucket};
//! let c = classify(&ClassifyInput::text("Intervisie met sectiecollega's over differentiatie")).unwrap();
//! assert_eq!(c.bucket, Bucket::Social);
//! assert_eq!(c.kind.as_deref(), Some("intervision"));
//! assert_eq!(c.cao_17_1.as_deref(), Some("b"));
//! ```

use crate::error::{Error, ErrorCode, Result};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;

use crate::num::{Rounding, RoundingMode};
use crate::rules::Bilingual;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const BUILTIN: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy.json"));

/// A bucket of the 70:20:10 model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// 70: learning on the job.
    Experience,
    /// 20: learning from others.
    Social,
    /// 10: formal learning.
    Formal,
    /// Not recognised.
    Unknown,
}

impl Bucket {
    /// The three model buckets.
    pub const MODEL: [Bucket; 3] = [Bucket::Experience, Bucket::Social, Bucket::Formal];

    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            Bucket::Experience => "experience",
            Bucket::Social => "social",
            Bucket::Formal => "formal",
            Bucket::Unknown => "unknown",
        }
    }

    /// Labels.
    pub fn label(self) -> Bilingual {
        let (en, nl) = match self {
            Bucket::Experience => ("experience (70)", "ervaring (70)"),
            Bucket::Social => ("social (20)", "sociaal (20)"),
            Bucket::Formal => ("formal (10)", "formeel (10)"),
            Bucket::Unknown => ("unknown", "onbekend"),
        };
        Bilingual { en: en.into(), nl: nl.into() }
    }
}

/// The Cedefop class of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cedefop {
    /// Leads to a recognised qualification.
    Formal,
    /// Organised, intentional, without a qualification.
    NonFormal,
    /// Learning from daily work.
    Informal,
}

/// Keywords of a kind per language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Keywords {
    /// Dutch.
    #[serde(default)]
    pub nl: Vec<String>,
    /// English.
    #[serde(default)]
    pub en: Vec<String>,
}

/// An activity kind of the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityKind {
    /// Stable id, e.g. `intervision`.
    pub id: String,
    /// Labels.
    pub label: Bilingual,
    /// Its 70:20:10 bucket.
    pub bucket: Bucket,
    /// Its CAO 17.1 category (`a`-`d`), if any.
    pub cao_17_1: Option<String>,
    /// Its Cedefop class.
    pub cedefop: Cedefop,
    /// Keywords for free text.
    #[serde(default)]
    pub keywords: Keywords,
    /// Where the mapping comes from.
    pub source: String,
}

/// The taxonomy: activity kinds, extendable by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taxonomy {
    kinds: Vec<ActivityKind>,
    /// Normalised keywords: (kind index, keyword, is phrase).
    index: Vec<(usize, String, bool)>,
}

impl Taxonomy {
    /// The built-in taxonomy (26 kinds).
    ///
    /// ```
    /// let t = lemniscaat::learning::Taxonomy::builtin();
    /// assert_eq!(t.get("literature_study").unwrap().cao_17_1.as_deref(), Some("d"));
    /// ```
    pub fn builtin() -> &'static Taxonomy {
        static T: OnceLock<Taxonomy> = OnceLock::new();
        T.get_or_init(|| {
            let kinds: Vec<ActivityKind> = crate::json::from_str(BUILTIN).unwrap_or_default();
            Taxonomy::new(kinds)
        })
    }

    fn new(kinds: Vec<ActivityKind>) -> Taxonomy {
        let mut index = Vec::new();
        for (i, k) in kinds.iter().enumerate() {
            for kw in k.keywords.nl.iter().chain(k.keywords.en.iter()) {
                let n = normalise(kw);
                if !n.is_empty() {
                    let phrase = n.contains(' ');
                    index.push((i, n, phrase));
                }
            }
        }
        Taxonomy { kinds, index }
    }

    /// This taxonomy with kinds added or replaced (by id).
    pub fn with_kinds(&self, extra: &[ActivityKind]) -> Taxonomy {
        let mut kinds = self.kinds.clone();
        for k in extra {
            match kinds.iter_mut().find(|x| x.id == k.id) {
                Some(x) => *x = k.clone(),
                None => kinds.push(k.clone()),
            }
        }
        Taxonomy::new(kinds)
    }

    /// All kinds.
    pub fn kinds(&self) -> &[ActivityKind] {
        &self.kinds
    }

    /// A kind by id.
    pub fn get(&self, id: &str) -> Option<&ActivityKind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    fn require(&self, id: &str, path: &str) -> Result<&ActivityKind> {
        self.get(id).ok_or_else(|| Error::of(ErrorCode::InvalidValue, Msg::UnknownKind { kind: id.to_string() }).at(path))
    }
}

/// Lower case, without diacritics, hyphens and apostrophes; other punctuation becomes a space.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ĳ' => 'y',
            c => c,
        };
        if c == '-' || c == '\'' || c == '’' || c == '‘' || c == '\u{ad}' {
            continue;
        }
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A term the classifier recognised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Match {
    /// The keyword (normalised).
    pub term: String,
    /// The kind it points to.
    pub kind: String,
    /// The kind's bucket.
    pub bucket: Bucket,
}

/// Shares per bucket (4 decimals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Shares {
    /// Experience (70).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub experience: Decimal,
    /// Social (20).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub social: Decimal,
    /// Formal (10).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub formal: Decimal,
    /// Not recognised.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub unknown: Decimal,
}

impl Shares {
    fn get_mut(&mut self, b: Bucket) -> &mut Decimal {
        match b {
            Bucket::Experience => &mut self.experience,
            Bucket::Social => &mut self.social,
            Bucket::Formal => &mut self.formal,
            Bucket::Unknown => &mut self.unknown,
        }
    }

    /// The share of a bucket.
    pub fn get(&self, b: Bucket) -> Decimal {
        match b {
            Bucket::Experience => self.experience,
            Bucket::Social => self.social,
            Bucket::Formal => self.formal,
            Bucket::Unknown => self.unknown,
        }
    }

    fn normalised(mut self) -> Shares {
        let total = self.experience + self.social + self.formal + self.unknown;
        let r = Rounding { decimals: 4, mode: RoundingMode::HalfUp };
        if total.is_zero() {
            return Shares::default();
        }
        for b in [Bucket::Experience, Bucket::Social, Bucket::Formal, Bucket::Unknown] {
            let v = self.get(b).checked_div(total).unwrap_or_default();
            *self.get_mut(b) = r.round(v);
        }
        self
    }
}

/// The input of [`classify`] (the shape of `classification.json`): a kind id or free text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassifyInput {
    /// An activity kind id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Free text (Dutch or English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `nl` or `en`: restricts the keywords; default both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Kinds to add to or replace in the built-in taxonomy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxonomy: Vec<ActivityKind>,
}

impl ClassifyInput {
    /// Free text.
    pub fn text(t: &str) -> ClassifyInput {
        ClassifyInput { text: Some(t.to_string()), ..Default::default() }
    }

    /// A kind id.
    pub fn kind(k: &str) -> ClassifyInput {
        ClassifyInput { kind: Some(k.to_string()), ..Default::default() }
    }
}

/// The answer of [`classify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Classification {
    /// The bucket (the one with the highest score), or `unknown`.
    pub bucket: Bucket,
    /// The best matching kind.
    pub kind: Option<String>,
    /// Its CAO 17.1 category.
    pub cao_17_1: Option<String>,
    /// Its Cedefop class.
    pub cedefop: Option<Cedefop>,
    /// Scores per bucket (shares of the matched weight).
    pub scores: Shares,
    /// The terms recognised.
    pub matched: Vec<Match>,
    /// Where the kind's mapping comes from.
    pub source: Option<String>,
}

/// The largest text the classifier reads (characters beyond are ignored).
pub const MAX_TEXT: usize = 10_000;

/// Classifies an activity with the built-in taxonomy (plus the input's own kinds).
pub fn classify(input: &ClassifyInput) -> Result<Classification> {
    if input.taxonomy.is_empty() {
        classify_with(Taxonomy::builtin(), input)
    } else {
        classify_with(&Taxonomy::builtin().with_kinds(&input.taxonomy), input)
    }
}

/// Classifies with a given taxonomy.
pub fn classify_with(t: &Taxonomy, input: &ClassifyInput) -> Result<Classification> {
    match (&input.kind, &input.text) {
        (Some(k), _) => {
            let kind = t.require(k, "/kind")?;
            let mut scores = Shares::default();
            *scores.get_mut(kind.bucket) = Decimal::ONE;
            Ok(Classification {
                bucket: kind.bucket,
                kind: Some(kind.id.clone()),
                cao_17_1: kind.cao_17_1.clone(),
                cedefop: Some(kind.cedefop),
                scores: scores.normalised(),
                matched: vec![],
                source: Some(kind.source.clone()),
            })
        }
        (None, Some(text)) => {
            if let Some(l) = &input.language {
                if l != "nl" && l != "en" {
                    return Err(Error::of(ErrorCode::InvalidValue, Msg::UnknownLanguage { lang: l.to_string() }).at("/language"));
                }
            }
            Ok(classify_text(t, text, input.language.as_deref()))
        }
        (None, None) => Err(Error::of(ErrorCode::MissingField, Msg::NothingToClassify {}).at("/text")),
    }
}

fn classify_text(t: &Taxonomy, text: &str, language: Option<&str>) -> Classification {
    let clipped: String = text.chars().take(MAX_TEXT).collect();
    let norm = normalise(&clipped);
    let padded = format!(" {norm} ");
    // (kind index, keyword, start, end) of every occurrence.
    let mut hits: Vec<(usize, &str, usize, usize)> = Vec::new();
    for (k, kw, phrase) in &t.index {
        let kind = &t.kinds[*k];
        if let Some(l) = language {
            let list = if l == "nl" { &kind.keywords.nl } else { &kind.keywords.en };
            if !list.iter().any(|x| normalise(x) == *kw) {
                continue;
            }
        }
        if *phrase || kw.chars().count() >= 4 {
            let mut from = 0;
            while let Some(pos) = padded[from..].find(kw.as_str()) {
                let s = from + pos;
                hits.push((*k, kw.as_str(), s, s + kw.len()));
                from = s + kw.len();
            }
        } else {
            let needle = format!(" {kw} ");
            if let Some(pos) = padded.find(&needle) {
                hits.push((*k, kw.as_str(), pos + 1, pos + 1 + kw.len()));
            }
        }
    }
    // Drop a hit that lies inside a longer hit of another kind ("project" in "innovatieproject").
    let kept: Vec<(usize, &str, usize, usize)> = hits
        .iter()
        .filter(|h| !hits.iter().any(|o| o.0 != h.0 && o.2 <= h.2 && o.3 >= h.3 && (o.3 - o.2) > (h.3 - h.2)))
        .copied()
        .collect();
    let mut best: Vec<(usize, usize)> = Vec::new(); // (kind, score = longest keyword)
    for (k, kw, _, _) in &kept {
        let len = kw.chars().count();
        match best.iter_mut().find(|b| b.0 == *k) {
            Some(b) => b.1 = b.1.max(len),
            None => best.push((*k, len)),
        }
    }
    let mut scores = Shares::default();
    for (k, s) in &best {
        *scores.get_mut(t.kinds[*k].bucket) += Decimal::from(*s as u64);
    }
    let mut matched: Vec<Match> =
        kept.iter().map(|(k, kw, _, _)| Match { term: kw.to_string(), kind: t.kinds[*k].id.clone(), bucket: t.kinds[*k].bucket }).collect();
    matched.dedup();
    if best.is_empty() {
        let s = Shares { unknown: Decimal::ONE, ..Default::default() };
        return Classification {
            bucket: Bucket::Unknown,
            kind: None,
            cao_17_1: None,
            cedefop: None,
            scores: s.normalised(),
            matched,
            source: None,
        };
    }
    let bucket = Bucket::MODEL.into_iter().max_by(|a, b| scores.get(*a).cmp(&scores.get(*b)).then(b.cmp(a))).unwrap_or(Bucket::Unknown);
    let top = best
        .iter()
        .filter(|(k, _)| t.kinds[*k].bucket == bucket)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| &t.kinds[*k]);
    Classification {
        bucket,
        kind: top.map(|k| k.id.clone()),
        cao_17_1: top.and_then(|k| k.cao_17_1.clone()),
        cedefop: top.map(|k| k.cedefop),
        scores: scores.normalised(),
        matched,
        source: top.map(|k| k.source.clone()),
    }
}

/// What weighs an activity in the mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Hours (the default).
    #[default]
    Hours,
    /// Cost.
    Cost,
    /// Each activity counts once.
    Count,
}

/// One activity of a mix.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MixActivity {
    /// A kind id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Or free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A name (used as text when neither kind nor text is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Hours.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub hours: Option<Decimal>,
    /// Cost.
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost: Option<Decimal>,
}

impl MixActivity {
    /// An activity of a plan (collective or personal): by its kind when the built-in taxonomy
    /// knows it, else by its name (a kind the taxonomy lacks is read as text with the name, not
    /// refused: a plan's typo must not fail a board's report or hide its advice).
    pub fn of_plan(kind: Option<&str>, name: &str, hours: Option<Decimal>, cost: Option<Decimal>) -> MixActivity {
        let known = kind.filter(|k| Taxonomy::builtin().get(k).is_some());
        let text = match (known, kind) {
            (Some(_), _) => None,
            (None, Some(k)) => Some(format!("{name} {k}")),
            (None, None) => Some(name.to_string()),
        };
        MixActivity { kind: known.map(str::to_string), text, name: None, hours, cost }
    }
}

/// The target mix (default 0.70 / 0.20 / 0.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Experience share.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub experience: Decimal,
    /// Social share.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub social: Decimal,
    /// Formal share.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub formal: Decimal,
}

impl Default for Target {
    fn default() -> Self {
        Target { experience: Decimal::new(70, 2), social: Decimal::new(20, 2), formal: Decimal::new(10, 2) }
    }
}

impl Target {
    /// The target share of a bucket (zero for `unknown`).
    pub fn get(&self, b: Bucket) -> Decimal {
        match b {
            Bucket::Experience => self.experience,
            Bucket::Social => self.social,
            Bucket::Formal => self.formal,
            Bucket::Unknown => Decimal::ZERO,
        }
    }
}

/// The input of [`mix`] (the shape of `mix.json`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MixInput {
    /// The activities.
    pub activities: Vec<MixActivity>,
    /// What weighs (default hours).
    #[serde(default)]
    pub weight: Weight,
    /// The target (default 70:20:10).
    #[serde(default)]
    pub target: Target,
    /// How far a share may stray from its target before advice is given (default 0.10).
    #[serde(
        default,
        serialize_with = "crate::num::opt_dec::serialize",
        deserialize_with = "crate::num::opt_dec::deserialize",
        skip_serializing_if = "Option::is_none"
    )]
    pub tolerance: Option<Decimal>,
    /// Kinds to add to or replace in the built-in taxonomy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxonomy: Vec<ActivityKind>,
}

/// The answer of [`mix`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mix {
    /// Shares per bucket (4 decimals).
    pub shares: Shares,
    /// The target.
    pub target: Target,
    /// The tolerance used.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub tolerance: Decimal,
    /// The weight used.
    pub weight: Weight,
    /// Total weight (hours, cost or count).
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub total: Decimal,
    /// The classification of each activity.
    pub activities: Vec<Classification>,
    /// Advice (`info`): `MIX_FORMAL_HEAVY`, `MIX_NO_WORKPLACE_LEARNING`.
    pub findings: Vec<Finding>,
}

/// Computes the 70:20:10 mix of a set of activities.
///
/// ```
/// use lemniscaat::learning::{mix, MixInput};
/// let input: MixInput = serde_json::from_str(r#"{"activities":[
///   {"kind":"course","hours":"10"},{"kind":"intervision","hours":"20"},{"kind":"project","hours":"70"}]}"#).unwrap();
/// let m = mix(&input).unwrap();
/// assert_eq!(m.shares.experience.to_string(), "0.7000");
/// assert!(m.findings.is_empty());
/// ```
pub fn mix(input: &MixInput) -> Result<Mix> {
    let owned;
    let t = if input.taxonomy.is_empty() {
        Taxonomy::builtin()
    } else {
        owned = Taxonomy::builtin().with_kinds(&input.taxonomy);
        &owned
    };
    mix_with(t, input)
}

/// The largest number of activities in one mix.
pub const MAX_ACTIVITIES: usize = 1_000_000;

/// Computes the mix with a given taxonomy.
pub fn mix_with(t: &Taxonomy, input: &MixInput) -> Result<Mix> {
    if input.activities.len() > MAX_ACTIVITIES {
        return Err(Error::of(
            ErrorCode::LimitExceeded,
            Msg::TooMany { what: "activities".into(), count: input.activities.len(), limit: MAX_ACTIVITIES },
        )
        .at("/activities"));
    }
    let tolerance = input.tolerance.unwrap_or(Decimal::new(10, 2));
    let mut sums = Shares::default();
    let mut total = Decimal::ZERO;
    let mut activities = Vec::with_capacity(input.activities.len());
    for (i, a) in input.activities.iter().enumerate() {
        let ci = ClassifyInput { kind: a.kind.clone(), text: a.text.clone().or_else(|| a.name.clone()), language: None, taxonomy: vec![] };
        let c = classify_with(t, &ci).map_err(|e| e.within(&format!("/activities/{i}")))?;
        let w = match input.weight {
            Weight::Hours => a.hours.unwrap_or_default(),
            Weight::Cost => a.cost.unwrap_or_default(),
            Weight::Count => Decimal::ONE,
        };
        if w < Decimal::ZERO {
            return Err(Error::of(ErrorCode::InvalidValue, Msg::Negative { what: "mix".into() }).at(format!("/activities/{i}")));
        }
        for b in [Bucket::Experience, Bucket::Social, Bucket::Formal, Bucket::Unknown] {
            let add = crate::num::mul(w, c.scores.get(b)).ok_or_else(|| Error::of(ErrorCode::LimitExceeded, Msg::TooLarge {}))?;
            *sums.get_mut(b) += add;
        }
        total += w;
        activities.push(c);
    }
    let shares = sums.normalised();
    let mut findings = Vec::new();
    let src = FindingSource { handreiking: Some("70:20:10-model (advies, geen norm)".into()), ..Default::default() };
    if !total.is_zero() {
        let limit = input.target.formal + tolerance;
        if shares.formal > limit {
            findings.push(
                Finding::of(
                    FindingCode::MixFormalHeavy,
                    src.clone(),
                    "/activities",
                    Msg::MixFormalHeavy { formal: shares.formal, target: input.target.formal },
                )
                .with("formal", shares.formal.to_string())
                .with("target", input.target.formal.to_string()),
            );
        }
        if shares.experience.is_zero() {
            findings.push(Finding::of(FindingCode::MixNoWorkplaceLearning, src, "/activities", Msg::MixNoWorkplaceLearning {}));
        }
    }
    Ok(Mix { shares, target: input.target, tolerance, weight: input.weight, total, activities, findings })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn b(t: &str) -> Bucket {
        classify(&ClassifyInput::text(t)).unwrap().bucket
    }

    #[test]
    fn dutch_school_language() {
        assert_eq!(b("intervisiebijeenkomst"), Bucket::Social);
        assert_eq!(b("Lesbezoeken bij collega's"), Bucket::Social);
        assert_eq!(b("Vakliteratuur bijhouden"), Bucket::Formal);
        assert_eq!(b("e-learning"), Bucket::Formal);
        assert_eq!(b("Studiedag formatief evalueren"), Bucket::Formal);
        assert_eq!(b("Innovatieproject digitale geletterdheid"), Bucket::Experience);
        assert_eq!(b("Netwerkbijeenkomst wiskundedocenten"), Bucket::Experience);
        assert_eq!(b("Cursussen klassenmanagement"), Bucket::Formal);
        assert_eq!(b("Coaching door de schoolopleider"), Bucket::Social);
        assert_eq!(b(""), Bucket::Unknown);
        assert_eq!(b("!!!"), Bucket::Unknown);
    }

    #[test]
    fn every_builtin_kind_classifies_by_its_own_label() {
        let t = Taxonomy::builtin();
        assert_eq!(t.kinds().len(), 26);
        for k in t.kinds() {
            let c = classify(&ClassifyInput::kind(&k.id)).unwrap();
            assert_eq!(c.bucket, k.bucket, "{}", k.id);
        }
    }

    #[test]
    fn unknown_kind_is_an_error() {
        let e = classify(&ClassifyInput::kind("nap")).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/kind"));
    }
}
