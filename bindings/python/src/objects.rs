//! A column of Python objects read as text in place: a NumPy `object` array (what a pandas
//! `object` or `string[python]` column holds) through the buffer protocol, or a list. pandas
//! keeps strings as Python `str` objects, and turning three million of them into Arrow (or even
//! into a list) costs more than the whole batch.
//!
//! The `unsafe` here is the CPython C API declared in this module: `PyUnicode_AsUTF8AndSize`
//! (the UTF-8 text a `str` object keeps: for ASCII text its own characters; otherwise a cached
//! copy the object owns; in the stable ABI from 3.10) and `PyObject_GetBuffer` /
//! `PyBuffer_Release` with `Py_buffer` (in the stable ABI from 3.11). The wheel is built for the
//! stable ABI of Python 3.11 (`abi3-py311`, `requires-python >= 3.11`): the floor where all three
//! are part of the ABI it promises.
//!
//! The cells are borrowed: the array (or list) owns its objects, and a cell's text is copied
//! before any Python code can run. Only a cell that is not a `str` runs Python code (its `str()`),
//! and it is turned into an owned reference first; the next cell is read from the buffer anew.
#![allow(unsafe_code)]

use lemniscaat::Error;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyList, PyString};
use std::ffi::{c_char, c_int, c_void, CStr};

/// `Py_buffer` of the CPython C API (unchanged since Python 3.3).
#[repr(C)]
struct PyBufferView {
    buf: *mut c_void,
    obj: *mut ffi::PyObject,
    len: ffi::Py_ssize_t,
    itemsize: ffi::Py_ssize_t,
    readonly: c_int,
    ndim: c_int,
    format: *mut c_char,
    shape: *mut ffi::Py_ssize_t,
    strides: *mut ffi::Py_ssize_t,
    suboffsets: *mut ffi::Py_ssize_t,
    internal: *mut c_void,
}

/// `PyBUF_STRIDES | PyBUF_FORMAT` (read-only, any strides, the format wanted).
const PYBUF_RECORDS_RO: c_int = 0x0010 | 0x0008 | 0x0004;

unsafe extern "C" {
    fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const c_char;
    fn PyObject_GetBuffer(obj: *mut ffi::PyObject, view: *mut PyBufferView, flags: c_int) -> c_int;
    fn PyBuffer_Release(view: *mut PyBufferView);
}

/// A one-dimensional buffer of object pointers (format `O`), released when dropped.
struct ObjectBuffer {
    view: Box<PyBufferView>,
    len: usize,
    /// Bytes from one cell to the next (negative for a reversed view).
    stride: isize,
}

impl ObjectBuffer {
    /// The buffer of `obj` when it is a one-dimensional array of objects; `None` otherwise (no
    /// buffer, or one of other items), with no Python error left set.
    fn of(obj: &Bound<'_, PyAny>) -> Option<ObjectBuffer> {
        let mut view = Box::new(PyBufferView {
            buf: std::ptr::null_mut(),
            obj: std::ptr::null_mut(),
            len: 0,
            itemsize: 0,
            readonly: 0,
            ndim: 0,
            format: std::ptr::null_mut(),
            shape: std::ptr::null_mut(),
            strides: std::ptr::null_mut(),
            suboffsets: std::ptr::null_mut(),
            internal: std::ptr::null_mut(),
        });
        // SAFETY: `obj` is a live object and `view` a writable `Py_buffer`; on failure the
        // function sets an exception (taken below) and leaves nothing to release.
        if unsafe { PyObject_GetBuffer(obj.as_ptr(), &mut *view, PYBUF_RECORDS_RO) } != 0 {
            drop(PyErr::take(obj.py()));
            return None;
        }
        // From here on the view is released by `Drop`, whatever is returned.
        let mut b = ObjectBuffer { view, len: 0, stride: 0 };
        let v = &*b.view;
        // SAFETY: a non-null format is a NUL-terminated string the exporter keeps with the view.
        let format = if v.format.is_null() { &b"B"[..] } else { unsafe { CStr::from_ptr(v.format) }.to_bytes() };
        let pointer = std::mem::size_of::<*mut ffi::PyObject>();
        if format != b"O" || v.ndim != 1 || v.shape.is_null() || !v.suboffsets.is_null() || usize::try_from(v.itemsize) != Ok(pointer) {
            return None;
        }
        // SAFETY: with `ndim` 1 the exporter fills one shape entry, and one stride entry when
        // strides are given (asked for; a null `strides` means contiguous).
        let (len, stride) = unsafe { (*v.shape, if v.strides.is_null() { pointer as isize } else { *v.strides }) };
        let Ok(len) = usize::try_from(len) else { return None };
        if stride.unsigned_abs() % pointer != 0 || (len > 0 && v.buf.is_null()) {
            return None;
        }
        (b.len, b.stride) = (len, stride);
        Some(b)
    }

    /// The object of cell `i < len`, borrowed from the array.
    fn get(&self, i: usize) -> *mut ffi::PyObject {
        // SAFETY: `i < len`, so the cell lies inside the exporter's buffer (`buf` is where cell 0
        // is; the stride may be negative); the cell holds an object pointer (format `O`).
        unsafe { self.view.buf.cast::<u8>().offset(i as isize * self.stride).cast::<*mut ffi::PyObject>().read_unaligned() }
    }
}

impl Drop for ObjectBuffer {
    fn drop(&mut self) {
        // SAFETY: the view was filled by a successful `PyObject_GetBuffer` and is released once;
        // the GIL is held (the buffer never leaves the call that made it).
        unsafe { PyBuffer_Release(&mut *self.view) };
    }
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

/// How far ahead the objects of a column are prefetched.
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

/// Where a column's objects are.
enum Cells<'a, 'py> {
    List(&'a Bound<'py, PyList>),
    Buffer(ObjectBuffer),
}

impl Cells<'_, '_> {
    /// The number of cells now (a `str()` of an earlier cell may have changed a list).
    fn len(&self) -> usize {
        match self {
            Cells::List(l) => l.len(),
            Cells::Buffer(b) => b.len,
        }
    }
    /// The object of cell `i < len()`, borrowed (null if a list was changed meanwhile).
    fn get(&self, i: usize) -> *mut ffi::PyObject {
        match self {
            // SAFETY: a live list; an index out of range gives null (with an IndexError, which
            // the caller never sees because it checks the length first).
            Cells::List(l) => unsafe { ffi::PyList_GetItem(l.as_ptr(), i as ffi::Py_ssize_t) },
            Cells::Buffer(b) => b.get(i),
        }
    }
}

/// Why a cell has no text (English, Dutch).
const SURROGATE: (&str, &str) =
    ("text that is not valid Unicode (a lone surrogate)", "tekst die geen geldige Unicode is (een los surrogaat)");

impl Texts {
    /// Reads a column given as a one-dimensional NumPy `object` array (or any buffer of object
    /// pointers) or a list; `Ok(None)` when `column` is neither. `Err` of the outer result is a
    /// Python exception (a failing `str()`); of the inner one a cell without valid text.
    pub fn read(column: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<Result<Texts, Error>>> {
        let cells = if let Ok(list) = column.cast::<PyList>() {
            Cells::List(list)
        } else {
            match ObjectBuffer::of(column) {
                Some(b) => Cells::Buffer(b),
                None => return Ok(None),
            }
        };
        let py = column.py();
        let n = cells.len();
        let mut data = String::with_capacity(n * 8);
        let mut ends = Vec::with_capacity(n);
        let mut i = 0;
        while i < cells.len() {
            if i + AHEAD < cells.len() {
                prefetch(cells.get(i + AHEAD));
            }
            let ptr = cells.get(i);
            if ptr.is_null() {
                break;
            }
            // SAFETY: a live object the array or list owns; no Python code runs while the
            // borrow is used (a `str` cell's text is copied at once; any other cell is made an
            // owned reference before anything else).
            let cell = unsafe { Borrowed::from_ptr(py, ptr) };
            if let Ok(s) = cell.cast::<PyString>() {
                match utf8(&s) {
                    Some(t) => data.push_str(t),
                    None => return Ok(Some(Err(crate::unreadable(name, SURROGATE, false)))),
                }
            } else {
                let cell = cell.to_owned();
                if !is_missing(&cell) {
                    let s = cell.str()?;
                    match utf8(&s.as_borrowed()) {
                        Some(t) => data.push_str(t),
                        None => return Ok(Some(Err(crate::unreadable(name, SURROGATE, false)))),
                    }
                }
            }
            ends.push(data.len());
            i += 1;
        }
        Ok(Some(Ok(Texts { data, ends })))
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

/// The UTF-8 text of a `str` object, or `None` when it has none (a lone surrogate). The text
/// is only valid while the object is not changed or freed: the caller copies it at once.
fn utf8<'a>(s: &'a Borrowed<'_, '_, PyString>) -> Option<&'a str> {
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` object (its type was checked); the function returns NULL with
    // an exception set, or a pointer to `size` bytes of UTF-8 that the object owns and keeps
    // unchanged for its lifetime.
    let p = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if p.is_null() {
        // The exception (UnicodeEncodeError) is replaced by the caller's error.
        drop(PyErr::take(s.py()));
        return None;
    }
    let size = usize::try_from(size).ok()?;
    // SAFETY: as above: `size` bytes at `p`, alive while the object is, and UTF-8 by the
    // function's contract (CPython's own encoder wrote them, or they are the characters of an
    // ASCII string): checking them again cost 4% of a batch.
    Some(unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(p.cast::<u8>(), size)) })
}
