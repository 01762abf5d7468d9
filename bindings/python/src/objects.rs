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

use lemniscaat::{Error, ErrorCode};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString};
use std::ffi::c_char;

unsafe extern "C" {
    fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const c_char;
}

/// The cells of a column of Python objects: a `str` as it is, a missing value (`None`, NaN,
/// `pandas.NA`, `NaT`) as nothing, and any other object as its `str()`.
pub struct Texts<'py> {
    cells: Vec<Option<Bound<'py, PyString>>>,
}

fn bad(column: &str, why: &str) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        format!("the column '{column}' cannot be read: {why}"),
        format!("de kolom '{column}' is niet te lezen: {why}"),
    )
    .at(format!("/{column}"))
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

impl<'py> Texts<'py> {
    /// Reads a list of objects (every `str()` is called here, before any text is borrowed).
    pub fn read(list: &Bound<'py, PyList>) -> PyResult<Texts<'py>> {
        let mut cells = Vec::with_capacity(list.len());
        for cell in list.iter() {
            cells.push(match cell.cast_into::<PyString>() {
                Ok(s) => Some(s),
                Err(e) => {
                    let cell = e.into_inner();
                    if is_missing(&cell) {
                        None
                    } else {
                        Some(cell.str()?)
                    }
                }
            });
        }
        Ok(Texts { cells })
    }

    /// The text of every cell (empty when missing), borrowed from the objects.
    pub fn texts(&self, column: &str) -> Result<Vec<&str>, Error> {
        self.cells
            .iter()
            .map(|c| match c {
                None => Ok(""),
                Some(s) => utf8(s).ok_or_else(|| bad(column, "text that is not valid Unicode (a lone surrogate)")),
            })
            .collect()
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
