//! References between the parts of a dataset, and the plans' lifecycle histories: malformed
//! histories are errors of the input, unknown references are findings.

use super::Ctx;
use crate::dataset::Dataset;
use crate::error::Result;
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use crate::plans::{check_history, PlanLevel};

/// Every plan's recorded transitions must be legal moves (`ILLEGAL_TRANSITION` otherwise).
pub(super) fn histories(ds: &Dataset) -> Result<()> {
    for (i, k) in ds.kaders.iter().enumerate() {
        check_history(PlanLevel::Kaders, &k.history, k.status).map_err(|e| e.within(&format!("/kaders/{i}/history")))?;
    }
    for (i, c) in ds.collective_plans.iter().enumerate() {
        check_history(PlanLevel::Collective, &c.history, c.status).map_err(|e| e.within(&format!("/collective_plans/{i}/history")))?;
    }
    for (i, e) in ds.employees.iter().enumerate() {
        for (j, pp) in e.personal_plans.iter().enumerate() {
            check_history(PlanLevel::Personal, &pp.history, pp.status)
                .map_err(|er| er.within(&format!("/employees/{i}/personal_plans/{j}/history")))?;
        }
    }
    Ok(())
}

/// `UNKNOWN_REFERENCE`: a plan, team or employee names a school or team the dataset lacks.
pub(super) fn unknown(cx: &mut Ctx) {
    let ds = cx.ds;
    let known_school = |id: &str| ds.schools.iter().any(|s| s.id == id);
    let mut refs: Vec<(String, &str, &str)> = Vec::new();
    for (i, c) in ds.collective_plans.iter().enumerate() {
        if !known_school(&c.school) {
            refs.push((format!("/collective_plans/{i}/school"), "school", &c.school));
        }
    }
    for (i, t) in ds.teams.iter().enumerate() {
        if !known_school(&t.school) {
            refs.push((format!("/teams/{i}/school"), "school", &t.school));
        }
    }
    for (i, e) in ds.employees.iter().enumerate() {
        if let Some(s) = e.school.as_deref().filter(|s| !known_school(s)) {
            refs.push((format!("/employees/{i}/school"), "school", s));
        }
        if let Some(t) = e.team.as_deref().filter(|t| !ds.teams.iter().any(|x| x.id == *t)) {
            refs.push((format!("/employees/{i}/team"), "team", t));
        }
    }
    for (path, kind, id) in refs {
        let msg = Msg::UnknownReference { kind: kind.into(), id: id.into() };
        cx.push(Finding::of(FindingCode::UnknownReference, FindingSource::default(), path, msg).with("id", id));
    }
}
