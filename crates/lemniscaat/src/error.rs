//! The one error type of the library: a stable code, a JSON Pointer path where input caused it,
//! and a message in Dutch and English.
//!
//! Errors are for input the library refuses (malformed JSON, a wtf out of range, a ledger event
//! that would overdraw a balance). A well-formed plan that breaks the CAO is not an error: it gets
//! findings (see [`crate::finding`]).

use crate::message::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable error codes of `domain.md` section 6 (`docs/codes.md`): strings in JSON, Python and
/// JavaScript, an enum in Kotlin and Swift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// The document is not JSON.
    InvalidJson,
    /// A field that is not part of the format.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A value of the wrong type or outside its set (an unknown enum value).
    InvalidValue,
    /// A decimal that does not parse.
    InvalidDecimal,
    /// A date that does not parse (ISO `YYYY-MM-DD` is required).
    InvalidDate,
    /// A school year that does not parse.
    InvalidSchoolYear,
    /// A werktijdfactor at or below zero, or above one.
    InvalidWtf,
    /// A date range whose end lies before its start.
    InvalidDateRange,
    /// A pinned rule set id that does not exist.
    UnknownRuleSet,
    /// No rule set covers the school year (before 2014-2015, or past the known rules in strict mode).
    RulesNotInForce,
    /// A usage exceeds the available balance.
    InsufficientBalance,
    /// The basisrecht charged for an assigned activity without the employee's consent.
    AssignedWithoutConsent,
    /// A saving agreement outside the rule set's limits.
    SavingNotAllowed,
    /// A plan lifecycle transition that is not allowed.
    IllegalTransition,
    /// Input beyond the documented size limits.
    LimitExceeded,
}

impl ErrorCode {
    /// All codes, in the order of `domain.md`.
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::InvalidJson,
        ErrorCode::UnknownField,
        ErrorCode::MissingField,
        ErrorCode::InvalidValue,
        ErrorCode::InvalidDecimal,
        ErrorCode::InvalidDate,
        ErrorCode::InvalidSchoolYear,
        ErrorCode::InvalidWtf,
        ErrorCode::InvalidDateRange,
        ErrorCode::UnknownRuleSet,
        ErrorCode::RulesNotInForce,
        ErrorCode::InsufficientBalance,
        ErrorCode::AssignedWithoutConsent,
        ErrorCode::SavingNotAllowed,
        ErrorCode::IllegalTransition,
        ErrorCode::LimitExceeded,
    ];

    /// The stable string code, e.g. `"INVALID_WTF"`.
    ///
    /// ```
    /// assert_eq!(lemniscaat::ErrorCode::InvalidWtf.as_str(), "INVALID_WTF");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "INVALID_JSON",
            ErrorCode::UnknownField => "UNKNOWN_FIELD",
            ErrorCode::MissingField => "MISSING_FIELD",
            ErrorCode::InvalidValue => "INVALID_VALUE",
            ErrorCode::InvalidDecimal => "INVALID_DECIMAL",
            ErrorCode::InvalidDate => "INVALID_DATE",
            ErrorCode::InvalidSchoolYear => "INVALID_SCHOOL_YEAR",
            ErrorCode::InvalidWtf => "INVALID_WTF",
            ErrorCode::InvalidDateRange => "INVALID_DATE_RANGE",
            ErrorCode::UnknownRuleSet => "UNKNOWN_RULE_SET",
            ErrorCode::RulesNotInForce => "RULES_NOT_IN_FORCE",
            ErrorCode::InsufficientBalance => "INSUFFICIENT_BALANCE",
            ErrorCode::AssignedWithoutConsent => "ASSIGNED_WITHOUT_CONSENT",
            ErrorCode::SavingNotAllowed => "SAVING_NOT_ALLOWED",
            ErrorCode::IllegalTransition => "ILLEGAL_TRANSITION",
            ErrorCode::LimitExceeded => "LIMIT_EXCEEDED",
        }
    }

    /// Parses a string code; `None` for anything else.
    pub fn parse(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// The error family, used by the bindings for exception subclasses: `input` (malformed or
    /// out-of-range input), `rules` (rule set selection), `ledger` (a refused ledger event),
    /// `plan` (a lifecycle transition) or `limit`.
    pub fn family(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson
            | ErrorCode::UnknownField
            | ErrorCode::MissingField
            | ErrorCode::InvalidValue
            | ErrorCode::InvalidDecimal
            | ErrorCode::InvalidDate
            | ErrorCode::InvalidSchoolYear
            | ErrorCode::InvalidWtf
            | ErrorCode::InvalidDateRange => "input",
            ErrorCode::UnknownRuleSet | ErrorCode::RulesNotInForce => "rules",
            ErrorCode::InsufficientBalance | ErrorCode::AssignedWithoutConsent | ErrorCode::SavingNotAllowed => "ledger",
            ErrorCode::IllegalTransition => "plan",
            ErrorCode::LimitExceeded => "limit",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error of the library: a stable [`ErrorCode`], a JSON Pointer `path` into the input
/// (empty when the input as a whole is at fault), and a message of the catalogue
/// ([`crate::message`]) rendered in Dutch or English when asked.
///
/// ```
/// use lemniscaat::{Wtf, ErrorCode};
/// let err = "1.2".parse::<Wtf>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidWtf);
/// assert!(err.message_nl().contains("werktijdfactor 1,2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    path: String,
    /// Boxed: a `Result` carries the error on every path, so it stays small.
    message: Box<Msg>,
    /// The rule a refusal applies, for a finding made of it (a ledger event refused by the CAO).
    cite: Option<Box<crate::finding::FindingSource>>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        write!(f, ": {}", self.message.en())
    }
}

impl std::error::Error for Error {}

/// An error as JSON: code, path, the texts in both languages and the message's id and arguments.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct ErrorOut<'a> {
    /// The stable code (`docs/codes.md`).
    code: ErrorCode,
    /// JSON Pointer to the offending value, or to the event or line that cannot be applied.
    path: &'a str,
    /// The message in English.
    message_en: String,
    /// The message in Dutch.
    message_nl: String,
    /// The message behind both texts: its id and arguments.
    message: &'a Msg,
}

/// An error read back from JSON.
#[derive(Deserialize)]
struct ErrorIn {
    code: ErrorCode,
    #[serde(default)]
    path: String,
    message_en: String,
    message_nl: String,
    #[serde(default)]
    message: Option<serde_json::Value>,
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        ErrorOut {
            code: self.code,
            path: &self.path,
            message_en: self.message.en(),
            message_nl: self.message.nl(),
            message: self.message.as_ref(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Error {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = ErrorIn::deserialize(d)?;
        let message = crate::message::read_back(w.message, w.message_en, w.message_nl);
        Ok(Error { code: w.code, path: w.path, message: Box::new(message), cite: None })
    }
}

impl Error {
    /// A new error with its code and message of the catalogue, without a path.
    pub fn of(code: ErrorCode, message: Msg) -> Self {
        Error { code, path: String::new(), message: Box::new(message), cite: None }
    }

    /// A new error with its code and texts given in both languages, without a path.
    pub fn new(code: ErrorCode, message_en: impl Into<String>, message_nl: impl Into<String>) -> Self {
        Error::of(code, Msg::Text { en: message_en.into(), nl: message_nl.into() })
    }

    /// The same error, with the rule it applies (for the finding a validation makes of it).
    pub(crate) fn citing(mut self, source: crate::finding::FindingSource) -> Self {
        self.cite = Some(Box::new(source));
        self
    }

    /// The rule a refusal applies, when it has one.
    pub fn cites(&self) -> Option<&crate::finding::FindingSource> {
        self.cite.as_deref()
    }

    /// The same error, located at a JSON Pointer path (e.g. `/appointments/0/wtf`).
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The same error, with `prefix` put before its path (used when an inner value is part of a
    /// larger document).
    pub fn within(mut self, prefix: &str) -> Self {
        self.path = format!("{prefix}{}", self.path);
        self
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The JSON Pointer path into the input, empty when the input as a whole is at fault.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The message of the catalogue.
    pub fn msg(&self) -> &Msg {
        &self.message
    }

    /// The message of the catalogue, taken out of the error.
    pub fn into_msg(self) -> Box<Msg> {
        self.message
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.message.en()
    }

    /// The Dutch message.
    pub fn message_nl(&self) -> String {
        self.message.nl()
    }

    /// The message in a language: `"nl"` gives Dutch, anything else English.
    pub fn message(&self, lang: &str) -> String {
        self.message.render(if lang == "nl" { crate::locale::Lang::Nl } else { crate::locale::Lang::En })
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

thread_local! {
    /// Errors raised inside serde deserializers, kept whole (code, message and path below the
    /// value) until [`crate::json`] places them; serde itself carries only a marker string.
    static RAISED: std::cell::RefCell<(u64, Vec<(u64, Error)>)> = const { std::cell::RefCell::new((0, Vec::new())) };
}

/// Keeps an error raised inside a serde deserializer and gives the marker that serde carries in
/// its place: `[lemniscaat-error N]`. Only the last few are kept (a deserializer that tries
/// several shapes discards the errors of the others).
pub(crate) fn tagged(e: Error) -> String {
    RAISED.with(|r| {
        let mut r = r.borrow_mut();
        r.0 += 1;
        let n = r.0;
        if r.1.len() >= 8 {
            r.1.remove(0);
        }
        r.1.push((n, e));
        format!("[lemniscaat-error {n}]")
    })
}

/// The error behind a marker made by [`tagged`]: its code, path below the value, and message.
pub(crate) fn untag(msg: &str) -> Option<(ErrorCode, String, Msg)> {
    let n: u64 = msg.strip_prefix("[lemniscaat-error ")?.split(']').next()?.parse().ok()?;
    RAISED.with(|r| {
        let mut r = r.borrow_mut();
        let i = r.1.iter().position(|(k, _)| *k == n)?;
        let (_, e) = r.1.remove(i);
        Some((e.code, e.path, *e.message))
    })
}

impl From<Error> for String {
    fn from(e: Error) -> String {
        tagged(e)
    }
}

crate::schema::written_as!(Error, "Error" => ErrorOut<'static>);
