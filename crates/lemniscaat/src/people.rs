//! People: function categories, the werktijdfactor, appointments and education levels.

use crate::error::{Error, ErrorCode, Result};
use crate::message::Msg;
use crate::time::{self, DateRange};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The function category (`functiecategorie`) of an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Leraar (scales LB, LC, LD, LE): art. 17.4 lid 1 and 17.5 lid 1 (2014 numbering).
    Teacher,
    /// Onderwijsondersteunend personeel (OOP): art. 17.4 lid 3 and 17.5 lid 3.
    Support,
    /// Directie: no statutory basisrecht in article 17; zero unless the caller configures one.
    Management,
}

impl Category {
    /// All categories.
    pub const ALL: [Category; 3] = [Category::Teacher, Category::Support, Category::Management];

    /// The snake_case id.
    ///
    /// ```
    /// assert_eq!(lemniscaat::Category::Support.as_str(), "support");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Teacher => "teacher",
            Category::Support => "support",
            Category::Management => "management",
        }
    }

    /// The Dutch label.
    pub fn label_nl(self) -> &'static str {
        match self {
            Category::Teacher => "leraar",
            Category::Support => "onderwijsondersteunend personeel",
            Category::Management => "directie",
        }
    }

    /// Index 0..3 for per-category arrays.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The werktijdfactor (wtf, betrekkingsomvang as in the akte van benoeming) of one appointment:
/// a decimal above 0 and at most 1.
///
/// ```
/// use lemniscaat::Wtf;
/// let w: Wtf = "0.6".parse().unwrap();
/// assert_eq!(w.to_string(), "0.6");
/// assert!("0".parse::<Wtf>().is_err());
/// assert!("1.0001".parse::<Wtf>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wtf(Decimal);

impl Wtf {
    /// Full time.
    pub const FULL: Wtf = Wtf(Decimal::ONE);

    /// A wtf; `INVALID_WTF` unless `0 < value <= 1`.
    pub fn new(value: Decimal) -> Result<Wtf> {
        if value <= Decimal::ZERO || value > Decimal::ONE {
            return Err(Error::of(ErrorCode::InvalidWtf, Msg::WtfOutOfRange { wtf: value }));
        }
        Ok(Wtf(value))
    }

    /// The value.
    pub fn value(&self) -> Decimal {
        self.0
    }
}

impl FromStr for Wtf {
    type Err = Error;
    fn from_str(s: &str) -> Result<Wtf> {
        Wtf::new(crate::num::parse_decimal(s)?)
    }
}

impl fmt::Display for Wtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Wtf {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        crate::num::dec::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for Wtf {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = crate::num::dec::deserialize(d)?;
        Wtf::new(v).map_err(|e| serde::de::Error::custom(String::from(e)))
    }
}

/// One appointment (`benoeming`): a category and a wtf over an inclusive date range, optionally at
/// one school. A wtf change is a new appointment segment.
///
/// ```
/// use lemniscaat::Appointment;
/// let a: Appointment = serde_json::from_str(
///     r#"{"category":"teacher","wtf":"0.6","start":"2014-08-01","end":null}"#).unwrap();
/// assert_eq!(a.wtf.to_string(), "0.6");
/// let bad = serde_json::from_str::<Appointment>(
///     r#"{"category":"teacher","wtf":"1","start":"2015-01-01","end":"2014-12-31"}"#);
/// assert!(bad.is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawAppointment")]
pub struct Appointment {
    /// The function category.
    pub category: Category,
    /// The werktijdfactor.
    pub wtf: Wtf,
    /// The first day (inclusive).
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    pub start: NaiveDate,
    /// The last day (inclusive), `None` while running.
    #[serde(serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    pub end: Option<NaiveDate>,
    /// The school of the appointment, when the board has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawAppointment {
    category: Category,
    wtf: Wtf,
    #[serde(serialize_with = "time::date::serialize", deserialize_with = "time::date::deserialize")]
    start: NaiveDate,
    #[serde(default, serialize_with = "time::opt_date::serialize", deserialize_with = "time::opt_date::deserialize")]
    end: Option<NaiveDate>,
    #[serde(default)]
    school: Option<String>,
}

impl TryFrom<RawAppointment> for Appointment {
    type Error = String;
    fn try_from(r: RawAppointment) -> std::result::Result<Self, String> {
        Appointment::new(r.category, r.wtf, r.start, r.end, r.school).map_err(|e| String::from(e.at("/end")))
    }
}

impl Appointment {
    /// An appointment; `INVALID_DATE_RANGE` when `end` lies before `start`.
    pub fn new(category: Category, wtf: Wtf, start: NaiveDate, end: Option<NaiveDate>, school: Option<String>) -> Result<Appointment> {
        DateRange::new(start, end)?;
        Ok(Appointment { category, wtf, start, end, school })
    }

    /// `INVALID_DATE_RANGE` when the end lies before the start (fields set by hand).
    pub fn check(&self) -> Result<()> {
        DateRange::new(self.start, self.end).map(|_| ()).map_err(|e| e.at("/end"))
    }

    /// Its inclusive date range.
    pub fn range(&self) -> DateRange {
        // The constructor and serde check the order; the fields are public, so an end before the
        // start set by hand is read as the start day (operations check it again: `check`).
        DateRange::lenient(self.start, self.end)
    }
}

/// Education level (`opleidingsniveau`), ordered from `none` to `wo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// No completed education.
    None,
    /// vmbo.
    Vmbo,
    /// mbo level 1.
    Mbo1,
    /// mbo level 2 (startkwalificatie level).
    Mbo2,
    /// mbo level 3.
    Mbo3,
    /// mbo level 4.
    Mbo4,
    /// havo.
    Havo,
    /// vwo.
    Vwo,
    /// hbo.
    Hbo,
    /// wo.
    Wo,
}

impl EducationLevel {
    /// The snake_case id.
    ///
    /// ```
    /// assert_eq!(lemniscaat::EducationLevel::Mbo2.as_str(), "mbo2");
    /// assert!(lemniscaat::EducationLevel::Mbo1 < lemniscaat::EducationLevel::Mbo2);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EducationLevel::None => "none",
            EducationLevel::Vmbo => "vmbo",
            EducationLevel::Mbo1 => "mbo1",
            EducationLevel::Mbo2 => "mbo2",
            EducationLevel::Mbo3 => "mbo3",
            EducationLevel::Mbo4 => "mbo4",
            EducationLevel::Havo => "havo",
            EducationLevel::Vwo => "vwo",
            EducationLevel::Hbo => "hbo",
            EducationLevel::Wo => "wo",
        }
    }
}

/// The first day on which the wtf of concurrent appointments sums above 1.0, with that sum, or
/// `None` (`WTF_ABOVE_FULL_TIME` is a warning: the entitlement is computed as given).
///
/// ```
/// use lemniscaat::{Appointment, people::first_overlap_above_full_time};
/// let a: Vec<Appointment> = serde_json::from_str(r#"[
///   {"category":"teacher","wtf":"0.6","start":"2010-08-01","end":null},
///   {"category":"support","wtf":"0.6","start":"2014-08-01","end":null}]"#).unwrap();
/// let (day, sum) = first_overlap_above_full_time(&a).unwrap();
/// assert_eq!((day.to_string(), sum.to_string()), ("2014-08-01".into(), "1.2".into()));
/// ```
pub fn first_overlap_above_full_time(appointments: &[Appointment]) -> Option<(NaiveDate, Decimal)> {
    // The sum can only rise at a start date: check each start.
    let mut starts: Vec<NaiveDate> = appointments.iter().map(|a| a.start).collect();
    starts.sort();
    starts.dedup();
    starts.into_iter().find_map(|d| {
        let sum: Decimal = appointments.iter().filter(|a| a.range().contains(d)).map(|a| a.wtf.value()).sum();
        (sum > Decimal::ONE).then_some((d, sum))
    })
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Appointment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Appointment".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut s = RawAppointment::json_schema(g);
        s.insert(
            "description".into(),
            "An appointment: category, wtf, start and end, both inclusive (tot en met); end null while running.".into(),
        );
        s
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Wtf {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Wtf".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // Read, a whole JSON number is a decimal too (1 is the only one in range); written, a string.
        if g.contract().is_deserialize() {
            schemars::json_schema!({
                "type": ["string", "integer"],
                "format": "decimal",
                "pattern": "^(0(\\.[0-9]+)?|1(\\.0+)?|\\.[0-9]+)$",
                "minimum": 1,
                "maximum": 1,
                "description": "Werktijdfactor as a decimal string, above 0 and at most 1."
            })
        } else {
            schemars::json_schema!({
                "type": "string",
                "format": "decimal",
                "pattern": "^(0(\\.[0-9]+)?|1(\\.0+)?|\\.[0-9]+)$",
                "description": "Werktijdfactor as a decimal string, above 0 and at most 1."
            })
        }
    }
}
