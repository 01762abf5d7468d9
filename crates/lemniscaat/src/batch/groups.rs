//! Rows into groups: one group per employee and school year, in order of first appearance, in
//! time linear in the rows for any row order and any pattern of ids.
//!
//! A first pass cuts the rows into runs (consecutive rows of one key) and decides with a
//! cache-sized bitmap of the runs' hashes whether any key comes back after another key. Usually
//! none does (an HR export lists each employee's rows together): then every run is a group and
//! nothing is copied. Otherwise a second pass joins the runs of one key through a hash map keyed
//! by the hash the first pass computed, and sorts the row numbers by group (a counting sort).
//!
//! Ids are hashed with foldhash, seeded per process: its low and high bits are both well mixed,
//! so ids that differ only in a few characters (`E0000123`, `E0000124`) spread over the whole
//! table. (The batch once used a multiply-only hash whose low bits depended on a few bytes of
//! an eight-byte id: every such id fell into a handful of buckets and the batch took time
//! quadratic in the rows; a test keeps ids of that shape linear.)

use super::source::RowSource;
use crate::error::Error;
use crate::time::SchoolYear;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

/// A slot of a school year: an index into [`Years::slots`], or [`SKIP`].
pub(super) type Slot = u32;

/// The slot of a row that belongs to another school year than the one asked for.
pub(super) const SKIP: Slot = u32::MAX;

/// The school years met in the rows (or the one asked for), each text read once.
pub(super) struct Years<'a> {
    /// The school year asked for: without a school-year column every row's, with one the only
    /// year whose rows are read.
    wanted: Option<SchoolYear>,
    /// Whether the rows carry a school year each.
    column: bool,
    /// Per slot: the school year, or why its text is not one (the text's own error).
    pub slots: Vec<Result<SchoolYear, Error>>,
    by_year: HashMap<SchoolYear, Slot, foldhash::fast::RandomState>,
    by_text: HashMap<&'a str, Slot, foldhash::fast::RandomState>,
    /// The texts read last: an export repeats a few years.
    recent: Vec<(&'a str, Slot)>,
}

impl<'a> Years<'a> {
    /// Years for rows with a school-year column (`column`) or without one (then `wanted` is every
    /// row's year, and must be given).
    pub fn new(wanted: Option<SchoolYear>, column: bool) -> Years<'a> {
        let mut y = Years {
            wanted,
            column,
            slots: Vec::new(),
            by_year: HashMap::default(),
            by_text: HashMap::default(),
            recent: Vec::with_capacity(16),
        };
        if let (Some(sy), false) = (wanted, column) {
            y.slots.push(Ok(sy));
        }
        y
    }

    /// The slot of a row's school-year text.
    #[inline]
    pub fn slot(&mut self, text: &'a str) -> Slot {
        if !self.column {
            return 0;
        }
        if let Some(&(_, s)) = self.recent.iter().find(|(t, _)| super::same(t, text)) {
            return s;
        }
        let s = self.lookup(text);
        if self.recent.len() < 16 {
            self.recent.push((text, s));
        }
        s
    }

    fn lookup(&mut self, text: &'a str) -> Slot {
        if let Some(&s) = self.by_text.get(text) {
            return s;
        }
        let s = match text.trim() {
            "" => self.push(Err(super::source::missing("school_year"))),
            t => match t.parse::<SchoolYear>() {
                Ok(sy) if self.wanted.is_some_and(|w| w != sy) => SKIP,
                Ok(sy) => match self.by_year.get(&sy) {
                    Some(&s) => s,
                    None => {
                        let s = self.push(Ok(sy));
                        self.by_year.insert(sy, s);
                        s
                    }
                },
                Err(e) => self.push(Err(e)),
            },
        };
        self.by_text.insert(text, s);
        s
    }

    fn push(&mut self, year: Result<SchoolYear, Error>) -> Slot {
        self.slots.push(year);
        (self.slots.len() - 1) as Slot
    }
}

/// The groups of the rows: group `g` holds the rows `bounds[g]..bounds[g + 1]` (row numbers, or
/// positions in `order` when the rows had to be sorted), all of school-year slot `slots[g]`.
/// Groups of slot [`SKIP`] are rows of other school years, left out.
pub(super) struct Groups {
    pub bounds: Vec<u32>,
    pub slots: Vec<Slot>,
    /// The row numbers sorted by group, when a key's rows do not follow each other.
    pub order: Option<Vec<u32>>,
}

impl Groups {
    /// The number of groups (those of slot [`SKIP`] included).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// The row numbers of group `g`, in row order.
    #[inline]
    pub fn rows(&self, g: usize) -> impl Iterator<Item = usize> + '_ {
        let (a, b) = (self.bounds[g] as usize, self.bounds[g + 1] as usize);
        let (range, sorted) = match &self.order {
            Some(o) => (0..0, &o[a..b]),
            None => (a..b, &[][..]),
        };
        range.chain(sorted.iter().map(|&r| r as usize))
    }

    /// The row where group `g` first appears.
    pub fn first_row(&self, g: usize) -> usize {
        let a = self.bounds[g] as usize;
        self.order.as_ref().map_or(a, |o| o[a] as usize)
    }

    /// The groups of `rows`, the school year of each read through `years`.
    pub fn of<'a, S: RowSource + ?Sized>(rows: &'a S, years: &mut Years<'a>) -> Groups {
        let runs = Runs::of(rows, years);
        if runs.distinct() {
            return Groups { bounds: runs.bounds, slots: runs.slots, order: None };
        }
        runs.joined(rows)
    }
}

/// The runs of the rows: consecutive rows of one employee and one school-year slot.
struct Runs {
    /// The first row of each run, and the number of rows at the end.
    bounds: Vec<u32>,
    slots: Vec<Slot>,
    /// The hash of each run's key (zero for a run of slot [`SKIP`]).
    hashes: Vec<u64>,
    /// Hashes met in more than one run according to the bitmap (maybe a returning key).
    suspects: HashSet<u64, BuildHasherDefault<Prehashed>>,
    /// Whether a run of slot [`SKIP`] lies between others (then rows of one key may be apart).
    skipped: bool,
}

impl Runs {
    /// One bit per value of a hash's high bits (about eight bits per row: it stays in cache
    /// where a set of a million hashes would not); a run whose bit is already set may be a
    /// returning key, and only those runs are checked exactly ([`Runs::distinct`]).
    fn of<'a, S: RowSource + ?Sized>(rows: &'a S, years: &mut Years<'a>) -> Runs {
        let n = rows.rows();
        let state = foldhash::fast::RandomState::default();
        let bits = (n.max(1) * 8).next_power_of_two().clamp(1 << 12, 1 << 30);
        let mut map = vec![0u64; bits / 64];
        let mut r = Runs {
            bounds: Vec::with_capacity(n / 2 + 2),
            slots: Vec::with_capacity(n / 2 + 1),
            hashes: Vec::with_capacity(n / 2 + 1),
            suspects: HashSet::default(),
            skipped: false,
        };
        let column = rows.has_school_year();
        let mut previous: Option<(&str, Slot)> = None;
        for i in 0..n {
            let id = rows.employee(i);
            let slot = if column { years.slot(rows.school_year(i)) } else { 0 };
            if previous.is_some_and(|(p, s)| s == slot && super::same(p, id)) {
                continue;
            }
            previous = Some((id, slot));
            r.bounds.push(i as u32);
            r.slots.push(slot);
            if slot == SKIP {
                r.skipped = true;
                r.hashes.push(0);
                continue;
            }
            let h = state.hash_one((id, slot));
            let b = (h >> 34) as usize & (bits - 1);
            let (w, m) = (b / 64, 1u64 << (b % 64));
            if map[w] & m != 0 {
                r.suspects.insert(h);
            }
            map[w] |= m;
            r.hashes.push(h);
        }
        r.bounds.push(n as u32);
        r
    }

    /// Whether no key comes back after another key (two keys with one 64-bit hash count as a
    /// returning key: the exact join then decides), and no skipped row lies between rows of one
    /// key.
    fn distinct(&self) -> bool {
        if self.skipped {
            return false;
        }
        let mut seen: HashSet<u64, BuildHasherDefault<Prehashed>> = HashSet::default();
        self.hashes.iter().all(|h| !self.suspects.contains(h) || seen.insert(*h))
    }

    /// The groups when keys come back: the runs of one key joined (in order of first
    /// appearance), the rows sorted by group with a counting sort.
    fn joined<S: RowSource + ?Sized>(self, rows: &S) -> Groups {
        let runs = self.slots.len();
        let mut index: HashMap<Key<'_>, u32, BuildHasherDefault<Prehashed>> = HashMap::with_capacity_and_hasher(runs, Default::default());
        let mut group_of = Vec::with_capacity(runs);
        let mut slots = Vec::new();
        let mut sizes: Vec<u32> = Vec::new();
        for k in 0..runs {
            let slot = self.slots[k];
            if slot == SKIP {
                group_of.push(u32::MAX);
                continue;
            }
            let first = self.bounds[k] as usize;
            let key = Key { hash: self.hashes[k], id: rows.employee(first), slot };
            let g = *index.entry(key).or_insert_with(|| {
                slots.push(slot);
                sizes.push(0);
                (slots.len() - 1) as u32
            });
            sizes[g as usize] += self.bounds[k + 1] - self.bounds[k];
            group_of.push(g);
        }
        drop(index);
        let mut bounds = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0u32;
        for s in &sizes {
            bounds.push(at);
            at += s;
        }
        bounds.push(at);
        let mut next: Vec<u32> = bounds[..bounds.len() - 1].to_vec();
        let mut order = vec![0u32; at as usize];
        for (k, &g) in group_of.iter().enumerate() {
            if g == u32::MAX {
                continue;
            }
            for r in self.bounds[k]..self.bounds[k + 1] {
                let p = &mut next[g as usize];
                order[*p as usize] = r;
                *p += 1;
            }
        }
        Groups { bounds, slots, order: Some(order) }
    }
}

/// A group's key with the hash computed in the first pass.
#[derive(Clone, Copy)]
struct Key<'a> {
    hash: u64,
    id: &'a str,
    slot: Slot,
}

impl PartialEq for Key<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.hash == o.hash && self.slot == o.slot && super::same(self.id, o.id)
    }
}

impl Eq for Key<'_> {}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.hash);
    }
}

/// A hasher for values that are hashes already (of foldhash): it passes the word on.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        // Not used by the keys above; kept correct for any other input.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
