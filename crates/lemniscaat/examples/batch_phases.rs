//! Times the batch on a synthetic export (a profiling aid, not a benchmark: see benches/core.rs).
//! Usage: cargo run --release --example batch_phases -- ROWS THREADS [shuffled]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise
use lemniscaat::batch::Batch;
use lemniscaat::synthetic::{Export, Order, Spec};
fn main() -> Result<(), lemniscaat::Error> {
    let args: Vec<String> = std::env::args().collect();
    let rows = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let threads = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let order = if args.get(3).is_some_and(|a| a == "shuffled") { Order::Shuffled } else { Order::Employee };
    let e = Export::generate(&Spec { rows, order, ..Default::default() });
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let s = Batch::all_years().threads(threads).each(&e, |l| {
            std::hint::black_box(l);
        })?;
        println!("{} lines in {:?}", s.lines, t.elapsed());
    }
    Ok(())
}
