//! Findings: what validation returns for well-formed input that breaks the CAO or the
//! handreiking's advice. Findings are data, never errors.

use crate::locale::Lang;
use crate::message::Msg;
use crate::rules::{Confidence, Param, RuleSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Violates the CAO.
    Error,
    /// Against the handreiking's advice, or likely a mistake.
    Warning,
    /// Advice.
    Info,
}

impl Severity {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! codes {
    ($( $(#[$m:meta])* $v:ident = $s:literal : $sev:ident ),* $(,)?) => {
        /// The stable finding codes of `domain.md` section 6.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum FindingCode {
            $( $(#[$m])* #[serde(rename = $s)] $v, )*
        }

        impl FindingCode {
            /// All codes.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$v),*];

            /// The stable string, e.g. `"KADERS_MISSING"`.
            pub fn as_str(self) -> &'static str {
                match self { $(FindingCode::$v => $s,)* }
            }

            /// The severity of the code.
            pub fn severity(self) -> Severity {
                match self { $(FindingCode::$v => Severity::$sev,)* }
            }

            /// Parses a code.
            pub fn parse(s: &str) -> Option<FindingCode> {
                match s { $($s => Some(FindingCode::$v),)* _ => None }
            }
        }
    };
}

codes! {
    /// A school year has no kaders in force for the school.
    KadersMissing = "KADERS_MISSING": Error,
    /// The latest kaders were agreed more than 4 years before the as-of date.
    KadersExpired = "KADERS_EXPIRED": Error,
    /// Kaders lack element (a), (b) or (c) of 17.2 lid 2.
    KadersElementMissing = "KADERS_ELEMENT_MISSING": Error,
    /// Kaders agreed without a recorded P(G)MR consultation.
    KadersNoPgmrConsultation = "KADERS_NO_PGMR_CONSULTATION": Error,
    /// A handreiking-recommended section of the kaders is absent.
    KadersSectionRecommended = "KADERS_SECTION_RECOMMENDED": Info,
    /// A school has no collective plan for the school year.
    CollectivePlanMissing = "COLLECTIVE_PLAN_MISSING": Error,
    /// Collective plan without recorded PMR consultation.
    CollectivePlanNoPmrConsultation = "COLLECTIVE_PLAN_NO_PMR_CONSULTATION": Error,
    /// A theme of the collective plan names no concrete activity.
    CollectivePlanNoActivities = "COLLECTIVE_PLAN_NO_ACTIVITIES": Error,
    /// A collective-plan theme does not appear in the kaders in force.
    ThemeNotInKaders = "THEME_NOT_IN_KADERS": Warning,
    /// A theme names no target group.
    ThemeNoTargetGroup = "THEME_NO_TARGET_GROUP": Warning,
    /// A theme names no facilities.
    ThemeNoFacilities = "THEME_NO_FACILITIES": Warning,
    /// A theme says nothing on evaluation or accountability.
    ThemeNoEvaluation = "THEME_NO_EVALUATION": Warning,
    /// A team goal lacks a measure or a deadline.
    TeamGoalNotSmart = "TEAM_GOAL_NOT_SMART": Warning,
    /// A collective plan takes up no theme of the school's team and personal plans.
    CollectivePlanNoBottomUp = "COLLECTIVE_PLAN_NO_BOTTOM_UP": Warning,
    /// A goal of the personal plan in use lacks a description, a measure or a deadline.
    PersonalGoalNotSmart = "PERSONAL_GOAL_NOT_SMART": Warning,
    /// The use of the basisrecht in a school year was not accounted for in a conversation since.
    UseNotAccountedFor = "USE_NOT_ACCOUNTED_FOR": Warning,
    /// An employee in service for over 3 years has no personal plan.
    PersonalPlanMissing = "PERSONAL_PLAN_MISSING": Error,
    /// The latest agreed personal plan is older than 3 years.
    PersonalPlanExpired = "PERSONAL_PLAN_EXPIRED": Error,
    /// The personal plan expires within the notice window.
    PersonalPlanDueSoon = "PERSONAL_PLAN_DUE_SOON": Info,
    /// A personal plan is used while not agreed by the manager.
    PersonalPlanNotApproved = "PERSONAL_PLAN_NOT_APPROVED": Error,
    /// Element (a), (b) or (c) of 17.3 lid 2 is absent.
    PersonalPlanElementMissing = "PERSONAL_PLAN_ELEMENT_MISSING": Error,
    /// No conversation-cycle meeting in the last 12 months.
    NoYearlyConversation = "NO_YEARLY_CONVERSATION": Warning,
    /// A personal goal links to no team goal or school theme.
    GoalNotAligned = "GOAL_NOT_ALIGNED": Info,
    /// An EVC-eligible employee's plan does not mention it.
    EvcOfferMissing = "EVC_OFFER_MISSING": Warning,
    /// A startkwalificatie-eligible employee's plan does not mention it.
    StartkwalificatieOfferMissing = "STARTKWALIFICATIE_OFFER_MISSING": Warning,
    /// A personal plan charges hours or money of the basisrecht to an activity the employer
    /// assigned, without the employee's consent (17.4 lid 2, 17.5 lid 2; otherwise 17.7).
    PersonalActivityAssignedWithoutConsent = "PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT": Error,
    /// Basisrecht charged for an assigned activity without consent.
    AssignedWithoutConsent = "ASSIGNED_WITHOUT_CONSENT": Error,
    /// A usage exceeds the available balance.
    InsufficientBalance = "INSUFFICIENT_BALANCE": Error,
    /// A saving agreement outside the rule set's limits.
    SavingNotAllowed = "SAVING_NOT_ALLOWED": Error,
    /// Concurrent appointments sum above wtf 1.0.
    WtfAboveFullTime = "WTF_ABOVE_FULL_TIME": Warning,
    /// The taakbeleid gives fewer free professionalisation hours than the basisrecht (17.8).
    TaakbeleidBelowBasisrecht = "TAAKBELEID_BELOW_BASISRECHT": Error,
    /// Less than 10% of the personele lumpsum spent (17.2 lid 1).
    LumpsumBelow10Percent = "LUMPSUM_BELOW_10_PERCENT": Error,
    /// The annual report over a year is missing or does not account for the spending on
    /// professionalisation (17.2 lid 4); judged when the dataset records annual reports.
    AnnualReportNoAccountability = "ANNUAL_REPORT_NO_ACCOUNTABILITY": Error,
    /// 70:20:10 mix: the formal share is far above 10% (advice only).
    MixFormalHeavy = "MIX_FORMAL_HEAVY": Info,
    /// No experience (70) activities at all.
    MixNoWorkplaceLearning = "MIX_NO_WORKPLACE_LEARNING": Info,
    /// A lemniscate stage saw no activity in the cycle window.
    CycleStageNotAttended = "CYCLE_STAGE_NOT_ATTENDED": Warning,
    /// A date beyond the last known rule set (lenient mode).
    RulesOutOfRange = "RULES_OUT_OF_RANGE": Warning,
    /// A personal or team goal links to an id that does not exist.
    UnknownReference = "UNKNOWN_REFERENCE": Warning,
}

/// Where a finding's rule comes from: a rule set article, or a handreiking section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FindingSource {
    /// Rule set id, for CAO rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<Arc<str>>,
    /// Article in that rule set's numbering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Arc<str>>,
    /// Lid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lid: Option<Arc<str>>,
    /// A handreiking section, for advice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handreiking: Option<String>,
    /// How sure the article number is in this rule set (`inferred`: renumbered by analogy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl FindingSource {
    /// The source of a rule-set parameter's rule.
    pub fn param<T>(rs: &RuleSet, p: &Param<T>) -> FindingSource {
        FindingSource {
            rule_set: Some(rs.id.clone()),
            article: p.article.clone(),
            lid: p.lid.clone(),
            handreiking: None,
            confidence: Some(p.provenance.of_article()),
        }
    }

    /// The source of a rule by its key in the rule set (`consent_hours`, `taakbeleid`, ...).
    pub fn article(rs: &RuleSet, key: &str) -> FindingSource {
        let a = rs.article(key);
        FindingSource {
            rule_set: Some(rs.id.clone()),
            article: a.map(|a| a.article.clone()),
            lid: a.and_then(|a| a.lid.clone()),
            handreiking: None,
            confidence: a.map(|a| a.provenance.of_article()),
        }
    }

    /// A handreiking section.
    pub fn handreiking(section: &str) -> FindingSource {
        FindingSource { handreiking: Some(section.into()), ..Default::default() }
    }

    /// The source as a person reads it: `CAO VO 2024-2025, art. 16.8 lid 2 (artikelnummer
    /// afgeleid)`, `handreiking: ...`.
    pub fn text(&self, l: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(r) = &self.rule_set {
            parts.push(crate::message::rule(r, self.article.as_deref(), self.lid.as_deref(), None, self.confidence, l));
        }
        if let Some(h) = &self.handreiking {
            parts.push(format!("handreiking: {h}"));
        }
        parts.join("; ")
    }

    /// The source as a citation: `cao-vo-2014-2015 art. 17.3 lid 1` or `handreiking: ...`.
    pub fn citation(&self) -> String {
        let mut s = String::new();
        if let Some(r) = &self.rule_set {
            s.push_str(r);
        }
        if let Some(a) = &self.article {
            s.push_str(&format!(" art. {a}"));
        }
        if let Some(l) = &self.lid {
            s.push_str(&format!(" lid {l}"));
        }
        if let Some(h) = &self.handreiking {
            if !s.is_empty() {
                s.push_str("; ");
            }
            s.push_str(&format!("handreiking: {h}"));
        }
        s
    }
}

/// A data item of a finding: a text (dates, amounts and ids are texts) or a list of texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum DataValue {
    /// A text, e.g. `"2015-03-01"`, `"66.40"`, `"E1"`.
    Text(String),
    /// A list of texts, e.g. the missing elements `["b"]`.
    List(Vec<String>),
}

impl From<String> for DataValue {
    fn from(s: String) -> Self {
        DataValue::Text(s)
    }
}

impl From<&str> for DataValue {
    fn from(s: &str) -> Self {
        DataValue::Text(s.to_string())
    }
}

impl From<Vec<&str>> for DataValue {
    fn from(v: Vec<&str>) -> Self {
        DataValue::List(v.into_iter().map(String::from).collect())
    }
}

impl From<Vec<String>> for DataValue {
    fn from(v: Vec<String>) -> Self {
        DataValue::List(v)
    }
}

/// A finding: a stable code, its severity, source, JSON Pointer path, message and data.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The code.
    pub code: FindingCode,
    /// The severity.
    pub severity: Severity,
    /// Where the rule comes from.
    pub source: FindingSource,
    /// JSON Pointer into the input.
    pub path: String,
    /// What the finding says, rendered in a language only when asked ([`Finding::text`]).
    pub message: Msg,
    /// Structured data (dates, amounts as strings, ids).
    pub data: BTreeMap<String, DataValue>,
}

/// A finding as JSON: its texts in both languages beside the message's id and arguments.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct FindingOut<'a> {
    /// The stable code (`docs/codes.md`).
    code: FindingCode,
    /// The severity.
    severity: Severity,
    /// Where the rule comes from.
    source: &'a FindingSource,
    /// JSON Pointer into the input.
    path: &'a str,
    /// What the finding says, in English.
    message_en: String,
    /// What the finding says, in Dutch.
    message_nl: String,
    /// The message behind both texts: its id and arguments.
    message: &'a Msg,
    /// Structured data (dates, amounts as strings, ids).
    data: &'a BTreeMap<String, DataValue>,
}

/// A finding read back from JSON: its message, or its texts as a [`Msg::Text`].
#[derive(Deserialize)]
struct FindingIn {
    #[serde(default)]
    message: Option<serde_json::Value>,
    code: FindingCode,
    severity: Severity,
    source: FindingSource,
    path: String,
    message_en: String,
    message_nl: String,
    #[serde(default)]
    data: BTreeMap<String, DataValue>,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        FindingOut {
            code: self.code,
            severity: self.severity,
            source: &self.source,
            path: &self.path,
            message_en: self.message_en(),
            message_nl: self.message_nl(),
            message: &self.message,
            data: &self.data,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = FindingIn::deserialize(d)?;
        let message = crate::message::read_back(w.message, w.message_en, w.message_nl);
        Ok(Finding { code: w.code, severity: w.severity, source: w.source, path: w.path, message, data: w.data })
    }
}

impl Finding {
    /// A finding with the code's own severity.
    ///
    /// ```
    /// use lemniscaat::finding::{Finding, FindingCode, FindingSource, Severity};
    /// use lemniscaat::message::Msg;
    /// let f = Finding::of(FindingCode::KadersMissing, FindingSource::default(), "/kaders", Msg::Text { en: "no kaders".into(), nl: "geen kaders".into() });
    /// assert_eq!(f.severity, Severity::Error);
    /// assert_eq!(f.message_nl(), "geen kaders");
    /// ```
    pub fn of(code: FindingCode, source: FindingSource, path: impl Into<String>, message: Msg) -> Finding {
        Finding { code, severity: code.severity(), source, path: path.into(), message, data: BTreeMap::new() }
    }

    /// A finding with its texts given in both languages.
    pub fn new(code: FindingCode, source: FindingSource, path: impl Into<String>, en: impl Into<String>, nl: impl Into<String>) -> Finding {
        Finding::of(code, source, path, Msg::Text { en: en.into(), nl: nl.into() })
    }

    /// Adds a data item.
    pub fn with(mut self, key: &str, value: impl Into<DataValue>) -> Finding {
        self.data.insert(key.to_string(), value.into());
        self
    }

    /// The message in `l`.
    pub fn text(&self, l: Lang) -> String {
        self.message.render(l)
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.message.en()
    }

    /// The Dutch message.
    pub fn message_nl(&self) -> String {
        self.message.nl()
    }
}

crate::schema::written_as!(Finding, "Finding" => FindingOut<'static>);
