//! In-browser speed of `forms::check` on the 定例報告 staffing form (1, 50 and 200 staff rows):
//! the same answers as `benches/check.rs`, compiled to wasm and run in headless Chromium.
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test -p todoke-core --target wasm32-unknown-unknown \
//!     --release --test browser_bench -- --nocapture
//! ```
//!
//! (`cargo xtask bench` runs it and records the result in `docs/benchmarks.md`.) It prints one
//! `TODOKE_BENCH env=browser …` line per case and never asserts on time: it only checks that the
//! form passes. `performance.now()` is coarsened in browsers (to 100 µs in Chromium without
//! cross-origin isolation), so checks are timed in batches of at least 10 ms and each sample is
//! a batch's mean per check. Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use todoke_core::forms::check;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "../benches/support/staffing.rs"]
mod staffing;

wasm_bindgen_test_configure!(run_in_browser);

/// Warm-up per case, in ms.
const WARM_UP_MS: f64 = 300.0;
/// Measuring time per case, in ms.
const MEASURE_MS: f64 = 1500.0;
/// Shortest batch, in ms: well above the timer's resolution.
const BATCH_MS: f64 = 10.0;
const MIN_BATCHES: usize = 30;

fn now_ms(performance: &web_sys::Performance) -> f64 {
    performance.now()
}

#[wasm_bindgen_test]
fn check_speed_in_the_browser() {
    let window = web_sys::window().expect("runs in a browser window");
    let performance = window.performance().expect("performance is available");
    if let Ok(agent) = window.navigator().user_agent() {
        console_log!("{} env=browser user_agent={agent}", staffing::MARKER);
    }
    let def = staffing::form();
    let ctx = staffing::context();
    for rows in staffing::CASES {
        let answers = staffing::answers(rows);

        let start = now_ms(&performance);
        let report = check(&def, &answers, &ctx);
        let first_ms = now_ms(&performance) - start;
        staffing::assert_passes(&report, rows);

        let mut warm_up_iterations = 0usize;
        let warm_up_start = now_ms(&performance);
        while now_ms(&performance) - warm_up_start < WARM_UP_MS || warm_up_iterations < 10 {
            std::hint::black_box(check(&def, &answers, &ctx));
            warm_up_iterations += 1;
        }
        let mean_ms = (now_ms(&performance) - warm_up_start) / warm_up_iterations as f64;
        let batch = ((BATCH_MS / mean_ms).ceil() as usize).max(1);
        let batches = ((MEASURE_MS / (mean_ms * batch as f64)) as usize).max(MIN_BATCHES);

        let mut samples = Vec::with_capacity(batches);
        for _ in 0..batches {
            let start = now_ms(&performance);
            for _ in 0..batch {
                std::hint::black_box(check(&def, &answers, &ctx));
            }
            samples.push((now_ms(&performance) - start) * 1000.0 / batch as f64);
        }
        let summary = staffing::summarise(samples, batches * batch, first_ms * 1000.0);
        console_log!("{}", staffing::line("browser", rows, &summary, &report));
    }
}
