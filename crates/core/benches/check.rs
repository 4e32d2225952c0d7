//! Native speed of `forms::check` on the 定例報告 staffing form with 1, 50 and 200 staff rows.
//!
//! `cargo bench -p todoke-core --bench check` (or `cargo xtask bench`, which also records the
//! result in `docs/benchmarks.md`). A plain `harness = false` program: for each case it checks
//! once that the answers pass, warms up, then times every check on its own with
//! `std::time::Instant` and prints one `TODOKE_BENCH …` line (see `support/staffing.rs`).
//! Extra arguments that are numbers pick the cases (`cargo bench --bench check -- 200`).

use std::hint::black_box;
use std::time::{Duration, Instant};

use todoke_core::forms::check;

#[path = "support/staffing.rs"]
mod staffing;

/// Warm-up per case.
const WARM_UP: Duration = Duration::from_millis(500);
/// Measuring time per case (the iteration count follows from the warm-up's mean).
const MEASURE: Duration = Duration::from_secs(3);
const MIN_ITERATIONS: usize = 200;
const MAX_ITERATIONS: usize = 50_000;

fn main() {
    // `cargo bench` passes `--bench`; numbers select cases.
    let wanted: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let def = staffing::form();
    let ctx = staffing::context();
    for rows in staffing::CASES {
        if !wanted.is_empty() && !wanted.contains(&rows) {
            continue;
        }
        let answers = staffing::answers(rows);

        let start = Instant::now();
        let report = check(&def, &answers, &ctx);
        let first = start.elapsed();
        staffing::assert_passes(&report, rows);

        let mut warm_up_iterations = 0u32;
        let warm_up_start = Instant::now();
        while warm_up_start.elapsed() < WARM_UP || warm_up_iterations < 10 {
            black_box(check(black_box(&def), black_box(&answers), black_box(&ctx)));
            warm_up_iterations += 1;
        }
        let mean = warm_up_start.elapsed() / warm_up_iterations;
        let iterations = ((MEASURE.as_nanos() / mean.as_nanos().max(1)) as usize)
            .clamp(MIN_ITERATIONS, MAX_ITERATIONS);

        let mut samples = Vec::with_capacity(iterations);
        for _ in 0..iterations {
            let start = Instant::now();
            let report = check(black_box(&def), black_box(&answers), black_box(&ctx));
            black_box(&report);
            drop(report);
            samples.push(start.elapsed().as_nanos() as f64 / 1000.0);
        }
        let summary = staffing::summarise(samples, iterations, first.as_nanos() as f64 / 1000.0);
        println!("{}", staffing::line("native", rows, &summary, &report));
    }
}
