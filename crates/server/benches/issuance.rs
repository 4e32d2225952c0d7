//! Bulk issuance at scale: `import-institutions` and `issue-credentials` for
//! 100,000 institutions, through the same library functions the admin commands call.
//! Reports wall time, peak memory (VmHWM of this process), the PDFs' size and the database's.
//! Run with `nice cargo bench -p todoke-server --bench issuance`.
//!
//! Env: `ISSUANCE_BENCH_INSTITUTIONS` (default 100000), `ISSUANCE_BENCH_LETTERS_PER_PDF`
//! (default 250, the command's default), `TODOKE_LETTER_FONT` / `TODOKE_LETTER_MONO_FONT`.
//!
//! Prints `TODOKE_BENCH_MARKDOWN` and then a Markdown fragment for docs/benchmarks.md.

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use todoke_core::institution::check_digit;
use todoke_core::{FeeScheduleClass, Prefecture};
use todoke_server::admin::issuance::{
    self, DEFAULT_FONT, DEFAULT_LOGIN_URL, DEFAULT_MONO_FONT, LetterArgs,
};
use todoke_server::{Config, SystemClock, build_state};

/// Peak and current resident memory of this process, in MiB (`VmHWM`, `VmRSS`).
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// A valid code: prefecture, class digit, a six-digit serial (郡市区 + number), check digit.
fn code(prefecture: u8, class: FeeScheduleClass, serial: u32) -> String {
    let body = format!("{prefecture:02}{}{serial:06}", class.digit());
    let digits: Vec<u8> = body.bytes().map(|b| b - b'0').collect();
    let check = check_digit(&digits.try_into().expect("nine digits"));
    format!("{body}{check}")
}

/// The bureau's CSV: institutions spread over the 47 prefectures and the three classes; 95 %
/// filed online claims for 2024-10 (the targets), the rest only for 2024-09.
fn institutions_csv(n: usize) -> (String, usize) {
    let mut csv = String::from(
        "医療機関コード,点数表区分,名称,郵便番号,住所1,住所2,都道府県,オンライン請求月\n",
    );
    let prefectures: Vec<Prefecture> = Prefecture::all().collect();
    let mut targets = 0;
    for i in 0..n {
        let prefecture = prefectures[i % prefectures.len()];
        let class = FeeScheduleClass::ALL[(i / prefectures.len()) % 3];
        let serial = (i / (prefectures.len() * 3)) as u32;
        let kind = match class {
            FeeScheduleClass::Medical => "内科クリニック",
            FeeScheduleClass::Dental => "歯科医院",
            FeeScheduleClass::Pharmacy => "調剤薬局",
        };
        let months = if i % 20 == 19 {
            "2024-09"
        } else {
            targets += 1;
            "2024-09;2024-10"
        };
        let _ = writeln!(
            csv,
            "{},{},医療法人社団とどけ会 とどけ{kind}{serial}号店,{:07},{}中央区本町{}丁目{}番{}号,とどけビル{}階,{},{months}",
            code(prefecture.code(), class, serial),
            class.label(),
            1_000_000 + i % 8_999_999,
            prefecture.name(),
            i % 9 + 1,
            i % 30 + 1,
            i % 20 + 1,
            i % 12 + 1,
            prefecture.name(),
        );
    }
    (csv, targets)
}

fn dir_size(dir: &Path, ext: &str) -> (u64, usize) {
    let mut bytes = 0;
    let mut files = 0;
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == ext) {
            bytes += e.metadata().map_or(0, |m| m.len());
            files += 1;
        }
    }
    (bytes, files)
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn main() {
    support::run(run());
}

async fn run() {
    let n = support::env_num("ISSUANCE_BENCH_INSTITUTIONS", 100_000) as usize;
    let per_pdf = support::env_num("ISSUANCE_BENCH_LETTERS_PER_PDF", 250) as usize;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let state = build_state(
        Config::for_tests(&format!("sqlite://{}", db.display())),
        Arc::new(SystemClock),
    )
    .await
    .expect("state");
    let (csv, targets) = institutions_csv(n);
    let csv_path = dir.path().join("institutions.csv");
    std::fs::write(&csv_path, &csv).unwrap();
    let (hwm_start, _) = memory_mib();

    let t = Instant::now();
    let imported = issuance::import_file(&state, &csv_path)
        .await
        .expect("import");
    let import_s = t.elapsed().as_secs_f64();
    let (hwm_import, _) = memory_mib();
    assert_eq!(imported.rows, n);
    eprintln!("imported {n} institutions in {import_s:.1}s");

    let letter = LetterArgs {
        font: std::env::var("TODOKE_LETTER_FONT").unwrap_or_else(|_| DEFAULT_FONT.into()),
        mono_font: std::env::var("TODOKE_LETTER_MONO_FONT")
            .unwrap_or_else(|_| DEFAULT_MONO_FONT.into()),
        login_url: DEFAULT_LOGIN_URL.into(),
    };
    let out = dir.path().join("letters");
    let t = Instant::now();
    let issued = issuance::issue(&state, "2024-10", &out, &letter, per_pdf)
        .await
        .expect("issue");
    let issue_s = t.elapsed().as_secs_f64();
    let (hwm_issue, rss_end) = memory_mib();
    assert_eq!(issued.issued, targets);
    eprintln!("issued {targets} letters in {issue_s:.1}s");

    let t = Instant::now();
    let again = issuance::issue(&state, "2024-10", &out, &letter, per_pdf)
        .await
        .expect("second run");
    let again_s = t.elapsed().as_secs_f64();
    assert_eq!(again.issued, 0);

    let (pdf_bytes, pdf_files) = dir_size(&out, "pdf");
    let (csv_bytes, csv_files) = dir_size(&out, "csv");
    state.pool.close().await;
    let db_bytes = std::fs::metadata(&db).map_or(0, |m| m.len())
        + std::fs::metadata(dir.path().join("bench.db-wal")).map_or(0, |m| m.len());
    let largest_batch = issued.batches.iter().map(|b| b.letters).max().unwrap_or(0);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());

    let mut md = String::new();
    let _ = writeln!(
        md,
        "| Step | Result |\n|---|---:|\n\
         | Institutions in the CSV | {n} ({:.1} MB) |\n\
         | `import-institutions` (parse, check every row, store in one transaction) | {import_s:.1} s |\n\
         | Accounts issued (online claim in 2024-10, no account) | {targets} |\n\
         | `issue-credentials --claim-month 2024-10` (IDs, argon2id hashes on {cores} cores, PDFs, manifests, one write transaction) | {issue_s:.1} s ({:.1} min) |\n\
         | per letter | {:.1} ms |\n\
         | Second run (issues nothing) | {again_s:.2} s |\n\
         | Mailing batches | {} (largest {largest_batch} letters) |\n\
         | PDF files (≤ {per_pdf} letters, 2 A4 pages each) | {pdf_files}, {} in all |\n\
         | PDF bytes per letter | {:.1} KB |\n\
         | Manifest CSVs | {csv_files}, {} |\n\
         | Database after the run (with WAL) | {} |\n\
         | Peak memory (VmHWM) before / after import / after issuance | {hwm_start:.0} / {hwm_import:.0} / {hwm_issue:.0} MiB |\n\
         | Resident memory at the end (VmRSS) | {rss_end:.0} MiB |",
        csv.len() as f64 / 1e6,
        issue_s / 60.0,
        issue_s * 1000.0 / targets.max(1) as f64,
        issued.batches.len(),
        mb(pdf_bytes),
        pdf_bytes as f64 / 1000.0 / targets.max(1) as f64,
        mb(csv_bytes),
        mb(db_bytes),
    );
    println!("{}", support::MARKDOWN);
    print!("{md}");
}
