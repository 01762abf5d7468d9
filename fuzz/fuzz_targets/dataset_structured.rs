//! A structure-aware dataset: the fuzzer's bytes are choices that assemble a mostly valid board
//! (`lemniscaat_fuzz::gen`), so that the validation's rules are reached rather than the JSON
//! reader's first refusal; checked as the `dataset` target checks. Each employee's appointments
//! and ledger events also go through the ledger, whose statements must keep their invariants.
#![no_main]

use arbitrary::Unstructured;
use lemniscaat_fuzz::{any_operation, check_dataset, gen::Gen};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut g = Gen::new(&mut u);
    let Ok(ds) = g.dataset() else { return };
    let text = ds.to_string();
    check_dataset(&text);
    // A ledger of its own, and each employee's through the ledger.
    if let Ok(li) = g.ledger_input() {
        any_operation("ledger", &li.to_string(), "en");
    }
    let years = serde_json::json!(["2014-2015", "2015-2016", "2016-2017", "2023-2024", "2024-2025"]);
    for e in ds.get("employees").and_then(|e| e.as_array()).into_iter().flatten() {
        let (Some(apps), Some(events)) = (e.get("appointments"), e.get("ledger")) else { continue };
        let li = serde_json::json!({ "appointments": apps, "events": events, "school_years": years });
        any_operation("ledger", &li.to_string(), "en");
    }
});
