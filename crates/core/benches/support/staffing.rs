//! The 定例報告 (`periodic-report-staffing`) answers the check benchmarks time, and the
//! statistics and output line they share. Included by path from `benches/check.rs` (native) and
//! `tests/browser_bench.rs` (wasm in Chromium), so both measure exactly the same form.
//!
//! Output: one line per case,
//! `TODOKE_BENCH env=<native|browser> form=periodic-report-staffing rows=<n> iterations=<n>
//! first_us=<f> median_us=<f> p95_us=<f> mean_us=<f> min_us=<f> computed=<n> issues=<n>`;
//! `cargo xtask bench` reads these lines.

use serde_json::{Value, json};
use todoke_core::FeeScheduleClass;
use todoke_core::forms::{
    Answers, CheckContext, CheckReport, FORM_PERIODIC_REPORT_STAFFING, FormDefinition, definition,
};

/// Staff rows per case: one, a clinic, and the 200-row report the benchmarks measure.
pub const CASES: [usize; 3] = [1, 50, 200];

/// The marker that starts every result line.
pub const MARKER: &str = "TODOKE_BENCH";

/// The standard week of the institution (so the FTE divisor is 40 h).
const STANDARD_WEEK_TENTHS: i64 = 400;

pub fn form() -> FormDefinition {
    definition(FORM_PERIODIC_REPORT_STAFFING).expect("the 定例報告 form ships")
}

/// A 医科 account on 2024-11-18 (as-of date 2024-08-01), as in the crate's own tests.
pub fn context() -> CheckContext {
    CheckContext::new(
        FeeScheduleClass::Medical,
        time::macros::date!(2024 - 11 - 18),
    )
}

const FAMILY: [&str; 12] = [
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
];
const GIVEN: [&str; 17] = [
    "太郎",
    "花子",
    "健一",
    "美咲",
    "翔太",
    "陽菜",
    "大輔",
    "結衣",
    "直樹",
    "彩",
    "誠",
    "真由美",
    "拓也",
    "恵",
    "亮",
    "由美子",
    "蓮",
];

/// One staff row: (job type, employment, weekly hours as typed, hours in tenths).
fn row(i: usize) -> (&'static str, &'static str, &'static str, i64) {
    // A hospital-like mix: nurses most, then assistant nurses, doctors, clerks, pharmacists…
    const JOBS: [&str; 10] = [
        "nurse",
        "nurse",
        "doctor",
        "nurse",
        "assistant_nurse",
        "clerk",
        "nurse",
        "pharmacist",
        "assistant_nurse",
        "other",
    ];
    // About 60 % full-time; part-timers from a few hours to more than the standard week
    // (capped at 1 FTE), some typed with full-width digits or a half hour.
    const HOURS: [(&str, &str, i64); 10] = [
        ("full_time", "40", 400),
        ("part_time", "20", 200),
        ("full_time", "40", 400),
        ("part_time", "16", 160),
        ("full_time", "38.5", 385),
        ("part_time", "２４", 240),
        ("full_time", "40", 400),
        ("part_time", "8", 80),
        ("full_time", "44", 440),
        ("full_time", "40", 400),
    ];
    const MORE_PART_TIME: [(&str, i64); 4] = [("30", 300), ("12.5", 125), ("45", 450), ("6", 60)];
    let (employment, mut hours, mut tenths) = HOURS[i % HOURS.len()];
    // Vary the part-timers' hours further every other cycle.
    if employment == "part_time" && (i / HOURS.len()) % 2 == 1 {
        (hours, tenths) = MORE_PART_TIME[(i / 2) % MORE_PART_TIME.len()];
    }
    (JOBS[(i * 7) % JOBS.len()], employment, hours, tenths)
}

/// Answers to every page of the 定例報告 with `rows` staff rows whose declared full-time count and
/// FTE total match what the check computes, so the report has no issues.
pub fn answers(rows: usize) -> Answers {
    let mut staff = Vec::with_capacity(rows);
    let mut full_timers = 0i64;
    // Σ FTE in tenths of hours: a full-timer counts the whole divisor, a part-timer
    // min(hours, divisor).
    let mut counted_tenths = 0i64;
    for i in 0..rows {
        let (job, employment, hours, tenths) = row(i);
        if employment == "full_time" {
            full_timers += 1;
            counted_tenths += STANDARD_WEEK_TENTHS;
        } else {
            counted_tenths += tenths.min(STANDARD_WEEK_TENTHS);
        }
        let name = format!("{} {}", FAMILY[i % FAMILY.len()], GIVEN[i % GIVEN.len()]);
        staff.push(json!({
            "job_type": job,
            "name": name,
            "employment": employment,
            "weekly_hours": hours,
        }));
    }
    // FTE total = counted / divisor, cut to one decimal: in tenths, counted_tenths / 40 h.
    let fte_tenths = counted_tenths / (STANDARD_WEEK_TENTHS / 10);
    let fte_total = format!("{}.{}", fte_tenths / 10, fte_tenths % 10);
    let value = json!({
        "institution_code": "0110113719",
        "contact_name": "届出 花子",
        "contact_phone": "03-1234-5678",
        "standard_weekly_hours": "40",
        "staff": Value::Array(staff),
        "declared_full_time_count": full_timers.to_string(),
        "declared_fte_total": fte_total,
        "filing_date": "2024-11-18",
        "institution_name": "医療法人とどけ会 とどけ病院",
        "institution_postal_code": "100-0001",
        "institution_address": "東京都千代田区千代田1-1",
        "founder_name": "医療法人とどけ会 理事長 届出 太郎",
    });
    match value {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object"),
    }
}

/// Panics unless the report is a clean, realistic passing form: no issues at all and one FTE
/// figure per staff row.
pub fn assert_passes(report: &CheckReport, rows: usize) {
    assert!(
        report.issues.is_empty(),
        "the {rows}-row report must pass: {:?}",
        &report.issues[..report.issues.len().min(5)]
    );
    let fte_rows = report
        .computed
        .iter()
        .filter(|c| c.section == "fte")
        .count();
    assert_eq!(fte_rows, rows, "one FTE figure per staff row");
    let total = report
        .computed
        .iter()
        .find(|c| c.id == "totals.fte_total")
        .expect("the FTE total is computed");
    assert_eq!(total.met, Some(true), "declared FTE total matches");
}

/// Per-iteration times in microseconds, summarised.
pub struct Summary {
    pub iterations: usize,
    pub first_us: f64,
    pub median_us: f64,
    pub p95_us: f64,
    pub mean_us: f64,
    pub min_us: f64,
}

/// `samples` are per-iteration times in µs (each may itself be a batch mean); `iterations` is the
/// number of checks they cover; `first_us` the time of the first check of this case.
pub fn summarise(mut samples: Vec<f64>, iterations: usize, first_us: f64) -> Summary {
    assert!(!samples.is_empty());
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    // Nearest rank: the smallest sample with at least p % of the samples at or below it.
    let rank = |p: f64| samples[((p / 100.0 * n as f64).ceil() as usize).clamp(1, n) - 1];
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2.0
    };
    Summary {
        iterations,
        first_us,
        median_us: median,
        p95_us: rank(95.0),
        mean_us: samples.iter().sum::<f64>() / n as f64,
        min_us: samples[0],
    }
}

/// The machine-readable result line.
pub fn line(env: &str, rows: usize, s: &Summary, report: &CheckReport) -> String {
    format!(
        "{MARKER} env={env} form={FORM_PERIODIC_REPORT_STAFFING} rows={rows} iterations={} \
         first_us={:.1} median_us={:.1} p95_us={:.1} mean_us={:.1} min_us={:.1} computed={} issues={}",
        s.iterations,
        s.first_us,
        s.median_us,
        s.p95_us,
        s.mean_us,
        s.min_us,
        report.computed.len(),
        report.issues.len(),
    )
}
