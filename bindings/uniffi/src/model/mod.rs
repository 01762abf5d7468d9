//! Records and enums that mirror the core's input and output types with Kotlin/Swift naming.
//!
//! Each mirror has the core type's JSON shape, so a value crosses between the two through the
//! core's own parser: an input is checked by the same constructors (and gets the same error
//! paths) as JSON from any other host, and an output keeps every field.

pub mod common;
pub mod cycle;
pub mod entitlement;
pub mod learning;
pub mod ledger;
pub mod rights;
pub mod rules;
pub mod validation;
