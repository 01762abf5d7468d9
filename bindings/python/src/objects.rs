//! A column of Python objects (a list, as `pandas.Series.tolist()` gives it for an `object`
//! column) read as text in place: pandas keeps strings as Python `str` objects, and turning three
//! million of them into Arrow costs more than the whole batch.
//!
//! The one `unsafe` here is `PyUnicode_AsUTF8AndSize`, which gives the UTF-8 text a `str`
//! object keeps (for ASCII text its own characters; otherwise a cached copy the object owns).
//! It is in the stable ABI from Python 3.10 and exported by every CPython 3 before it; pyo3
//! declares it only from 3.10, so this module declares it for the 3.9 build. The text lives as
//! long as the object: [`Texts`] holds a reference to every object it hands out text of.
#![allow(unsafe_code)]

use lemniscaat::Error;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString};
use std::ffi::c_char;

unsafe extern "C" {
    fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const c_char;
}

/// The text of a column of Python objects, copied into one buffer: a `str` as it is, a missing
/// value (`None`, NaN, `pandas.NA`, `NaT`) as empty text, and any other object as its `str()`.
///
/// The objects lie scattered in memory, so reading them is a cache miss each: every object is
/// visited once (its text copied while its header is in cache), and the objects a few places
/// ahead are prefetched so that the misses overlap.
#[derive(Default)]
pub struct Texts {
    data: String,
    /// Where the text of cell `i` ends in `data` (it starts where that of cell `i - 1` ends).
    ends: Vec<usize>,
}

fn is_missing(cell: &Bound<'_, PyAny>) -> bool {
    if cell.is_none() {
        return true;
    }
    if let Ok(f) = cell.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    cell.get_type().name().is_ok_and(|n| n == "NAType" || n == "NaTType")
}

/// How far ahead the objects of a list are prefetched.
const AHEAD: usize = 16;

/// Asks the processor to bring the object at `ptr` into cache (a hint: never faults).
#[inline]
fn prefetch(ptr: *const ffi::PyObject) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and does not fault on any address.
    #[allow(unused_unsafe)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(ptr.cast::<i8>())
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = ptr;
}

impl Texts {
    /// Reads a list of objects. `Err` of the outer result is a Python exception (a failing
    /// `str()`); of the inner one a cell without valid text.
    pub fn read(list: &Bound<'_, PyList>, column: &str) -> PyResult<Result<Texts, Error>> {
        let n = list.len();
        let mut data = String::with_capacity(n * 8);
        let mut ends = Vec::with_capacity(n);
        for i in 0..n {
            // The length now: a `str()` of an earlier cell may have changed the list.
            if i + AHEAD < list.len() {
                // SAFETY: `list` is a live list and the index is in range; the item comes back as
                // a borrowed pointer, which is only handed to the prefetch hint.
                prefetch(unsafe { ffi::PyList_GetItem(list.as_ptr(), (i + AHEAD) as ffi::Py_ssize_t) });
            }
            let cell = list.get_item(i)?;
            match cell.cast_into::<PyString>() {
                Ok(s) => match utf8(&s) {
                    Some(t) => data.push_str(t),
                    None => return Ok(Err(crate::unreadable(column, "text that is not valid Unicode (a lone surrogate)", false))),
                },
                Err(e) => {
                    let cell = e.into_inner();
                    if !is_missing(&cell) {
                        let s = cell.str()?;
                        match utf8(&s) {
                            Some(t) => data.push_str(t),
                            None => return Ok(Err(crate::unreadable(column, "text that is not valid Unicode (a lone surrogate)", false))),
                        }
                    }
                }
            }
            ends.push(data.len());
        }
        Ok(Ok(Texts { data, ends }))
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text of cell `i` (empty when out of range).
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).copied().unwrap_or(0) };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.data.get(start..end).unwrap_or("")
    }
}

/// The UTF-8 text of a `str` object, or `None` when it has none (a lone surrogate).
fn utf8<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` object (its type was checked); the function returns NULL with
    // an exception set, or a pointer to `size` bytes of UTF-8 that the object owns and keeps
    // unchanged for its lifetime, which `'a` does not exceed.
    let p = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if p.is_null() {
        // The exception (UnicodeEncodeError) is replaced by the caller's error.
        drop(PyErr::take(s.py()));
        return None;
    }
    let size = usize::try_from(size).ok()?;
    // SAFETY: as above: `size` bytes at `p`, alive for `'a`.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), size) };
    std::str::from_utf8(bytes).ok()
}
