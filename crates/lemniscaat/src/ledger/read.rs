//! Reading a ledger event from JSON: one flat record with every field of every kind, then the
//! kind's own fields checked (a field of another kind is an unknown field, a missing one a
//! missing field, each at its own path).

use super::{BalanceUnit, Cap, LedgerEvent, SavingBasis};
use crate::error::{Error, ErrorCode};
use crate::message::Msg;
use crate::time::SchoolYear;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// The kind of an event.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Usage,
    Saving,
    Adjustment,
    Reservation,
    Facility,
}

/// Every field an event of any kind may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(rename = "type")]
    kind: Kind,
    #[serde(default, deserialize_with = "crate::time::opt_date::deserialize")]
    date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::num::opt_dec::deserialize")]
    hours: Option<Decimal>,
    #[serde(default, deserialize_with = "crate::num::opt_dec::deserialize")]
    money: Option<Decimal>,
    #[serde(default)]
    activity: Option<String>,
    #[serde(default)]
    assigned: Option<bool>,
    #[serde(default)]
    consent: Option<bool>,
    #[serde(default)]
    bucket: Option<String>,
    #[serde(default)]
    from: Option<SchoolYear>,
    #[serde(default)]
    until: Option<SchoolYear>,
    #[serde(default)]
    units: Option<Vec<BalanceUnit>>,
    #[serde(default)]
    basis: Option<SavingBasis>,
    #[serde(default)]
    plan: Option<String>,
    #[serde(default)]
    cap: Option<Cap>,
    #[serde(default)]
    reason: Option<String>,
}

impl Kind {
    /// The fields of the kind, `type` included; the required ones first.
    fn fields(self) -> (&'static [&'static str], usize) {
        match self {
            Kind::Usage => (&["date", "hours", "money", "activity", "type", "assigned", "consent", "bucket"], 4),
            Kind::Saving => (&["from", "until", "units", "basis", "type", "plan", "cap", "bucket"], 4),
            Kind::Adjustment => (&["date", "hours", "money", "reason", "type", "bucket"], 4),
            Kind::Reservation => (&["date", "hours", "money", "activity", "type", "bucket"], 4),
            Kind::Facility => (&["date", "hours", "money", "activity", "type"], 4),
        }
    }
}

impl Raw {
    /// Whether a field was given.
    fn given(&self, field: &str) -> bool {
        match field {
            "type" => true,
            "date" => self.date.is_some(),
            "hours" => self.hours.is_some(),
            "money" => self.money.is_some(),
            "activity" => self.activity.is_some(),
            "assigned" => self.assigned.is_some(),
            "consent" => self.consent.is_some(),
            "bucket" => self.bucket.is_some(),
            "from" => self.from.is_some(),
            "until" => self.until.is_some(),
            "units" => self.units.is_some(),
            "basis" => self.basis.is_some(),
            "plan" => self.plan.is_some(),
            "cap" => self.cap.is_some(),
            _ => self.reason.is_some(),
        }
    }

    /// The first field of another kind that was given, and the first required one that was not.
    fn check(&self) -> Result<(), Error> {
        const ALL: [&str; 14] = [
            "date", "hours", "money", "activity", "assigned", "consent", "bucket", "from", "until", "units", "basis", "plan", "cap",
            "reason",
        ];
        let (fields, required) = self.kind.fields();
        if let Some(field) = ALL.iter().find(|f| self.given(f) && !fields.contains(f)) {
            let expected = fields.iter().map(|f| f.to_string()).collect();
            return Err(
                Error::of(ErrorCode::UnknownField, Msg::UnknownField { field: field.to_string(), expected }).at(format!("/{field}"))
            );
        }
        match fields[..required].iter().find(|f| !self.given(f)) {
            Some(field) => Err(Error::of(ErrorCode::MissingField, Msg::MissingField { field: field.to_string() }).at(format!("/{field}"))),
            None => Ok(()),
        }
    }

    /// The event, once [`Raw::check`] holds (every required field is present).
    fn event(self) -> LedgerEvent {
        let (date, hours, money) = (self.date.unwrap_or_default(), self.hours.unwrap_or_default(), self.money.unwrap_or_default());
        let activity = self.activity.unwrap_or_default();
        let bucket = self.bucket;
        match self.kind {
            Kind::Usage => LedgerEvent::Usage {
                date,
                hours,
                money,
                activity,
                assigned: self.assigned.unwrap_or(false),
                consent: self.consent.unwrap_or(false),
                bucket,
            },
            Kind::Saving => {
                let year = SchoolYear::containing(date);
                LedgerEvent::Saving {
                    from: self.from.unwrap_or(year),
                    until: self.until.unwrap_or(year),
                    units: self.units.unwrap_or_default(),
                    basis: self.basis.unwrap_or(SavingBasis::Agreement),
                    plan: self.plan,
                    cap: self.cap.unwrap_or_default(),
                    bucket,
                }
            }
            Kind::Adjustment => LedgerEvent::Adjustment { date, hours, money, reason: self.reason.unwrap_or_default(), bucket },
            Kind::Reservation => LedgerEvent::Reservation { date, hours, money, activity, bucket },
            Kind::Facility => LedgerEvent::Facility { date, hours, money, activity },
        }
    }
}

impl<'de> Deserialize<'de> for LedgerEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Raw::deserialize(d)?;
        raw.check().map_err(|e| serde::de::Error::custom(String::from(e)))?;
        Ok(raw.event())
    }
}
