//! The message catalogue's unit tests (a test module of `message`, compiled only for tests).
#![cfg(test)]

use super::*;
use crate::num::RoundingMode;

fn d(s: &str) -> Decimal {
    s.parse().unwrap() // ok: a test
}

fn day(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap() // ok: a test
}

#[test]
fn ids_are_unique_and_dotted() {
    let mut ids = Msg::IDS.to_vec();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), Msg::IDS.len());
    assert!(ids.iter().all(|i| i.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')));
}

#[test]
fn the_embedded_templates_follow_the_catalogues_order() {
    // build.rs reads the ids from the catalogue's source to order the templates; the compiled
    // catalogue must agree, or every text would be another message's.
    let embedded: Vec<&str> = template::EMBEDDED_IDS.split('\n').collect();
    assert_eq!(embedded, Msg::IDS);
    assert_eq!(
        template::of(Msg::IDS.iter().position(|i| *i == "finding.kaders_missing").unwrap(), Lang::Nl).split(' ').next(), // ok: a test
        Some("school")
    );
}

#[test]
fn dutch_texts_use_dutch_formats_and_names() {
    let sy: SchoolYear = "2024-2025".parse().unwrap(); // ok: a test
    let m = Msg::ExactSum { numerator: d("24236.8"), denominator: d("365") };
    assert_eq!(m.nl(), "exacte uitkomst 24.236,8 / 365 (tussentijds niet afgerond)");
    assert_eq!(m.en(), "exact sum 24,236.8 / 365 (not rounded on the way)");
    let r = Msg::RuleSetChosen {
        rule_set: "cao-vo-2024-2025".into(),
        selection: Box::new(Msg::SelectionInForce { school_year: sy, first_day: sy.first_day(), in_force_from: day(2024, 8, 1) }),
    };
    assert!(r.nl().starts_with("CAO VO 2024-2025: de meest recente cao die geldt op 1 augustus 2024"), "{}", r.nl());
    let lapse = Msg::LedgerLapsesProjected { school_year: sy, last_day: sy.last_day() };
    assert!(lapse.nl().contains("vervalt op 31 juli 2025") && lapse.nl().contains("(verwachting)"), "{}", lapse.nl());
    let v = Msg::TimeValued { hours: d("12.5"), hourly_cost: d("45"), cost: d("562.5") };
    assert_eq!(
        v.nl(),
        "12,5 uur gewaardeerd tegen € 45,00 per uur: € 562,50 (een keuze van lemniscaat; de cao bepaalt niet hoe tijd wordt gewaardeerd)"
    );
}

#[test]
fn every_message_has_a_text_in_both_languages_and_every_placeholder_an_argument() {
    for l in [Lang::Nl, Lang::En] {
        for (i, id) in Msg::IDS.iter().enumerate() {
            let t = template::of(i, l);
            assert!(!t.trim().is_empty(), "{id} has no {l:?} text");
            for name in template::placeholders(t) {
                assert!(Msg::FIELDS[i].contains(&name.as_str()), "{id} ({l:?}) names '{name}', not one of {:?}", Msg::FIELDS[i]);
            }
            for field in Msg::FIELDS[i] {
                let used = template::placeholders(t).iter().any(|n| n == field);
                let internal = matches!(*id, "text" | "read") || matches!(*field, "detail" | "line" | "column");
                assert!(used || internal, "{id} ({l:?}) does not show its argument '{field}'");
            }
        }
    }
}

#[test]
fn templates_choose_nest_and_escape() {
    let none = Msg::EndBeforeStart { start: None, end: None };
    assert_eq!(none.nl(), "de einddatum ligt vóór de begindatum");
    let both = Msg::EndBeforeStart { start: Some(day(2015, 1, 1)), end: Some(day(2014, 12, 31)) };
    assert_eq!(both.nl(), "de einddatum (31 december 2014) ligt vóór de begindatum (1 januari 2015); beide data tellen mee");
    let one =
        Msg::KadersElementMissing { kaders: "K1".into(), elements: vec!["b".into()], article: Some("17.2".into()), lid: Some("2".into()) };
    assert_eq!(one.nl(), "de professionaliseringskaders K1 missen het onderdeel b van artikel 17.2 lid 2");
    let two = Msg::KadersElementMissing { kaders: "K1".into(), elements: vec!["a".into(), "c".into()], article: None, lid: None };
    assert_eq!(two.nl(), "de professionaliseringskaders K1 missen de onderdelen a en c");
    let r = Msg::RoundedOnce { decimals: 0, mode: RoundingMode::HalfEven };
    assert_eq!(r.en(), "rounded once to a whole number, half to even (banker's rounding)");
    let smart =
        Msg::TeamGoalNotSmart { goal: "G4".into(), team: "Sectie Nederlands".into(), missing: vec!["measure".into(), "deadline".into()] };
    assert_eq!(smart.nl(), "teamdoel G4 van Sectie Nederlands is niet SMART: een meetbaar resultaat en een termijn ontbreken");
    assert_eq!(template::render(&none, "{{letterlijk}} {end:if|x|y}", Lang::Nl), "{letterlijk} y");
}

#[test]
fn a_message_is_written_as_its_id_and_machine_arguments() {
    let m = Msg::Of { name: "School A".into(), message: Box::new(Msg::WtfApplied { appointment: 2, wtf: d("0.40") }) };
    let v = serde_json::to_value(&m).unwrap(); // ok: a test
    assert_eq!(v["id"], "of");
    assert_eq!(v["args"]["message"]["id"], "explain.wtf_applied");
    assert_eq!(v["args"]["message"]["args"]["wtf"], "0.40");
    assert_eq!(v["args"]["message"]["args"]["appointment"], 2);
    assert_eq!(m.nl(), "School A: benoeming 3: naar rato van de wtf 0,40");
}

#[test]
fn a_message_read_back_writes_the_same_json_and_texts() {
    let m = Msg::TimeDays { appointment: 1, days: 181, year_days: 365, school_year: "2014-2015".parse().unwrap() }; // ok: a test
    let v = serde_json::to_value(&m).unwrap(); // ok: a test
    let back = read_back(Some(v.clone()), m.en(), m.nl());
    assert_eq!(serde_json::to_value(&back).unwrap(), v); // ok: a test
    assert_eq!((back.en(), back.nl()), (m.en(), m.nl()));
    assert!(matches!(read_back(None, "a".into(), "b".into()), Msg::Text { .. }));
}

#[test]
fn every_finding_code_has_a_title_in_both_languages() {
    for c in crate::finding::FindingCode::ALL {
        for l in [Lang::Nl, Lang::En] {
            assert_ne!(title(c.as_str(), l), c.as_str(), "{c:?} has no {l:?} title");
        }
    }
    assert_eq!(title("TAAKBELEID_BELOW_BASISRECHT", Lang::Nl), "Taakbeleid onder het basisrecht");
}

#[test]
fn the_pictures_words_are_in_both_languages() {
    for id in [
        "svg.cycle",
        "svg.cycle_direction",
        "svg.cycle_practice",
        "svg.attended",
        "svg.in_progress",
        "svg.missing",
        "svg.mix",
        "svg.target",
    ] {
        let (nl, en) = (label(id, Lang::Nl), label(id, Lang::En));
        assert!(nl != id && en != id && nl != en, "{id}: {nl} / {en}");
    }
    let svg = crate::cycle::cycle_svg(&[(crate::cycle::Stage::Frameworks, crate::cycle::StageStatus::Attended)], Lang::Nl);
    assert!(svg.contains("De lemniscaat van professionalisering") && svg.contains("✓ gedaan") && svg.contains("✗ ontbreekt"));
}
