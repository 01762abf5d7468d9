//! The columnar batch: five columns in (Arrow arrays read in place, or lists of Python objects),
//! the Arrow buffers of the result out, written line by line as the core hands them over.

use crate::arrow;
use crate::objects::Texts;
use lemniscaat::batch::{entitlements_batch_each, DateCell, LineRef, RowSource};
use lemniscaat::rules::RuleBook;
use lemniscaat::{Error, ErrorCode};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule, PyDict};
use rust_decimal::Decimal;

/// The columns the batch reads, in this order.
const NAMES: [&str; 5] = ["employee_id", "category", "wtf", "start", "end"];

/// One input column: an Arrow array, or the text of a list of Python objects.
enum Column<'a> {
    Arrow(arrow::Column<'a>),
    Text(&'a Texts),
}

impl<'a> Column<'a> {
    fn text(&self, i: usize) -> &'a str {
        match self {
            Column::Arrow(c) => c.text(i),
            Column::Text(t) => t.get(i),
        }
    }
    fn date(&self, i: usize) -> DateCell<'a> {
        match self {
            Column::Arrow(c) => c.date(i),
            Column::Text(t) => DateCell::Text(t.get(i)),
        }
    }
    fn len(&self, arrow_len: usize) -> usize {
        match self {
            Column::Arrow(_) => arrow_len,
            Column::Text(t) => t.len(),
        }
    }
}

/// The five columns of an appointments table as the batch's row source.
struct Appointments<'a> {
    columns: [Column<'a>; 5],
    rows: usize,
}

impl RowSource for Appointments<'_> {
    fn rows(&self) -> usize {
        self.rows
    }
    fn employee(&self, i: usize) -> &str {
        self.columns[0].text(i)
    }
    fn category(&self, i: usize) -> &str {
        self.columns[1].text(i)
    }
    fn wtf(&self, i: usize) -> &str {
        self.columns[2].text(i)
    }
    fn start(&self, i: usize) -> DateCell<'_> {
        self.columns[3].date(i)
    }
    fn end(&self, i: usize) -> DateCell<'_> {
        self.columns[4].date(i)
    }
}

/// An Arrow `large_utf8` column being written: validity, i64 offsets, data.
struct Strings {
    valid: Vec<u8>,
    offsets: Vec<u8>,
    data: Vec<u8>,
}

impl Strings {
    fn push(&mut self, i: usize, v: Option<&str>) {
        if i.is_multiple_of(8) {
            self.valid.push(0);
        }
        if self.offsets.is_empty() {
            self.offsets.extend_from_slice(&0i64.to_le_bytes());
        }
        if let Some(s) = v {
            self.valid[i / 8] |= 1 << (i % 8);
            self.data.extend_from_slice(s.as_bytes());
        }
        self.offsets.extend_from_slice(&(self.data.len() as i64).to_le_bytes());
    }
}

/// An Arrow fixed-width column being written (`decimal128` at a scale, or `int64`).
struct Fixed {
    valid: Vec<u8>,
    values: Vec<u8>,
}

impl Fixed {
    fn push(&mut self, i: usize, v: Option<&[u8]>, width: usize) {
        if i.is_multiple_of(8) {
            self.valid.push(0);
        }
        match v {
            Some(b) => {
                self.valid[i / 8] |= 1 << (i % 8);
                self.values.extend_from_slice(b);
            }
            None => self.values.resize(self.values.len() + width, 0),
        }
    }
    fn decimal(&mut self, i: usize, v: Option<Decimal>, scale: u32) {
        let m = v.map(|mut d| {
            // The core rounds to the scale already: rescaling is for a value that came out
            // with fewer decimals.
            if d.scale() != scale {
                d.rescale(scale);
            }
            d.mantissa().to_le_bytes()
        });
        self.push(i, m.as_ref().map(|m| &m[..]), 16);
    }
}

/// The result columns, one row per employee.
struct Out {
    rows: usize,
    employee: Strings,
    hours: Fixed,
    money: Fixed,
    extra_hours: Fixed,
    error_code: Strings,
    error_row: Fixed,
}

impl Out {
    /// Room for `rows` lines (at most one per row; pages never written are never touched).
    fn with_capacity(rows: usize) -> Out {
        let strings = |bytes| Strings {
            valid: Vec::with_capacity(rows / 8 + 1),
            offsets: Vec::with_capacity((rows + 1) * 8),
            data: Vec::with_capacity(bytes),
        };
        let fixed = |width: usize| Fixed { valid: Vec::with_capacity(rows / 8 + 1), values: Vec::with_capacity(rows * width) };
        Out {
            rows: 0,
            employee: strings(rows * 8),
            hours: fixed(16),
            money: fixed(16),
            extra_hours: fixed(16),
            error_code: strings(0),
            error_row: fixed(8),
        }
    }

    fn push(&mut self, l: LineRef<'_>, hs: u32, ms: u32) {
        let i = self.rows;
        self.employee.push(i, Some(l.employee));
        self.hours.decimal(i, l.hours, hs);
        self.money.decimal(i, l.money, ms);
        self.extra_hours.decimal(i, Some(l.extra_hours), hs);
        self.error_code.push(i, l.error.map(|e| e.code.as_str()));
        let row = l.error.map(|e| (e.row as i64).to_le_bytes());
        self.error_row.push(i, row.as_ref().map(|r| &r[..]), 8);
        self.rows += 1;
    }
}

fn invalid(en: &str, nl: &str) -> Error {
    Error::new(ErrorCode::InvalidValue, en, nl)
}

/// Entitlements of many employees from five columns (employee_id, category, wtf, start, end),
/// each the `(schema, array)` capsule pair of an Arrow array (strings; `date32` or strings for
/// the dates) or a NumPy `object` array or list of Python objects (strings, missing values,
/// anything else as its `str()`); returns the Arrow buffers of the result columns, one row per employee, ready for
/// `pyarrow.Array.from_buffers`.
#[pyfunction]
#[pyo3(signature = (columns, school_year, options_json=None))]
pub fn entitlements_columns<'py>(
    py: Python<'py>,
    columns: Vec<Bound<'py, PyAny>>,
    school_year: &str,
    options_json: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let fail = |e: Error| crate::to_py(py, e);
    let cols: &[_; 5] =
        columns.as_slice().try_into().map_err(|_| fail(invalid("five columns are needed", "er zijn vijf kolommen nodig")))?;
    // First every column is held (capsules) or copied (the text of lists of objects), then the
    // columns borrow from them.
    enum Held<'py> {
        Capsules(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>),
        Objects(Texts),
    }
    let mut held = Vec::with_capacity(5);
    for (c, name) in cols.iter().zip(NAMES) {
        held.push(match Texts::read(c, name)? {
            Some(texts) => Held::Objects(texts.map_err(fail)?),
            None => {
                let (s, a): (Bound<'py, PyCapsule>, Bound<'py, PyCapsule>) = c.extract()?;
                Held::Capsules(s, a)
            }
        });
    }
    let mut read = Vec::with_capacity(5);
    for (h, name) in held.iter().zip(NAMES) {
        read.push(match h {
            Held::Capsules(s, a) => {
                let (col, len) = arrow::Column::read(s, a, name).map_err(fail)?;
                (Column::Arrow(col), len)
            }
            Held::Objects(t) => (Column::Text(t), t.len()),
        });
    }
    let rows = read[0].1;
    if read.iter().any(|(c, len)| c.len(*len) != rows) {
        return Err(fail(invalid("the columns differ in length", "de kolommen verschillen in lengte")));
    }
    let sy: lemniscaat::SchoolYear = school_year.parse().map_err(|e: Error| fail(e.at("/school_year")))?;
    let options: lemniscaat::Options = match options_json {
        Some(j) => lemniscaat::json::from_str(j).map_err(|e| fail(e.within("/options")))?,
        None => Default::default(),
    };
    let mut it = read.into_iter().map(|(c, _)| c);
    let none = Texts::default();
    let columns: [Column; 5] = std::array::from_fn(|_| it.next().unwrap_or(Column::Text(&none)));
    let source = Appointments { columns, rows };
    let (hs, ms) = (options.rounding.hours.decimals, options.rounding.money.decimals);
    let mut out = Out::with_capacity(rows);
    let summary = entitlements_batch_each(RuleBook::builtin(), &source, sy, &options, None, |l| out.push(l, hs, ms)).map_err(fail)?;
    let d = PyDict::new(py);
    let b = |v: &[u8]| PyBytes::new(py, v);
    d.set_item("length", out.rows)?;
    d.set_item("rule_set", &summary.rule_set)?;
    d.set_item("school_year", summary.school_year.to_string())?;
    d.set_item("hours_scale", hs)?;
    d.set_item("money_scale", ms)?;
    let zero = 0i64.to_le_bytes();
    let strings = |s: &Strings| (b(&s.valid), b(if s.offsets.is_empty() { &zero } else { &s.offsets }), b(&s.data));
    let fixed = |f: &Fixed| (b(&f.valid), b(&f.values));
    d.set_item("employee", strings(&out.employee))?;
    d.set_item("hours", fixed(&out.hours))?;
    d.set_item("money", fixed(&out.money))?;
    d.set_item("extra_hours", fixed(&out.extra_hours))?;
    d.set_item("error_code", strings(&out.error_code))?;
    d.set_item("error_row", fixed(&out.error_row))?;
    d.set_item("warnings", summary.warnings.iter().map(|w| w.message_en.clone()).collect::<Vec<_>>())?;
    Ok(d)
}
