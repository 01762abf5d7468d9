//! # lemniscaat
//!
//! How Dutch secondary schools (voortgezet onderwijs) organise the professional development of
//! their staff, as a library: the Voion *Handreiking professionaliseren* (2014) and article 17 of
//! the CAO VO in every version since 2014.
//!
//! - [`entitlement()`]: the personal basisrecht in hours and euros per school year, pro rata by wtf
//!   and time, exact, with an explanation and a receipt;
//! - [`rules`]: the CAO versions as dated data with their sources;
//! - [`time`], [`people`]: school years, inclusive date ranges, appointments and the wtf.
//!
//! Everything is exact decimals (no floats); every input type reads from JSON with typed errors
//! ([`Error`], stable [`ErrorCode`]s, JSON Pointer paths, Dutch and English messages).
//!
//! ```
//! use lemniscaat::{entitlement, EntitlementInput, Appointment, Category, Wtf, SchoolYear};
//! let teacher = Appointment::new(Category::Teacher, "0.6".parse()?,
//!     lemniscaat::time::parse_date("2010-08-01")?, None, None)?;
//! let input = EntitlementInput::new("2014-2015".parse()?, vec![teacher]);
//! let e = entitlement(&input)?;
//! assert_eq!(e.hours.to_string(), "49.80");
//! assert_eq!(e.money.to_string(), "360.00");
//! assert_eq!(&*e.rule_set, "cao-vo-2014-2015");
//! # Ok::<(), lemniscaat::Error>(())
//! ```
#![deny(missing_docs)]

pub mod alignment;
pub mod api;
pub mod batch;
pub mod budget;
pub mod cycle;
pub mod dataset;
pub mod digest;
pub mod eligibility;
pub mod entitlement;
pub mod error;
pub mod explain;
pub mod finding;
pub mod json;
pub mod learning;
pub mod ledger;
pub mod locale;
pub mod message;
pub mod num;
pub mod options;
pub mod people;
pub mod plans;
pub mod report;
pub mod rules;
pub mod schema;
pub mod svg;
pub mod synthetic;
pub mod time;
pub mod validate;

pub use entitlement::{entitlement, entitlement_with, BucketAmount, Entitlement, EntitlementInput};
pub use error::{Error, ErrorCode, Result};
pub use finding::{Finding, FindingCode, Severity};
pub use options::Options;
pub use people::{Appointment, Category, EducationLevel, Wtf};
pub use rules::{RuleBook, RuleSet};
pub use time::{DateRange, SchoolYear};

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The worked examples of `docs/ledger.md` run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../data/ledger.md")]
pub struct LedgerDoctests;

/// The library version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
