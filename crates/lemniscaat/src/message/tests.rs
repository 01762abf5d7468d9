use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn day(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
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
fn dutch_texts_use_dutch_formats_and_names() {
    let sy: SchoolYear = "2024-2025".parse().unwrap();
    let m = Msg::ExactSum { numerator: d("24236.8"), denominator: d("365") };
    assert_eq!(m.nl(), "exacte som 24.236,8 / 365 (onderweg niet afgerond)");
    assert_eq!(m.en(), "exact sum 24,236.8 / 365 (not rounded on the way)");
    let r = Msg::RuleSetChosen {
        rule_set: "cao-vo-2024-2025".into(),
        selection: Box::new(Msg::SelectionInForce { school_year: sy, first_day: sy.first_day(), in_force_from: day(2024, 8, 1) }),
    };
    assert!(r.nl().starts_with("CAO VO 2024-2025: de laatste cao die geldt op 1 augustus 2024"), "{}", r.nl());
    let lapse = Msg::LedgerLapsesProjected { school_year: sy, last_day: sy.last_day() };
    assert!(lapse.nl().contains("vervalt op 31 juli 2025") && lapse.nl().contains("(verwachting)"), "{}", lapse.nl());
    let v = Msg::TimeValued { hours: d("12.5"), hourly_cost: d("45"), cost: d("562.5") };
    assert_eq!(
        v.nl(),
        "12,5 uur gewaardeerd tegen € 45,00 per uur: € 562,50 (een keuze van lemniscaat; de cao bepaalt niet hoe tijd wordt gewaardeerd)"
    );
}

#[test]
fn a_message_is_written_as_its_id_and_machine_arguments() {
    let m = Msg::Of { name: "School A".into(), message: Box::new(Msg::WtfApplied { appointment: 2, wtf: d("0.40") }) };
    let v = serde_json::to_value(&m).unwrap();
    assert_eq!(v["id"], "of");
    assert_eq!(v["args"]["message"]["id"], "explain.wtf_applied");
    assert_eq!(v["args"]["message"]["args"]["wtf"], "0.40");
    assert_eq!(v["args"]["message"]["args"]["appointment"], 2);
    assert_eq!(m.nl(), "School A: benoeming 3: naar rato van de wtf 0,40");
}
