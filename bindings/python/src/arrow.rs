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
use std::ffi::{c_char, c_void, CStr, CString};

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

/// One column, checked: strings (`utf8` or `large_utf8`), days (`date32`) or instants.
pub enum Column<'a> {
    /// Strings: the text of row `i` is `text[offsets[i]..offsets[i + 1]]` (checked in order and
    /// on character boundaries when read).
    Text { valid: Option<Bits<'a>>, offsets: Offsets<'a>, text: &'a str },
    /// Days since 1970-01-01.
    Days { valid: Option<Bits<'a>>, values: &'a [i32] },
    /// Instants without a time zone (`timestamp` in s, ms, µs or ns; `date64` in ms) since
    /// 1970-01-01 00:00: their day is the calendar date, as a cast to `date32` gives it.
    Stamps { valid: Option<Bits<'a>>, values: &'a [i64], per_day: i64 },
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

fn bad(column: &str, en: &str, nl: &str) -> Error {
    crate::unreadable(column, (en, nl), true)
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
        return Err(bad(column, "a buffer is null or misaligned", "een buffer is leeg (null) of verkeerd uitgelijnd"));
    }
    Ok(std::slice::from_raw_parts(ptr.cast::<T>(), len))
}

/// The day of an instant `t` in units of which a day has `per_day` (floored, as a cast to
/// `date32` does); a day beyond i32 is beyond every date the core takes and gets its error.
#[inline]
fn day(t: i64, per_day: i64) -> i32 {
    // Each unit is spelled out, so that the division is by a constant (a multiplication),
    // not a 64-bit division per cell.
    let d = match per_day {
        86_400 => t.div_euclid(86_400),
        86_400_000 => t.div_euclid(86_400_000),
        86_400_000_000 => t.div_euclid(86_400_000_000),
        86_400_000_000_000 => t.div_euclid(86_400_000_000_000),
        _ => t.div_euclid(per_day.max(1)),
    };
    i32::try_from(d).unwrap_or(i32::MIN)
}

impl<'a> Column<'a> {
    /// Reads the column of a `(schema, array)` capsule pair; `rows` is the length every column
    /// must have.
    pub fn read(schema: &'a Bound<'_, PyCapsule>, array: &'a Bound<'_, PyCapsule>, column: &str) -> Result<(Column<'a>, usize), Error> {
        let s = schema
            .pointer_checked(Some(c"arrow_schema"))
            .map_err(|_| bad(column, "not an arrow_schema capsule", "geen arrow_schema-capsule"))?;
        let a = array
            .pointer_checked(Some(c"arrow_array"))
            .map_err(|_| bad(column, "not an arrow_array capsule", "geen arrow_array-capsule"))?;
        // SAFETY: the capsules carry these structs (the PyCapsule protocol names them), and they
        // outlive `'a` because the caller holds the capsules.
        let (s, a): (&'a FfiSchema, &'a FfiArray) = unsafe { (s.cast::<FfiSchema>().as_ref(), a.cast::<FfiArray>().as_ref()) };
        if a.release.is_none() || s.format.is_null() {
            return Err(bad(column, "the array was released", "de array is al vrijgegeven"));
        }
        // SAFETY: a non-null format is a NUL-terminated string by the interface.
        let format = unsafe { CStr::from_ptr(s.format) }.to_bytes();
        let (len, offset) = (usize::try_from(a.length), usize::try_from(a.offset));
        let (Ok(len), Ok(offset)) = (len, offset) else {
            return Err(bad(column, "a negative length or offset", "een negatieve lengte of offset"));
        };
        let end = offset.checked_add(len).ok_or_else(|| bad(column, "length out of range", "lengte buiten bereik"))?;
        let per_day: i64 = match format {
            b"tss:" => 86_400,
            b"tsm:" | b"tdm" => 86_400_000,
            b"tsu:" => 86_400_000_000,
            b"tsn:" => 86_400_000_000_000,
            _ => 0,
        };
        let wanted: i64 = match format {
            b"u" | b"U" => 3,
            b"tdD" => 2,
            _ if per_day > 0 => 2,
            _ => {
                return Err(bad(
                    column,
                    "not a string, date or time-zone-free timestamp column",
                    "geen kolom van tekst, datums of tijdstippen zonder tijdzone",
                ))
            }
        };
        if a.n_buffers != wanted || a.n_children != 0 || a.buffers.is_null() {
            return Err(bad(column, "unexpected buffers", "onverwachte buffers"));
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
            _ if per_day > 0 => {
                // SAFETY: timestamp and date64 values: offset + length of them.
                let all: &[i64] = unsafe { slice(buffers[1], end, column)? };
                Column::Stamps { valid, values: &all[offset..], per_day }
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
                let size = usize::try_from(last.unwrap_or(0)).map_err(|_| bad(column, "a negative offset", "een negatieve offset"))?;
                // SAFETY: the data buffer holds the bytes up to the last offset.
                let data: &[u8] = unsafe { slice(buffers[2], size, column)? };
                let text = std::str::from_utf8(data).map_err(|_| bad(column, "text that is not UTF-8", "tekst die geen UTF-8 is"))?;
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
                    return Err(bad(
                        column,
                        "offsets out of order or inside a character",
                        "offsets niet op volgorde of midden in een teken",
                    ));
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
            Column::Stamps { valid, .. } if valid.is_some_and(|v| !v.get(i)) => DateCell::Empty,
            // A day beyond i32 is beyond every date the core takes: it gets the core's error.
            Column::Stamps { values, per_day, .. } => values.get(i).map_or(DateCell::Empty, |&t| DateCell::Days(day(t, *per_day))),
            Column::Text { valid, .. } if valid.is_some_and(|v| !v.get(i)) => DateCell::Empty,
            Column::Text { .. } => DateCell::Text(self.text(i)),
        }
    }
}

/// A buffer of a result array, handed over through the C data interface without a copy. The
/// typed vectors keep offsets and values aligned as Arrow wants them.
pub enum Buffer {
    /// A validity bitmap or string data.
    Bytes(Vec<u8>),
    /// `large_utf8` offsets or `int64` values.
    I64(Vec<i64>),
    /// `decimal128` values.
    I128(Vec<i128>),
}

impl Buffer {
    fn ptr(&mut self) -> *const c_void {
        // An empty vector has a dangling pointer: every buffer gets a real allocation instead.
        fn first<T>(v: &mut Vec<T>) -> *const c_void {
            v.reserve(1);
            v.as_ptr().cast()
        }
        match self {
            Buffer::Bytes(v) => first(v),
            Buffer::I64(v) => first(v),
            Buffer::I128(v) => first(v),
        }
    }
}

/// What an exported array owns: its buffers and the pointers to them.
struct ArrayData {
    _buffers: Vec<Buffer>,
    pointers: Vec<*const c_void>,
}

/// What an exported schema owns: its format and name.
struct SchemaData {
    _format: CString,
    _name: CString,
}

/// Frees the private data of an exported struct (a `Box<D>`; null when already freed).
///
/// # Safety
/// `private_data` is null or the `Box<D>` made in `export`, freed only here.
unsafe fn free<D>(private_data: &mut *mut c_void) {
    if !private_data.is_null() {
        // SAFETY: see above.
        drop(unsafe { Box::from_raw(private_data.cast::<D>()) });
    }
    *private_data = std::ptr::null_mut();
}

/// The `release` of an exported array: frees what it owns (once; a moved struct works too).
unsafe extern "C" fn release_array(array: *mut FfiArray) {
    // SAFETY: the consumer passes an unreleased array this module exported (or null), whose
    // private data is an `ArrayData`.
    if let Some(a) = unsafe { array.as_mut() } {
        unsafe { free::<ArrayData>(&mut a.private_data) };
        a.release = None;
    }
}

/// The `release` of an exported schema.
unsafe extern "C" fn release_schema(schema: *mut FfiSchema) {
    // SAFETY: as for arrays; the private data is a `SchemaData`.
    if let Some(s) = unsafe { schema.as_mut() } {
        unsafe { free::<SchemaData>(&mut s.private_data) };
        s.release = None;
    }
}

/// A C struct in a capsule. The pointers in it refer to memory its private data owns, plain
/// heap memory that any thread may free, as the interface allows.
#[repr(transparent)]
struct Sendable<T>(T);
// SAFETY: see above; the struct is only read by the consumer that takes it over.
unsafe impl<T> Send for Sendable<T> {}

/// Exports one array (no children) as the `(arrow_schema, arrow_array)` capsule pair of the
/// PyCapsule protocol: `format` is its C data interface format, `buffers` its buffers in the
/// order the format has them (validity first). The consumer (`pyarrow.array`) takes the structs
/// over; a capsule dropped unconsumed releases its struct.
pub fn export<'py>(
    py: Python<'py>,
    format: &str,
    name: &str,
    length: usize,
    null_count: usize,
    mut buffers: Vec<Buffer>,
) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
    let c = |s: &str| CString::new(s).map_err(|_| pyo3::exceptions::PyValueError::new_err("a NUL in an Arrow name"));
    let int = |n: usize| i64::try_from(n).map_err(|_| pyo3::exceptions::PyOverflowError::new_err("an array too long for Arrow"));
    let (format, name) = (c(format)?, c(name)?);
    let schema = FfiSchema {
        format: format.as_ptr(),
        name: name.as_ptr(),
        metadata: std::ptr::null(),
        flags: 2, // ARROW_FLAG_NULLABLE
        n_children: 0,
        children: std::ptr::null_mut(),
        dictionary: std::ptr::null_mut(),
        release: Some(release_schema),
        private_data: Box::into_raw(Box::new(SchemaData { _format: format, _name: name })).cast(),
    };
    let schema = PyCapsule::new_with_value_and_destructor(py, Sendable(schema), c"arrow_schema", |mut s, _| {
        if let Some(release) = s.0.release {
            // SAFETY: an unconsumed schema this module made, released once.
            unsafe { release(&mut s.0) };
        }
    })?;
    let pointers: Vec<*const c_void> = buffers.iter_mut().map(Buffer::ptr).collect();
    let mut data = Box::new(ArrayData { _buffers: buffers, pointers });
    let array = FfiArray {
        length: int(length)?,
        null_count: int(null_count)?,
        offset: 0,
        n_buffers: int(data.pointers.len())?,
        n_children: 0,
        // The vector lives in the box, which is never moved out of until release.
        buffers: data.pointers.as_mut_ptr(),
        children: std::ptr::null_mut(),
        dictionary: std::ptr::null_mut(),
        release: Some(release_array),
        private_data: Box::into_raw(data).cast(),
    };
    let array = PyCapsule::new_with_value_and_destructor(py, Sendable(array), c"arrow_array", |mut a, _| {
        if let Some(release) = a.0.release {
            // SAFETY: an unconsumed array this module made, released once.
            unsafe { release(&mut a.0) };
        }
    })?;
    Ok((schema, array))
}
