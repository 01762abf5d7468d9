//! The columnar batch: five columns in, or six with a school year per row (Arrow arrays read in
//! place, or lists of Python objects), the Arrow buffers of the result out, written line by line
//! as the core hands them over. The core runs without the GIL, on as many threads as asked.

use crate::arrow::{self, Buffer};
use crate::objects::Texts;
use lemniscaat::batch::{Batch, DateCell, LineRef, RowSource};
use lemniscaat::{Error, ErrorCode};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
use rust_decimal::Decimal;

/// The columns the batch reads, in this order (the school year only when the table has one).
const NAMES: [&str; 6] = ["employee_id", "category", "wtf", "start", "end", "school_year"];

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

/// The columns of an appointments table as the batch's row source.
struct Appointments<'a> {
    columns: [Column<'a>; 6],
    rows: usize,
    school_year: bool,
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
    fn has_school_year(&self) -> bool {
        self.school_year
    }
    fn school_year(&self, i: usize) -> &str {
        self.columns[5].text(i)
    }
}

/// A validity bitmap being written, with its count of nulls.
#[derive(Default)]
struct Validity {
    bits: Vec<u8>,
    nulls: usize,
}

impl Validity {
    fn with_capacity(rows: usize) -> Validity {
        Validity { bits: Vec::with_capacity(rows / 8 + 1), nulls: 0 }
    }
    fn push(&mut self, i: usize, valid: bool) {
        if i.is_multiple_of(8) {
            self.bits.push(0);
        }
        if valid {
            if let Some(b) = self.bits.last_mut() {
                *b |= 1 << (i % 8);
            }
        } else {
            self.nulls += 1;
        }
    }
}

/// An Arrow `large_utf8` column being written: validity, i64 offsets, data.
struct Strings {
    valid: Validity,
    offsets: Vec<i64>,
    data: Vec<u8>,
}

impl Strings {
    fn with_capacity(rows: usize, bytes: usize) -> Strings {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Strings { valid: Validity::with_capacity(rows), offsets, data: Vec::with_capacity(bytes) }
    }
    fn push(&mut self, i: usize, v: Option<&str>) {
        self.valid.push(i, v.is_some());
        if let Some(s) = v {
            self.data.extend_from_slice(s.as_bytes());
        }
        self.offsets.push(self.data.len() as i64);
    }
    fn export<'py>(self, py: Python<'py>, name: &str, rows: usize) -> PyResult<Capsules<'py>> {
        let buffers = vec![Buffer::Bytes(self.valid.bits), Buffer::I64(self.offsets), Buffer::Bytes(self.data)];
        arrow::export(py, "U", name, rows, self.valid.nulls, buffers)
    }
}

/// An Arrow fixed-width column being written (`decimal128` as `i128`, or `int64`).
struct Fixed<T> {
    valid: Validity,
    values: Vec<T>,
}

impl<T: Copy + Default> Fixed<T> {
    fn with_capacity(rows: usize) -> Fixed<T> {
        Fixed { valid: Validity::with_capacity(rows), values: Vec::with_capacity(rows) }
    }
    fn push(&mut self, i: usize, v: Option<T>) {
        self.valid.push(i, v.is_some());
        self.values.push(v.unwrap_or_default());
    }
}

impl Fixed<i128> {
    fn decimal(&mut self, i: usize, v: Option<Decimal>, scale: u32) {
        self.push(
            i,
            v.map(|mut d| {
                // The core rounds to the scale already: rescaling is for a value that came out
                // with fewer decimals.
                if d.scale() != scale {
                    d.rescale(scale);
                }
                d.mantissa()
            }),
        );
    }
    fn export<'py>(self, py: Python<'py>, name: &str, rows: usize, scale: u32) -> PyResult<Capsules<'py>> {
        let buffers = vec![Buffer::Bytes(self.valid.bits), Buffer::I128(self.values)];
        arrow::export(py, &format!("d:28,{scale}"), name, rows, self.valid.nulls, buffers)
    }
}

impl Fixed<i64> {
    fn export<'py>(self, py: Python<'py>, name: &str, rows: usize) -> PyResult<Capsules<'py>> {
        let buffers = vec![Buffer::Bytes(self.valid.bits), Buffer::I64(self.values)];
        arrow::export(py, "l", name, rows, self.valid.nulls, buffers)
    }
}

/// The `(arrow_schema, arrow_array)` capsules of an exported column.
type Capsules<'py> = (Bound<'py, PyCapsule>, Bound<'py, PyCapsule>);

/// The result columns, one row per employee and school year.
struct Out {
    rows: usize,
    employee: Strings,
    school_year: Strings,
    /// The school years written, with their texts (an export holds a few).
    year_texts: Vec<(lemniscaat::SchoolYear, String)>,
    rule_set: Strings,
    hours: Fixed<i128>,
    money: Fixed<i128>,
    extra_hours: Fixed<i128>,
    error_code: Strings,
    error_row: Fixed<i64>,
}

impl Out {
    /// Room for `rows` lines (at most one per row; pages never written are never touched).
    fn with_capacity(rows: usize) -> Out {
        Out {
            rows: 0,
            employee: Strings::with_capacity(rows, rows * 8),
            school_year: Strings::with_capacity(rows, rows * 9),
            year_texts: Vec::new(),
            rule_set: Strings::with_capacity(rows, rows * 16),
            hours: Fixed::with_capacity(rows),
            money: Fixed::with_capacity(rows),
            extra_hours: Fixed::with_capacity(rows),
            error_code: Strings::with_capacity(rows, 0),
            error_row: Fixed::with_capacity(rows),
        }
    }

    fn push(&mut self, l: LineRef<'_>, hs: u32, ms: u32) {
        let i = self.rows;
        self.employee.push(i, Some(l.employee));
        let year = l.school_year.map(|y| match self.year_texts.iter().position(|(k, _)| *k == y) {
            Some(k) => k,
            None => {
                self.year_texts.push((y, y.to_string()));
                self.year_texts.len() - 1
            }
        });
        self.school_year.push(i, year.map(|k| self.year_texts[k].1.as_str()));
        self.rule_set.push(i, l.rule_set);
        self.hours.decimal(i, l.hours, hs);
        self.money.decimal(i, l.money, ms);
        self.extra_hours.decimal(i, l.error.is_none().then_some(l.extra_hours), hs);
        self.error_code.push(i, l.error.map(|e| e.code.as_str()));
        self.error_row.push(i, l.error.map(|e| e.row as i64));
        self.rows += 1;
    }
}

fn invalid(en: &str, nl: &str) -> Error {
    Error::new(ErrorCode::InvalidValue, en, nl)
}

/// Entitlements of many employees from five columns (employee_id, category, wtf, start, end)
/// or six (and school_year), each the `(schema, array)` capsule pair of an Arrow array (strings;
/// `date32` or strings for the dates) or a NumPy `object` array or list of Python objects
/// (strings, missing values, anything else as its `str()`); returns the result columns, one row
/// per employee and school year, each the `(arrow_schema, arrow_array)` capsule pair of an Arrow
/// array that `pyarrow.array` takes over without a copy. `school_year`: the year of a table
/// without a school-year column, or the only year read from one (`None`: every year of the
/// column). `rules`: a rule book with overrides; `rule_set`: a rule set pinned by id; `threads`:
/// 0 for every core. The GIL is released while the core computes.
#[pyfunction]
#[pyo3(signature = (columns, school_year=None, options_json=None, rules=None, rule_set=None, threads=0))]
pub fn entitlements_columns<'py>(
    py: Python<'py>,
    columns: Vec<Bound<'py, PyAny>>,
    school_year: Option<&str>,
    options_json: Option<&str>,
    rules: Option<&Bound<'py, crate::RuleBook>>,
    rule_set: Option<&str>,
    threads: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let fail = |e: Error| crate::to_py(py, e);
    if !(5..=6).contains(&columns.len()) {
        return Err(fail(invalid("five or six columns are needed", "er zijn vijf of zes kolommen nodig")));
    }
    // First every column is held (capsules) or copied (the text of lists of objects), then the
    // columns borrow from them.
    enum Held<'py> {
        Capsules(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>),
        Objects(Texts),
    }
    let mut held = Vec::with_capacity(6);
    for (c, name) in columns.iter().zip(NAMES) {
        held.push(match Texts::read(c, name)? {
            Some(texts) => Held::Objects(texts.map_err(fail)?),
            None => {
                let (s, a): (Bound<'py, PyCapsule>, Bound<'py, PyCapsule>) = c.extract()?;
                Held::Capsules(s, a)
            }
        });
    }
    let mut read = Vec::with_capacity(6);
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
    let sy = school_year.map(|s| s.parse::<lemniscaat::SchoolYear>().map_err(|e: Error| fail(e.at("/school_year")))).transpose()?;
    let options: lemniscaat::Options = match options_json {
        Some(j) => lemniscaat::json::from_str(j).map_err(|e| fail(e.within("/options")))?,
        None => Default::default(),
    };
    let with_year = read.len() == 6;
    let mut it = read.into_iter().map(|(c, _)| c);
    let none = Texts::default();
    let columns: [Column; 6] = std::array::from_fn(|_| it.next().unwrap_or(Column::Text(&none)));
    let source = Appointments { columns, rows, school_year: with_year };
    let (hs, ms) = (options.rounding.hours.decimals, options.rounding.money.decimals);
    let book = crate::book(rules);
    let batch = Batch::of(sy).book(book).options(options).rule_set(rule_set).threads(threads);
    let (out, summary) = py
        .detach(|| {
            let mut out = Out::with_capacity(rows);
            batch.each(&source, |l| out.push(l, hs, ms)).map(|s| (out, s))
        })
        .map_err(fail)?;
    let d = PyDict::new(py);
    let n = out.rows;
    d.set_item("length", n)?;
    d.set_item("employee_id", out.employee.export(py, "employee_id", n)?)?;
    d.set_item("school_year", out.school_year.export(py, "school_year", n)?)?;
    d.set_item("rule_set", out.rule_set.export(py, "rule_set", n)?)?;
    d.set_item("hours", out.hours.export(py, "hours", n, hs)?)?;
    d.set_item("money", out.money.export(py, "money", n, ms)?)?;
    d.set_item("extra_hours", out.extra_hours.export(py, "extra_hours", n, hs)?)?;
    d.set_item("error_code", out.error_code.export(py, "error_code", n)?)?;
    d.set_item("error_row", out.error_row.export(py, "error_row", n)?)?;
    d.set_item("warnings", summary.warnings.iter().map(|w| w.message_en()).collect::<Vec<_>>())?;
    Ok(d)
}
