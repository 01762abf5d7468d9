//! The receipt's input encoding: a compact binary form of a typed input, written straight from
//! its `Serialize` and hashed, with no JSON in between.
//!
//! It is made to be hashed, not read back: every value is self-delimiting given its type, so two
//! inputs of one type that differ in any field encode differently, and equal inputs alike.
//!
//! | value | bytes |
//! |---|---|
//! | `false` / `true` | `0` / `1` |
//! | integer | its fixed width, little-endian (`u8` one byte, `i64` eight, ...) |
//! | text (a string, a char, or any `Display` value such as a decimal or date) | length (varint), UTF-8 bytes |
//! | absent / present optional | `0` / `1`, value |
//! | enum variant | its index (varint), then its content as for a tuple or a struct |
//! | sequence, map | count (four bytes, little-endian), then the items (a key before its value) |
//! | tuple | the items |
//! | struct | per field written: its position among the fields, plus one (varint), its value; then `0` |
//!
//! A struct writes the position of each field (counting the fields it leaves out), not its name, so
//! a field left out cannot be mistaken for another. Decimals are their text (`0.80` is not `0.8`),
//! dates `2014-08-01`, school years `2014-2015`.

use serde::ser::{self, Serialize};
use std::fmt::{self, Write as _};

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
    fn varint(&mut self, n: u64) {
        match u8::try_from(n) {
            // Nearly every count, index and length: one byte.
            Ok(b) if b < 0x80 => self.out.push(b),
            _ => {
                let (bytes, len) = varint(n);
                self.out.extend_from_slice(&bytes[..len]);
            }
        }
    }

    fn text(&mut self, s: &[u8]) {
        self.varint(s.len() as u64);
        self.out.extend_from_slice(s);
    }

    /// A count not known before its items: four bytes kept now, filled in by [`Counted::end`].
    fn counted(&mut self) -> Counted<'_> {
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        Counted { enc: self, at, count: 0 }
    }

    fn fields(&mut self) -> Fields<'_> {
        Fields { enc: self, position: 0 }
    }
}

/// `n` as a varint, and how many of the ten bytes it takes.
fn varint(mut n: u64) -> ([u8; 10], usize) {
    let mut bytes = [0; 10];
    let mut len = 0;
    while n >= 0x80 {
        bytes[len] = (n as u8) | 0x80;
        n >>= 7;
        len += 1;
    }
    bytes[len] = n as u8;
    (bytes, len + 1)
}

/// A `Display` value's text, written into the output as it is formatted.
struct Appending<'v>(&'v mut Vec<u8>);

impl fmt::Write for Appending<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
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
        self.count = self.count.wrapping_add(1);
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
    ($($method:ident: $t:ty),*) => {
        $(fn $method(self, v: $t) -> Result<(), Error> {
            self.out.extend_from_slice(&v.to_le_bytes());
            Ok(())
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

    fixed_width!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128,
        serialize_f32: f32, serialize_f64: f64);

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push(u8::from(v));
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.text(v);
        Ok(())
    }
    /// The text as it is formatted, its length put in front afterwards (one byte below 128, the
    /// text moved along for a longer one).
    fn collect_str<T: fmt::Display + ?Sized>(self, v: &T) -> Result<(), Error> {
        let at = self.out.len();
        self.out.push(0);
        write!(Appending(&mut self.out), "{v}").map_err(|_| Error)?;
        let (head, len) = varint((self.out.len() - at - 1) as u64);
        match len {
            1 => self.out[at] = head[0],
            _ => drop(self.out.splice(at..at + 1, head[..len].iter().copied())),
        }
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(0);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        self.out.push(1);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> Result<(), Error> {
        self.varint(index.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, index: u32, _: &'static str, v: &T) -> Result<(), Error> {
        self.varint(index.into());
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Counted<'e>, Error> {
        Ok(self.counted())
    }
    fn serialize_tuple(self, _: usize) -> Result<Items<'e>, Error> {
        Ok(Items { enc: self })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Items<'e>, Error> {
        Ok(Items { enc: self })
    }
    fn serialize_tuple_variant(self, _: &'static str, index: u32, _: &'static str, _: usize) -> Result<Items<'e>, Error> {
        self.varint(index.into());
        Ok(Items { enc: self })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Counted<'e>, Error> {
        Ok(self.counted())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'e>, Error> {
        Ok(self.fields())
    }
    fn serialize_struct_variant(self, _: &'static str, index: u32, _: &'static str, _: usize) -> Result<Fields<'e>, Error> {
        self.varint(index.into());
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
