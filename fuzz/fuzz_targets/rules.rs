//! Rule-book overrides: `RuleBook::builtin().with_overrides(json)` (and a book of its own,
//! `RuleBook::from_json`). When the overrides are accepted, the book computes: an entitlement in
//! a school year, category and wtf chosen by the first two bytes, its rule sets, a ledger over
//! two years with a saving, and a small batch. Asserts: errors have a stable code, messages and a
//! path into the overrides (or into the entitlement input); outputs are JSON that parses back;
//! the ledger keeps its invariants.
#![no_main]

use lemniscaat::batch::{Batch, BatchRow};
use lemniscaat::RuleBook;
use lemniscaat_fuzz::{error, ledger, output, serialises};
use libfuzzer_sys::fuzz_target;

const CATEGORIES: [&str; 3] = ["teacher", "support", "management"];
const WTFS: [&str; 4] = ["1", "0.6", "0.5", "0.0001"];

fn computes(book: &RuleBook, a: u8, b: u8) {
    serialises(&book.rule_sets());
    output(&lemniscaat::api::call_with(book, "rule_sets", "{}").unwrap_or_else(|e| panic!("rule_sets refused: {e}"))); // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    let year = 2014 + (a % 24) as i32;
    let category = CATEGORIES[b as usize % 3];
    let wtf = WTFS[(b as usize / 3) % WTFS.len()];
    let explain = a >= 128;
    let input = format!(
        r#"{{"school_year":"{year}-{}","appointments":[{{"category":"{category}","wtf":"{wtf}","start":"2010-08-01","end":null}}],"explain":{explain}}}"#,
        year + 1
    );
    match lemniscaat::api::call_with(book, "entitlement", &input) {
        Ok(out) => {
            output(&out);
        }
        Err(e) => error(&e, &input, true),
    }
    let ledger_input = format!(
        r#"{{"appointments":[{{"category":"{category}","wtf":"{wtf}","start":"2010-08-01","end":null}}],
        "events":[{{"type":"saving","from":"{year}-{y1}","until":"{y1}-{y2}","units":["hours","money"],"basis":"agreement"}},
          {{"type":"usage","date":"{year}-10-01","hours":"3","money":"10","activity":"A1"}},
          {{"type":"adjustment","date":"{y1}-01-02","hours":"-1","money":"5","reason":"r"}},
          {{"type":"usage","date":"{y1}-09-01","hours":"5","money":"50","activity":"A2"}},
          {{"type":"reservation","date":"{y1}-10-01","hours":"1","money":"1","activity":"A3"}}],
        "school_years":["{year}-{y1}","{y1}-{y2}"],"explain":{explain}}}"#,
        y1 = year + 1,
        y2 = year + 2
    );
    match lemniscaat::json::from_str::<lemniscaat::ledger::LedgerInput>(&ledger_input) {
        Ok(li) => match lemniscaat::ledger::ledger_with(book, &li) {
            Ok(r) => ledger(&r),
            Err(e) => error(&e, &ledger_input, true),
        },
        Err(e) => panic!("the fixed ledger input does not read: {e}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    }
    let rows = [
        BatchRow { employee: "E1", category, wtf, start: "2010-08-01", end: "" },
        BatchRow { employee: "E2", category: "support", wtf: "1", start: "2014-09-01", end: "" },
        BatchRow { employee: "E1", category: "teacher", wtf: "0.2", start: "2012-01-01", end: "" },
    ];
    if let Ok(sy) = lemniscaat::SchoolYear::new(year) {
        let one = Batch::new(sy).book(book).threads(1).run(&rows[..]);
        let two = Batch::new(sy).book(book).threads(2).run(&rows[..]);
        assert_eq!(one, two, "1 thread and 2 threads differ");
        match one {
            Ok(r) => {
                serialises(&r);
            }
            Err(e) => error(&e, "", false),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (a, b, rest) = match data {
        [a, b, rest @ ..] => (*a, *b, rest),
        _ => return,
    };
    let text = String::from_utf8_lossy(rest);
    match RuleBook::builtin().with_overrides(&text) {
        Ok(book) => computes(&book, a, b),
        Err(e) => error(&e, &text, true),
    }
    if b % 8 == 0 {
        match RuleBook::from_json(&text) {
            Ok(book) => computes(&book, a, b),
            Err(e) => error(&e, &text, true),
        }
    }
});
