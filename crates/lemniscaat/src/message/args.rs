//! The arguments of a message: each knows its machine format (for JSON), its text in a language
//! (for the templates), and how many it is (for the templates' choices).

use super::Msg;
use crate::dataset::Section;
use crate::locale::{self, Lang};
use crate::num::RoundingMode;
use crate::options::TemporalProRata;
use crate::people::{Category, EducationLevel};
use crate::plans::{PlanStatus, Role};
use crate::rules::ProRataReading;
use crate::time::SchoolYear;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;

/// An argument in its machine format: decimal strings, ISO dates, ids, numbers, lists.
pub enum ArgValue<'a> {
    /// A text (decimals, dates and ids are texts).
    Str(String),
    /// A whole number.
    Int(i64),
    /// True or false.
    Bool(bool),
    /// Absent.
    Null,
    /// A list.
    List(Vec<ArgValue<'a>>),
    /// A message inside a message.
    Msg(&'a Msg),
    /// JSON as it was read.
    Json(&'a Value),
}

impl Serialize for ArgValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            ArgValue::Str(t) => s.serialize_str(t),
            ArgValue::Int(n) => s.serialize_i64(*n),
            ArgValue::Bool(b) => s.serialize_bool(*b),
            ArgValue::Null => s.serialize_none(),
            ArgValue::List(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    q.serialize_element(i)?;
                }
                q.end()
            }
            ArgValue::Msg(m) => m.serialize(s),
            ArgValue::Json(v) => v.serialize(s),
        }
    }
}

/// A message argument.
pub trait Arg {
    /// The argument in its machine format.
    fn value(&self) -> ArgValue<'_>;
    /// The argument as a person reads it in `l`, in the format `kind` names (empty: its own).
    fn text(&self, kind: &str, l: Lang) -> String;
    /// How many it is, for a template's choice: a number's value, a list's length, 1 or 0 for
    /// true or false and for a present or absent value.
    fn count(&self) -> u64 {
        1
    }
}

/// A text argument in `kind`'s format: a rule set's name, a stage's, bucket's or label's words,
/// else the text itself.
fn text_of(s: &str, kind: &str, l: Lang) -> String {
    match kind {
        "rule_set" => super::rule_set_name(s),
        "stage" => locale::stage(s, l),
        "bucket" => locale::bucket(s, l),
        "label" | "labels" => super::template::label(s, l),
        _ => s.to_string(),
    }
}

impl Arg for String {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Str(self.clone())
    }
    fn text(&self, kind: &str, l: Lang) -> String {
        text_of(self, kind, l)
    }
    fn count(&self) -> u64 {
        u64::from(!self.is_empty())
    }
}

/// A text shared with the rule book (a rule set's id, an article or lid).
impl Arg for Arc<str> {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Str(self.to_string())
    }
    fn text(&self, kind: &str, l: Lang) -> String {
        text_of(self, kind, l)
    }
    fn count(&self) -> u64 {
        u64::from(!self.is_empty())
    }
}

impl Arg for Decimal {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Str(self.to_string())
    }
    fn text(&self, kind: &str, l: Lang) -> String {
        match kind {
            "hours" => locale::hours(*self, l),
            "money" => locale::money(*self, l),
            "percent" => locale::percent(*self, 2, l),
            "percent0" => locale::percent(*self, 0, l),
            "share" => locale::share(*self, l),
            _ => locale::number(*self, l),
        }
    }
    fn count(&self) -> u64 {
        u64::from(!self.is_zero())
    }
}

impl Arg for NaiveDate {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Str(self.to_string())
    }
    fn text(&self, _: &str, l: Lang) -> String {
        locale::date(*self, l)
    }
}

impl Arg for SchoolYear {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Str(self.to_string())
    }
    fn text(&self, _: &str, _: Lang) -> String {
        self.to_string()
    }
}

impl Arg for bool {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Bool(*self)
    }
    fn text(&self, _: &str, _: Lang) -> String {
        String::new()
    }
    fn count(&self) -> u64 {
        u64::from(*self)
    }
}

/// Whole numbers: as they are (`2026`, `365`), grouped with `number`, counted from one with
/// `plus1` (an index in the input).
macro_rules! whole {
    ($($t:ty),*) => {
        $(impl Arg for $t {
            fn value(&self) -> ArgValue<'_> {
                ArgValue::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
            fn text(&self, kind: &str, l: Lang) -> String {
                let n = i64::try_from(*self).unwrap_or(i64::MAX);
                match kind {
                    "number" => locale::number(Decimal::from(n), l),
                    "plus1" => n.saturating_add(1).to_string(),
                    _ => n.to_string(),
                }
            }
            fn count(&self) -> u64 {
                u64::try_from(*self).unwrap_or(0)
            }
        })*
    };
}

whole!(u32, usize, i32, i64);

/// The library's enums: their id in JSON, their label in a text.
macro_rules! labelled {
    ($($t:ty => $label:path),* $(,)?) => {
        $(impl Arg for $t {
            fn value(&self) -> ArgValue<'_> {
                ArgValue::Str(self.as_str().to_string())
            }
            fn text(&self, _: &str, l: Lang) -> String {
                $label(*self, l).to_string()
            }
        })*
    };
}

labelled! {
    Category => locale::category,
    EducationLevel => locale::level,
    PlanStatus => locale::plan_status,
    Role => locale::role,
    Section => locale::section,
    RoundingMode => locale::rounding_mode,
    ProRataReading => locale::reading,
    TemporalProRata => locale::temporal,
}

impl<T: Arg> Arg for Option<T> {
    fn value(&self) -> ArgValue<'_> {
        self.as_ref().map_or(ArgValue::Null, Arg::value)
    }
    fn text(&self, kind: &str, l: Lang) -> String {
        self.as_ref().map(|x| x.text(kind, l)).unwrap_or_default()
    }
    fn count(&self) -> u64 {
        u64::from(self.is_some())
    }
}

impl<T: Arg> Arg for Vec<T> {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::List(self.iter().map(Arg::value).collect())
    }
    /// The items in a list in prose (`a, b en c`), each in `kind`'s format.
    fn text(&self, kind: &str, l: Lang) -> String {
        let items: Vec<String> = self.iter().map(|x| x.text(kind, l)).collect();
        locale::list(&items, l)
    }
    fn count(&self) -> u64 {
        self.len() as u64
    }
}

impl Arg for Box<Msg> {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Msg(self)
    }
    fn text(&self, _: &str, l: Lang) -> String {
        self.render(l)
    }
}

impl Arg for Value {
    fn value(&self) -> ArgValue<'_> {
        ArgValue::Json(self)
    }
    fn text(&self, _: &str, _: Lang) -> String {
        self.to_string()
    }
}
