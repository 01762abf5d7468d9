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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use crate::ledger::LedgerInput;
    use crate::ErrorCode;

    fn read(events: &str) -> crate::Result<LedgerInput> {
        crate::json::from_str(&format!(
            r#"{{"appointments":[{{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}}],"school_years":["2014-2015"],"events":[{events}]}}"#
        ))
    }

    #[test]
    fn a_field_of_another_kind_is_unknown_at_its_path() {
        let e = read(r#"{"type":"usage","date":"2015-01-10","hours":"1","money":"0","activity":"A","plan":"P1"}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::UnknownField, "/events/0/plan"));
        assert!(e.message_nl().contains("onbekend veld 'plan' (geldige velden: date, hours, money, activity"), "{}", e.message_nl());
        let e = read(r#"{"type":"usage","date":"2015-01-10","hours":"1","money":"0","activity":"A","colour":"red"}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::UnknownField, "/events/0/colour"));
    }

    #[test]
    fn a_missing_field_is_named_at_its_path() {
        let e = read(r#"{"type":"usage","date":"2015-01-10","hours":"1","money":"0"}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, "/events/0/activity"));
        let e = read(r#"{"type":"saving","from":"2014-2015","units":["money"],"basis":"agreement"}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, "/events/0/until"));
        let e = read(r#"{"type":"gift","date":"2015-01-10"}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/events/0/type"));
    }

    #[test]
    fn every_kind_reads_back_what_it_writes() {
        let events = r#"{"type":"usage","date":"2015-01-10","hours":"1","money":"0","activity":"A","assigned":true,"consent":true},
            {"type":"saving","from":"2014-2015","until":"2015-2016","units":["money"],"basis":"agreement","cap":{"money":"100"}},
            {"type":"adjustment","date":"2015-02-01","hours":"-1","money":"0","reason":"correctie"},
            {"type":"reservation","date":"2015-02-01","hours":"2","money":"0","activity":"B"},
            {"type":"facility","date":"2015-03-01","hours":"20","money":"0","activity":"C"}"#;
        let input = read(events).unwrap();
        let again: LedgerInput = crate::json::from_str(&crate::json::to_string(&input)).unwrap();
        assert_eq!(again, input);
        assert_eq!(input.events.len(), 5);
    }
}
