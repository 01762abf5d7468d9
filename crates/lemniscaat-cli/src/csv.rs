//! A CSV file of appointments as the batch's row source: the cells the batch reads, kept as
//! spans of the file's text (quoted cells with doubled quotes unescaped into one side buffer),
//! so that a million rows cost one 20-byte record each and no allocation per row.

use lemniscaat::batch::{DateCell, RowSource};
use lemniscaat::{Error, ErrorCode};

/// The columns read, by header name: `employee_id` (or `employee`), `category`, `wtf`, `start`,
/// `end`, and `school_year` when the file has it.
pub const COLUMNS: [&str; 5] = ["employee_id", "category", "wtf", "start", "end"];

/// Where a cell's text is: in the file (`start`), or in the unescaped buffer (the top bit of
/// `start` set).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

const UNESCAPED: u32 = 1 << 31;

/// One data row: where its line starts in the file, its line number, and its six cells (the
/// school year last) as offsets and lengths within the line. A line longer than 254 bytes, or
/// with a cell to unescape, keeps its cells as full spans in [`CsvRows::wide`] (then `at` is its
/// index there and the first cell is [`WIDE`]).
#[derive(Debug, Clone, Copy, Default)]
struct Row {
    at: u32,
    line: u32,
    cells: [(u8, u8); 6],
}

/// The mark of a row whose cells are kept in full (no cell of a short line starts and ends at 255).
const WIDE: (u8, u8) = (255, 255);

/// The rows of a CSV file of appointments.
pub struct CsvRows<'a> {
    data: &'a str,
    unescaped: String,
    rows: Vec<Row>,
    wide: Vec<[Span; 6]>,
    school_year: bool,
}

impl<'a> CsvRows<'a> {
    /// Reads the header and indexes every non-blank data line.
    pub fn read(data: &'a str) -> Result<CsvRows<'a>, Error> {
        if data.len() >= UNESCAPED as usize {
            return Err(Error::new(ErrorCode::LimitExceeded, "the CSV is larger than 2 GB", "de CSV is groter dan 2 GB"));
        }
        let mut lines = data.split('\n').enumerate();
        let (_, header) = lines
            .by_ref()
            .find(|(_, l)| !l.trim().is_empty())
            .ok_or_else(|| Error::new(ErrorCode::MissingField, "the CSV is empty", "de CSV is leeg"))?;
        let head: Vec<String> = cells_of(header.trim_start_matches('\u{feff}')).map(|(c, _)| c.trim().to_lowercase()).collect();
        let find = |name: &str| head.iter().position(|h| h == name || (name == "employee_id" && h == "employee"));
        let mut pos = [usize::MAX; 6];
        for (k, name) in COLUMNS.iter().enumerate() {
            pos[k] = find(name).ok_or_else(|| {
                Error::new(
                    ErrorCode::MissingField,
                    format!("the CSV header has no column '{name}' (need {}; school_year is optional)", COLUMNS.join(",")),
                    format!("de CSV-kop heeft geen kolom '{name}' (nodig: {}; school_year mag)", COLUMNS.join(",")),
                )
                .at(format!("/0/{name}"))
            })?;
        }
        let school_year = find("school_year");
        pos[5] = school_year.unwrap_or(usize::MAX);
        let base = data.as_ptr() as usize;
        let mut out = CsvRows {
            data,
            unescaped: String::new(),
            rows: Vec::with_capacity(data.len() / 40),
            wide: Vec::new(),
            school_year: school_year.is_some(),
        };
        for (n, line) in lines {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let at = line.as_ptr() as usize - base;
            let mut spans = [Span::default(); 6];
            for (k, (cell, quoted)) in cells_of(line).enumerate() {
                let Some(slot) = pos.iter().position(|&p| p == k) else { continue };
                spans[slot] = if quoted && cell.contains("\"\"") {
                    let start = out.unescaped.len() as u32 | UNESCAPED;
                    out.unescaped.push_str(&cell.replace("\"\"", "\""));
                    Span { start, len: (out.unescaped.len() as u32 | UNESCAPED) - start }
                } else {
                    Span { start: (cell.as_ptr() as usize - base) as u32, len: cell.len() as u32 }
                };
            }
            let short = line.len() < 255 && spans.iter().all(|s| s.start & UNESCAPED == 0);
            let row = if short {
                // Cells not in the line (missing columns) are empty at its start.
                let narrow = |s: &Span| if s.len == 0 { (0, 0) } else { ((s.start as usize - at) as u8, s.len as u8) };
                Row { at: at as u32, line: (n + 1) as u32, cells: spans.each_ref().map(narrow) }
            } else {
                out.wide.push(spans);
                let mut cells = [(0, 0); 6];
                cells[0] = WIDE;
                Row { at: (out.wide.len() - 1) as u32, line: (n + 1) as u32, cells }
            };
            out.rows.push(row);
        }
        Ok(out)
    }

    /// The line number in the file (1-based, the header is line 1) of data row `i`.
    pub fn line(&self, i: usize) -> usize {
        self.rows.get(i).map_or(0, |r| r.line as usize)
    }

    fn cell(&self, i: usize, k: usize) -> &str {
        let row = &self.rows[i];
        if row.cells[0] != WIDE {
            let (start, len) = row.cells[k];
            let a = row.at as usize + start as usize;
            return self.data.get(a..a + len as usize).unwrap_or("");
        }
        let s = self.wide[row.at as usize][k];
        let (text, start) = if s.start & UNESCAPED != 0 { (self.unescaped.as_str(), s.start & !UNESCAPED) } else { (self.data, s.start) };
        text.get(start as usize..(start + s.len) as usize).unwrap_or("")
    }
}

/// The cells of one line (RFC 4180 quotes; no embedded newlines), each as the text between its
/// quotes (doubled quotes still doubled) and whether it was quoted.
fn cells_of(line: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let s = rest?;
        if let Some(q) = s.strip_prefix('"') {
            // A quoted cell ends at a quote not followed by another quote.
            let b = q.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'"' {
                    if b.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            let cell = &q[..i.min(q.len())];
            let after = q.get(i + 1..).unwrap_or("");
            rest = after.find(',').map(|c| &after[c + 1..]);
            Some((cell, true))
        } else {
            match s.find(',') {
                Some(c) => {
                    rest = Some(&s[c + 1..]);
                    Some((&s[..c], false))
                }
                None => {
                    rest = None;
                    Some((s, false))
                }
            }
        }
    })
}

impl RowSource for CsvRows<'_> {
    fn rows(&self) -> usize {
        self.rows.len()
    }
    fn employee(&self, i: usize) -> &str {
        self.cell(i, 0)
    }
    fn category(&self, i: usize) -> &str {
        self.cell(i, 1)
    }
    fn wtf(&self, i: usize) -> &str {
        self.cell(i, 2)
    }
    fn start(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self.cell(i, 3))
    }
    fn end(&self, i: usize) -> DateCell<'_> {
        DateCell::Text(self.cell(i, 4))
    }
    fn has_school_year(&self) -> bool {
        self.school_year
    }
    fn school_year(&self, i: usize) -> &str {
        self.cell(i, 5)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_read_with_quotes_blank_lines_and_a_school_year_column() {
        let data = "\u{feff}Employee, school_year ,category,wtf,start,end,note\r\n\
                    \"E,1\",2024-2025,teacher,0.5,2010-08-01,,x\r\n\
                    \n\
                    \"E\"\"2\",2024/25,\"support\",1,2010-08-01,2025-01-31\n\
                    E3,2024-2025,teacher";
        let r = CsvRows::read(data).unwrap();
        assert!(r.has_school_year());
        assert_eq!(r.rows(), 3);
        assert_eq!((r.employee(0), r.school_year(0), r.category(0), r.wtf(0)), ("E,1", "2024-2025", "teacher", "0.5"));
        assert_eq!((r.employee(1), r.category(1), r.end(1)), ("E\"2", "support", DateCell::Text("2025-01-31")));
        assert_eq!((r.wtf(2), r.start(2), r.end(2)), ("", DateCell::Text(""), DateCell::Text("")));
        assert_eq!((r.line(0), r.line(1), r.line(2)), (2, 4, 5));
        // A line longer than a short row holds keeps its cells in full.
        let long = format!(
            "employee_id,note,category,wtf,start,end\nE1,{},teacher,0.5,2010-08-01,2025-07-31\nE2,,support,1,2011-08-01,\n",
            "x".repeat(300)
        );
        let r = CsvRows::read(&long).unwrap(); // ok: a test
        assert_eq!((r.employee(0), r.category(0), r.wtf(0), r.end(0)), ("E1", "teacher", "0.5", DateCell::Text("2025-07-31")));
        assert_eq!(
            (r.employee(1), r.category(1), r.start(1), r.end(1)),
            ("E2", "support", DateCell::Text("2011-08-01"), DateCell::Text(""))
        );
        assert_eq!((r.wide.len(), r.line(1)), (1, 3));
        let e = CsvRows::read("employee_id,category,wtf,start\n").err().unwrap();
        assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, "/0/end"));
        assert!(!CsvRows::read("employee_id,category,wtf,start,end\n").unwrap().has_school_year());
    }
}
