//! One group's rows into amounts: parsed, checked, looked up in a memo of shapes or computed by
//! the entitlement rule without explanation texts. One engine per thread.

use super::groups::{Groups, Slot, SKIP};
use super::source::{parse_row, Cell, RowSource};
use super::RowError;
use crate::entitlement::compute;
use crate::error::{Error, Result};
use crate::options::Options;
use crate::people::{Appointment, Wtf};
use crate::rules::RuleSet;
use crate::time::SchoolYear;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The hours, money and extra hours of one employee-year, rounded.
pub(super) type Amounts = (Decimal, Decimal, Decimal);

/// A group's answer: its amounts, or the error that refuses it.
pub(super) type Outcome = std::result::Result<Amounts, Box<RowError>>;

/// A school year as the engine needs it: its rule set and its first and last day (days from the
/// common era), or why the rows of a slot cannot be computed.
pub(super) struct YearRules<'r> {
    pub sy: SchoolYear,
    pub rs: &'r RuleSet,
    pub days: (i32, i32),
}

/// One appointment as far as the amounts go: its category, its wtf (the decimal's exact bits:
/// equal bits are an equal value) and the days of the school year it covers (`i32::MIN` twice
/// when none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Shape {
    category: u8,
    wtf: [u32; 4],
    from: i32,
    to: i32,
}

/// A memo key: the school-year slot and the shapes of up to three appointments, sorted (unused
/// ones are the default shape).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct MemoKey {
    slot: Slot,
    shapes: [Shape; 3],
}

/// The most results an engine keeps by key (a larger memo measured slower: it leaves the cache).
const MEMO: usize = 4096;

/// What a thread needs to turn groups of rows into amounts, with its memo.
pub(super) struct Engine<'r> {
    options: &'r Options,
    /// Per school-year slot: its rules, or the error of every group of that slot.
    years: &'r [std::result::Result<YearRules<'r>, Error>],
    /// Most employees have one to three appointments, and most appointments cover the whole
    /// school year at one of a few wtfs: an employee's amounts depend only on the shapes of its
    /// appointments (in any order) and the year, so they are computed once per key.
    memo: HashMap<MemoKey, Amounts, foldhash::fast::RandomState>,
    /// Reads rows that were not read before.
    parser: Parser,
    /// Every row already read, in row order, when the groups' rows lie apart (then reading them
    /// group by group would jump through the columns; see [`parse_all`]).
    parsed: Option<&'r ParsedRows>,
    /// The cells of the group at hand.
    cells: Vec<Cell>,
}

/// A row read: its cell, or why it is refused.
pub(super) type Parsed = std::result::Result<Cell, Box<RowError>>;

/// Reads rows into cells, remembering the wtf texts it met: a table repeats a few dozen of them
/// (`1`, `0.8`, or `0.7368` from contract hours), so each is parsed once.
#[derive(Default)]
pub(super) struct Parser {
    wtfs: HashMap<Box<str>, Wtf, foldhash::fast::RandomState>,
}

/// The most wtf texts a parser remembers.
const WTFS: usize = 1024;

impl Parser {
    /// Row `i` as a cell, or why it is refused.
    pub fn parse<S: RowSource + ?Sized>(&mut self, src: &S, i: usize) -> Parsed {
        let wtfs = &mut self.wtfs;
        let wtf = |text: &str| -> Result<Wtf> {
            if let Some(w) = wtfs.get(text) {
                return Ok(*w);
            }
            let w: Wtf = text.parse()?;
            if wtfs.len() < WTFS {
                wtfs.insert(text.into(), w);
            }
            Ok(w)
        };
        parse_row(src, i, wtf).map_err(|(e, column)| super::row_error(&e, i, column))
    }
}

/// Every row read, in row order: one part per thread (each a contiguous range of the rows), kept
/// apart rather than copied into one list (a million rows of cells would be held twice).
pub(super) struct ParsedRows {
    /// The first row of each part.
    starts: Vec<usize>,
    parts: Vec<Vec<Parsed>>,
}

impl ParsedRows {
    /// Row `i`, read.
    #[inline]
    pub fn get(&self, i: usize) -> &Parsed {
        let k = self.starts.partition_point(|&s| s <= i) - 1;
        &self.parts[k][i - self.starts[k]]
    }
}

/// Every row read, in row order, on `threads` threads (each a contiguous part of the rows): the
/// columns are read front to back, once, before the groups take their rows from the result.
pub(super) fn parse_all<S: RowSource + Sync + ?Sized>(rows: &S, threads: usize) -> ParsedRows {
    let n = rows.rows();
    let count = threads.clamp(1, n.max(1));
    let range = |k: usize| n * k / count..n * (k + 1) / count;
    let part = |k: usize| {
        let mut p = Parser::default();
        range(k).map(|i| p.parse(rows, i)).collect::<Vec<_>>()
    };
    let starts: Vec<usize> = (0..count).map(|k| range(k).start).collect();
    if count == 1 {
        return ParsedRows { starts, parts: vec![part(0)] };
    }
    let parts = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..count).map(|k| std::thread::Builder::new().spawn_scoped(scope, move || part(k)).ok()).collect();
        let mut parts = vec![part(0)];
        for (k, h) in (1..count).zip(handles) {
            // A thread that could not start, or ended without an answer: its part is read here.
            parts.push(h.and_then(|h| h.join().ok()).unwrap_or_else(|| part(k)));
        }
        parts
    });
    ParsedRows { starts, parts }
}

impl<'r> Engine<'r> {
    /// An engine for the school years `years`, reading rows from `parsed` when given.
    pub fn new(options: &'r Options, years: &'r [std::result::Result<YearRules<'r>, Error>], parsed: Option<&'r ParsedRows>) -> Engine<'r> {
        Engine { options, years, memo: HashMap::default(), parser: Parser::default(), parsed, cells: Vec::new() }
    }

    /// The outcome of every group in `range` (groups of slot [`SKIP`] left out), handed to `out`
    /// in order. Nothing stops the run: an employee-year that cannot be computed (even a value
    /// too large to round) is refused on its own line.
    pub fn run<S: RowSource + ?Sized>(
        &mut self,
        rows: &S,
        groups: &Groups,
        range: std::ops::Range<usize>,
        out: &mut dyn FnMut(usize, Outcome),
    ) {
        for g in range {
            let slot = groups.slots[g];
            if slot == SKIP {
                continue;
            }
            let o = self.group(rows, groups, g, slot);
            out(g, o);
        }
    }

    fn group<S: RowSource + ?Sized>(&mut self, rows: &S, groups: &Groups, g: usize, slot: Slot) -> Outcome {
        let year = match &self.years[slot as usize] {
            Ok(y) => y,
            Err(e) => return Err(super::row_error(e, groups.first_row(g), "school_year")),
        };
        let mut cells = std::mem::take(&mut self.cells);
        cells.clear();
        let mut refused = None;
        for i in groups.rows(g) {
            let row = match self.parsed {
                Some(all) => all.get(i).clone(),
                None => self.parser.parse(rows, i),
            };
            match row {
                Ok(c) => cells.push(c),
                Err(e) => {
                    refused = Some(e);
                    break;
                }
            }
        }
        let o = match refused {
            Some(e) => Err(e),
            // The rule's own refusal (no cell is to blame) is the group's first row's.
            None => self.amounts(year, slot, &cells).map_err(|mut e| {
                e.row = groups.first_row(g);
                e
            }),
        };
        self.cells = cells;
        o
    }

    fn shape(year: &YearRules, c: &Cell) -> Shape {
        let (y0, y1) = year.days;
        let from = c.start.max(y0);
        let to = c.end.map_or(y1, |e| e.min(y1));
        let (from, to) = if to < from { (i32::MIN, i32::MIN) } else { (from, to) };
        Shape { category: c.category.index() as u8 + 1, wtf: wtf_bits(c.wtf.value()), from, to }
    }

    /// The amounts of one employee-year, from the memo or computed.
    fn amounts(&mut self, year: &YearRules, slot: Slot, cells: &[Cell]) -> Outcome {
        if cells.len() > 3 {
            return self.compute(year, cells);
        }
        let mut key = MemoKey { slot, ..Default::default() };
        for (k, c) in key.shapes.iter_mut().zip(cells) {
            *k = Self::shape(year, c);
        }
        // Three compare-and-swaps sort three shapes.
        for (x, y) in [(0, 1), (1, 2), (0, 1)] {
            if key.shapes[x] > key.shapes[y] {
                key.shapes.swap(x, y);
            }
        }
        if let Some(&x) = self.memo.get(&key) {
            return Ok(x);
        }
        let x = self.compute(year, cells);
        if let (Ok(x), true) = (&x, self.memo.len() < MEMO) {
            self.memo.insert(key, *x);
        }
        x
    }

    /// The entitlement rule on one employee-year, without explanation, its amounts rounded.
    fn compute(&self, year: &YearRules, cells: &[Cell]) -> Outcome {
        let rounding = self.options.rounding;
        // Up to three appointments on the stack (no allocation per employee).
        let few: [Appointment; 3];
        let many: Vec<Appointment>;
        let apps: &[Appointment] = match cells {
            [first, ..] if cells.len() <= 3 => {
                few = std::array::from_fn(|k| cells.get(k).unwrap_or(first).appointment());
                &few[..cells.len()]
            }
            _ => {
                many = cells.iter().map(Cell::appointment).collect();
                &many
            }
        };
        let rounded = |raw: crate::entitlement::Raw<'_>| -> Result<Amounts> {
            let mut extra = Decimal::ZERO;
            for (_, h, _) in &raw.extra {
                extra += h.round(rounding.hours)?;
            }
            Ok((raw.hours.round(rounding.hours)?, raw.money.round(rounding.money)?, rounding.hours.round(extra)))
        };
        compute(year.rs, self.options, year.sy, apps, false).and_then(rounded).map_err(|e| super::row_error(&e, 0, ""))
    }
}

/// A decimal's 16 bytes as four words (a key of 4-byte alignment, smaller than a `u128`'s).
fn wtf_bits(d: Decimal) -> [u32; 4] {
    let b = d.serialize();
    std::array::from_fn(|k| u32::from_le_bytes([b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]]))
}
