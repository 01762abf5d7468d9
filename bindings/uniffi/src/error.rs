//! The one error of the binding: `LemniscaatException` in Kotlin (a sealed class, one subclass
//! per family), `LemniscaatError` in Swift. Every variant carries the core's stable [`ErrorCode`],
//! the JSON Pointer path of the offending value, and the messages in English and Dutch.

/// The stable error codes of the core (`docs/codes.md`), as an enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ErrorCode {
    /// Malformed JSON text.
    InvalidJson,
    /// A field the format does not know.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A value outside its domain (an unknown category, option or language).
    InvalidValue,
    /// Not a decimal, or a number where a decimal string is needed.
    InvalidDecimal,
    /// Not an ISO date.
    InvalidDate,
    /// Not a school year such as `2014-2015`.
    InvalidSchoolYear,
    /// A wtf not above 0 or above 1.
    InvalidWtf,
    /// An end before a start.
    InvalidDateRange,
    /// A pinned rule set that does not exist.
    UnknownRuleSet,
    /// No rule set in force for the date (strict mode).
    RulesNotInForce,
    /// A ledger event would overdraw a balance.
    InsufficientBalance,
    /// Assigned work drawn from the basisrecht without the employee's consent.
    AssignedWithoutConsent,
    /// A saving the rule set does not allow.
    SavingNotAllowed,
    /// A plan lifecycle step that is not allowed.
    IllegalTransition,
    /// Input beyond the documented size limits.
    LimitExceeded,
}

/// The two directions between the core's codes and the binding's, from one list (an exhaustive
/// match each way keeps the two enums in step).
macro_rules! same_codes {
    ($($v:ident),* $(,)?) => {
        impl From<lemniscaat::ErrorCode> for ErrorCode {
            fn from(c: lemniscaat::ErrorCode) -> ErrorCode {
                match c { $(lemniscaat::ErrorCode::$v => ErrorCode::$v,)* }
            }
        }

        impl ErrorCode {
            /// The stable text of the code, e.g. `INVALID_WTF`.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$v => lemniscaat::ErrorCode::$v.as_str(),)* }
            }
        }
    };
}

same_codes!(
    InvalidJson,
    UnknownField,
    MissingField,
    InvalidValue,
    InvalidDecimal,
    InvalidDate,
    InvalidSchoolYear,
    InvalidWtf,
    InvalidDateRange,
    UnknownRuleSet,
    RulesNotInForce,
    InsufficientBalance,
    AssignedWithoutConsent,
    SavingNotAllowed,
    IllegalTransition,
    LimitExceeded,
);

/// An input the library refuses, by family (the families of `docs/codes.md`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum LemniscaatError {
    /// Malformed input: JSON, unknown or missing fields, decimals, dates, school years, wtf, ranges.
    #[error("{code:?} at '{path}': {message_en}")]
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
    #[error("{code:?} at '{path}': {message_en}")]
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
    #[error("{code:?} at '{path}': {message_en}")]
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
    #[error("{code:?} at '{path}': {message_en}")]
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
    #[error("{code:?} at '{path}': {message_en}")]
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
    #[error("internal error of the binding: {detail}")]
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

impl From<lemniscaat::Error> for LemniscaatError {
    fn from(e: lemniscaat::Error) -> LemniscaatError {
        let (code, path, message_en, message_nl) =
            (ErrorCode::from(e.code()), e.path().to_string(), e.message_en().to_string(), e.message_nl().to_string());
        match e.code().family() {
            "rules" => LemniscaatError::Rules { code, path, message_en, message_nl },
            "ledger" => LemniscaatError::Ledger { code, path, message_en, message_nl },
            "plan" => LemniscaatError::Plan { code, path, message_en, message_nl },
            "limit" => LemniscaatError::Limit { code, path, message_en, message_nl },
            _ => LemniscaatError::Input { code, path, message_en, message_nl },
        }
    }
}
