//! Every operation of `lemniscaat::api`: the first byte chooses the operation (and the language
//! of the two SVG operations), the rest is its JSON input. Asserts: an accepted input's output
//! is JSON that parses back; an error has a stable code, messages and a path into the input; an
//! accepted ledger keeps its invariants (`lemniscaat_fuzz::ledger`).
#![no_main]

use lemniscaat_fuzz::{any_operation, OPERATIONS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let op = OPERATIONS[first as usize % OPERATIONS.len()];
    let lang = if first as usize / OPERATIONS.len() % 2 == 0 { "nl" } else { "en" };
    let input = String::from_utf8_lossy(rest);
    any_operation(op, &input, lang);
});
