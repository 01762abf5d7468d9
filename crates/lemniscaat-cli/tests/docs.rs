//! The generated documents in docs/ are true to the code: rule sets with their sources, the
//! taxonomy with its sources, the error and finding codes. `LEMNISCAAT_WRITE_DOCS=1` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

use lemniscaat::finding::FindingCode;
use lemniscaat::learning::Taxonomy;
use lemniscaat::{ErrorCode, RuleBook};
use std::path::PathBuf;

fn sync(name: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs").join(name);
    if std::env::var_os("LEMNISCAAT_WRITE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == generated, "docs/{name} is out of date: run LEMNISCAAT_WRITE_DOCS=1 cargo test --workspace --test docs");
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[test]
fn rulesets_md() {
    let book = RuleBook::builtin();
    let mut o = String::from("# Rule sets: CAO VO professionalisation since 2014\n\n");
    o.push_str("Generated from `crates/lemniscaat/data/rulesets.json` by `crates/lemniscaat-cli/tests/docs.rs`; do not edit by hand.\n\n");
    o.push_str("Confidence: **seed** (article 17 in the appendix of the Voion handreiking, 2014), **sourced** (stated by a named secondary source), **inferred** (the project's reading; no source states it). A rule set states only what it changes; every other value carries forward with its provenance. Selection: the latest rule set in force on 1 August of the school year, unless pinned. School years starting after 2025-11-01 (the known end of cao-vo-2024-2025) use the last rule set with a `RULES_OUT_OF_RANGE` warning (lenient) or are refused (strict).\n\n");
    o.push_str("| id | in force from | teacher | support | summary |\n|---|---|---|---|---|\n");
    for rs in book.rule_sets() {
        let p = &rs.parameters;
        o.push_str(&format!(
            "| `{}` | {} | {} h, EUR {} | {} h, EUR {} | {} |\n",
            rs.id,
            rs.in_force_from.value,
            p.teacher_hours.value,
            p.teacher_money.value,
            p.support_hours.value,
            p.support_money.value,
            cell(&rs.summary.en)
        ));
    }
    for rs in book.rule_sets() {
        o.push_str(&format!("\n## `{}` — {}\n\n{}\n\n{}\n\n", rs.id, rs.name, rs.summary.en, rs.summary.nl));
        o.push_str(&format!(
            "In force from {} ({}, {}).",
            rs.in_force_from.value,
            rs.in_force_from.provenance.confidence.as_str(),
            rs.in_force_from.provenance.source
        ));
        if let Some(u) = &rs.known_until {
            o.push_str(&format!(" Known to run until {} ({}).", u.value, u.provenance.source));
        }
        o.push_str(&format!(" Parameter hash (receipts): `{}`.\n\n", &rs.hash[..16]));
        let sel = book.describe(rs, lemniscaat::SchoolYear::containing(rs.in_force_from.value), lemniscaat::rules::Choice::Pinned);
        let s = lemniscaat::report::summary_of(book, rs, sel);
        o.push_str("| parameter | value | article | confidence | source |\n|---|---|---|---|---|\n");
        for p in &s.parameters {
            o.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                p.name,
                cell(&p.value),
                p.article,
                lemniscaat::locale::certainty(p.confidence, p.article_confidence, lemniscaat::locale::Lang::En),
                cell(&p.source)
            ));
        }
        for i in &rs.information {
            o.push_str(&format!("\nInformation `{}`: {}\n", i.id, i.en));
        }
    }
    o.push_str("\n## Sources\n\n| id | title | publisher | date | address |\n|---|---|---|---|---|\n");
    for s in book.sources() {
        o.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            s.id,
            cell(&s.title),
            cell(&s.publisher),
            s.date.clone().unwrap_or_default(),
            s.url.clone().unwrap_or_else(|| "(publication known; address not verified)".into())
        ));
    }
    sync("rulesets.md", o);
}

#[test]
fn taxonomy_md() {
    let mut o = String::from("# The 70:20:10 taxonomy\n\n");
    o.push_str("Generated from `crates/lemniscaat/data/taxonomy.json`; do not edit by hand. Callers can add or replace kinds (`taxonomy` in the classify and mix inputs).\n\n");
    o.push_str("The 70:20:10 model is a guideline, not a quota: the ratio comes from interviews with executives in the 1980s (Lombardo and Eichinger), not from measurements of how teachers learn. The library gives advice (`info` findings), never errors. Where the handreiking places an activity it is followed: network meetings under 70 (experience), study of literature under 10 (formal).\n\n");
    o.push_str("| kind | English | Dutch | 70:20:10 | CAO 17.1 | Cedefop | source |\n|---|---|---|---|---|---|---|\n");
    for k in Taxonomy::builtin().kinds() {
        o.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} |\n",
            k.id,
            k.label.en,
            k.label.nl,
            k.bucket.as_str(),
            k.cao_17_1.clone().unwrap_or_else(|| "-".into()),
            serde_json::to_value(k.cedefop).unwrap().as_str().unwrap(),
            cell(&k.source)
        ));
    }
    o.push_str("\nCAO 17.1: a formal schooling (courses, trainings, conferences); b reflection on the work (intervisie, peer review, coaching); c (digital) networks and professional associations; d literature study.\n");
    sync("taxonomy.md", o);
}

#[test]
fn codes_md() {
    let mut o = String::from("# Codes\n\nGenerated from the code; do not edit by hand. Codes are stable and English in every binding; messages come in Dutch and English.\n\n");
    o.push_str("## Errors (input the library refuses)\n\nEvery error has a `code`, a JSON Pointer `path` where input caused it, and `message_nl` / `message_en`.\n\n| code | family |\n|---|---|\n");
    for c in ErrorCode::ALL {
        o.push_str(&format!("| `{}` | {} |\n", c.as_str(), c.family()));
    }
    o.push_str("\n## Findings (validation results, never errors)\n\nEach code links to the function that decides it (`lemniscaat::validate::rule_of`); the title is the one the report shows.\n\n| code | severity | title | rule |\n|---|---|---|---|\n");
    for c in FindingCode::ALL {
        let (file, function) = lemniscaat::validate::rule_of(*c);
        let title = |l| lemniscaat::message::title(c.as_str(), l);
        o.push_str(&format!(
            "| `{}` | {} | {} ({}) | [`{function}`](../crates/lemniscaat/src/validate/{file}) in `validate/{file}` |\n",
            c.as_str(),
            c.severity().as_str(),
            cell(&title(lemniscaat::svg::Lang::Nl)),
            cell(&title(lemniscaat::svg::Lang::En)),
        ));
    }
    o.push_str("\n## Settings of the validation (`settings` in the dataset)\n\n| setting | default | source |\n|---|---|---|\n");
    for d in [
        lemniscaat::validate::settings::DUE_SOON_DAYS,
        lemniscaat::validate::settings::CONVERSATION_MONTHS,
        lemniscaat::validate::settings::ANNUAL_REPORT_DUE_MONTH,
    ] {
        let origin = if d.library { "lemniscaat" } else { "handreiking" };
        o.push_str(&format!("| `{}` | {} | {origin}: {} |\n", d.name, d.value, cell(d.source)));
    }
    o.push_str("| `cycle_window_months` | each part's own period: ");
    let parts: Vec<String> =
        lemniscaat::cycle::Stage::ALL.iter().map(|s| format!("`{}` {} months", s.as_str(), s.window_months())).collect();
    o.push_str(&parts.join(", "));
    o.push_str(" | `Stage::window_months`: kaders at least every four years (17.2 lid 2), a personal plan every three (17.3 lid 1), the collective plan yearly (17.2 lid 3) |\n");
    o.push_str(
        "| `personal_mix_advice` | false | lemniscaat: 70:20:10 advice on personal plans only when asked (advice, never an error) |\n",
    );
    sync("codes.md", o);
}
