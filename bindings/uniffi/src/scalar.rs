//! The two scalar types that cross the boundary as text and surface as the host's own exact
//! types: [`ExactDecimal`] (`java.math.BigDecimal` in Kotlin, `Foundation.Decimal` in Swift) and
//! [`IsoDate`] (`java.time.LocalDate` in Kotlin, the package's `LocalDate` in Swift).
//!
//! Neither is named `Decimal` or `Date`: uniffi declares a custom type as a type alias inside the
//! generated module, and an alias named `Decimal` would shadow Foundation's in Swift.

use crate::error::LemniscaatError;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal (hours, money, factors), passed as its plain decimal text (`"49.80"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExactDecimal(pub Decimal);

/// A calendar date, passed as ISO text (`"2015-02-01"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoDate(pub chrono::NaiveDate);

/// A refused argument becomes the function's own error (uniffi downcasts it), never a panic.
fn refused(e: lemniscaat::Error) -> uniffi::deps::anyhow::Error {
    LemniscaatError::from(e).into()
}

uniffi::custom_type!(ExactDecimal, String, {
    lower: |d| d.0.to_string(),
    try_lift: |s| lemniscaat::num::parse_decimal(&s).map(ExactDecimal).map_err(refused),
});

uniffi::custom_type!(IsoDate, String, {
    lower: |d| d.0.to_string(),
    try_lift: |s| lemniscaat::time::parse_date(&s).map(IsoDate).map_err(refused),
});

impl Serialize for ExactDecimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for ExactDecimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        lemniscaat::num::parse_decimal(&s).map(ExactDecimal).map_err(|e| serde::de::Error::custom(e.message_en().to_string()))
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        lemniscaat::time::parse_date(&s).map(IsoDate).map_err(|e| serde::de::Error::custom(e.message_en().to_string()))
    }
}
