#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise
//! The language check: every text a person reads, rendered in Dutch and in English from every
//! vector (findings, errors, explanation steps, ledger lines, selections) and from the sample
//! board's report, must be in its own language: no id of the library and no English label in a
//! Dutch text (and no Dutch label in an English one), no decimal point in a Dutch amount (no
//! decimal comma in an English one), no ISO date in prose, and no empty text.

use lemniscaat::finding::FindingCode;
use lemniscaat::locale::{self, Lang};
use lemniscaat::people::Category;
use lemniscaat::rules::{Confidence, RuleBook};
use serde_json::Value;
use std::collections::BTreeSet;

const VECTORS: [(&str, &str); 9] = [
    ("entitlement.json", "entitlement"),
    ("ledger.json", "ledger"),
    ("eligibility.json", "eligibility"),
    ("lumpsum.json", "lumpsum"),
    ("classification.json", "classify"),
    ("mix.json", "mix"),
    ("cycle.json", "cycle"),
    ("validation.json", "validate"),
    ("validation-obligations.json", "validate"),
];

/// A text for people with where it came from.
struct Text {
    at: String,
    lang: Lang,
    text: String,
}

/// Collects the texts of a result: `en`/`nl` pairs (steps, selections, labels) and
/// `message_en`/`message_nl` (findings, errors).
fn collect(v: &Value, at: &str, out: &mut Vec<Text>) {
    match v {
        Value::Object(m) => {
            for (en, nl) in [("en", "nl"), ("message_en", "message_nl")] {
                if let (Some(Value::String(e)), Some(Value::String(n))) = (m.get(en), m.get(nl)) {
                    out.push(Text { at: at.into(), lang: Lang::En, text: e.clone() });
                    out.push(Text { at: at.into(), lang: Lang::Nl, text: n.clone() });
                }
            }
            for (k, x) in m {
                if k != "message" && k != "args" {
                    collect(x, &format!("{at}/{k}"), out);
                }
            }
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| collect(x, &format!("{at}/{i}"), out)),
        _ => {}
    }
}

/// Every text of every vector (results and errors) and of the sample board's report.
fn texts() -> (Vec<Text>, BTreeSet<String>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors");
    let mut out = Vec::new();
    let mut codes = BTreeSet::new();
    for (file, op) in VECTORS {
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{file}")).unwrap()).unwrap();
        for case in cases {
            let name = format!("{file}: {}", case["name"].as_str().unwrap_or("?"));
            match lemniscaat::api::call(op, &case["input"].to_string()) {
                Ok(json) => {
                    let v: Value = serde_json::from_str(&json).unwrap();
                    for c in v.pointer("/findings").or(v.pointer("/warnings")).and_then(Value::as_array).into_iter().flatten() {
                        codes.insert(c["code"].as_str().unwrap_or_default().to_string());
                    }
                    collect(&v, &name, &mut out);
                }
                Err(e) => {
                    codes.insert(e.code().as_str().to_string());
                    out.push(Text { at: name.clone(), lang: Lang::En, text: e.message_en() });
                    out.push(Text { at: name, lang: Lang::Nl, text: e.message_nl() });
                }
            }
        }
    }
    // The sample board broken where no vector breaks it, so that every finding code is rendered.
    let mut board: Value = serde_json::from_str(lemniscaat::report::SAMPLE).unwrap();
    board["kaders"][0]["consultations"] = Value::Array(vec![]);
    board["collective_plans"][0]["consultations"] = Value::Array(vec![]);
    board["collective_plans"][0]["themes"][0]["target_groups"] = Value::Array(vec![]);
    board["collective_plans"][0]["themes"][0]["facilities"] = Value::Null;
    board["employees"][0]["personal_plans"] = Value::Array(vec![]);
    board["employees"][1]["personal_plans"][0]["approved_by"] = Value::Null;
    board["employees"][2]["team"] = Value::String("T-does-not-exist".into());
    let broken = lemniscaat::api::call("validate", &board.to_string()).unwrap();
    let v: Value = serde_json::from_str(&broken).unwrap();
    for c in v["findings"].as_array().into_iter().flatten() {
        codes.insert(c["code"].as_str().unwrap_or_default().to_string());
    }
    collect(&v, "the sample board, broken", &mut out);
    let report = lemniscaat::api::call("report", lemniscaat::report::SAMPLE).unwrap();
    let v: Value = serde_json::from_str(&report).unwrap();
    for c in v["findings"].as_array().into_iter().flatten() {
        codes.insert(c["code"].as_str().unwrap_or_default().to_string());
    }
    collect(&v, "sample board report", &mut out);
    (out, codes)
}

/// The library's own ids (which no text may show) and its English labels (which no Dutch text
/// may show), as whole words.
fn english_and_ids() -> Vec<String> {
    let mut w: Vec<String> = Vec::new();
    for c in [Category::Teacher, Category::Support, Category::Management] {
        w.push(c.as_str().into());
        w.push(locale::category(c, Lang::En).into());
    }
    for c in [Confidence::Seed, Confidence::Sourced, Confidence::Inferred] {
        w.push(c.as_str().into());
        w.push(locale::confidence(c, Lang::En).into());
    }
    for s in ["half-up", "half-even", "parties-intent", "bezwarencommissie-2016", "calendar-days", "whole-months", "money-only"] {
        w.push(s.into());
    }
    for s in ["draft", "submitted", "returned", "agreed", "active", "completed", "superseded", "approved"] {
        w.push(s.into());
    }
    for s in ["hours", "money", "measure", "deadline", "description", "appointment", "rounded", "lenient", "strict", "none"] {
        w.push(s.into());
    }
    for rs in RuleBook::builtin().rule_sets() {
        w.push(rs.id.to_string());
        for b in &rs.parameters.extra_buckets {
            w.push(b.id.clone());
            w.push(locale::parameter(&b.id).en);
        }
    }
    for i in lemniscaat::cycle::reference() {
        w.push(i.id.as_str().into());
        w.push(i.name.en.clone());
    }
    for c in FindingCode::ALL {
        w.push(c.as_str().into());
    }
    w.sort();
    w.dedup();
    w
}

/// Dutch labels that an English text must not show.
fn dutch() -> Vec<String> {
    let mut w: Vec<String> = Vec::new();
    for c in [Category::Teacher, Category::Management] {
        w.push(locale::category(c, Lang::Nl).into());
    }
    for s in ["uur", "benoeming", "vastgesteld", "afgerond", "schooljaar", "regelset", "leidinggevende", "onderdeel", "vervalt"] {
        w.push(s.into());
    }
    w
}

/// Whether `word` occurs in `text` as a whole word (letters, digits, `_` and `-` join words).
fn has_word(text: &str, word: &str) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || c == '+';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !joins(c));
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !joins(c));
        before && after
    })
}

/// The numbers of a text as written (`60.500,00`, `17.4`, `0.6`), with the word before each.
fn numbers(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.' || chars[i] == ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let before: String = chars[..start].iter().collect::<String>().split_whitespace().last().unwrap_or_default().to_lowercase();
            out.push((chars[start..i].iter().collect(), before));
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a number is written in `l`'s format: grouped thousands and the decimal sign of the
/// language; article numbers (`artikel 17.4`, `art. 16.2`) keep their point.
fn well_written(number: &str, before: &str, l: Lang) -> bool {
    let (group, point) = match l {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    if matches!(before.trim_start_matches('('), "art." | "artikel" | "article" | "artikelen" | "articles" | "lemniscaat") {
        return true;
    }
    let (int, frac) = number.split_once(point).unwrap_or((number, ""));
    if frac.contains(group) || frac.contains(point) {
        return false;
    }
    let groups: Vec<&str> = int.split(group).collect();
    groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3))
}

fn iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| w.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() }))
}

#[test]
fn every_text_is_in_its_own_language() {
    let (texts, _) = texts();
    assert!(texts.len() > 500, "{} texts", texts.len());
    let (en_words, nl_words) = (english_and_ids(), dutch());
    let mut failures = BTreeSet::new();
    for t in &texts {
        if t.text.trim().is_empty() {
            failures.insert(format!("{}: an empty text", t.at));
            continue;
        }
        let foreign = match t.lang {
            Lang::Nl => &en_words,
            Lang::En => &nl_words,
        };
        for w in foreign.iter().filter(|w| has_word(&t.text, w)) {
            failures.insert(format!("{:?} text shows '{w}': {}", t.lang, t.text));
        }
        for (n, before) in numbers(&t.text) {
            if !well_written(&n, &before, t.lang) {
                failures.insert(format!("{:?} text writes the number '{n}' wrongly: {}", t.lang, t.text));
            }
        }
        if iso_date(&t.text) {
            failures.insert(format!("{:?} text shows an ISO date: {}", t.lang, t.text));
        }
    }
    let list: Vec<&String> = failures.iter().take(40).collect();
    assert!(
        failures.is_empty(),
        "{} texts in the wrong language or format:\n{}",
        failures.len(),
        list.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_check_catches_what_it_is_for() {
    assert!(has_word("basis voor teacher (voltijd)", "teacher"));
    assert!(!has_word("teamdoel G4", "team"));
    assert!(!well_written("66.40", "", Lang::Nl));
    assert!(well_written("60.500,00", "€", Lang::Nl));
    assert!(well_written("17.4", "art.", Lang::Nl));
    assert!(!well_written("0,6", "wtf", Lang::En));
    assert!(iso_date("op 2014-08-01"));
}

#[test]
fn every_finding_code_is_rendered_by_some_vector_or_the_sample_board() {
    let (_, codes) = texts();
    let missing: Vec<&str> = FindingCode::ALL.iter().map(|c| c.as_str()).filter(|c| !codes.contains(*c)).collect();
    assert!(missing.is_empty(), "finding codes no vector renders: {missing:?}");
}
