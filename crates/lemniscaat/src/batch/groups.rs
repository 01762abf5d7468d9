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
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

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
            // An export has nearly as many runs as rows (most employees one row a year).
            bounds: Vec::with_capacity(n + 1),
            slots: Vec::with_capacity(n),
            hashes: Vec::with_capacity(n),
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
    ///
    /// The join is partitioned by the hashes' high bits so that each part's table stays in
    /// cache (a table of a million keys does not, and every lookup would then miss it): the runs
    /// are scattered into parts, each part finds the first run of every key with a small table,
    /// and one pass in run order numbers the keys by first appearance.
    fn joined<S: RowSource + ?Sized>(self, rows: &S) -> Groups {
        let leader = self.leaders(rows);
        let runs = self.slots.len();
        let mut group_of = leader;
        let mut slots = Vec::new();
        let mut sizes: Vec<u32> = Vec::new();
        for k in 0..runs {
            let l = group_of[k];
            if l == u32::MAX {
                continue;
            }
            let g = if l as usize == k {
                slots.push(self.slots[k]);
                sizes.push(0);
                (slots.len() - 1) as u32
            } else {
                // The leader comes earlier and holds its group's number already.
                group_of[l as usize]
            };
            group_of[k] = g;
            sizes[g as usize] += self.bounds[k + 1] - self.bounds[k];
        }
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
            if self.slots[k] == SKIP {
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

    /// For each run, the first run of its key (itself when it is the first), or `u32::MAX` for
    /// a run of slot [`SKIP`].
    fn leaders<S: RowSource + ?Sized>(&self, rows: &S) -> Vec<u32> {
        let runs = self.slots.len();
        // About 4,096 keys per part: a part's table (40 bytes a key) stays in the second-level
        // cache.
        let bits = (runs / 4096).max(1).next_power_of_two().trailing_zeros().min(12);
        let part = |h: u64| if bits == 0 { 0 } else { (h >> (64 - bits)) as usize };
        let mut starts = vec![0u32; (1usize << bits) + 1];
        for (k, &h) in self.hashes.iter().enumerate() {
            if self.slots[k] != SKIP {
                starts[part(h) + 1] += 1;
            }
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        // Each run with its hash, so that a part reads its runs front to back.
        let mut scattered = vec![(0u64, 0u32); starts[starts.len() - 1] as usize];
        let mut next = starts.clone();
        for (k, &h) in self.hashes.iter().enumerate() {
            if self.slots[k] != SKIP {
                let p = &mut next[part(h)];
                scattered[*p as usize] = (h, k as u32);
                *p += 1;
            }
        }
        let mut leader = vec![u32::MAX; runs];
        // A part's table is keyed by the hash of (id, slot) only, so that a run's id is read (a
        // jump into the rows) only when its hash came before; keys that differ with an equal
        // hash (rare with 64 bits) are kept aside and compared in full.
        let mut table: HashMap<u64, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
        let mut clashes: Vec<u32> = Vec::new();
        let same = |a: u32, b: u32| {
            let (a, b) = (a as usize, b as usize);
            self.slots[a] == self.slots[b] && super::same(rows.employee(self.bounds[a] as usize), rows.employee(self.bounds[b] as usize))
        };
        for p in 0..starts.len() - 1 {
            table.clear();
            clashes.clear();
            for &(h, k) in &scattered[starts[p] as usize..starts[p + 1] as usize] {
                let first = *table.entry(h).or_insert(k);
                leader[k as usize] = if first == k || same(first, k) {
                    first
                } else {
                    let twin = clashes.iter().copied().find(|&c| self.hashes[c as usize] == h && same(c, k));
                    twin.unwrap_or_else(|| {
                        clashes.push(k);
                        k
                    })
                };
            }
        }
        leader
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::batch::BatchRow;

    #[test]
    fn keys_with_one_hash_are_told_apart_by_their_ids() {
        // Runs of A, B, A, C, B with every hash equal: the join must still compare ids.
        let ids = ["A", "B", "A", "C", "B"];
        let rows: Vec<BatchRow<'_>> =
            ids.iter().map(|&employee| BatchRow { employee, category: "teacher", wtf: "1", start: "2010-08-01", end: "" }).collect();
        let runs = Runs { bounds: (0..=5).collect(), slots: vec![0; 5], hashes: vec![7; 5], suspects: HashSet::default(), skipped: false };
        assert_eq!(runs.leaders(rows.as_slice()), [0, 1, 0, 3, 1]);
        let g = runs.joined(rows.as_slice());
        assert_eq!((0..g.len()).map(|k| g.rows(k).collect::<Vec<_>>()).collect::<Vec<_>>(), [vec![0, 2], vec![1, 4], vec![3]]);
    }
}
