//! The dataset reader and the validation on raw bytes: `Dataset::from_json`, then `validate`
//! and the board report. Asserts: an error has a stable code, messages and a path into the
//! input; every finding's path is a JSON Pointer into the input; the report and the board
//! report serialise to JSON that parses back.
#![no_main]

use lemniscaat_fuzz::check_dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    check_dataset(&input);
});
