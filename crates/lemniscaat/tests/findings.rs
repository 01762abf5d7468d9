//! Every finding code of domain.md section 6: one dataset that triggers it and one that does not.
//! The base is the compliant dataset of `validation.json`; each case changes one thing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

use lemniscaat::dataset::Dataset;
use lemniscaat::locale::Lang;
use lemniscaat::validate::validate;
use lemniscaat::ErrorCode;
use serde_json::{json, Value};
use std::path::PathBuf;

/// The compliant dataset of the shared vectors, its personal goals made SMART (the shared format
/// has no measure or deadline for them; see `the_shared_base_lacks_smart_personal_goals`).
fn base() -> Value {
    let mut b = shared_base();
    for e in b["employees"].as_array_mut().unwrap() {
        for pp in e["personal_plans"].as_array_mut().unwrap() {
            for g in pp["goals"].as_array_mut().unwrap() {
                g["measure"] = json!("in de lessen zichtbaar bij twee lesbezoeken");
                g["deadline"] = json!("2015-06-30");
            }
        }
    }
    b
}

fn shared_base() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/validation.json");
    let all: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all[0]["input"].clone()
}

/// Sets the value at a JSON Pointer, adding the last key to its object when absent.
fn set(mut v: Value, pointer: &str, new: Value) -> Value {
    if let Some(slot) = v.pointer_mut(pointer) {
        *slot = new;
        return v;
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let obj = v.pointer_mut(parent).and_then(Value::as_object_mut).unwrap_or_else(|| panic!("no {parent}"));
    obj.insert(key.to_string(), new);
    v
}

fn codes(v: &Value) -> Vec<&'static str> {
    let ds: Dataset = lemniscaat::json::from_value(v.clone()).unwrap();
    validate(&ds).unwrap().codes()
}

/// (code, mutation) pairs: the mutation must produce the code.
fn cases() -> Vec<(&'static str, Value)> {
    let b = base();
    let usage_2014 = json!([{ "type": "usage", "date": "2015-03-01", "hours": "10", "money": "0", "activity": "A0", "assigned": false, "consent": false }]);
    let usage = |hours: &str, assigned: bool, consent: bool| json!([{ "type": "usage", "date": "2014-10-01", "hours": hours, "money": "0", "activity": "A1", "assigned": assigned, "consent": consent }]);
    vec![
        ("KADERS_MISSING", set(b.clone(), "/kaders", json!([]))),
        ("KADERS_EXPIRED", set(b.clone(), "/kaders/0/agreed_on", json!("2010-06-01"))),
        ("KADERS_ELEMENT_MISSING", set(b.clone(), "/kaders/0/demands_and_vision", json!(" "))),
        ("KADERS_NO_PGMR_CONSULTATION", set(b.clone(), "/kaders/0/consultations", json!([]))),
        ("KADERS_SECTION_RECOMMENDED", set(b.clone(), "/kaders/0/sections", json!(["trends"]))),
        ("COLLECTIVE_PLAN_MISSING", set(b.clone(), "/collective_plans/0/school_year", json!("2013-2014"))),
        (
            "COLLECTIVE_PLAN_NO_PMR_CONSULTATION",
            set(b.clone(), "/collective_plans/0/consultations", json!([{ "body": "gmr", "date": "2014-07-01" }])),
        ),
        ("COLLECTIVE_PLAN_NO_ACTIVITIES", set(b.clone(), "/collective_plans/0/themes/0/activities", json!([]))),
        ("THEME_NOT_IN_KADERS", set(b.clone(), "/collective_plans/0/themes/1/theme", json!("T9"))),
        ("THEME_NO_TARGET_GROUP", set(b.clone(), "/collective_plans/0/themes/0/target_groups", json!([]))),
        ("THEME_NO_FACILITIES", set(b.clone(), "/collective_plans/0/themes/0/facilities", json!(null))),
        ("THEME_NO_EVALUATION", set(b.clone(), "/collective_plans/0/themes/0/evaluation", json!(""))),
        ("TEAM_GOAL_NOT_SMART", set(b.clone(), "/teams/0/plans/0/goals/0/deadline", json!(null))),
        ("PERSONAL_GOAL_NOT_SMART", set(b.clone(), "/employees/0/personal_plans/0/goals/0/measure", json!(" "))),
        ("COLLECTIVE_PLAN_NO_BOTTOM_UP", bottom_up_lacking(&b)),
        ("USE_NOT_ACCOUNTED_FOR", set(set(b.clone(), "/as_of", json!("2016-09-01")), "/employees/0/ledger", usage_2014.clone())),
        ("PERSONAL_PLAN_MISSING", set(b.clone(), "/employees/0/personal_plans", json!([]))),
        ("PERSONAL_PLAN_EXPIRED", set(b.clone(), "/employees/0/personal_plans/0/agreed_on", json!("2011-09-15"))),
        ("PERSONAL_PLAN_DUE_SOON", set(b.clone(), "/employees/0/personal_plans/0/agreed_on", json!("2012-04-01"))),
        ("PERSONAL_PLAN_NOT_APPROVED", set(b.clone(), "/employees/0/personal_plans/0/approved_by", json!("employee"))),
        ("PERSONAL_PLAN_ELEMENT_MISSING", set(b.clone(), "/employees/0/personal_plans/0/activities/0/facilitation", json!(""))),
        ("NO_YEARLY_CONVERSATION", set(b.clone(), "/employees/0/conversations", json!([{ "date": "2013-10-01", "kind": "development" }]))),
        ("GOAL_NOT_ALIGNED", set(b.clone(), "/employees/0/personal_plans/0/goals/0/links", json!(["nothing"]))),
        ("EVC_OFFER_MISSING", set(b.clone(), "/employees/1/education_level", json!("mbo3"))),
        ("STARTKWALIFICATIE_OFFER_MISSING", set(b.clone(), "/employees/1/education_level", json!("vmbo"))),
        ("PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT", set(b.clone(), "/employees/0/personal_plans/0/activities/0/assigned", json!(true))),
        ("ASSIGNED_WITHOUT_CONSENT", set(b.clone(), "/employees/0/ledger", usage("10", true, false))),
        ("INSUFFICIENT_BALANCE", set(b.clone(), "/employees/0/ledger", usage("70", false, false))),
        (
            "SAVING_NOT_ALLOWED",
            set(
                b.clone(),
                "/employees/0/ledger",
                json!([{ "type": "saving", "from": "2014-2015", "until": "2015-2016", "units": ["money"], "basis": "right", "plan": "P1", "cap": {} }]),
            ),
        ),
        (
            "WTF_ABOVE_FULL_TIME",
            set(
                b.clone(),
                "/employees/1/appointments",
                json!([{ "category": "support", "wtf": "0.5", "start": "2012-01-01", "end": null }, { "category": "support", "wtf": "0.6", "start": "2014-01-01", "end": null }]),
            ),
        ),
        (
            "TAAKBELEID_BELOW_BASISRECHT",
            set(
                b.clone(),
                "/employees/0/taakbeleid",
                json!([{ "school_year": "2014-2015", "component_d_hours": "40", "other_free_hours": "26.39" }]),
            ),
        ),
        (
            "LUMPSUM_BELOW_10_PERCENT",
            set(
                b.clone(),
                "/lumpsum",
                json!({ "year": 2015, "personele_lumpsum": "1000000", "lines": [{ "category": "fees", "money": "99999.99" }] }),
            ),
        ),
        (
            "ANNUAL_REPORT_NO_ACCOUNTABILITY",
            set(b.clone(), "/annual_reports", json!([{ "year": 2013, "accounts_for_professionalisation": false }])),
        ),
        ("MIX_FORMAL_HEAVY", b.clone()),
        ("MIX_NO_WORKPLACE_LEARNING", b.clone()),
        ("CYCLE_STAGE_NOT_ATTENDED", set(b.clone(), "/cycle_events/6/date", json!("2013-01-15"))),
        ("RULES_OUT_OF_RANGE", set(b.clone(), "/as_of", json!("2027-03-01"))),
        ("UNKNOWN_REFERENCE", set(b.clone(), "/employees/0/team", json!("TM9"))),
    ]
}

/// The team goal and the personal goals name themes the collective plan does not take up.
fn bottom_up_lacking(b: &Value) -> Value {
    let v = set(b.clone(), "/teams/0/plans/0/goals/0/themes", json!(["T7"]));
    set(v, "/employees/1/personal_plans/0/goals/0/links", json!(["T7"]))
}

#[test]
fn the_shared_base_lacks_smart_personal_goals() {
    let got = codes(&shared_base());
    assert!(got.iter().all(|c| c.starts_with("MIX_") || *c == "PERSONAL_GOAL_NOT_SMART"), "{got:?}");
    assert!(got.contains(&"PERSONAL_GOAL_NOT_SMART"));
}

#[test]
fn every_code_is_triggered_by_its_case() {
    let all = cases();
    for (code, v) in &all {
        let got = codes(v);
        assert!(got.contains(code), "{code} not triggered; got {got:?}");
    }
    // Every code of the library is covered here.
    for c in lemniscaat::FindingCode::ALL {
        assert!(all.iter().any(|(code, _)| *code == c.as_str()), "{} has no case", c.as_str());
    }
}

#[test]
fn the_compliant_base_triggers_none_but_mix_advice() {
    let got = codes(&base());
    assert!(got.iter().all(|c| c.starts_with("MIX_")), "{got:?}");
    // A plan with workplace learning and little formal learning gets no mix advice either.
    let balanced = set(
        base(),
        "/collective_plans/0/themes/0/activities/1",
        json!({ "id": "A2", "kind": "project", "name": "Project differentiatie", "hours": "60", "cost": "0", "school_years": ["2014-2015"] }),
    );
    assert!(codes(&balanced).is_empty(), "{:?}", codes(&balanced));
}

#[test]
fn near_misses_do_not_trigger() {
    let b = base();
    // Taakbeleid exactly at the basisrecht (0.8 x 83 = 66.40) passes.
    let v = set(
        b.clone(),
        "/employees/0/taakbeleid",
        json!([{ "school_year": "2014-2015", "component_d_hours": "40", "other_free_hours": "26.40" }]),
    );
    assert!(!codes(&v).contains(&"TAAKBELEID_BELOW_BASISRECHT"));
    // Exactly 10% passes.
    let v = set(
        b.clone(),
        "/lumpsum",
        json!({ "year": 2015, "personele_lumpsum": "1000000", "lines": [{ "category": "fees", "money": "100000" }] }),
    );
    assert!(!codes(&v).contains(&"LUMPSUM_BELOW_10_PERCENT"));
    // A personal plan agreed exactly three years before as_of is not expired (nor is it yet).
    let v = set(b.clone(), "/employees/0/personal_plans/0/agreed_on", json!("2012-03-01"));
    let c = codes(&v);
    assert!(!c.contains(&"PERSONAL_PLAN_EXPIRED") && c.contains(&"PERSONAL_PLAN_DUE_SOON"), "{c:?}");
    // A usage within the balance, an assigned one with consent.
    let v = set(
        b.clone(),
        "/employees/0/ledger",
        json!([{ "type": "usage", "date": "2014-10-01", "hours": "66.40", "money": "480", "activity": "A1", "assigned": true, "consent": true }]),
    );
    assert!(codes(&v).iter().all(|c| c.starts_with("MIX_")), "{:?}", codes(&v));
    // Concurrent appointments summing to exactly 1.0.
    let v = set(
        b.clone(),
        "/employees/1/appointments",
        json!([{ "category": "support", "wtf": "0.5", "start": "2012-01-01", "end": null }, { "category": "teacher", "wtf": "0.5", "start": "2014-01-01", "end": null }]),
    );
    assert!(!codes(&v).contains(&"WTF_ABOVE_FULL_TIME"));
    // Use accounted for in a later conversation; use in a year whose window has not passed yet.
    let usage = |date: &str| json!([{ "type": "usage", "date": date, "hours": "10", "money": "0", "activity": "A0", "assigned": false, "consent": false }]);
    let later = set(b.clone(), "/as_of", json!("2016-09-01"));
    let v = set(later.clone(), "/employees/0/ledger", usage("2015-03-01"));
    let v = set(v, "/employees/0/conversations", json!([{ "date": "2015-10-01", "kind": "development", "accounted_for": ["2014-2015"] }]));
    assert!(!codes(&v).contains(&"USE_NOT_ACCOUNTED_FOR"), "{:?}", codes(&v));
    assert!(!codes(&set(later, "/employees/0/ledger", usage("2015-09-01"))).contains(&"USE_NOT_ACCOUNTED_FOR"));
    // One theme of the team plans taken up is bottom-up input.
    let v = set(bottom_up_lacking(&b), "/employees/0/personal_plans/0/goals/0/links", json!(["G1", "T2"]));
    assert!(!codes(&v).contains(&"COLLECTIVE_PLAN_NO_BOTTOM_UP"));
    // A collective plan in draft is not one yet, and its PMR consultation is judged too.
    let v = set(set(b.clone(), "/collective_plans/0/status", json!("draft")), "/collective_plans/0/consultations", json!([]));
    let c = codes(&v);
    assert!(c.contains(&"COLLECTIVE_PLAN_MISSING") && c.contains(&"COLLECTIVE_PLAN_NO_PMR_CONSULTATION"), "{c:?}");
    // The annual report over 2013 (due 1 July 2014) that accounts for the spending.
    let v = set(b.clone(), "/annual_reports", json!([{ "year": 2013, "accounts_for_professionalisation": true }]));
    assert!(!codes(&v).contains(&"ANNUAL_REPORT_NO_ACCOUNTABILITY"), "{:?}", codes(&v));
    // A new employee (under 3 years) without a plan is not PERSONAL_PLAN_MISSING.
    let v = set(set(b.clone(), "/employees/1/personal_plans", json!([])), "/employees/1/appointments/0/start", json!("2013-01-01"));
    assert!(!codes(&v).contains(&"PERSONAL_PLAN_MISSING"));
}

/// The findings of a code on the base with one activity of E1's plan (or E2's, `employee` 1) set.
fn consent_findings(employee: usize, activity: Value) -> Vec<lemniscaat::finding::Finding> {
    let v = set(base(), &format!("/employees/{employee}/personal_plans/0/activities/0"), activity);
    let ds: Dataset = lemniscaat::json::from_value(v).unwrap();
    let r = validate(&ds).unwrap();
    r.findings.into_iter().filter(|f| f.code.as_str() == "PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT").collect()
}

#[test]
fn an_assigned_plan_activity_charging_the_basisrecht_needs_the_employees_consent() {
    let activity = |assigned: bool, consent: bool, hours: Value, money: Value| {
        json!({ "id": "A2", "kind": "course", "name": "Cursus differentiatie", "hours": hours, "money": money,
            "facilitation": "uit basisrecht", "assigned": assigned, "consent": consent })
    };
    // Assigned, charging hours and money, no consent: an error at the consent, citing the hours rule.
    let got = consent_findings(0, activity(true, false, json!("20"), json!("450")));
    assert_eq!(got.len(), 1, "{got:?}");
    let f = &got[0];
    assert_eq!(f.severity, lemniscaat::finding::Severity::Error);
    assert_eq!(f.path, "/employees/0/personal_plans/0/activities/0/consent");
    assert_eq!(f.source.citation(), "cao-vo-2014-2015 art. 17.4 lid 2");
    assert_eq!(
        f.message_nl(),
        "A. de Vries: activiteit A2 in persoonlijk professionaliseringsplan PP1 is opgedragen door de werkgever, maar de werknemer \
         heeft niet ingestemd met de inzet van het basisrecht daarvoor (artikel 17.4 lid 2); leg de instemming vast of laat de uren \
         en kosten voor rekening van de werkgever komen als faciliteit (artikel 17.7)"
    );
    assert_eq!(
        f.message_en(),
        "A. de Vries: activity A2 in personal plan PP1 was assigned by the employer, but the employee did not consent to using the \
         basisrecht for it (article 17.4 lid 2); record the consent or have the employer pay the hours and costs as a facility \
         (article 17.7)"
    );
    assert_eq!(f.data["activity"], lemniscaat::finding::DataValue::Text("A2".into()));
    // Money only: the money rule; support staff: the lid that applies it to them.
    let f = &consent_findings(0, activity(true, false, json!("0"), json!("450")))[0];
    assert_eq!(f.source.citation(), "cao-vo-2014-2015 art. 17.5 lid 2");
    let f = &consent_findings(1, activity(true, false, json!("8"), json!(null)))[0];
    assert_eq!(f.source.citation(), "cao-vo-2014-2015 art. 17.4 lid 3 jo. lid 2");
    assert_eq!(f.path, "/employees/1/personal_plans/0/activities/0/consent");
    // Without an id the activity is named by its name, else by its position.
    let mut unnamed = activity(true, false, json!("20"), json!(null));
    unnamed.as_object_mut().unwrap().remove("id");
    assert!(consent_findings(0, unnamed.clone())[0].message_nl().contains("activiteit 'Cursus differentiatie' in"));
    unnamed["name"] = json!(" ");
    assert!(consent_findings(0, unnamed)[0].message_en().contains("activity 1 in personal plan PP1"));
    // Near misses: consent given; not assigned; nothing charged (zero or absent); a superseded plan.
    assert!(consent_findings(0, activity(true, true, json!("20"), json!("450"))).is_empty());
    assert!(consent_findings(0, activity(false, false, json!("20"), json!("450"))).is_empty());
    assert!(consent_findings(0, activity(true, false, json!("0"), json!("0.00"))).is_empty());
    assert!(consent_findings(0, activity(true, false, json!(null), json!(null))).is_empty());
    let v = set(base(), "/employees/0/personal_plans/0/activities/0", activity(true, false, json!("20"), json!("450")));
    let v = set(v, "/employees/0/personal_plans/0/status", json!("superseded"));
    assert!(!codes(&v).contains(&"PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT"));
}

#[test]
fn a_plan_activitys_assigned_and_consent_are_kept_and_left_out_when_false() {
    let v = set(base(), "/employees/0/personal_plans/0/activities/0/assigned", json!(true));
    let v = set(v, "/employees/0/personal_plans/0/activities/0/consent", json!(true));
    let ds: Dataset = lemniscaat::json::from_value(v).unwrap();
    let a = &ds.employees[0].personal_plans[0].activities[0];
    assert!(a.assigned && a.consent);
    let back = serde_json::to_value(a).unwrap();
    assert_eq!((back["assigned"].clone(), back["consent"].clone()), (json!(true), json!(true)));
    let plain =
        serde_json::to_value(&lemniscaat::json::from_value::<Dataset>(base()).unwrap().employees[0].personal_plans[0].activities[0])
            .unwrap();
    assert!(plain.get("assigned").is_none() && plain.get("consent").is_none(), "{plain}");
}

#[test]
fn findings_carry_source_path_and_both_languages() {
    let v = set(base(), "/employees/0/personal_plans/0/contribution", json!(""));
    let ds: Dataset = lemniscaat::json::from_value(v).unwrap();
    let r = validate(&ds).unwrap();
    let f = r.findings.iter().find(|f| f.code.as_str() == "PERSONAL_PLAN_ELEMENT_MISSING").unwrap();
    assert_eq!(f.path, "/employees/0/personal_plans/0/contribution");
    assert_eq!(f.source.citation(), "cao-vo-2014-2015 art. 17.3 lid 2");
    assert!(f.message_nl().contains("mist het onderdeel b van artikel 17.3 lid 2"), "{}", f.message_nl());
    assert!(f.message_en().contains("lacks element b of article 17.3 lid 2"), "{}", f.message_en());
    assert_eq!(f.data["elements"], lemniscaat::finding::DataValue::List(vec!["b".into()]));
}

#[test]
fn malformed_datasets_give_typed_errors_with_exact_paths() {
    let cases = [
        (set(base(), "/employees/1/appointments/0/wtf", json!("1.5")), "INVALID_WTF", "/employees/1/appointments/0/wtf"),
        (set(base(), "/employees/0/appointments/0/start", json!("2010-13-01")), "INVALID_DATE", "/employees/0/appointments/0/start"),
        (set(base(), "/collective_plans/0/status", json!("approved")), "INVALID_VALUE", "/collective_plans/0/status"),
        (set(base(), "/collective_plans/0/school_year", json!("2014-2016")), "INVALID_SCHOOL_YEAR", "/collective_plans/0/school_year"),
        (
            set(base(), "/collective_plans/0/themes/0/activities/0/hours", json!("twelve")),
            "INVALID_DECIMAL",
            "/collective_plans/0/themes/0/activities/0/hours",
        ),
        (set(base(), "/teams/0/plans/0/goals/0/owner", json!(7)), "INVALID_VALUE", "/teams/0/plans/0/goals/0/owner"),
    ];
    for (v, code, path) in cases {
        let e = lemniscaat::json::from_value::<Dataset>(v).unwrap_err();
        assert_eq!((e.code().as_str(), e.path()), (code, path), "{e}");
    }
    let mut v = base();
    v["employees"][0]["personal_plans"][0]["aproved_by"] = json!("manager");
    let e = lemniscaat::json::from_value::<Dataset>(v).unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("UNKNOWN_FIELD", "/employees/0/personal_plans/0/aproved_by"));
    let mut v = base();
    v["board"].as_object_mut().unwrap().remove("id");
    let e = lemniscaat::json::from_value::<Dataset>(v).unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("MISSING_FIELD", "/board/id"));
}

/// A negative planned amount is refused when the dataset is read, at its path, by every operation
/// that reads a dataset (the report's 70:20:10 summed it and refused the whole board at the school
/// before); a zero amount is fine.
#[test]
fn a_negative_planned_amount_is_refused_at_its_path_by_validation_and_report() {
    let board =
        std::fs::read_to_string(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/voorbeeldstichting.json"))
            .unwrap();
    let sample: serde_json::Value = serde_json::from_str(&board).unwrap();
    let (e, p) = sample["employees"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find_map(|(e, emp)| {
            let plans = emp["personal_plans"].as_array()?;
            plans.iter().position(|p| p["activities"].as_array().is_some_and(|a| !a.is_empty())).map(|p| (e, p))
        })
        .unwrap();
    let cases = [
        (format!("/employees/{e}/personal_plans/{p}/activities/0/hours"), "-5"),
        (format!("/employees/{e}/personal_plans/{p}/activities/0/money"), "-0.01"),
        ("/collective_plans/0/themes/0/activities/0/cost".to_string(), "-100"),
    ];
    for (path, value) in cases {
        let text = set(sample.clone(), &path, json!(value)).to_string();
        for op in ["validate", "report"] {
            let err = lemniscaat::api::call(op, &text).unwrap_err();
            assert_eq!((err.code().as_str(), err.path()), ("INVALID_VALUE", path.as_str()), "{op}: {err}");
            assert!(err.message_nl().contains("mogen niet negatief zijn"), "{}", err.message_nl());
        }
        let zero = set(sample.clone(), &path, json!("0")).to_string();
        assert!(lemniscaat::api::call("validate", &zero).is_ok());
    }
}

#[test]
fn an_illegal_history_is_refused_with_its_path() {
    let v = set(
        base(),
        "/employees/0/personal_plans/0/history",
        json!([
            { "from": "draft", "to": "submitted", "role": "employee", "date": "2013-09-01" },
            { "from": "submitted", "to": "agreed", "role": "employee", "date": "2013-09-15" }
        ]),
    );
    let ds: Dataset = lemniscaat::json::from_value(v).unwrap();
    let e = validate(&ds).unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("ILLEGAL_TRANSITION", "/employees/0/personal_plans/0/history/1"));
}

fn refusal(category: &str, school_year: &str, event: &str) -> lemniscaat::Error {
    let input: lemniscaat::ledger::LedgerInput = lemniscaat::json::from_str(&format!(
        r#"{{"appointments":[{{"category":"{category}","wtf":"1","start":"2010-08-01","end":null}}],"school_years":["{school_year}"],"events":[{event}]}}"#
    ))
    .unwrap();
    lemniscaat::ledger::ledger(&input).unwrap_err()
}

#[test]
fn consent_cites_the_unit_and_the_category_in_the_rule_sets_own_numbering() {
    let hours = r#"{"type":"usage","date":"2015-01-10","hours":"4","money":"0","activity":"Cursus","assigned":true}"#;
    let money = r#"{"type":"usage","date":"2015-01-10","hours":"0","money":"50","activity":"Cursus","assigned":true}"#;
    let cite = |e: &lemniscaat::Error| e.cites().map(|s| s.text(Lang::Nl)).unwrap_or_default();
    let e = refusal("teacher", "2014-2015", hours);
    assert_eq!(e.code(), ErrorCode::AssignedWithoutConsent);
    assert_eq!(cite(&e), "CAO VO 2014-2015, art. 17.4 lid 2");
    assert!(e.message_nl().contains("(artikel 17.4 lid 2)") && e.message_nl().contains("(artikel 17.7)"), "{}", e.message_nl());
    assert_eq!(cite(&refusal("teacher", "2014-2015", money)), "CAO VO 2014-2015, art. 17.5 lid 2");
    assert_eq!(cite(&refusal("support", "2014-2015", hours)), "CAO VO 2014-2015, art. 17.4 lid 3 jo. lid 2");
    assert_eq!(cite(&refusal("support", "2014-2015", money)), "CAO VO 2014-2015, art. 17.5 lid 3 jo. lid 2");
    let later = r#"{"type":"usage","date":"2019-01-10","hours":"4","money":"0","activity":"Cursus","assigned":true}"#;
    assert_eq!(cite(&refusal("teacher", "2018-2019", later)), "CAO VO 2018-2019, art. 16.4 lid 2 (artikelnummer afgeleid)");
}

#[test]
fn an_overdraft_cites_the_grant_not_the_lapse() {
    let e = refusal("teacher", "2014-2015", r#"{"type":"usage","date":"2015-01-10","hours":"90","money":"0","activity":"Studie"}"#);
    assert_eq!(e.code(), ErrorCode::InsufficientBalance);
    assert_eq!(e.cites().map(|s| s.text(Lang::Nl)).unwrap_or_default(), "CAO VO 2014-2015, art. 17.4 lid 1");
    assert_eq!(e.message_nl(), "90 uur gevraagd ten laste van 'basisrecht', maar op die dag is slechts 83,00 uur beschikbaar");
}

#[test]
fn a_lapse_before_the_end_of_the_year_is_a_projection() {
    let input: lemniscaat::ledger::LedgerInput = lemniscaat::json::from_str(
        r#"{"appointments":[{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}],"school_years":["2014-2015"],"as_of":"2014-11-30"}"#,
    )
    .unwrap();
    let r = lemniscaat::ledger::ledger(&input).unwrap();
    let lapse = r.statements[0].explanation.iter().find(|s| s.step == "lapsed").unwrap();
    assert_eq!(lapse.message.id(), "ledger.lapses_projected");
    assert!(lapse.text(Lang::Nl).contains("vervalt op 31 juli 2015") && lapse.text(Lang::Nl).ends_with("(verwachting)"));
    let input: lemniscaat::ledger::LedgerInput = lemniscaat::json::from_str(
        r#"{"appointments":[{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}],"school_years":["2014-2015"],"as_of":"2015-08-01"}"#,
    )
    .unwrap();
    let r = lemniscaat::ledger::ledger(&input).unwrap();
    let lapse = r.statements[0].explanation.iter().find(|s| s.step == "lapsed").unwrap();
    assert_eq!(lapse.message.id(), "ledger.lapsed");
}

#[test]
fn a_plan_activity_of_a_kind_the_taxonomy_lacks_is_read_by_its_name_not_refused() {
    // Found by fuzzing: the board report failed as a whole on a typo in one activity's kind.
    let v = set(base(), "/collective_plans/0/themes/0/activities/0/kind", json!("cou:rse"));
    let input = v.to_string();
    assert!(lemniscaat::api::call("report", &input).is_ok());
    assert!(lemniscaat::api::call("validate", &input).is_ok());
}

#[test]
fn amounts_beyond_the_librarys_range_are_refused_where_they_are_read_never_a_panic() {
    // Found by fuzzing: a sum of adjustments overflowed the decimal and panicked.
    let input = json!({ "appointments": [{ "category": "teacher", "wtf": "1", "start": "2010-08-01", "end": null }],
        "events": [{ "type": "adjustment", "date": "2015-01-05", "hours": "79228162514264337593543950335", "money": "0", "reason": "r" }],
        "school_years": ["2014-2015"] });
    let e = lemniscaat::api::call("ledger", &input.to_string()).unwrap_err();
    assert_eq!((e.code(), e.path()), (ErrorCode::InvalidDecimal, "/events/0/hours"));
    let facility = json!({ "type": "facility", "date": "2015-01-05", "hours": "999999999999999", "money": "0", "activity": "A" });
    let input = json!({ "appointments": [], "events": [facility.clone(), facility], "school_years": ["2014-2015"] });
    assert!(lemniscaat::api::call("ledger", &input.to_string()).is_ok());
    // And a picture of a target far beyond sense fills its bar instead of overflowing.
    let input = json!({ "activities": [{ "kind": "course", "hours": "1" }], "target": { "experience": "999999999999999", "social": "0", "formal": "0" } });
    assert!(lemniscaat::api::call("mix", &input.to_string()).is_ok());
    let shares = lemniscaat::learning::Shares { experience: rust_decimal::Decimal::MAX, ..Default::default() };
    let target = lemniscaat::learning::Target { experience: rust_decimal::Decimal::MAX, ..Default::default() };
    assert!(lemniscaat::svg::mix_svg(&shares, &target, Lang::Nl).contains("<svg"));
}

#[test]
fn an_elements_own_error_keeps_its_index_when_more_elements_follow() {
    // Found by fuzzing: serde_json reads the comma after the element before it places the error.
    let first = json!({ "category": "support", "wtf": "1", "start": "2015-03-01", "end": "2011-04-09" });
    let second = json!({ "category": "teacher", "wtf": "1", "start": "2010-08-01", "end": null });
    for appointments in [json!([first.clone(), second.clone()]), json!([first.clone()])] {
        let input = json!({ "school_year": "2014-2015", "appointments": appointments }).to_string();
        let e = lemniscaat::api::call("entitlement", &input).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidDateRange, "/appointments/0/end"), "{input}");
        let spaced = input.replace("},{", "} , {");
        assert_eq!(lemniscaat::api::call("entitlement", &spaced).unwrap_err().path(), "/appointments/0/end");
    }
    // A missing field of an element followed by another, and of the second one.
    let no_wtf = json!({ "category": "teacher", "start": "2010-08-01", "end": null });
    for (appointments, path) in
        [(json!([no_wtf.clone(), second.clone()]), "/appointments/0/wtf"), (json!([second, no_wtf]), "/appointments/1/wtf")]
    {
        let input = json!({ "school_year": "2014-2015", "appointments": appointments }).to_string();
        let e = lemniscaat::api::call("entitlement", &input).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, path), "{input}");
    }
}
