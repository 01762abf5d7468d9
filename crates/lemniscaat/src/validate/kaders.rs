//! The kaders (17.2 lid 2): agreed at board level with the P(G)MR at least once every four years,
//! with elements (a), (b) and (c), and the handreiking's recommended sections.

use super::{art, blank, lid, owned, Ctx};
use crate::dataset::{Body, Kaders, KadersLevel, Section};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use crate::time::add_years;
use chrono::NaiveDate;

/// Every rule of the kaders: per school the kaders in force, and each kaders judged once.
pub(super) fn check(cx: &mut Ctx) {
    let mut judged: Vec<usize> = Vec::new();
    for s in &cx.ds.schools {
        if let Some(i) = in_force(cx, &s.id, &s.name) {
            if !judged.contains(&i) {
                judged.push(i);
            }
        }
    }
    judged.sort();
    for i in judged {
        let k = &cx.ds.kaders[i];
        elements(cx, i, k);
        consultation(cx, i, k);
        sections(cx, i, k);
    }
}

/// Whether kaders are in force on `as_of`: agreed on or before it.
pub(super) fn kaders_in_force(k: &Kaders, as_of: NaiveDate) -> bool {
    k.status.is_agreed() && k.agreed_on.is_some_and(|d| d <= as_of)
}

/// Whether kaders apply to a school: the board's, or the school's own.
pub(super) fn applies_to(k: &Kaders, school: &str) -> bool {
    match k.level {
        KadersLevel::Board => true,
        KadersLevel::School => k.school.as_deref() == Some(school),
    }
}

/// `KADERS_MISSING` (no kaders in force for the school) or `KADERS_EXPIRED` (the latest agreed
/// more than the rule set's years ago); the index of the latest kaders in force.
fn in_force(cx: &mut Ctx, school: &str, name: &str) -> Option<usize> {
    let (rs, as_of) = (cx.rs, cx.as_of);
    let p = &rs.parameters;
    let latest = cx
        .ds
        .kaders
        .iter()
        .enumerate()
        .filter(|(_, k)| applies_to(k, school) && kaders_in_force(k, as_of))
        .max_by_key(|(_, k)| k.agreed_on);
    let Some((i, k)) = latest else {
        cx.push(
            Finding::of(
                FindingCode::KadersMissing,
                FindingSource::param(rs, &p.kaders_max_years),
                "/kaders",
                Msg::KadersMissing { school: name.to_string(), as_of },
            )
            .with("school", school.to_string())
            .with("school_year", cx.sy.to_string()),
        );
        return None;
    };
    let agreed = k.agreed_on?;
    let expires = add_years(agreed, p.kaders_max_years.value as i32).unwrap_or(agreed);
    if expires < as_of {
        cx.push(
            Finding::of(
                FindingCode::KadersExpired,
                FindingSource::param(rs, &p.kaders_max_years),
                format!("/kaders/{i}/agreed_on"),
                Msg::KadersExpired {
                    kaders: k.id.clone(),
                    school: name.to_string(),
                    agreed_on: agreed,
                    years: p.kaders_max_years.value,
                    as_of,
                },
            )
            .with("school", school.to_string())
            .with("agreed_on", agreed.to_string())
            .with("expired_on", expires.to_string()),
        );
    }
    Some(i)
}

/// `KADERS_ELEMENT_MISSING`: element (a), (b) or (c) of 17.2 lid 2 is empty.
fn elements(cx: &mut Ctx, i: usize, k: &Kaders) {
    let rs = cx.rs;
    let missing: Vec<(&str, &str)> =
        [("a", &k.goals, "goals"), ("b", &k.facilities, "facilities"), ("c", &k.demands_and_vision, "demands_and_vision")]
            .into_iter()
            .filter(|(_, text, _)| blank(text))
            .map(|(el, _, field)| (el, field))
            .collect();
    let Some((_, field)) = missing.first() else { return };
    let els: Vec<&str> = missing.iter().map(|m| m.0).collect();
    cx.push(
        Finding::of(
            FindingCode::KadersElementMissing,
            FindingSource::article(rs, "kaders_contents"),
            format!("/kaders/{i}/{field}"),
            Msg::KadersElementMissing {
                kaders: k.id.clone(),
                elements: owned(&els),
                article: art(rs, "kaders_contents"),
                lid: lid(rs, "kaders_contents"),
            },
        )
        .with("elements", els),
    );
}

/// The bodies whose consultation counts for kaders of a level: the P(G)MR or the GMR as a whole
/// for the board's, and for a school's own kaders also its PMR. A works council (`or`) does not.
pub(super) fn bodies(level: KadersLevel) -> &'static [Body] {
    match level {
        KadersLevel::Board => &[Body::Pgmr, Body::Gmr],
        KadersLevel::School => &[Body::Pgmr, Body::Gmr, Body::Pmr],
    }
}

/// `KADERS_NO_PGMR_CONSULTATION`: no recorded consultation of the P(G)MR.
fn consultation(cx: &mut Ctx, i: usize, k: &Kaders) {
    if k.consultations.iter().any(|c| bodies(k.level).contains(&c.body)) {
        return;
    }
    cx.push(Finding::of(
        FindingCode::KadersNoPgmrConsultation,
        FindingSource::article(cx.rs, "kaders_contents"),
        format!("/kaders/{i}/consultations"),
        Msg::KadersNoPgmrConsultation { kaders: k.id.clone() },
    ));
}

/// `KADERS_SECTION_RECOMMENDED`: a section the handreiking recommends is absent (advice).
fn sections(cx: &mut Ctx, i: usize, k: &Kaders) {
    let missing: Vec<Section> = Section::ALL.iter().copied().filter(|s| !k.sections.contains(s)).collect();
    if missing.is_empty() {
        return;
    }
    let absent: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
    cx.push(
        Finding::of(
            FindingCode::KadersSectionRecommended,
            FindingSource::handreiking("Opstellen professionaliseringskaders: aanbevolen onderdelen"),
            format!("/kaders/{i}/sections"),
            Msg::KadersSectionRecommended { kaders: k.id.clone(), sections: missing.clone() },
        )
        .with("sections", absent),
    );
}
