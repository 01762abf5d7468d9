//! The native module `lemniscaat._native`: thin delegations to the core. Every function converts
//! its arguments, makes one core call and converts the result (decimals to `decimal.Decimal`,
//! dates to `datetime.date`) or the error (a `lemniscaat.LemniscaatError` subclass).

use lemniscaat::api::{call_into_with, Sink};
use lemniscaat::num::DECIMAL_TOKEN;
use lemniscaat::time::DATE_TOKEN;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};
use std::fmt;

mod arrow;
mod batch;
mod delegate;
mod objects;

/// serde's floats, named once: the library has none, and the serializer refuses them.
type Float32 = f32; // ok: serde's trait asks for it; the serializer refuses it
type Float64 = f64; // ok: serde's trait asks for it; the serializer refuses it
/// Raises the library's error as the Python exception of its family.
pub(crate) fn to_py(py: Python<'_>, e: lemniscaat::Error) -> PyErr {
    let class = match e.code().family() {
        "input" => "InputError",
        "rules" => "RulesError",
        "ledger" => "LedgerError",
        "plan" => "PlanError",
        _ => "LimitError",
    };
    let made = py
        .import("lemniscaat.errors")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.call1((e.code().as_str(), e.path(), e.message_en(), e.message_nl())));
    match made {
        Ok(obj) => PyErr::from_value(obj),
        Err(err) => err,
    }
}

/// A column the batch cannot read: `INVALID_VALUE` at `/<column>`, naming an Arrow column as
/// such (the Python-object columns of `objects.rs` are plain columns).
pub(crate) fn unreadable(column: &str, (why_en, why_nl): (&str, &str), arrow: bool) -> lemniscaat::Error {
    let (en, nl) = if arrow { ("the Arrow column", "de Arrow-kolom") } else { ("the column", "de kolom") };
    lemniscaat::Error::new(
        lemniscaat::ErrorCode::InvalidValue,
        format!("{en} '{column}' cannot be read: {why_en}"),
        format!("{nl} '{column}' is niet te lezen: {why_nl}"),
    )
    .at(format!("/{column}"))
}

/// An error while turning a result into Python objects.
#[derive(Debug)]
struct SerError(String);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e.to_string())
    }
}

/// A serde serializer that builds Python objects: dicts, lists, str, int, bool, None, and
/// `decimal.Decimal` / `datetime.date` for the values the core marks as such.
#[derive(Clone, Copy)]
struct ToPython<'py>(Python<'py>);

type Obj<'py> = Bound<'py, PyAny>;

struct Seq<'py> {
    py: Python<'py>,
    items: Vec<Obj<'py>>,
}

struct Map<'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Obj<'py>>,
    /// For variants: the name of the variant that wraps the map.
    variant: Option<&'static str>,
}

impl<'py> ser::Serializer for ToPython<'py> {
    type Ok = Obj<'py>;
    type Error = SerError;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Seq<'py>;
    type SerializeMap = Map<'py>;
    type SerializeStruct = Map<'py>;
    type SerializeStructVariant = Map<'py>;

    fn serialize_bool(self, v: bool) -> Result<Obj<'py>, SerError> {
        Ok(v.into_bound_py_any(self.0)?)
    }
    fn serialize_i8(self, v: i8) -> Result<Obj<'py>, SerError> {
        self.serialize_i64(v as i64)
    }
    fn serialize_i16(self, v: i16) -> Result<Obj<'py>, SerError> {
        self.serialize_i64(v as i64)
    }
    fn serialize_i32(self, v: i32) -> Result<Obj<'py>, SerError> {
        self.serialize_i64(v as i64)
    }
    fn serialize_i64(self, v: i64) -> Result<Obj<'py>, SerError> {
        Ok(v.into_bound_py_any(self.0)?)
    }
    fn serialize_u8(self, v: u8) -> Result<Obj<'py>, SerError> {
        self.serialize_u64(v as u64)
    }
    fn serialize_u16(self, v: u16) -> Result<Obj<'py>, SerError> {
        self.serialize_u64(v as u64)
    }
    fn serialize_u32(self, v: u32) -> Result<Obj<'py>, SerError> {
        self.serialize_u64(v as u64)
    }
    fn serialize_u64(self, v: u64) -> Result<Obj<'py>, SerError> {
        Ok(v.into_bound_py_any(self.0)?)
    }
    fn serialize_f32(self, _v: Float32) -> Result<Obj<'py>, SerError> {
        Err(SerError("the library has no floats".into()))
    }
    fn serialize_f64(self, _v: Float64) -> Result<Obj<'py>, SerError> {
        Err(SerError("the library has no floats".into()))
    }
    fn serialize_char(self, v: char) -> Result<Obj<'py>, SerError> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<Obj<'py>, SerError> {
        Ok(PyString::new(self.0, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Obj<'py>, SerError> {
        Ok(v.into_bound_py_any(self.0)?)
    }
    fn serialize_none(self) -> Result<Obj<'py>, SerError> {
        Ok(self.0.None().into_bound(self.0))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Obj<'py>, SerError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Obj<'py>, SerError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Obj<'py>, SerError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<Obj<'py>, SerError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, name: &'static str, value: &T) -> Result<Obj<'py>, SerError> {
        let inner = value.serialize(self)?;
        if name == DECIMAL_TOKEN || name == DATE_TOKEN {
            let text: String = inner.extract()?;
            if name == DECIMAL_TOKEN {
                let d: rust_decimal::Decimal = text.parse().map_err(|_| SerError(format!("not a decimal: {text}")))?;
                return Ok(d.into_bound_py_any(self.0)?);
            }
            let d = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| SerError(format!("not a date: {text}")))?;
            return Ok(d.into_bound_py_any(self.0)?);
        }
        Ok(inner)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Obj<'py>, SerError> {
        let d = PyDict::new(self.0);
        d.set_item(variant, value.serialize(self)?)?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>, SerError> {
        Ok(Seq { py: self.0, items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, _variant: &'static str, len: usize) -> Result<Seq<'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'py>, SerError> {
        Ok(Map { py: self.0, dict: PyDict::new(self.0), key: None, variant: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'py>, SerError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Map<'py>, SerError> {
        Ok(Map { py: self.0, dict: PyDict::new(self.0), key: None, variant: Some(variant) })
    }
}

impl<'py> ser::SerializeSeq for Seq<'py> {
    type Ok = Obj<'py>;
    type Error = SerError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.items.push(value.serialize(ToPython(self.py))?);
        Ok(())
    }
    fn end(self) -> Result<Obj<'py>, SerError> {
        Ok(PyList::new(self.py, self.items)?.into_any())
    }
}

macro_rules! seq_like {
    ($($t:path),*) => {$(
        impl<'py> $t for Seq<'py> {
            type Ok = Obj<'py>;
            type Error = SerError;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Result<Obj<'py>, SerError> {
                ser::SerializeSeq::end(self)
            }
        }
    )*};
}
seq_like!(ser::SerializeTupleStruct, ser::SerializeTupleVariant);

impl<'py> ser::SerializeTuple for Seq<'py> {
    type Ok = Obj<'py>;
    type Error = SerError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Obj<'py>, SerError> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeMap for Map<'py> {
    type Ok = Obj<'py>;
    type Error = SerError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(key.serialize(ToPython(self.py))?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        let k = self.key.take().ok_or_else(|| SerError("a map value without a key".into()))?;
        self.dict.set_item(k, value.serialize(ToPython(self.py))?)?;
        Ok(())
    }
    fn end(self) -> Result<Obj<'py>, SerError> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'py> {
    type Ok = Obj<'py>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
        self.dict.set_item(key, value.serialize(ToPython(self.py))?)?;
        Ok(())
    }
    fn end(self) -> Result<Obj<'py>, SerError> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Map<'py> {
    type Ok = Obj<'py>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Obj<'py>, SerError> {
        let outer = PyDict::new(self.py);
        outer.set_item(self.variant.unwrap_or("variant"), self.dict)?;
        Ok(outer.into_any())
    }
}

/// The sink of the core's JSON API that builds Python objects.
struct PySink<'py>(Python<'py>);

impl<'py> Sink for PySink<'py> {
    type Out = Result<Obj<'py>, SerError>;
    fn emit<T: Serialize + ?Sized>(self, value: &T) -> lemniscaat::Result<Self::Out> {
        Ok(value.serialize(ToPython(self.0)))
    }
}

/// The rule sets to compute with: the built-in ones with rule sets added or overridden from
/// JSON (the format of `lemniscaat rules --format json`).
#[pyclass(frozen, name = "RuleBook", module = "lemniscaat._native")]
pub(crate) struct RuleBook(lemniscaat::RuleBook);

#[pymethods]
impl RuleBook {
    /// The built-in rule book with `overrides_json` applied.
    #[new]
    fn new(py: Python<'_>, overrides_json: &str) -> PyResult<RuleBook> {
        lemniscaat::RuleBook::builtin().with_overrides(overrides_json).map(RuleBook).map_err(|e| to_py(py, e))
    }

    /// This rule book with further overrides applied (the book itself is unchanged).
    fn with_overrides(&self, py: Python<'_>, overrides_json: &str) -> PyResult<RuleBook> {
        self.0.with_overrides(overrides_json).map(RuleBook).map_err(|e| to_py(py, e))
    }
}

/// The book a call uses: the given one, or the built-in one.
pub(crate) fn book<'a>(rules: Option<&'a Bound<'_, RuleBook>>) -> &'a lemniscaat::RuleBook {
    rules.map_or(lemniscaat::RuleBook::builtin(), |r| &r.get().0)
}

/// A sink for a call made without the GIL: it takes the GIL back only to build the result's
/// Python objects, after the core has computed.
struct DetachedSink;

impl Sink for DetachedSink {
    type Out = Result<Py<PyAny>, SerError>;
    fn emit<T: Serialize + ?Sized>(self, value: &T) -> lemniscaat::Result<Self::Out> {
        Python::attach(|py| PySink(py).emit(value).map(|o| o.map(Bound::unbind)))
    }
}

/// Runs an operation of the core on a JSON input (with the built-in rule book, or `rules`);
/// returns Python objects (decimals as `decimal.Decimal`, dates as `datetime.date`). Other
/// Python threads run while the core computes.
#[pyfunction]
#[pyo3(signature = (operation, input, rules=None))]
fn call<'py>(py: Python<'py>, operation: &str, input: &str, rules: Option<&Bound<'py, RuleBook>>) -> PyResult<Obj<'py>> {
    let book = book(rules);
    let out = py.detach(|| call_into_with(book, operation, input, DetachedSink)).map_err(|e| to_py(py, e))?;
    out.map(|o| o.into_bound(py)).map_err(|e| PyValueError::new_err(e.0))
}

/// Runs an operation of the core on a JSON input (with the built-in rule book, or `rules`);
/// returns its JSON output. Other Python threads run meanwhile.
#[pyfunction]
#[pyo3(signature = (operation, input, rules=None))]
fn call_json(py: Python<'_>, operation: &str, input: &str, rules: Option<&Bound<'_, RuleBook>>) -> PyResult<String> {
    let book = book(rules);
    py.detach(|| lemniscaat::api::call_with(book, operation, input)).map_err(|e| to_py(py, e))
}

/// The SVG of the lemniscate for a cycle input (JSON), labels in `lang` (`nl` or `en`).
#[pyfunction]
#[pyo3(signature = (input, lang="nl"))]
fn cycle_svg(py: Python<'_>, input: &str, lang: &str) -> PyResult<String> {
    py.detach(|| lemniscaat::api::cycle_svg(input, lang)).map_err(|e| to_py(py, e))
}

/// The SVG bar of a 70:20:10 mix for a mix input (JSON), labels in `lang`.
#[pyfunction]
#[pyo3(signature = (input, lang="nl"))]
fn mix_svg(py: Python<'_>, input: &str, lang: &str) -> PyResult<String> {
    py.detach(|| lemniscaat::api::mix_svg(input, lang)).map_err(|e| to_py(py, e))
}

/// Parses a school year (`2014-2015`, `2014/2015`, `2014/15`, `2014-15`); returns its start year.
#[pyfunction]
fn school_year(py: Python<'_>, text: &str) -> PyResult<i32> {
    text.parse::<lemniscaat::SchoolYear>().map(|s| s.start_year()).map_err(|e| to_py(py, e))
}

/// The built-in sample board (JSON).
#[pyfunction]
fn sample() -> &'static str {
    lemniscaat::report::SAMPLE
}

/// A synthetic HR export of `rows` appointment rows over eleven school years as CSV text (see
/// `lemniscaat::synthetic`): `order` is `employee`, `year` or `shuffled`.
#[pyfunction]
#[pyo3(signature = (rows, seed=7, order="employee"))]
fn sample_export_csv(py: Python<'_>, rows: usize, seed: u64, order: &str) -> PyResult<String> {
    use lemniscaat::synthetic::{csv, Spec};
    let order = order.parse().map_err(|e| to_py(py, e))?;
    py.detach(|| csv(&Spec { rows, seed, order, ..Spec::default() })).map_err(|e| to_py(py, e))
}

/// The library version.
#[pyfunction]
fn version() -> &'static str {
    lemniscaat::VERSION
}

/// The native module.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RuleBook>()?;
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(call_json, m)?)?;
    m.add_function(wrap_pyfunction!(batch::entitlements_columns, m)?)?;
    m.add_function(wrap_pyfunction!(cycle_svg, m)?)?;
    m.add_function(wrap_pyfunction!(mix_svg, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(school_year, m)?)?;
    m.add_function(wrap_pyfunction!(sample, m)?)?;
    m.add_function(wrap_pyfunction!(sample_export_csv, m)?)?;
    m.add_function(wrap_pyfunction!(delegate::school_year_containing, m)?)?;
    m.add_function(wrap_pyfunction!(delegate::school_year_span, m)?)?;
    m.add_function(wrap_pyfunction!(delegate::citation, m)?)?;
    m.add_function(wrap_pyfunction!(delegate::validation_codes, m)?)?;
    m.add_function(wrap_pyfunction!(delegate::stages_svg, m)?)?;
    m.add_function(wrap_pyfunction!(delegate::shares_svg, m)?)?;
    m.add("OPERATIONS", lemniscaat::api::OPERATIONS.to_vec())?;
    Ok(())
}
