//! The receipt's input hash: SHA-256 of the input's JSON form (compact, the fields in declaration
//! order with the defaults filled in: what the library itself would write for the typed input).
//!
//! The JSON is written into a buffer kept per thread and hashed in one piece: the JSON writer's
//! many small pieces become plain copies into memory that is already there, and the hash runs
//! over whole blocks at once. It is the same JSON writer as every other output, so the
//! WebAssembly module carries one copy of the serialisation code, and the same bytes, so the same
//! hash, in every host. (A JSON writer of the library's own, byte for byte serde_json's, was
//! tried: it was no faster, as the time goes to the many short keys, not to the writer.)

use serde::Serialize;
use sha2::{Digest, Sha256};

/// SHA-256 of `v`'s compact JSON form, as 64 lowercase hex digits.
///
/// ```
/// use lemniscaat::digest::hash_hex;
/// // SHA-256 of the text ["a",1]
/// assert_eq!(hash_hex(&("a", 1u8)), "135f17a475a61afdeeaf3759ad2e45ad1c7abb192395abe47e41fc8e395dc1a9");
/// ```
pub fn hash_hex<T: Serialize + ?Sized>(v: &T) -> String {
    hex(json_digest(v))
}

/// SHA-256 of the JSON text, written into a buffer kept per thread first. A buffer grown past
/// [`KEPT`] by a large input is given back afterwards; a nested call (none exists: no `Serialize`
/// of the library hashes), or one while the thread ends, uses a buffer of its own rather than
/// fail.
fn json_digest<T: Serialize + ?Sized>(v: &T) -> impl AsRef<[u8]> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let digest = |b: &mut Vec<u8>| {
        b.clear();
        // Writing into a Vec cannot fail; a value whose Serialize fails hashes what it wrote.
        let _ = serde_json::to_writer(&mut *b, v);
        let d = Sha256::digest(&b[..]);
        if b.capacity() > KEPT {
            *b = Vec::new();
        }
        d
    };
    // A buffer of its own when the thread's is in use or already gone (a thread that is ending).
    BUFFER.try_with(|cell| cell.try_borrow_mut().ok().map(|mut b| digest(&mut b))).ok().flatten().unwrap_or_else(|| digest(&mut Vec::new()))
}

/// The largest buffer kept between calls (bytes).
const KEPT: usize = 64 * 1024;

/// Bytes as lowercase hex digits.
pub(crate) fn hex(bytes: impl AsRef<[u8]>) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = bytes.as_ref();
    let mut s = Vec::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.extend_from_slice(&[HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
    }
    // Hex digits are ASCII, so this is never the empty fallback.
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::EntitlementInput;

    fn input(json: &str) -> EntitlementInput {
        crate::json::from_str(json).unwrap()
    }

    /// The hash is SHA-256 of the compact JSON the library writes, whichever way it is fed.
    fn of_json_text<T: Serialize + ?Sized>(v: &T) -> String {
        hex(Sha256::digest(serde_json::to_vec(v).unwrap()))
    }

    #[test]
    fn the_hash_is_that_of_the_json_text_of_entitlement_and_ledger_inputs() {
        // Inline inputs (the published crate has no repository vectors): every field kind,
        // defaults filled in, texts with escapes, a ledger longer than the buffer.
        let entitlement = r#"{"school_year":"2015-2016","rule_set":"cao-vo-2014-2015","appointments":[
            {"category":"teacher","wtf":"0.8","start":"2010-08-01","end":"2015-12-31"},
            {"category":"support","wtf":"0.4215","start":"2016-01-01","end":null}],
            "options":{"rounding":{"hours":{"decimals":3,"mode":"down"}}},"support_extension_plan":true}"#;
        let i = input(entitlement);
        assert_eq!(hash_hex(&i), of_json_text(&i));
        let events: Vec<String> = (0..40)
            .map(|k| {
                format!(
                    r#"{{"type":"usage","date":"2015-0{}-1{}","hours":"{k}.5","money":"0","activity":"A \"{k}\" é"}}"#,
                    1 + k % 8,
                    k % 9
                )
            })
            .collect();
        let ledger = format!(
            r#"{{"appointments":[{{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}}],"events":[{},
            {{"type":"saving","from":"2014-2015","until":"2015-2016","units":["hours"],"basis":"agreement","cap":{{"hours":"10"}}}}],
            "school_years":["2014-2015","2015-2016"],"as_of":"2015-06-01"}}"#,
            events.join(",")
        );
        let l: crate::ledger::LedgerInput = crate::json::from_str(&ledger).unwrap();
        assert!(serde_json::to_vec(&l).unwrap().len() > 2000);
        assert_eq!(hash_hex(&l), of_json_text(&l));
    }

    #[test]
    fn texts_of_every_size_and_one_larger_than_the_kept_buffer_hash_as_their_whole_text() {
        let long: Vec<String> = (0..300).map(|i| "x\"\u{1}é".repeat(i % 37)).collect();
        assert_eq!(hash_hex(&long), of_json_text(&long));
        let huge = "y".repeat(2000);
        assert_eq!(hash_hex(&huge), of_json_text(&huge));
        assert_eq!(hash_hex(&huge), hex(Sha256::digest(format!("\"{huge}\""))));
        // A value past KEPT, then a short one: the buffer given back leaves nothing behind.
        let past = "z".repeat(KEPT + 10);
        assert_eq!(hash_hex(&past), of_json_text(&past));
        assert_eq!(hash_hex(&("a", 1u8)), of_json_text(&("a", 1u8)));
    }

    #[test]
    fn inputs_that_differ_in_any_field_hash_differently_and_equal_ones_alike() {
        let base = r#"{"school_year":"2015-2016","appointments":[{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}]}"#;
        let h = hash_hex(&input(base));
        assert_eq!(h, hash_hex(&input(base)));
        for other in [
            base.replace("0.8", "0.80"),
            base.replace("2015-2016", "2016-2017"),
            base.replace("teacher", "support"),
            base.replace("null", r#""2016-07-31""#),
            base.replace("}]}", r#"}],"explain":false}"#),
            base.replace("}]}", r#"}],"rule_set":"cao-vo-2014-2015"}"#),
        ] {
            assert_ne!(hash_hex(&input(&other)), h, "{other}");
        }
    }
}
