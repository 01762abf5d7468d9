//! The one error of the binding: `LemniscaatException` in Kotlin (a sealed class, one subclass
//! per family), `LemniscaatError` in Swift. Every variant carries the core's stable [`ErrorCode`],
//! the JSON Pointer path of the offending value, and the messages in English and Dutch. Its text
//! (Rust `Display`, exported: Kotlin's `message` and `toString()`, Swift's `description` and
//! `localizedDescription`) is a sentence: the English message, then the code and the path, e.g.
//! `Unknown value 'x' (INVALID_VALUE at /appointments/0/category)`.

crate::model::core_enum! {
    /// The stable error codes of `domain.md` section 6 (`docs/codes.md`): strings in JSON, Python and
    /// JavaScript, an enum in Kotlin and Swift.
    ErrorCode = lemniscaat::ErrorCode {
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
}

/// An input the library refuses, by family (the families of `docs/codes.md`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum LemniscaatError {
    /// Malformed input: JSON, unknown or missing fields, decimals, dates, school years, wtf, ranges.
    Input {
        /// The stable code.
        code: ErrorCode,
        /// JSON Pointer of the offending value (empty when the whole input is meant).
        path: String,
        /// English message.
        message_en: String,
        /// Dutch message.
        message_nl: String,
    },
    /// Rule set selection: `UNKNOWN_RULE_SET`, `RULES_NOT_IN_FORCE`.
    Rules {
        /// The stable code.
        code: ErrorCode,
        /// JSON Pointer of the offending value.
        path: String,
        /// English message.
        message_en: String,
        /// Dutch message.
        message_nl: String,
    },
    /// A refused ledger event: `INSUFFICIENT_BALANCE`, `ASSIGNED_WITHOUT_CONSENT`, `SAVING_NOT_ALLOWED`.
    Ledger {
        /// The stable code.
        code: ErrorCode,
        /// JSON Pointer of the offending event.
        path: String,
        /// English message.
        message_en: String,
        /// Dutch message.
        message_nl: String,
    },
    /// `ILLEGAL_TRANSITION` in a plan's lifecycle.
    Plan {
        /// The stable code.
        code: ErrorCode,
        /// JSON Pointer of the offending value.
        path: String,
        /// English message.
        message_en: String,
        /// Dutch message.
        message_nl: String,
    },
    /// `LIMIT_EXCEEDED`: input beyond the documented size limits.
    Limit {
        /// The stable code.
        code: ErrorCode,
        /// JSON Pointer of the offending value.
        path: String,
        /// English message.
        message_en: String,
        /// Dutch message.
        message_nl: String,
    },
    /// A result the binding could not carry over: a bug of the binding, never of the input.
    /// The tests replay every vector through the records to keep this unreachable.
    Internal {
        /// What failed.
        detail: String,
    },
}

impl LemniscaatError {
    /// The stable code of any variant but `Internal`.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            LemniscaatError::Input { code, .. }
            | LemniscaatError::Rules { code, .. }
            | LemniscaatError::Ledger { code, .. }
            | LemniscaatError::Plan { code, .. }
            | LemniscaatError::Limit { code, .. } => Some(*code),
            LemniscaatError::Internal { .. } => None,
        }
    }

    /// The JSON Pointer path of any variant but `Internal`.
    pub fn path(&self) -> &str {
        match self {
            LemniscaatError::Input { path, .. }
            | LemniscaatError::Rules { path, .. }
            | LemniscaatError::Ledger { path, .. }
            | LemniscaatError::Plan { path, .. }
            | LemniscaatError::Limit { path, .. } => path,
            LemniscaatError::Internal { .. } => "",
        }
    }
}

/// The English message, then the code and the path: `Unknown value 'x' (INVALID_VALUE at
/// /appointments/0/category)`; without a path, `(INVALID_JSON)`.
impl std::fmt::Display for LemniscaatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LemniscaatError::Input { code, path, message_en, .. }
            | LemniscaatError::Rules { code, path, message_en, .. }
            | LemniscaatError::Ledger { code, path, message_en, .. }
            | LemniscaatError::Plan { code, path, message_en, .. }
            | LemniscaatError::Limit { code, path, message_en, .. } => {
                write!(f, "{message_en} ({}", code.as_str())?;
                if !path.is_empty() {
                    write!(f, " at {path}")?;
                }
                f.write_str(")")
            }
            LemniscaatError::Internal { detail } => write!(f, "Internal error of the binding: {detail} (INTERNAL)"),
        }
    }
}

impl std::error::Error for LemniscaatError {}

impl From<lemniscaat::Error> for LemniscaatError {
    fn from(e: lemniscaat::Error) -> LemniscaatError {
        let (code, path, message_en, message_nl) = (e.code(), e.path().to_string(), e.message_en().to_string(), e.message_nl().to_string());
        match e.code().family() {
            "rules" => LemniscaatError::Rules { code, path, message_en, message_nl },
            "ledger" => LemniscaatError::Ledger { code, path, message_en, message_nl },
            "plan" => LemniscaatError::Plan { code, path, message_en, message_nl },
            "limit" => LemniscaatError::Limit { code, path, message_en, message_nl },
            _ => LemniscaatError::Input { code, path, message_en, message_nl },
        }
    }
}
