//! Entitlement of one employee-year with 1-3 segments, with and without explanation; ledger
//! statements for 10 school years of an employee with 50 events; validation of a board; the
//! batch on realistic exports at three sizes and on favourable shapes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lemniscaat::ledger::{ledger, LedgerInput};
use lemniscaat::{entitlement, EntitlementInput};
use rust_decimal::Decimal;
use std::hint::black_box;

fn inputs() -> Vec<(&'static str, EntitlementInput)> {
    let one = r#"{"school_year":"2015-2016","appointments":[{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}]}"#;
    let two = r#"{"school_year":"2015-2016","appointments":[
        {"category":"teacher","wtf":"0.4","start":"2010-08-01","end":"2015-12-31"},
        {"category":"teacher","wtf":"0.8","start":"2016-01-01","end":null}]}"#;
    let three = r#"{"school_year":"2015-2016","appointments":[
        {"category":"teacher","wtf":"0.4","start":"2010-08-01","end":"2015-12-31"},
        {"category":"teacher","wtf":"0.8","start":"2016-01-01","end":null},
        {"category":"support","wtf":"0.2","start":"2015-09-01","end":"2016-06-30"}]}"#;
    [("1", one), ("2", two), ("3", three)].into_iter().map(|(n, j)| (n, lemniscaat::json::from_str(j).unwrap())).collect()
}

fn bench_entitlement(c: &mut Criterion) {
    let mut g = c.benchmark_group("entitlement");
    g.throughput(Throughput::Elements(1));
    for (n, input) in inputs() {
        let mut plain = input.clone();
        plain.explain = false;
        g.bench_with_input(BenchmarkId::new("without_explanation", n), &plain, |b, i| b.iter(|| entitlement(black_box(i)).unwrap()));
        g.bench_with_input(BenchmarkId::new("with_explanation", n), &input, |b, i| b.iter(|| entitlement(black_box(i)).unwrap()));
    }
    g.finish();
}

fn ledger_input() -> LedgerInput {
    let mut events = Vec::new();
    for y in 2014..2024 {
        for k in 0..5 {
            events.push(serde_json::json!({"type":"usage","date": format!("{}-{:02}-10", y + 1, k + 1),"hours":"5","money":"40","activity": format!("A{k}")}));
        }
    }
    let v = serde_json::json!({
        "appointments":[{"category":"teacher","wtf":"0.8","start":"2010-08-01","end":null}],
        "events": events,
        "school_years": (2014..2024).map(|y| format!("{y}-{}", y + 1)).collect::<Vec<_>>()
    });
    lemniscaat::json::from_value(v).unwrap()
}

fn bench_ledger(c: &mut Criterion) {
    let input = ledger_input();
    let mut g = c.benchmark_group("ledger");
    g.throughput(Throughput::Elements(1));
    g.bench_function("10_years_50_events", |b| b.iter(|| ledger(black_box(&input)).unwrap()));
    let mut plain = input.clone();
    plain.explain = false;
    g.bench_function("10_years_50_events_without_explanation", |b| b.iter(|| ledger(black_box(&plain)).unwrap()));
    // A board: 5,000 employees x 10 school years, with and without the explained lines (their
    // messages are built; their texts are rendered only when asked).
    let board = |explain: bool| -> Vec<LedgerInput> {
        (0..5000)
            .map(|k| {
                let mut i = input.clone();
                i.explain = explain;
                i.appointments[0].wtf = lemniscaat::Wtf::new(rust_decimal::Decimal::new(400 + (k % 600) as i64, 3)).unwrap();
                i
            })
            .collect()
    };
    let (plain_board, explained_board) = (board(false), board(true));
    g.sample_size(10);
    g.bench_function("board_5000_employees_10_years", |b| {
        b.iter(|| plain_board.iter().map(|i| ledger(black_box(i)).unwrap().statements.len()).sum::<usize>())
    });
    g.bench_function("board_5000_employees_10_years_explained", |b| {
        b.iter(|| explained_board.iter().map(|i| ledger(black_box(i)).unwrap().statements.len()).sum::<usize>())
    });
    g.finish();
}

/// A board of 10 schools and 2,000 employees: the sample's staff, plans, ledgers and cycle events
/// copied with new ids.
pub fn big_board() -> lemniscaat::dataset::Dataset {
    board_of(10, 200, 0)
}

/// A board of `n_schools` schools of `per_school` employees each (the sample's staff, plans,
/// ledgers and cycle events copied with new ids; `board` makes the ids of each board its own).
pub fn board_of(n_schools: usize, per_school: usize, board: usize) -> lemniscaat::dataset::Dataset {
    let mut v: serde_json::Value = serde_json::from_str(lemniscaat::report::SAMPLE).unwrap();
    let staff = v["employees"].as_array().unwrap().clone();
    let plans = v["collective_plans"].as_array().unwrap().clone();
    let teams = v["teams"].as_array().unwrap().clone();
    let mut schools = vec![];
    let mut employees = vec![];
    let mut cps = vec![];
    let mut tms = vec![];
    v["board"]["id"] = format!("B{board}").into();
    for s in 0..n_schools {
        let sid = format!("S{s}");
        schools.push(serde_json::json!({"id": sid, "name": format!("School {s}")}));
        for p in &plans {
            let mut p = p.clone();
            p["id"] = format!("{}-{s}", p["id"].as_str().unwrap()).into();
            p["school"] = sid.clone().into();
            cps.push(p);
        }
        for t in &teams {
            let mut t = t.clone();
            t["id"] = format!("{}-{s}", t["id"].as_str().unwrap()).into();
            t["school"] = sid.clone().into();
            tms.push(t);
        }
        for k in 0..per_school {
            let mut e = staff[(k + board) % staff.len()].clone();
            e["id"] = format!("E{s}-{k}").into();
            e["school"] = sid.clone().into();
            if let Some(t) = e["team"].as_str() {
                e["team"] = format!("{t}-{s}").into();
            }
            employees.push(e);
        }
    }
    v["schools"] = schools.into();
    v["employees"] = employees.into();
    v["collective_plans"] = cps.into();
    v["teams"] = tms.into();
    v["school_lumpsums"] = serde_json::json!([]);
    lemniscaat::json::from_value(v).unwrap()
}

fn bench_validation(c: &mut Criterion) {
    let ds = big_board();
    assert_eq!(ds.employees.len(), 2000);
    let mut g = c.benchmark_group("validation");
    g.sample_size(20);
    g.bench_function("board_10_schools_2000_employees", |b| b.iter(|| lemniscaat::validate::validate(black_box(&ds)).unwrap()));
    // The whole sector: about 330 boards (each of three schools of 101 staff), 99,990 staff.
    let sector: Vec<_> = (0..330).map(|k| board_of(3, 101, k)).collect();
    g.sample_size(10);
    g.bench_function("sector_330_boards_99990_staff", |b| {
        b.iter(|| sector.iter().map(|ds| lemniscaat::validate::validate(black_box(ds)).unwrap().findings.len()).sum::<usize>())
        // ok: a benchmark of valid boards
    });
    g.finish();
}

/// The batch on realistic exports (`lemniscaat::synthetic`: many distinct shapes, ids repeated over
/// eleven school years, mid-year changes, bad cells) at 10,000, 100,000 and 1,000,000 rows: the
/// time per row must stay flat as the table grows. Each size once with the rows of an employee
/// together (the usual export) on one thread and on every core, and once shuffled on one thread.
fn bench_batch_realistic(c: &mut Criterion) {
    use lemniscaat::batch::Batch;
    use lemniscaat::synthetic::{Export, Order, Spec};
    let mut g = c.benchmark_group("batch/realistic");
    g.sample_size(10);
    for rows in [10_000usize, 100_000, 1_000_000] {
        let export = Export::generate(&Spec { rows, ..Default::default() });
        let shuffled = Export::generate(&Spec { rows, order: Order::Shuffled, ..Default::default() });
        g.throughput(Throughput::Elements(rows as u64));
        for (name, rows_of, threads) in
            [("by_employee_1_thread", &export, 1), ("by_employee_all_cores", &export, 0), ("shuffled_1_thread", &shuffled, 1)]
        {
            g.bench_with_input(BenchmarkId::new(name, rows), rows_of, |b, e| {
                b.iter(|| {
                    Batch::all_years()
                        .threads(threads)
                        .each(black_box(e), |l| {
                            black_box(l);
                        })
                        .unwrap()
                })
            });
        }
    }
    g.finish();
}

/// Favourable shapes, kept as extra rows: 1,000,000 rows of one school year with few distinct
/// shapes (about 600,000 employees, rows of one employee together, and the same rows with one id
/// coming back at the end), one thread.
fn bench_batch_favourable(c: &mut Criterion) {
    use lemniscaat::batch::{Batch, BatchRow};
    let n = 1_000_000usize;
    let mut ids = Vec::with_capacity(n);
    let mut starts = Vec::with_capacity(n);
    let mut e = 0;
    for i in 0..n {
        if i % 5 != 1 && i % 5 != 3 {
            e += 1;
        }
        ids.push(format!("E{e}"));
        starts.push(format!("20{:02}-0{}-1{}", 10 + i % 14, 1 + i % 9, i % 10));
    }
    let cats = ["teacher", "support", "teacher", "management", "teacher"];
    let wtfs = ["1", "0.8", "0.6", "0.5", "0.255"];
    let rows: Vec<BatchRow> = (0..n)
        .map(|i| BatchRow {
            employee: &ids[i],
            category: cats[i % 5],
            wtf: wtfs[i % 5],
            start: &starts[i],
            end: if i % 3 == 0 { "2026-01-31" } else { "" },
        })
        .collect();
    let mut mixed = rows.clone();
    mixed.swap(0, n - 1);
    let batch = Batch::new("2024-2025".parse().unwrap()).threads(1);
    let mut g = c.benchmark_group("batch/favourable");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("1m_rows_grouped", |b| b.iter(|| batch.run(black_box(rows.as_slice())).unwrap()));
    g.bench_function("1m_rows_mixed", |b| b.iter(|| batch.run(black_box(mixed.as_slice())).unwrap()));
    // Dates as days (an Arrow date32 column), random starts over 15 years, 40% with an end, one
    // to three rows per employee, lines handed to a sink as the Python binding takes them.
    let days = DaysRows::random(n);
    g.bench_function("1m_rows_days_each", |b| {
        b.iter(|| {
            let mut hours = Decimal::ZERO;
            batch.each(black_box(&days), |l| hours += l.hours.unwrap_or_default()).unwrap();
            hours
        })
    });
    g.finish();
}

/// Rows with dates as days since 1970-01-01, as an Arrow table gives them.
struct DaysRows {
    ids: Vec<String>,
    category: Vec<&'static str>,
    wtf: Vec<&'static str>,
    start: Vec<i32>,
    end: Vec<Option<i32>>,
}

impl DaysRows {
    fn random(n: usize) -> DaysRows {
        let mut state: u64 = 7;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as u32
        };
        let mut r = DaysRows { ids: vec![], category: vec![], wtf: vec![], start: vec![], end: vec![] };
        let (mut e, mut left) = (0, 0);
        for _ in 0..n {
            if left == 0 {
                e += 1;
                left = [1, 1, 1, 2, 2, 3][(next() % 6) as usize];
            }
            left -= 1;
            r.ids.push(format!("E{e}"));
            let c = next() % 100;
            r.category.push(if c < 60 {
                "teacher"
            } else if c < 95 {
                "support"
            } else {
                "management"
            });
            r.wtf.push(["1", "0.8", "0.6", "0.5", "0.4", "0.255"][(next() % 6) as usize]);
            // 2010-08-01 plus up to 15 years.
            let start = 14_822 + (next() % (15 * 365)) as i32;
            r.start.push(start);
            r.end.push((next() % 10 < 4).then(|| start + 30 + (next() % (6 * 365)) as i32));
        }
        r
    }
}

impl lemniscaat::batch::RowSource for DaysRows {
    fn rows(&self) -> usize {
        self.ids.len()
    }
    fn employee(&self, i: usize) -> &str {
        &self.ids[i]
    }
    fn category(&self, i: usize) -> &str {
        self.category[i]
    }
    fn wtf(&self, i: usize) -> &str {
        self.wtf[i]
    }
    fn start(&self, i: usize) -> lemniscaat::batch::DateCell<'_> {
        lemniscaat::batch::DateCell::Days(self.start[i])
    }
    fn end(&self, i: usize) -> lemniscaat::batch::DateCell<'_> {
        self.end[i].map_or(lemniscaat::batch::DateCell::Empty, lemniscaat::batch::DateCell::Days)
    }
}

criterion_group!(benches, bench_entitlement, bench_ledger, bench_validation, bench_batch_realistic, bench_batch_favourable);
criterion_main!(benches);
