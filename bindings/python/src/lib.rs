//! The native module `lemniscaat._native`: thin delegations to the core. Every function converts
//! its arguments, makes one core call and converts the result (decimals to `decimal.Decimal`,
//! dates to `datetime.date`) or the error (a `lemniscaat.LemniscaatError` subclass).

use lemniscaat::api::{call_into, Sink};
use lemniscaat::batch::entitlements_batch;
use lemniscaat::num::DECIMAL_TOKEN;
use lemniscaat::time::DATE_TOKEN;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule, PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};
use std::fmt;

mod arrow;

/// Raises the library's error as the Python exception of its family.
fn to_py(py: Python<'_>, e: lemniscaat::Error) -> PyErr {
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
    fn serialize_f32(self, _v: f32) -> Result<Obj<'py>, SerError> {
        Err(SerError("the library has no floats".into()))
    }
    fn serialize_f64(self, _v: f64) -> Result<Obj<'py>, SerError> {
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

/// Runs an operation of the core on a JSON input; returns Python objects (decimals as
/// `decimal.Decimal`, dates as `datetime.date`).
#[pyfunction]
fn call<'py>(py: Python<'py>, operation: &str, input: &str) -> PyResult<Obj<'py>> {
    let out = call_into(operation, input, PySink(py)).map_err(|e| to_py(py, e))?;
    out.map_err(|e| PyValueError::new_err(e.0))
}

/// Runs an operation of the core on a JSON input; returns its JSON output.
#[pyfunction]
fn call_json(py: Python<'_>, operation: &str, input: &str) -> PyResult<String> {
    lemniscaat::api::call(operation, input).map_err(|e| to_py(py, e))
}

/// Arrow buffers of a string column built from values.
fn string_buffers<'s>(values: impl Iterator<Item = Option<&'s str>>, n: usize) -> (Vec<u8>, Vec<u8>, Vec<u8>, bool) {
    let mut valid = vec![0u8; n.div_ceil(8)];
    let mut offsets: Vec<u8> = Vec::with_capacity((n + 1) * 4);
    let mut data: Vec<u8> = Vec::new();
    let mut nulls = false;
    offsets.extend_from_slice(&0i32.to_le_bytes());
    for (i, v) in values.enumerate() {
        match v {
            Some(s) => {
                valid[i / 8] |= 1 << (i % 8);
                data.extend_from_slice(s.as_bytes());
            }
            None => nulls = true,
        }
        offsets.extend_from_slice(&(i32::try_from(data.len()).unwrap_or(i32::MAX)).to_le_bytes());
    }
    (valid, offsets, data, nulls)
}

/// Arrow buffers of a decimal128 column at a scale (values already rounded to it).
fn decimal_buffers(values: impl Iterator<Item = Option<rust_decimal::Decimal>>, n: usize, scale: u32) -> (Vec<u8>, Vec<u8>) {
    let mut valid = vec![0u8; n.div_ceil(8)];
    let mut out: Vec<u8> = Vec::with_capacity(n * 16);
    for (i, v) in values.enumerate() {
        let m: i128 = match v {
            Some(mut d) => {
                valid[i / 8] |= 1 << (i % 8);
                d.rescale(scale);
                d.mantissa()
            }
            None => 0,
        };
        out.extend_from_slice(&m.to_le_bytes());
    }
    (valid, out)
}

/// Entitlements of many employees from five Arrow arrays (employee, category, wtf: strings;
/// start, end: strings or date32), each given as the `(schema, array)` capsule pair of the
/// Arrow C data interface and read in place; returns the Arrow buffers of the result columns,
/// one row per employee, ready for `pyarrow.Array.from_buffers`.
#[pyfunction]
#[pyo3(signature = (columns, school_year, options_json=None))]
fn entitlements_arrow<'py>(
    py: Python<'py>,
    columns: Vec<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)>,
    school_year: &str,
    options_json: Option<&str>,
) -> PyResult<Obj<'py>> {
    let fail = |e: lemniscaat::Error| to_py(py, e);
    const NAMES: [&str; 5] = ["employee_id", "category", "wtf", "start", "end"];
    let pairs: &[_; 5] = columns.as_slice().try_into().map_err(|_| {
        fail(lemniscaat::Error::new(lemniscaat::ErrorCode::InvalidValue, "five columns are needed", "er zijn vijf kolommen nodig"))
    })?;
    let [a, b, c, d, e] = std::array::from_fn(|k| arrow::Column::read(&pairs[k].0, &pairs[k].1, NAMES[k]));
    let [a, b, c, d, e] = [a.map_err(fail)?, b.map_err(fail)?, c.map_err(fail)?, d.map_err(fail)?, e.map_err(fail)?];
    let rows = a.1;
    if [&b, &c, &d, &e].iter().any(|x| x.1 != rows) {
        return Err(fail(lemniscaat::Error::new(
            lemniscaat::ErrorCode::InvalidValue,
            "the columns differ in length",
            "de kolommen verschillen in lengte",
        )));
    }
    let sy: lemniscaat::SchoolYear = school_year.parse().map_err(|e: lemniscaat::Error| fail(e.at("/school_year")))?;
    let options: lemniscaat::Options = match options_json {
        Some(j) => lemniscaat::json::from_str(j).map_err(|e| fail(e.within("/options")))?,
        None => Default::default(),
    };
    let source = arrow::Appointments { columns: [a.0, b.0, c.0, d.0, e.0], rows };
    let result = entitlements_batch(&source, sy, &options, None).map_err(fail)?;
    let m = result.lines.len();
    let hs = options.rounding.hours.decimals;
    let ms = options.rounding.money.decimals;
    let (ev, eo, ed, _) = string_buffers(result.lines.iter().map(|l| Some(l.employee.as_str())), m);
    let (hv, hb) = decimal_buffers(result.lines.iter().map(|l| l.hours), m, hs);
    let (mv, mb) = decimal_buffers(result.lines.iter().map(|l| l.money), m, ms);
    let (xv, xb) = decimal_buffers(result.lines.iter().map(|l| Some(l.extra_hours)), m, hs);
    let (cv, co, cd, _) = string_buffers(result.lines.iter().map(|l| l.error.as_ref().map(|e| e.code.as_str())), m);
    let mut rv = vec![0u8; m.div_ceil(8)];
    let mut rb: Vec<u8> = Vec::with_capacity(m * 8);
    for (i, l) in result.lines.iter().enumerate() {
        let r = l.error.as_ref().map(|e| e.row as i64);
        if r.is_some() {
            rv[i / 8] |= 1 << (i % 8);
        }
        rb.extend_from_slice(&r.unwrap_or(0).to_le_bytes());
    }
    let out = PyDict::new(py);
    let b = |v: &[u8]| PyBytes::new(py, v);
    out.set_item("length", m)?;
    out.set_item("rule_set", &result.rule_set)?;
    out.set_item("school_year", result.school_year.to_string())?;
    out.set_item("hours_scale", hs)?;
    out.set_item("money_scale", ms)?;
    out.set_item("employee", (b(&ev), b(&eo), b(&ed)))?;
    out.set_item("hours", (b(&hv), b(&hb)))?;
    out.set_item("money", (b(&mv), b(&mb)))?;
    out.set_item("extra_hours", (b(&xv), b(&xb)))?;
    out.set_item("error_code", (b(&cv), b(&co), b(&cd)))?;
    out.set_item("error_row", (b(&rv), b(&rb)))?;
    out.set_item("warnings", result.warnings.iter().map(|w| w.message_en.clone()).collect::<Vec<_>>())?;
    Ok(out.into_any())
}

/// The SVG of the lemniscate for a cycle input (JSON), labels in `lang` (`nl` or `en`).
#[pyfunction]
#[pyo3(signature = (input, lang="nl"))]
fn cycle_svg(py: Python<'_>, input: &str, lang: &str) -> PyResult<String> {
    lemniscaat::api::cycle_svg(input, lang).map_err(|e| to_py(py, e))
}

/// The SVG bar of a 70:20:10 mix for a mix input (JSON), labels in `lang`.
#[pyfunction]
#[pyo3(signature = (input, lang="nl"))]
fn mix_svg(py: Python<'_>, input: &str, lang: &str) -> PyResult<String> {
    lemniscaat::api::mix_svg(input, lang).map_err(|e| to_py(py, e))
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

/// The library version.
#[pyfunction]
fn version() -> &'static str {
    lemniscaat::VERSION
}

/// The native module.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(call_json, m)?)?;
    m.add_function(wrap_pyfunction!(entitlements_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(cycle_svg, m)?)?;
    m.add_function(wrap_pyfunction!(mix_svg, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(school_year, m)?)?;
    m.add_function(wrap_pyfunction!(sample, m)?)?;
    m.add("OPERATIONS", lemniscaat::api::OPERATIONS.to_vec())?;
    Ok(())
}
