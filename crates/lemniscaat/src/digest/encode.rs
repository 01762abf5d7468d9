//! The receipt's input encoding: a compact binary form of a typed input, written straight from
//! its `Serialize` and hashed, with no JSON in between.
//!
//! It is made to be hashed, not read back. Every value starts with a byte that says what kind of
//! value it is, and every text, sequence and map says how long it is, so the encoding tells apart
//! whatever the input's JSON tells apart: two inputs whose JSON differs encode differently (a
//! struct's fields are numbered by position instead of named, which within one type is the same).
//!
//! | value | bytes |
//! |---|---|
//! | unit, unit struct | `0` |
//! | absent optional | `1` |
//! | present optional | `2`, the value |
//! | `false` / `true` | `3` / `4` |
//! | `i8`, `i16`, `i32`, `i64`, `i128` | `5` ... `9`, the integer little-endian in its width |
//! | `u8`, `u16`, `u32`, `u64`, `u128` | `10` ... `14`, likewise |
//! | text: a string, a char, or a value written as its text (decimals `0.80`, dates `2014-08-01`, school years `2014-2015`) | `17`, length (varint), UTF-8 bytes |
//! | bytes | `18`, length (varint), the bytes |
//! | sequence | `19`, count (four bytes, little-endian), the items |
//! | map (also a struct with a flattened field: its fields by name) | `20`, count (four bytes, little-endian), key and value per entry |
//! | tuple, tuple struct | `21`, count (varint), the items |
//! | struct | `22`; per field written, its position among the fields plus one (varint) and its value; `0` |
//! | enum variant | `23`, its index (varint), then its content: nothing (unit), the value (newtype), count and items (tuple), fields as a struct's and `0` (struct) |
//!
//! A float is refused (no input has one; hours, money and factors are decimals), so `15` and `16`
//! are not used. A newtype struct is its value. An internally tagged enum (`LedgerEvent`, tag `type`) is a
//! struct whose first field is the variant's name as text. A field left out when empty
//! (`skip_serializing_if`) still counts in the positions of the fields after it, so an absent field
//! cannot be mistaken for another; a field never written (`skip`) does not count. A varint has seven
//! bits a byte, the low bits first, the high bit set when more bytes follow.
//!
//! The positions and indexes make the encoding depend on declaration order: a field inserted
//! before others, or a variant before others, changes the hash of every input of that type (the
//! receipt names the library's version, which is what reproduces a hash). Add fields and variants
//! at the end.

use serde::ser::{self, Serialize};
use std::fmt;

/// The kind bytes of the table above.
mod kind {
    pub(super) const UNIT: u8 = 0;
    pub(super) const NONE: u8 = 1;
    pub(super) const SOME: u8 = 2;
    pub(super) const FALSE: u8 = 3;
    pub(super) const TRUE: u8 = 4;
    pub(super) const I8: u8 = 5;
    pub(super) const I16: u8 = 6;
    pub(super) const I32: u8 = 7;
    pub(super) const I64: u8 = 8;
    pub(super) const I128: u8 = 9;
    pub(super) const U8: u8 = 10;
    pub(super) const U16: u8 = 11;
    pub(super) const U32: u8 = 12;
    pub(super) const U64: u8 = 13;
    pub(super) const U128: u8 = 14;
    pub(super) const TEXT: u8 = 17;
    pub(super) const BYTES: u8 = 18;
    pub(super) const SEQ: u8 = 19;
    pub(super) const MAP: u8 = 20;
    pub(super) const TUPLE: u8 = 21;
    pub(super) const STRUCT: u8 = 22;
    pub(super) const VARIANT: u8 = 23;
}

/// Marks an encoding that stopped at a `Serialize` that failed (never a kind byte).
pub(crate) const FAILED: u8 = 0xff;

/// Appends `v`'s encoding to `out`.
pub(crate) fn encode<T: Serialize + ?Sized>(v: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    let mut enc = Encoder { out: std::mem::take(out) };
    let written = v.serialize(&mut enc);
    *out = enc.out;
    written
}

/// The encoder's only error: a `Serialize` that fails by itself (none of the library's does).
#[derive(Debug)]
pub(crate) struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value could not be encoded")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

pub(crate) struct Encoder {
    out: Vec<u8>,
}

impl Encoder {
    /// A length or index as a varint: seven bits a byte, low bits first, high bit = more follows.
    #[inline(always)]
    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.out.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.out.push(n as u8);
    }

    /// A kind byte and what follows it.
    fn kind(&mut self, kind: u8, bytes: &[u8]) -> Result<(), Error> {
        self.out.push(kind);
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    fn text(&mut self, kind: u8, s: &[u8]) -> Result<(), Error> {
        self.out.push(kind);
        self.varint(s.len() as u64);
        self.out.extend_from_slice(s);
        Ok(())
    }

    /// A count not known before its items: four bytes kept now, filled in by [`Counted::end`].
    fn counted(&mut self, kind: u8) -> Counted<'_> {
        self.out.push(kind);
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        Counted { enc: self, at, count: 0 }
    }

    fn fields(&mut self) -> Fields<'_> {
        Fields { enc: self, position: 0 }
    }

    fn variant(&mut self, index: u32) {
        self.out.push(kind::VARIANT);
        self.varint(index.into());
    }

    fn items(&mut self, len: usize) -> Items<'_> {
        self.varint(len as u64);
        Items { enc: self }
    }
}

/// The items of a sequence or map, counted as they come.
pub(crate) struct Counted<'e> {
    enc: &'e mut Encoder,
    at: usize,
    count: u32,
}

impl Counted<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        // More than four billion items would need a wider count; no input comes near.
        self.count = self.count.checked_add(1).ok_or(Error)?;
        v.serialize(&mut *self.enc)
    }

    fn end(self) -> Result<(), Error> {
        let n = self.count.to_le_bytes();
        if let Some(slot) = self.enc.out.get_mut(self.at..self.at + 4) {
            slot.copy_from_slice(&n);
        }
        Ok(())
    }
}

/// A struct's fields, each after its position plus one; a `0` ends them.
pub(crate) struct Fields<'e> {
    enc: &'e mut Encoder,
    position: u64,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.position += 1;
        self.enc.varint(self.position);
        v.serialize(&mut *self.enc)
    }

    fn skip(&mut self) {
        self.position += 1;
    }

    fn end(self) -> Result<(), Error> {
        self.enc.out.push(0);
        Ok(())
    }
}

/// A tuple's items, one after the other.
pub(crate) struct Items<'e> {
    enc: &'e mut Encoder,
}

macro_rules! fixed_width {
    ($($method:ident: $t:ty = $kind:ident),*) => {
        $(fn $method(self, v: $t) -> Result<(), Error> {
            self.kind(kind::$kind, &v.to_le_bytes())
        })*
    };
}

impl<'e> ser::Serializer for &'e mut Encoder {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Counted<'e>;
    type SerializeTuple = Items<'e>;
    type SerializeTupleStruct = Items<'e>;
    type SerializeTupleVariant = Items<'e>;
    type SerializeMap = Counted<'e>;
    type SerializeStruct = Fields<'e>;
    type SerializeStructVariant = Fields<'e>;

    fixed_width!(serialize_i8: i8 = I8, serialize_i16: i16 = I16, serialize_i32: i32 = I32, serialize_i64: i64 = I64,
        serialize_i128: i128 = I128, serialize_u8: u8 = U8, serialize_u16: u16 = U16, serialize_u32: u32 = U32,
        serialize_u64: u64 = U64, serialize_u128: u128 = U128);

    /// Refused: no input has a float.
    fn serialize_f32(self, _: crate::num::Float32) -> Result<(), Error> {
        Err(Error)
    }
    /// Refused: no input has a float.
    fn serialize_f64(self, _: crate::num::Float) -> Result<(), Error> {
        Err(Error)
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.kind(if v { kind::TRUE } else { kind::FALSE }, &[])
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(kind::TEXT, v.encode_utf8(&mut [0; 4]).as_bytes())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(kind::TEXT, v.as_bytes())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.text(kind::BYTES, v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.kind(kind::NONE, &[])
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        self.out.push(kind::SOME);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.kind(kind::UNIT, &[])
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.kind(kind::UNIT, &[])
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> Result<(), Error> {
        self.variant(index);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, index: u32, _: &'static str, v: &T) -> Result<(), Error> {
        self.variant(index);
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Counted<'e>, Error> {
        Ok(self.counted(kind::SEQ))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items<'e>, Error> {
        self.out.push(kind::TUPLE);
        Ok(self.items(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'e>, Error> {
        self.out.push(kind::TUPLE);
        Ok(self.items(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, index: u32, _: &'static str, len: usize) -> Result<Items<'e>, Error> {
        self.variant(index);
        Ok(self.items(len))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Counted<'e>, Error> {
        Ok(self.counted(kind::MAP))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'e>, Error> {
        self.out.push(kind::STRUCT);
        Ok(self.fields())
    }
    fn serialize_struct_variant(self, _: &'static str, index: u32, _: &'static str, _: usize) -> Result<Fields<'e>, Error> {
        self.variant(index);
        Ok(self.fields())
    }
}

impl ser::SerializeSeq for Counted<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.item(v)
    }
    fn end(self) -> Result<(), Error> {
        Counted::end(self)
    }
}

impl ser::SerializeMap for Counted<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        self.item(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        // The pair was counted with its key.
        v.serialize(&mut *self.enc)
    }
    fn end(self) -> Result<(), Error> {
        Counted::end(self)
    }
}

macro_rules! items {
    ($($trait:ident::$method:ident),*) => {
        $(impl ser::$trait for Items<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                v.serialize(&mut *self.enc)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        })*
    };
}

items!(SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field);

macro_rules! fields {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Fields<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, v: &T) -> Result<(), Error> {
                self.field(v)
            }
            fn skip_field(&mut self, _: &'static str) -> Result<(), Error> {
                self.skip();
                Ok(())
            }
            fn end(self) -> Result<(), Error> {
                Fields::end(self)
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);
