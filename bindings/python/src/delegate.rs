//! The core's own functions beside the operations, for the Python wrapper: school years,
//! citations, the codes of a validation report and the pictures of a result. Each reads its
//! argument (JSON in the core's format for a value of the core), makes one core call and hands the
//! answer back; the wrapper repeats none of them.

use crate::to_py;
use chrono::NaiveDate;
use lemniscaat::cycle::{Stage, StageStatus};
use lemniscaat::learning::{Shares, Target};
use lemniscaat::svg::Lang;
use lemniscaat::{json, SchoolYear};
use pyo3::prelude::*;

/// The school year that contains `day`: its start year (`SchoolYear::containing`).
#[pyfunction]
pub(crate) fn school_year_containing(day: NaiveDate) -> i32 {
    SchoolYear::containing(day).start_year()
}

/// The school year that starts in `start_year`: its name, first day, last day and number of days
/// (`SchoolYear::new`, `Display`, `first_day`, `last_day`, `days`).
#[pyfunction]
pub(crate) fn school_year_span(py: Python<'_>, start_year: i32) -> PyResult<(String, NaiveDate, NaiveDate, u32)> {
    let sy = SchoolYear::new(start_year).map_err(|e| to_py(py, e))?;
    Ok((sy.to_string(), sy.first_day(), sy.last_day(), sy.days()))
}

/// The citation of a finding's source (JSON of a `FindingSource`): `FindingSource::citation`.
#[pyfunction]
pub(crate) fn citation(py: Python<'_>, source_json: &str) -> PyResult<String> {
    json::from_str::<lemniscaat::finding::FindingSource>(source_json).map(|s| s.citation()).map_err(|e| to_py(py, e))
}

/// The codes of a validation report's findings, in order, without repeats (JSON of the report):
/// `ValidationReport::codes`.
#[pyfunction]
pub(crate) fn validation_codes(py: Python<'_>, report_json: &str) -> PyResult<Vec<&'static str>> {
    json::from_str::<lemniscaat::validate::ValidationReport>(report_json).map(|r| r.codes()).map_err(|e| to_py(py, e))
}

/// The language of a picture's labels (`api::language`: an unknown one is `INVALID_VALUE`).
fn lang(py: Python<'_>, l: &str) -> PyResult<Lang> {
    lemniscaat::api::language(l).map_err(|e| to_py(py, e))
}

/// The lemniscate of a cycle status from its `stages` (JSON): `cycle::cycle_svg`.
#[pyfunction]
#[pyo3(signature = (stages_json, lang="nl"))]
pub(crate) fn stages_svg(py: Python<'_>, stages_json: &str, lang: &str) -> PyResult<String> {
    let l = self::lang(py, lang)?;
    let stages: Vec<(Stage, StageStatus)> = json::from_str(stages_json).map_err(|e| to_py(py, e))?;
    Ok(lemniscaat::cycle::cycle_svg(&stages, l))
}

/// The bar of a mix from its `shares` and `target` (JSON): `svg::mix_svg`.
#[pyfunction]
#[pyo3(signature = (shares_json, target_json, lang="nl"))]
pub(crate) fn shares_svg(py: Python<'_>, shares_json: &str, target_json: &str, lang: &str) -> PyResult<String> {
    let l = self::lang(py, lang)?;
    let shares: Shares = json::from_str(shares_json).map_err(|e| to_py(py, e))?;
    let target: Target = json::from_str(target_json).map_err(|e| to_py(py, e))?;
    Ok(lemniscaat::svg::mix_svg(&shares, &target, l))
}
