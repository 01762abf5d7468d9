//! Arrow arrays read in place through the Arrow C data interface (the PyCapsule protocol:
//! `__arrow_c_array__` gives an `arrow_schema` and an `arrow_array` capsule). The producer keeps
//! ownership: the capsules stay alive for the whole call and release the arrays afterwards.
//!
//! The binding's `unsafe` lives here and in `objects.rs`: here, reading the two C structs and turning their
//! buffers into slices. Lengths, offsets, alignment and the format are checked first, and every
//! string offset must lie in order on a character boundary of valid UTF-8, so that what the rest
//! of the module reads is plain safe slices. The interface carries no buffer sizes: like every
//! consumer, this one trusts a producer that its last string offset lies inside the data buffer
//! (the Python package hands over only arrays pyarrow has built and validated).
#![allow(unsafe_code)]

use lemniscaat::batch::DateCell;
use lemniscaat::Error;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};
use std::ffi::{c_char, c_void, CStr};

/// `struct ArrowSchema` of the C data interface.
#[repr(C)]
struct FfiSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut FfiSchema,
    dictionary: *mut FfiSchema,
    release: Option<unsafe extern "C" fn(*mut FfiSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the C data interface.
#[repr(C)]
struct FfiArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut FfiArray,
    dictionary: *mut FfiArray,
    release: Option<unsafe extern "C" fn(*mut FfiArray)>,
    private_data: *mut c_void,
}

/// One column, checked: strings (`utf8` or `large_utf8`) or days (`date32`).
pub enum Column<'a> {
    /// Strings: the text of row `i` is `text[offsets[i]..offsets[i + 1]]` (checked in order and
    /// on character boundaries when read).
    Text { valid: Option<Bits<'a>>, offsets: Offsets<'a>, text: &'a str },
    /// Days since 1970-01-01.
    Days { valid: Option<Bits<'a>>, values: &'a [i32] },
}

/// The offsets of a string column (`utf8`: 32-bit, `large_utf8`: 64-bit), from the array's
/// offset on.
#[derive(Clone, Copy)]
pub enum Offsets<'a> {
    /// `utf8`.
    Small(&'a [i32]),
    /// `large_utf8`.
    Large(&'a [i64]),
}

/// A validity bitmap with the array's offset.
#[derive(Clone, Copy)]
pub struct Bits<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl Bits<'_> {
    fn get(&self, i: usize) -> bool {
        let k = self.offset + i;
        self.bytes.get(k / 8).is_some_and(|b| b >> (k % 8) & 1 == 1)
    }
}

fn bad(column: &str, why: &str) -> Error {
    crate::unreadable(column, why, true)
}

/// A slice of `len` values of `T` at `ptr`, or an error when the pointer is null or misaligned.
///
/// # Safety
/// `ptr` must point to at least `len` values that live as long as `'a` (the C data interface
/// promises this for the buffers of an unreleased array).
unsafe fn slice<'a, T>(ptr: *const c_void, len: usize, column: &str) -> Result<&'a [T], Error> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() || !ptr.cast::<T>().is_aligned() {
        return Err(bad(column, "a buffer is null or misaligned"));
    }
    Ok(std::slice::from_raw_parts(ptr.cast::<T>(), len))
}

impl<'a> Column<'a> {
    /// Reads the column of a `(schema, array)` capsule pair; `rows` is the length every column
    /// must have.
    pub fn read(schema: &'a Bound<'_, PyCapsule>, array: &'a Bound<'_, PyCapsule>, column: &str) -> Result<(Column<'a>, usize), Error> {
        let s = schema.pointer_checked(Some(c"arrow_schema")).map_err(|_| bad(column, "not an arrow_schema capsule"))?;
        let a = array.pointer_checked(Some(c"arrow_array")).map_err(|_| bad(column, "not an arrow_array capsule"))?;
        // SAFETY: the capsules carry these structs (the PyCapsule protocol names them), and they
        // outlive `'a` because the caller holds the capsules.
        let (s, a): (&'a FfiSchema, &'a FfiArray) = unsafe { (s.cast::<FfiSchema>().as_ref(), a.cast::<FfiArray>().as_ref()) };
        if a.release.is_none() || s.format.is_null() {
            return Err(bad(column, "the array was released"));
        }
        // SAFETY: a non-null format is a NUL-terminated string by the interface.
        let format = unsafe { CStr::from_ptr(s.format) }.to_bytes();
        let (len, offset) = (usize::try_from(a.length), usize::try_from(a.offset));
        let (Ok(len), Ok(offset)) = (len, offset) else { return Err(bad(column, "a negative length or offset")) };
        let end = offset.checked_add(len).ok_or_else(|| bad(column, "length out of range"))?;
        let wanted: i64 = match format {
            b"u" | b"U" => 3,
            b"tdD" => 2,
            _ => return Err(bad(column, "not a string or date32 column")),
        };
        if a.n_buffers != wanted || a.n_children != 0 || a.buffers.is_null() {
            return Err(bad(column, "unexpected buffers"));
        }
        // SAFETY: `buffers` holds `n_buffers` pointers (checked above).
        let buffers: &[*const c_void] = unsafe { std::slice::from_raw_parts(a.buffers, wanted as usize) };
        let valid = if a.null_count == 0 || buffers[0].is_null() {
            None
        } else {
            // SAFETY: a validity bitmap covers offset + length bits.
            Some(Bits { bytes: unsafe { slice::<u8>(buffers[0], end.div_ceil(8), column)? }, offset })
        };
        let col = match format {
            b"tdD" => {
                // SAFETY: date32 values: offset + length of them.
                let all: &[i32] = unsafe { slice(buffers[1], end, column)? };
                Column::Days { valid, values: &all[offset..] }
            }
            _ => {
                let offsets = if format == b"u" {
                    // SAFETY: offset + length + 1 i32 offsets.
                    Offsets::Small(&unsafe { slice::<i32>(buffers[1], end + 1, column)? }[offset..])
                } else {
                    // SAFETY: offset + length + 1 i64 offsets.
                    Offsets::Large(&unsafe { slice::<i64>(buffers[1], end + 1, column)? }[offset..])
                };
                let last = match offsets {
                    Offsets::Small(o) => o.last().map(|&x| i64::from(x)),
                    Offsets::Large(o) => o.last().copied(),
                };
                let size = usize::try_from(last.unwrap_or(0)).map_err(|_| bad(column, "a negative offset"))?;
                // SAFETY: the data buffer holds the bytes up to the last offset.
                let data: &[u8] = unsafe { slice(buffers[2], size, column)? };
                let text = std::str::from_utf8(data).map_err(|_| bad(column, "text that is not UTF-8"))?;
                let mut previous = 0i64;
                let mut check = |o: i64| {
                    let ok = o >= previous && usize::try_from(o).is_ok_and(|u| text.is_char_boundary(u));
                    previous = o;
                    ok
                };
                let ordered = match offsets {
                    Offsets::Small(o) => o.iter().all(|&x| check(i64::from(x))),
                    Offsets::Large(o) => o.iter().all(|&x| check(x)),
                };
                if !ordered {
                    return Err(bad(column, "offsets out of order or inside a character"));
                }
                Column::Text { valid, offsets, text }
            }
        };
        Ok((col, len))
    }

    /// The text of row `i` (empty when null or not a text column).
    pub fn text(&self, i: usize) -> &'a str {
        let Column::Text { valid, offsets, text } = self else { return "" };
        if valid.is_some_and(|v| !v.get(i)) {
            return "";
        }
        // The offsets were checked in order, on character boundaries and inside the text when
        // the column was read: a failed `get` below cannot happen, and would read as empty.
        let (a, b) = match offsets {
            Offsets::Small(o) => match (o.get(i), o.get(i + 1)) {
                (Some(&a), Some(&b)) => (a as usize, b as usize),
                _ => return "",
            },
            Offsets::Large(o) => match (o.get(i), o.get(i + 1)) {
                (Some(&a), Some(&b)) => (a as usize, b as usize),
                _ => return "",
            },
        };
        text.get(a..b).unwrap_or("")
    }

    /// The date of row `i` (empty when null).
    pub fn date(&self, i: usize) -> DateCell<'a> {
        match self {
            Column::Days { valid, .. } if valid.is_some_and(|v| !v.get(i)) => DateCell::Empty,
            Column::Days { values, .. } => values.get(i).map_or(DateCell::Empty, |&d| DateCell::Days(d)),
            Column::Text { valid, .. } if valid.is_some_and(|v| !v.get(i)) => DateCell::Empty,
            Column::Text { .. } => DateCell::Text(self.text(i)),
        }
    }
}
