//! The receipt's input hash: SHA-256 of the typed input's binary encoding ([`encode`]), written
//! straight from the input's fields with no JSON in between: no keys, no escaping, and a shorter
//! text to hash (an entitlement's input is about a fifth of its JSON). The defaults are filled in,
//! as the library read them, so an input written out in full and the same input with its
//! defaults left out hash alike.
//!
//! The encoding is written into a buffer kept per thread and hashed in one piece. It is the same
//! code in every host, so the same bytes and the same hash.

pub mod encode;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// SHA-256 of `v`'s encoding, as 64 lowercase hex digits.
///
/// ```
/// use lemniscaat::digest::hash_hex;
/// // SHA-256 of the bytes 01 61 01: the text "a" (length 1, then `a`) and the byte 1.
/// assert_eq!(hash_hex(&("a", 1u8)), "4bf39db843e67bd327438dd0f00251ace4a6c03716044c5fab46fe9d9d4ac37f");
/// ```
pub fn hash_hex<T: Serialize + ?Sized>(v: &T) -> String {
    hex(encoded_digest(v))
}

/// SHA-256 of the encoding, written into a buffer kept per thread first. A buffer grown past
/// [`KEPT`] by a large input is given back afterwards; a nested call (none exists: no `Serialize`
/// of the library hashes), or one while the thread ends, uses a buffer of its own rather than
/// fail.
fn encoded_digest<T: Serialize + ?Sized>(v: &T) -> impl AsRef<[u8]> {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let digest = |b: &mut Vec<u8>| {
        b.clear();
        // Writing into a Vec cannot fail; a value whose Serialize fails hashes what it wrote.
        let _ = encode::encode(v, b);
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
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::EntitlementInput;
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;

    fn input(json: &str) -> EntitlementInput {
        crate::json::from_str(json).unwrap()
    }

    /// SHA-256 of bytes written by hand from the encoding's table.
    fn of_bytes(bytes: &[u8]) -> String {
        hex(Sha256::digest(bytes))
    }

    fn encoded<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
        let mut out = Vec::new();
        encode::encode(v, &mut out).unwrap();
        out
    }

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Amount(#[serde(with = "crate::num::dec")] Decimal),
        Pair { a: u8, b: bool },
    }

    #[derive(Serialize)]
    struct Row {
        #[serde(skip_serializing_if = "Option::is_none")]
        first: Option<u16>,
        #[serde(skip_serializing_if = "Option::is_none")]
        second: Option<u16>,
        kinds: Vec<Kind>,
        by_name: BTreeMap<String, i32>,
    }

    #[test]
    fn every_kind_of_value_is_written_as_the_table_says() {
        let row = Row {
            first: None,
            second: Some(0x0102),
            kinds: vec![Kind::Plain, Kind::Amount(Decimal::new(80, 2)), Kind::Pair { a: 7, b: true }],
            by_name: BTreeMap::from([("x".to_owned(), -1)]),
        };
        #[rustfmt::skip]
        let bytes = [
            2, 1, 0x02, 0x01,                // field 2 (first left out): present, u16 little-endian
            3, 3, 0, 0, 0,                   // field 3: a sequence of three
            0,                               //   variant 0
            1, 4, b'0', b'.', b'8', b'0',    //   variant 1: the decimal's text "0.80"
            2, 1, 7, 2, 1, 0,                //   variant 2: a struct, a = 7, b = true, end
            4, 1, 0, 0, 0,                   // field 4: a map of one
            1, b'x', 0xff, 0xff, 0xff, 0xff, //   "x" => -1 (i32)
            0,                               // end of the struct
        ];
        assert_eq!(encoded(&row), bytes);
        assert_eq!(hash_hex(&row), of_bytes(&bytes));
        assert_eq!(encoded(&(None::<u8>, Some("é"), 'a', 258u64)), [0, 1, 2, 0xc3, 0xa9, 1, b'a', 2, 1, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn a_text_of_128_bytes_or_more_has_a_longer_length_whether_written_whole_or_formatted() {
        for n in [127, 128, 300, 20_000] {
            let text = "y".repeat(n);
            let mut head = vec![(n as u8) & 0x7f | if n >= 128 { 0x80 } else { 0 }];
            if n >= 128 {
                head.push((n >> 7) as u8 & 0x7f | if n >= 1 << 14 { 0x80 } else { 0 });
            }
            if n >= 1 << 14 {
                head.push((n >> 14) as u8);
            }
            let whole = [head, text.clone().into_bytes()].concat();
            assert_eq!(encoded(&text), whole, "{n}");
            assert_eq!(encoded(&crate::num::Shown(&text)), whole, "{n} formatted");
        }
    }

    #[test]
    fn hashes_through_the_kept_buffer_equal_those_of_a_fresh_encoding_at_every_size() {
        // Inline inputs (the published crate has no repository vectors): every field kind,
        // defaults filled in, texts with escapes, a ledger longer than the buffer.
        let entitlement = r#"{"school_year":"2015-2016","rule_set":"cao-vo-2014-2015","appointments":[
            {"category":"teacher","wtf":"0.8","start":"2010-08-01","end":"2015-12-31"},
            {"category":"support","wtf":"0.4215","start":"2016-01-01","end":null}],
            "options":{"rounding":{"hours":{"decimals":3,"mode":"down"}}},"support_extension_plan":true}"#;
        let i = input(entitlement);
        assert_eq!(hash_hex(&i), of_bytes(&encoded(&i)));
        assert!(encoded(&i).len() * 3 < serde_json::to_vec(&i).unwrap().len());
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
        assert_eq!(hash_hex(&l), of_bytes(&encoded(&l)));
        // Past KEPT, then a short value: the buffer given back leaves nothing behind.
        let past = "z".repeat(KEPT + 10);
        assert_eq!(hash_hex(&past), of_bytes(&encoded(&past)));
        assert_eq!(hash_hex(&("a", 1u8)), of_bytes(&[1, b'a', 1]));
    }

    #[test]
    fn inputs_that_differ_in_any_field_hash_differently_and_equal_ones_alike() {
        let base = r#"{"school_year":"2015-2016","appointments":[{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}]}"#;
        let h = hash_hex(&input(base));
        assert_eq!(h, hash_hex(&input(base)));
        // The defaults written out are the input the library read without them.
        let full =
            base.replace("}]}", r#"}],"options":{"temporal_pro_rata":"calendar-days"},"support_extension_plan":false,"explain":true}"#);
        assert_eq!(hash_hex(&input(&full)), h);
        for other in [
            base.replace("0.8", "0.80"),
            base.replace("2015-2016", "2016-2017"),
            base.replace("teacher", "support"),
            base.replace("null", r#""2016-07-31""#),
            base.replace("}]}", r#"}],"explain":false}"#),
            base.replace("}]}", r#"}],"rule_set":"cao-vo-2014-2015"}"#),
            base.replace("}]}", r#"},{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}]}"#),
        ] {
            assert_ne!(hash_hex(&input(&other)), h, "{other}");
        }
        // One optional field or the other, with the same value, are different inputs.
        let one = Row { first: Some(1), second: None, kinds: vec![], by_name: BTreeMap::new() };
        let other = Row { first: None, second: Some(1), kinds: vec![], by_name: BTreeMap::new() };
        assert_ne!(hash_hex(&one), hash_hex(&other));
    }
}
