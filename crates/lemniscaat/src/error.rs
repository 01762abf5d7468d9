//! The one error type of the library: a stable code, a JSON Pointer path where input caused it,
//! and a message in Dutch and English.
//!
//! Errors are for input the library refuses (malformed JSON, a wtf out of range, a ledger event
//! that would overdraw a balance). A well-formed plan that breaks the CAO is not an error: it gets
//! findings (see [`crate::finding`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable error codes of `domain.md` section 6. Every binding exposes them as strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
/// (empty when the input as a whole is at fault), and messages in Dutch and English.
///
/// ```
/// use lemniscaat::{Wtf, ErrorCode};
/// let err = "1.2".parse::<Wtf>().unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidWtf);
/// assert!(err.message_nl().contains("werktijdfactor"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code}{}: {message_en}", if path.is_empty() { String::new() } else { format!(" at {path}") })]
pub struct Error {
    code: ErrorCode,
    path: String,
    message_en: String,
    message_nl: String,
}

impl Error {
    /// A new error with its code and messages, without a path.
    pub fn new(code: ErrorCode, message_en: impl Into<String>, message_nl: impl Into<String>) -> Self {
        Error { code, path: String::new(), message_en: message_en.into(), message_nl: message_nl.into() }
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

    /// The English message.
    pub fn message_en(&self) -> &str {
        &self.message_en
    }

    /// The Dutch message.
    pub fn message_nl(&self) -> &str {
        &self.message_nl
    }

    /// The message in a language: `"nl"` gives Dutch, anything else English.
    pub fn message(&self, lang: &str) -> &str {
        if lang == "nl" {
            &self.message_nl
        } else {
            &self.message_en
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Marks a message raised inside a serde deserializer with the code it stands for, so that
/// [`crate::json`] can give the right code with the path serde knows. The format is
/// `"[CODE] english | dutch"`.
pub(crate) fn tagged(code: ErrorCode, en: &str, nl: &str) -> String {
    format!("[{}] {} | {}", code.as_str(), en, nl)
}

/// Like [`tagged`], with a path below the value being deserialised (e.g. `/end`).
pub(crate) fn tagged_at(code: ErrorCode, sub: &str, en: &str, nl: &str) -> String {
    format!("[{}@{}] {} | {}", code.as_str(), sub, en, nl)
}

/// Reads back a message made by [`tagged`] or [`tagged_at`]: code, sub-path, English, Dutch.
pub(crate) fn untag(msg: &str) -> Option<(ErrorCode, String, String, String)> {
    let rest = msg.strip_prefix('[')?;
    let (head, rest) = rest.split_once("] ")?;
    let (code, sub) = head.split_once('@').unwrap_or((head, ""));
    let code = ErrorCode::parse(code)?;
    let (en, nl) = rest.split_once(" | ").unwrap_or((rest, rest));
    Some((code, sub.to_string(), en.to_string(), nl.to_string()))
}

impl From<Error> for String {
    fn from(e: Error) -> String {
        if e.path.is_empty() {
            tagged(e.code, &e.message_en, &e.message_nl)
        } else {
            tagged_at(e.code, &e.path, &e.message_en, &e.message_nl)
        }
    }
}
