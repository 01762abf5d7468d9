//! Entitlement of one employee-year with 1-3 segments, with and without explanation; ledger
//! statements for 10 school years of an employee with 50 events.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lemniscaat::ledger::{ledger, LedgerInput};
use lemniscaat::{entitlement, EntitlementInput};
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
    g.finish();
}

criterion_group!(benches, bench_entitlement, bench_ledger);
criterion_main!(benches);
