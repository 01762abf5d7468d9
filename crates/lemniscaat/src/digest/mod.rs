//! The receipt's input hash: SHA-256 of the typed input's binary encoding ([`encode`]), written
//! straight from the input's fields with no JSON in between: no keys, no escaping, and a shorter
//! text to hash (an entitlement's input is about a quarter of its JSON). The defaults are filled in,
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
/// // SHA-256 of the bytes 15 02 11 01 61 0a 01: a tuple of two, the text "a" (kind 17, length 1,
/// // `a`) and the byte 1 (kind 10, then 1).
/// assert_eq!(hash_hex(&("a", 1u8)), "6bec8a797feb0801511d493dbef7d3d64c87a757a99175f19524704a16c262e9");
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
        // Writing into a Vec cannot fail, and no input of the library fails to serialise (the
        // fuzzing runs with debug assertions). Were one to, it would hash what it wrote and a
        // byte no kind has: an input is a struct, whose whole encoding ends in 0.
        if encode::encode(v, b).is_err() {
            debug_assert!(false, "an input that does not serialise");
            b.push(encode::FAILED);
        }
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

    /// A value written through `collect_str` (as a formatted text), to test that path.
    struct Shown<'a, T: std::fmt::Display>(&'a T);

    impl<T: std::fmt::Display> Serialize for Shown<'_, T> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            s.collect_str(self.0)
        }
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

    // The kind bytes of the table in `encode`, spelled out so that the tests read as the table.
    const UNIT: u8 = 0;
    const NONE: u8 = 1;
    const SOME: u8 = 2;
    const FALSE: u8 = 3;
    const TRUE: u8 = 4;
    const I32: u8 = 7;
    const U8: u8 = 10;
    const U16: u8 = 11;
    const U32: u8 = 12;
    const U64: u8 = 13;
    const TEXT: u8 = 17;
    const SEQ: u8 = 19;
    const MAP: u8 = 20;
    const TUPLE: u8 = 21;
    const STRUCT: u8 = 22;
    const VARIANT: u8 = 23;

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
            STRUCT,
            2, SOME, U16, 0x02, 0x01,                   // field 2 (field 1 left out)
            3, SEQ, 3, 0, 0, 0,                          // field 3: a sequence of three
            VARIANT, 0,                                  //   unit variant 0
            VARIANT, 1, TEXT, 4, b'0', b'.', b'8', b'0', //   variant 1: the decimal's text "0.80"
            VARIANT, 2, 1, U8, 7, 2, TRUE, 0,            //   variant 2: a struct, a = 7, b = true, end
            4, MAP, 1, 0, 0, 0,                          // field 4: a map of one
            TEXT, 1, b'x', I32, 0xff, 0xff, 0xff, 0xff,  //   "x" => -1
            0,                                           // end of the struct
        ];
        assert_eq!(encoded(&row), bytes);
        assert_eq!(hash_hex(&row), of_bytes(&bytes));
        #[rustfmt::skip]
        let tuple = [TUPLE, 5, NONE, SOME, TEXT, 2, 0xc3, 0xa9, TEXT, 1, b'a', U64, 2, 1, 0, 0, 0, 0, 0, 0, UNIT];
        assert_eq!(encoded(&(None::<u8>, Some("é"), 'a', 258u64, ())), tuple);
    }

    #[test]
    fn an_entitlement_input_is_written_with_its_defaults_as_the_table_says() {
        let i = input(r#"{"school_year":"2015-2016","appointments":[{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}]}"#);
        let rounding = [STRUCT, 1, U32, 2, 0, 0, 0, 2, VARIANT, 0, 0]; // 2 decimals, half-up
        #[rustfmt::skip]
        let bytes = [
            &[STRUCT, 1, TEXT, 9][..], b"2015-2016",          // school_year
            &[2, SEQ, 1, 0, 0, 0, STRUCT],                     // appointments: one
            &[1, VARIANT, 0, 2, TEXT, 3], b"0.8",              //   teacher, wtf
            &[3, TEXT, 10], b"2010-08-01", &[4, NONE, 0],      //   start, end; school (5) left out
            &[4, STRUCT, 2, VARIANT, 0, 3, STRUCT, 1],         // options (rule_set, 3, left out): calendar days; rounding
            &rounding, &[2], &rounding, &[0],                  //   hours, money
            &[4, VARIANT, 0, 0],                               //   lenient; the rest left out
            &[5, FALSE, 6, TRUE, 0],                           // support_extension_plan, explain
        ]
        .concat();
        assert_eq!(encoded(&i), bytes);
        assert_eq!(hash_hex(&i), of_bytes(&bytes));
    }

    #[test]
    fn an_internally_tagged_ledger_event_is_a_struct_led_by_its_name() {
        let l: crate::ledger::LedgerInput = crate::json::from_str(
            r#"{"appointments":[],"school_years":[],"events":[
                {"type":"saving","from":"2014-2015","until":"2015-2016","units":["money"],"basis":"right","cap":{"money":"10"}}]}"#,
        )
        .unwrap();
        #[rustfmt::skip]
        let saving = [
            &[STRUCT, 1, TEXT, 6][..], b"saving",
            &[2, TEXT, 9], b"2014-2015", &[3, TEXT, 9], b"2015-2016",
            &[4, SEQ, 1, 0, 0, 0, VARIANT, 1],                 // units: money
            &[5, VARIANT, 1, 6, NONE],                         // basis: right; plan: none
            &[7, STRUCT, 2, TEXT, 2], b"10", &[0],             // cap: hours (1) left out, money 10
            &[0],                                              // bucket (8) left out
        ]
        .concat();
        let all = encoded(&l);
        let events = [&[2, SEQ, 1, 0, 0, 0][..], &saving].concat();
        assert!(all.windows(events.len()).any(|w| w == events), "{all:?}");
    }

    #[test]
    fn a_float_is_refused_as_no_input_has_one() {
        let mut out = Vec::new();
        assert!(encode::encode(&(1u8, 0.5), &mut out).is_err());
        assert!(encode::encode(&[crate::num::Float32::from(1u8)], &mut out).is_err());
    }

    #[test]
    fn a_long_text_inside_a_sequence_moves_along_and_the_count_stays_in_place() {
        let (short, long) = ("a".to_owned(), "y".repeat(200));
        let items = vec![Shown(&short), Shown(&long)];
        let bytes = [&[SEQ, 2, 0, 0, 0, TEXT, 1, b'a', TEXT, 200, 1][..], long.as_bytes()].concat();
        assert_eq!(encoded(&items), bytes);
    }

    #[test]
    fn a_text_of_128_bytes_or_more_has_a_longer_length_whether_written_whole_or_formatted() {
        for n in [127, 128, 300, 20_000] {
            let text = "y".repeat(n);
            let mut head = vec![TEXT, (n as u8) & 0x7f | if n >= 128 { 0x80 } else { 0 }];
            if n >= 128 {
                head.push((n >> 7) as u8 & 0x7f | if n >= 1 << 14 { 0x80 } else { 0 });
            }
            if n >= 1 << 14 {
                head.push((n >> 14) as u8);
            }
            let whole = [head, text.clone().into_bytes()].concat();
            assert_eq!(encoded(&text), whole, "{n}");
            assert_eq!(encoded(&Shown(&text)), whole, "{n} formatted");
        }
    }

    #[test]
    fn values_that_json_tells_apart_encode_apart() {
        // An untagged enum has no index to tell its variants apart; the kind bytes do, as the
        // JSON's null and "" do.
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Loose {
            Nothing,
            Text(String),
            Number(u8),
        }
        #[derive(Serialize)]
        struct S {
            u: Loose,
            #[serde(skip_serializing_if = "Option::is_none")]
            n: Option<u8>,
        }
        let cases = [
            S { u: Loose::Nothing, n: Some(5) },
            S { u: Loose::Text(String::new()), n: Some(5) },
            S { u: Loose::Text("\u{1}\u{5}".into()), n: None },
            S { u: Loose::Number(0), n: Some(5) },
        ];
        let hashes: std::collections::BTreeSet<String> = cases.iter().map(hash_hex).collect();
        let jsons: std::collections::BTreeSet<String> = cases.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        assert_eq!((hashes.len(), jsons.len()), (4, 4));
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
        assert!(encoded(&i).len() * 2 < serde_json::to_vec(&i).unwrap().len());
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
        assert_eq!(hash_hex(&("a", 1u8)), of_bytes(&[TUPLE, 2, TEXT, 1, b'a', U8, 1]));
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
