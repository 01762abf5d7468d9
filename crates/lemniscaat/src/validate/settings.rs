//! The validation's settings: each default a named value with its source, overridable per dataset
//! (`settings` in the dataset).

use crate::dataset::Dataset;

/// A default of the validation and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    /// The setting's name in the dataset's `settings`.
    pub name: &'static str,
    /// The value when the dataset does not set it.
    pub value: u32,
    /// Where the value comes from: the handreiking's section and words, or (when `library`) the
    /// library's own choice and why.
    pub source: &'static str,
    /// Whether the value is the library's choice rather than the handreiking's.
    pub library: bool,
}

/// `PERSONAL_PLAN_DUE_SOON`: the notice window before a personal plan's three years end.
pub const DUE_SOON_DAYS: Setting =
    Setting { name: "due_soon_days", value: 90, source: "a school term's notice to renew the plan in time", library: true };

/// `NO_YEARLY_CONVERSATION`: the months within which a conversation of the gesprekkencyclus is
/// expected.
pub const CONVERSATION_MONTHS: Setting = Setting {
    name: "conversation_months",
    value: 12,
    source: "Persoonlijke ontwikkeldoelen: bij voorkeur ten minste eenmaal per jaar een gesprek",
    library: false,
};

/// `ANNUAL_REPORT_NO_ACCOUNTABILITY`: the month of the year after a calendar year by whose first
/// day its annual report is due.
pub const ANNUAL_REPORT_DUE_MONTH: Setting = Setting {
    name: "annual_report_due_month",
    value: 7,
    source:
        "the annual report over a calendar year is due by 1 July of the next (Regeling jaarverslaggeving onderwijs); not a dataset setting",
    library: true,
};

/// The settings of one validation: the dataset's values, else the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// See [`DUE_SOON_DAYS`].
    pub due_soon_days: u32,
    /// See [`CONVERSATION_MONTHS`].
    pub conversation_months: u32,
    /// The cycle's windows: the dataset's one window for every part, else each part's own
    /// ([`crate::cycle::Stage::window_months`]).
    pub cycle_window_months: Option<u32>,
    /// Whether personal plans get 70:20:10 advice (off unless the dataset asks).
    pub personal_mix_advice: bool,
}

impl Settings {
    /// The settings of `ds`.
    pub fn of(ds: &Dataset) -> Settings {
        let s = &ds.settings;
        Settings {
            due_soon_days: s.due_soon_days.unwrap_or(DUE_SOON_DAYS.value),
            conversation_months: s.conversation_months.unwrap_or(CONVERSATION_MONTHS.value),
            cycle_window_months: s.cycle_window_months,
            personal_mix_advice: s.personal_mix_advice.unwrap_or(false),
        }
    }
}
