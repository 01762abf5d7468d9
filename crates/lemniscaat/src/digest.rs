//! The receipt's input hash: SHA-256 over a canonical encoding of the typed input, written into
//! the hash straight from the input's fields (no JSON text is formatted first, nothing is
//! allocated).
//!
//! The encoding follows the input's serde form, so it sees what its JSON form shows (the same
//! fields, defaults filled in, in declaration order) and nothing else. Every value is a tag byte
//! followed by its content:
//!
//! | value | encoding |
//! |---|---|
//! | absent (`null`) | `n` |
//! | true, false | `t`, `f` |
//! | whole number | `i` and the 8 bytes of an `i64`, little-endian (`u` and a `u64` above `i64::MAX`) |
//! | text (ids, decimals, dates, enum values) | `s`, its UTF-8 bytes, the byte `0xFF` |
//! | list | `[`, its items, `]` |
//! | object (a struct or map) | `{`, each key (a text) and its value, `}` |
//!
//! `0xFF` never occurs in UTF-8, and each compound value is closed, so two different inputs never
//! share an encoding. A decimal is its text as written in JSON (`"0.80"` and `"0.8"` differ, as
//! they do in the input). Floating-point numbers are refused by the library's inputs; were one
//! met, it is `d` and its 8 bytes.

use serde::ser::{self, Serialize};
use sha2::{Digest, Sha256};
use std::fmt::{self, Write as _};

/// SHA-256 of `v`'s canonical encoding, as 64 lowercase hex digits.
///
/// ```
/// use lemniscaat::digest::hash_hex;
/// assert_eq!(hash_hex(&("a", 1u8)).len(), 64);
/// assert_ne!(hash_hex(&("ab", "c")), hash_hex(&("a", "bc")));
/// ```
pub fn hash_hex<T: Serialize + ?Sized>(v: &T) -> String {
    let mut h = Hasher::new();
    // A value whose Serialize fails hashes what it wrote; the library's inputs do not fail.
    let _ = v.serialize(&mut h);
    hex(h.finish().as_ref())
}

/// Bytes as lowercase hex digits.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// The end of a text: a byte that UTF-8 never uses.
const END_OF_TEXT: u8 = 0xFF;

/// A serde serializer that feeds the encoding into SHA-256, gathering the many small pieces in
/// a buffer of whole blocks first (one update per 512 bytes instead of one per piece).
struct Hasher {
    sha: Sha256,
    buffer: [u8; 512],
    len: usize,
}

impl Hasher {
    fn new() -> Hasher {
        Hasher { sha: Sha256::new(), buffer: [0; 512], len: 0 }
    }
    fn put(&mut self, bytes: &[u8]) {
        match self.buffer.get_mut(self.len..self.len + bytes.len()) {
            Some(room) => {
                room.copy_from_slice(bytes);
                self.len += bytes.len();
            }
            None => {
                self.flush();
                if bytes.len() >= self.buffer.len() {
                    self.sha.update(bytes);
                } else {
                    self.buffer[..bytes.len()].copy_from_slice(bytes);
                    self.len = bytes.len();
                }
            }
        }
    }
    fn flush(&mut self) {
        self.sha.update(&self.buffer[..self.len]);
        self.len = 0;
    }
    fn finish(mut self) -> impl AsRef<[u8]> {
        self.flush();
        self.sha.finalize()
    }
    fn text(&mut self, s: &str) {
        self.put(b"s");
        self.put(s.as_bytes());
        self.put(&[END_OF_TEXT]);
    }
}

/// Display output written into the hash as it is formatted.
impl fmt::Write for Hasher {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.put(s.as_bytes());
        Ok(())
    }
}

/// The only error: one a value's own Serialize raises.
#[derive(Debug)]
pub struct Unhashable;

impl fmt::Display for Unhashable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value cannot be hashed")
    }
}

impl std::error::Error for Unhashable {}

impl ser::Error for Unhashable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unhashable
    }
}

type Done = Result<(), Unhashable>;

impl ser::Serializer for &mut Hasher {
    type Ok = ();
    type Error = Unhashable;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.put(if v { b"t" } else { b"f" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.put(b"i");
        self.put(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => {
                self.put(b"u");
                self.put(&v.to_le_bytes());
                Ok(())
            }
        }
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.put(b"d");
        self.put(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.text(v);
        Ok(())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, v: &T) -> Done {
        self.put(b"s");
        write!(self, "{v}").map_err(|_| Unhashable)?;
        self.put(&[END_OF_TEXT]);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.put(b"[");
        for b in v {
            self.serialize_i64((*b).into())?;
        }
        self.put(b"]");
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.put(b"n");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Done {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Done {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, variant: &'static str, v: &T) -> Done {
        self.put(b"{");
        self.text(variant);
        v.serialize(&mut *self)?;
        self.put(b"}");
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Unhashable> {
        self.put(b"[");
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Unhashable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Unhashable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self, Unhashable> {
        self.put(b"{");
        self.text(variant);
        self.put(b"[");
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Unhashable> {
        self.put(b"{");
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unhashable> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self, Unhashable> {
        self.put(b"{");
        self.text(variant);
        self.put(b"{");
        Ok(self)
    }
}

/// Lists: items, then `]`.
macro_rules! list {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for &mut Hasher {
            type Ok = ();
            type Error = Unhashable;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
                v.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.put(b"]");
                Ok(())
            }
        })*
    };
}

list!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field);

impl ser::SerializeTupleVariant for &mut Hasher {
    type Ok = ();
    type Error = Unhashable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.put(b"]}");
        Ok(())
    }
}

impl ser::SerializeMap for &mut Hasher {
    type Ok = ();
    type Error = Unhashable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Done {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.put(b"}");
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Hasher {
    type Ok = ();
    type Error = Unhashable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Done {
        self.text(key);
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.put(b"}");
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Hasher {
    type Ok = ();
    type Error = Unhashable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Done {
        self.text(key);
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.put(b"}}");
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::EntitlementInput;

    fn input(json: &str) -> EntitlementInput {
        crate::json::from_str(json).unwrap()
    }

    #[test]
    fn the_encoding_is_the_documented_one() {
        #[derive(serde::Serialize)]
        struct S<'a> {
            a: Option<&'a str>,
            b: Vec<u32>,
            c: bool,
        }
        let mut expected = Vec::new();
        expected.extend_from_slice(b"{sa\xFFss\xFFsb\xFF[i");
        expected.extend_from_slice(&7i64.to_le_bytes());
        expected.extend_from_slice(b"]sc\xFFf}");
        assert_eq!(hash_hex(&S { a: Some("s"), b: vec![7], c: false }), hex(&Sha256::digest(&expected)));
        // Longer than the buffer, in pieces of every size: the same as one update.
        let long: Vec<String> = (0..300).map(|i| "x".repeat(i % 37)).collect();
        let mut expected = b"[".to_vec();
        for s in &long {
            expected.push(b's');
            expected.extend_from_slice(s.as_bytes());
            expected.push(0xFF);
        }
        expected.push(b']');
        assert_eq!(hash_hex(&long), hex(&Sha256::digest(&expected)));
        let huge = "y".repeat(2000);
        assert_eq!(hash_hex(&huge), hex(&Sha256::digest([b"s".as_slice(), huge.as_bytes(), &[0xFF]].concat())));
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

    #[test]
    fn texts_are_closed_so_that_moving_a_boundary_changes_the_hash() {
        assert_ne!(hash_hex(&["ab", "c"]), hash_hex(&["a", "bc"]));
        assert_ne!(hash_hex(&(vec![1u8], vec![2u8])), hash_hex(&(vec![1u8, 2u8], Vec::<u8>::new())));
        assert_ne!(hash_hex(&None::<u8>), hash_hex(&""));
    }

    #[test]
    fn a_displayed_text_hashes_as_the_same_text_given_whole() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
        assert_eq!(hash_hex(&crate::time::SchoolYear::new(2026).unwrap()), hash_hex("2026-2027"));
        let mut h = Hasher::new();
        ser::Serializer::collect_str(&mut h, &date).unwrap();
        assert_eq!(hex(h.finish().as_ref()), hash_hex("2026-08-01"));
    }
}
