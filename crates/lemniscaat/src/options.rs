//! The interpretation and policy options a caller may choose. Every result that depends on one
//! names it in its explanation (`policy:<option>=<value>` or the interpretation id) and in its
//! receipt.

use crate::num::Rounding;
use crate::rules::{Mode, ProRataReading, SavingUnits};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Pro rata in time for appointments that do not cover the whole school year (the CAO is silent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TemporalProRata {
    /// Days of the segment inside the school year / days of the school year (the default).
    #[default]
    CalendarDays,
    /// No reduction: the wtf averaged over the days employed, per category.
    None,
    /// Calendar months whose 1st the segment covers / 12.
    WholeMonths,
}

impl TemporalProRata {
    /// The id.
    pub fn as_str(self) -> &'static str {
        match self {
            TemporalProRata::CalendarDays => "calendar-days",
            TemporalProRata::None => "none",
            TemporalProRata::WholeMonths => "whole-months",
        }
    }
}

/// Rounding per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundingOptions {
    /// Hours (default 2 decimals, half-up).
    #[serde(default)]
    pub hours: Rounding,
    /// Money (default cents, half-up).
    #[serde(default)]
    pub money: Rounding,
}

/// A configured basisrecht for management, which the CAO does not grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ManagementBase {
    /// Hours for a full-time, full-year appointment.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub hours: Decimal,
    /// Money for a full-time, full-year appointment.
    #[serde(serialize_with = "crate::num::dec::serialize", deserialize_with = "crate::num::dec::deserialize")]
    pub money: Decimal,
}

impl ManagementBase {
    /// The option's value as it appears in explanations and receipts, e.g. `40h/500eur`.
    pub fn describe(&self) -> String {
        format!("{}h/{}eur", self.hours, self.money)
    }
}

/// All options; omitted fields take the library's defaults.
///
/// ```
/// let o: lemniscaat::Options = serde_json::from_str(r#"{"temporal_pro_rata":"whole-months"}"#).unwrap();
/// assert_eq!(o.temporal_pro_rata.as_str(), "whole-months");
/// assert_eq!(o.rounding.money.decimals, 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The reading of pro rata by wtf where the rule set allows several (2014-2015); absent or null
    /// takes the rule set's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pro_rata_2014: Option<ProRataReading>,
    /// Pro rata in time.
    #[serde(default)]
    pub temporal_pro_rata: TemporalProRata,
    /// Rounding per unit.
    #[serde(default)]
    pub rounding: RoundingOptions,
    /// Lenient or strict for school years past the known rules.
    #[serde(default)]
    pub mode: Mode,
    /// Which units the right to save covers (cao-vo-2020 on); absent or null takes the rule set's
    /// default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saving_units: Option<SavingUnits>,
    /// A basisrecht for management, which the CAO does not grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_base: Option<ManagementBase>,
}

impl Options {
    /// Checks the values serde cannot (rounding decimals).
    pub fn check(&self, path: &str) -> crate::Result<()> {
        self.rounding.hours.check().map_err(|e| e.at(format!("{path}/rounding/hours/decimals")))?;
        self.rounding.money.check().map_err(|e| e.at(format!("{path}/rounding/money/decimals")))
    }

    /// The options in force as `name -> value`, for receipts.
    pub fn receipt_map(
        &self,
        pro_rata: ProRataReading,
        saving_units: Option<SavingUnits>,
    ) -> BTreeMap<Cow<'static, str>, Cow<'static, str>> {
        let mut m: BTreeMap<Cow<'static, str>, Cow<'static, str>> = BTreeMap::new();
        m.insert("pro_rata".into(), pro_rata.as_str().into());
        m.insert("temporal_pro_rata".into(), self.temporal_pro_rata.as_str().into());
        m.insert("rounding.hours".into(), self.rounding.hours.policy_value());
        m.insert("rounding.money".into(), self.rounding.money.policy_value());
        m.insert(
            "mode".into(),
            match self.mode {
                Mode::Lenient => "lenient",
                Mode::Strict => "strict",
            }
            .into(),
        );
        if let Some(u) = saving_units {
            m.insert("saving_units".into(), u.as_str().into());
        }
        if let Some(mb) = &self.management_base {
            m.insert("management_base".into(), mb.describe().into());
        }
        m
    }
}
