//! The client part: the SPA bundle's size and the form check's speed, natively and in
//! headless Chromium.

use super::*;

/// The client section: bundle size and the form check's speed.
pub(super) fn client() -> Result<String> {
    ensure_test_tools()?;
    let start = Start::now();

    build_spa()?;
    step("Measuring the bundle: dist/**/*.wasm, *.js, *.css (raw, brotli q11 and q4)");
    let bundle = bundle_sizes(&root().join("dist"))?;
    // cargo's own output, before splitting, wasm-bindgen and wasm-opt: the only one with names.
    let unoptimised = crate::spa_wasm::unsplit_module(true);
    let functions = std::fs::read(&unoptimised)
        .ok()
        .and_then(|bytes| super::wasm_names::function_sizes(&bytes))
        .ok_or_else(|| format!("{}: no wasm with a name section", unoptimised.display()))?;
    let report = crate::spa_wasm::target_dir()
        .join("split")
        .join(crate::spa_wasm::MODULES_REPORT);
    let main_functions = std::fs::read_to_string(&report)
        .map(|r| super::wasm_names::main_module_functions(&r))
        .map_err(|e| format!("{}: {e}", report.display()))?;
    let precompressed = std::fs::read_dir(root().join("dist"))
        .map(|d| {
            d.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "br"))
        })
        .unwrap_or(false);
    for f in &bundle {
        eprintln!(
            "    {:<45} {:>10} B raw {:>9} B br-q11 {:>9} B br-q4",
            f.name, f.raw, f.brotli_best, f.brotli_on_the_fly
        );
    }

    let first_loads = super::first_load::measure()?;

    step(&format!("Native check speed: {NATIVE_COMMAND}"));
    let out = run_streaming(Command::new(cargo()).args([
        "bench",
        "-p",
        "todoke-core",
        "--bench",
        "check",
    ]))?;
    let native = results(&out, "native")?;

    step(&format!(
        "In-browser check speed (headless Chromium): {BROWSER_COMMAND}"
    ));
    let out = run_streaming(
        Command::new(cargo())
            .args([
                "test",
                "-p",
                "todoke-core",
                "--target",
                "wasm32-unknown-unknown",
                "--release",
                "--test",
                "browser_bench",
                "--",
                "--nocapture",
            ])
            .env("CHROMEDRIVER", CHROMEDRIVER)
            // The benchmark runs for several seconds in one test; the runner's default is 20 s.
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
    )?;
    let browser = results(&out, "browser")?;
    let user_agent = out
        .lines()
        .filter_map(|l| l.split_once(&format!("{MARKER} env=browser user_agent=")))
        .map(|(_, ua)| ua.trim().to_string())
        .next()
        .unwrap_or_else(|| "unknown".into());

    let machine = Machine::probe(start, Some(user_agent));
    let mut doc = render(&machine, &bundle, precompressed, &native, &browser);
    doc.push_str(&super::first_load::render(&first_loads));
    doc.push_str(&render_breakdown(&bundle, &functions, &main_functions));
    for r in native.iter().chain(&browser) {
        eprintln!(
            "    {:<8} {:>3} rows: median {:>8.1} µs  p95 {:>8.1} µs",
            r.env, r.rows, r.median_us, r.p95_us
        );
    }
    Ok(doc)
}

// ---- Bundle ----------------------------------------------------------------------------------

struct BundleFile {
    /// The path under `dist/`.
    name: String,
    kind: &'static str,
    /// Fetched before the login form works (CSS, the main module and its JS); the rest are the
    /// chunks that pages fetch on demand.
    first_load: bool,
    raw: u64,
    brotli_best: u64,
    brotli_on_the_fly: u64,
    /// For wasm: bytes in the code and data sections, and whether regex's tables are inside.
    wasm: Option<WasmParts>,
}

struct WasmParts {
    code: u64,
    data: u64,
    regex_tables: bool,
}

/// Sizes of the code (10) and data (11) sections of a wasm module.
fn wasm_parts(bytes: &[u8]) -> Option<WasmParts> {
    let sections = super::wasm_names::sections(bytes)?;
    let size = |wanted: u8| -> u64 {
        sections
            .iter()
            .filter(|(id, _)| *id == wanted)
            .map(|(_, body)| body.len() as u64)
            .sum()
    };
    let (code, data) = (size(10), size(11));
    // regex-syntax's error text and its Unicode script table: present whenever regex is linked in.
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let regex_tables = contains(b"regex parse error") || contains(b"Egyptian_Hieroglyphs");
    Some(WasmParts {
        code,
        data,
        regex_tables,
    })
}

fn bundle_sizes(dist: &Path) -> Result<Vec<BundleFile>> {
    let mut files = Vec::new();
    collect_bundle(dist, dist, &mut files)?;
    if !files.iter().any(|f| f.kind == "wasm") {
        return Err(format!(
            "no .wasm in {}: did the build run?",
            dist.display()
        ));
    }
    let order = |f: &BundleFile| {
        let kind = ["wasm", "JS", "CSS"].iter().position(|x| *x == f.kind);
        (!f.first_load, kind, std::cmp::Reverse(f.brotli_best))
    };
    files.sort_by(|a, b| order(a).cmp(&order(b)).then_with(|| a.name.cmp(&b.name)));
    Ok(files)
}

/// The files the first page needs: the stylesheet and, in the split wasm's folder, the main
/// module, its JS, the chunk loader and `boot.js` (`xtask/src/spa_wasm.rs`).
fn is_first_load(name: &str, kind: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    kind == "CSS"
        || matches!(
            file,
            "todoke_bg.wasm" | "todoke.js" | "__wasm_split.js" | "boot.js"
        )
}

fn collect_bundle(dist: &Path, dir: &Path, files: &mut Vec<BundleFile>) -> Result {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "public") {
                collect_bundle(dist, &path, files)?;
            }
            continue;
        }
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => "wasm",
            Some("js") => "JS",
            Some("css") => "CSS",
            _ => continue,
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path
            .strip_prefix(dist)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push(BundleFile {
            first_load: is_first_load(&name, kind),
            name,
            kind,
            raw: bytes.len() as u64,
            brotli_best: brotli_len(&bytes, BROTLI_BEST)?,
            brotli_on_the_fly: brotli_len(&bytes, BROTLI_ON_THE_FLY)?,
            wasm: (kind == "wasm").then(|| wasm_parts(&bytes)).flatten(),
        });
    }
    Ok(())
}

/// The main module, fetched first.
fn main_module(bundle: &[BundleFile]) -> Option<&BundleFile> {
    bundle.iter().find(|b| b.first_load && b.kind == "wasm")
}

fn brotli_len(bytes: &[u8], quality: u32) -> Result<u64> {
    Ok(crate::precompress::brotli(bytes, quality)?.len() as u64)
}

/// The client section of docs/benchmarks.md. Long because it is the report's text, written
/// top to bottom as a reader will read it (tables and the sentences between them); split up,
/// the page's order would be scattered over functions.
fn render(
    m: &Machine,
    bundle: &[BundleFile],
    precompressed: bool,
    native: &[CaseResult],
    browser: &[CaseResult],
) -> String {
    let mut d = String::new();
    let sum = |kinds: &[&str], f: fn(&BundleFile) -> u64| -> u64 {
        bundle
            .iter()
            .filter(|b| kinds.contains(&b.kind))
            .map(f)
            .sum()
    };
    let first_load = |kinds: &[&str], f: fn(&BundleFile) -> u64| -> u64 {
        bundle
            .iter()
            .filter(|b| b.first_load && kinds.contains(&b.kind))
            .map(f)
            .sum()
    };
    // The reference is one module with its glue: compare the first download's wasm and JS.
    let main_raw = main_module(bundle).map(|b| b.raw).unwrap_or(0);
    let (wasm_raw, wasm_br) = (main_raw, first_load(&["wasm"], |b| b.brotli_best));
    let js_br = first_load(&["JS"], |b| b.brotli_best);
    let first_total_br = first_load(&["wasm", "JS", "CSS"], |b| b.brotli_best);
    let whole_br = sum(&["wasm", "JS", "CSS"], |b| b.brotli_best);
    let native_200 = native.iter().find(|r| r.rows == 200);
    let browser_200 = browser.iter().find(|r| r.rows == 200);
    let browser_1 = browser.iter().find(|r| r.rows == 1);

    let _ = writeln!(
        d,
        "## Client: bundle size and form check speed

Measured on {date} at commit {commit}.

### What is measured

1. **Bundle size**: the release build of the SPA (`trunk build --release`: `opt-level = \"z\"`,
   LTO, `codegen-units = 1`, `panic = \"abort\"`, Leptos's `--cfg erase_components`; the wasm
   split by route by trunk's post-build hook, `xtask/src/spa_wasm.rs`, then `wasm-opt -Oz` on
   every module), every `*.wasm`, `*.js`
   and `*.css` under `dist/`: raw, brotli at quality 11 (the precompressed `.br` files the build
   writes and the server sends; window 2^{lgwin}) and brotli at quality {q4} (tower-http's
   on-the-fly default, for a deployment that drops the `.br` files). Computed with the `brotli`
   crate. *First load* is what the browser fetches before the login form works: the stylesheet,
   the main module, its JS glue, the chunk loader and `boot.js`; pages fetch their chunks when
   first opened.
2. **Native check speed**: `todoke_core::forms::check` on the 定例報告 staffing form
   (`{FORM}`) with 1, 50 and 200 staff rows (`crates/core/benches/check.rs`, built with the
   `bench` profile, i.e. the release profile the server ships with). The answers are a realistic
   passing form: about 60 % full-time rows, part-timers from 6 to 45 hours (some typed with
   full-width digits, some over the standard week and capped at 1 FTE), eight job types, and
   declared full-time count and FTE total that match; the benchmark asserts once that the report
   has no issues before timing. After a warm-up it times every check on its own with
   `std::time::Instant`.
3. **In-browser check speed**: the same answers and the same call compiled to wasm
   (`crates/core/tests/browser_bench.rs`, release profile, without the `wasm-opt` pass trunk adds)
   and run in headless Chromium by wasm-bindgen-test-runner. `performance.now()` is coarsened by
   browsers, so checks are timed in batches of at least 10 ms and each sample is one batch's mean
   per check. It never asserts on time.

Median, p95 (nearest rank) and mean are over the per-check samples; *first call* is the first
check of that case in the process (for 1 row in the browser, the very first call into the module,
including the engine compiling it).

### How to reproduce

```sh
cargo xtask bench
```

(or `cargo xtask bench client` for this section alone) installs what is missing, builds the SPA,
runs both benchmarks and rewrites this section. The parts on their own:

```sh
trunk build --release        # with .tools/node_modules/.bin first on PATH (binaryen 132)
{NATIVE_COMMAND}
{BROWSER_COMMAND}
```

{machine}",
        date = m.date,
        commit = m.commit,
        lgwin = BROTLI_LGWIN,
        q4 = BROTLI_ON_THE_FLY,
        machine = m.table(),
    );

    let _ = writeln!(
        d,
        "### Bundle size

KB = 1,000 bytes.

| File | Kind | Raw | Brotli q11 | Brotli q{BROTLI_ON_THE_FLY} |
|---|---|---:|---:|---:|"
    );
    let row = |d: &mut String, name: &str, kind: &str, raw: u64, best: u64, fly: u64| {
        let _ = writeln!(
            d,
            "| {name} | {kind} | {} ({} B) | {} ({} B) | {} |",
            kb(raw),
            grouped(raw),
            kb(best),
            grouped(best),
            kb(fly),
        );
    };
    let shared: Vec<&BundleFile> = bundle
        .iter()
        .filter(|b| {
            !b.first_load
                && b.name
                    .rsplit('/')
                    .next()
                    .is_some_and(|f| f.starts_with("chunk_"))
        })
        .collect();
    for b in bundle
        .iter()
        .filter(|b| !shared.iter().any(|s| s.name == b.name))
    {
        let name = format!(
            "`{}`{}",
            b.name,
            if b.first_load { " (first load)" } else { "" }
        );
        row(
            &mut d,
            &name,
            b.kind,
            b.raw,
            b.brotli_best,
            b.brotli_on_the_fly,
        );
    }
    if !shared.is_empty() {
        let total = |f: fn(&BundleFile) -> u64| shared.iter().map(|b| f(b)).sum::<u64>();
        let name = format!(
            "{} shared chunks (`chunk_*.wasm`, code two or more pages use)",
            shared.len()
        );
        row(
            &mut d,
            &name,
            "wasm",
            total(|b| b.raw),
            total(|b| b.brotli_best),
            total(|b| b.brotli_on_the_fly),
        );
    }
    let first =
        |f: fn(&BundleFile) -> u64| bundle.iter().filter(|b| b.first_load).map(f).sum::<u64>();
    row(
        &mut d,
        "**First load** (before the login form works)",
        "",
        first(|b| b.raw),
        first(|b| b.brotli_best),
        first(|b| b.brotli_on_the_fly),
    );
    let kinds = ["wasm", "JS", "CSS"];
    row(
        &mut d,
        &format!("**Whole app** ({} files)", bundle.len()),
        "",
        sum(&kinds, |b| b.raw),
        sum(&kinds, |b| b.brotli_best),
        sum(&kinds, |b| b.brotli_on_the_fly),
    );
    let parts = main_module(bundle).and_then(|b| b.wasm.as_ref());
    if let Some(p) = parts {
        let _ = writeln!(
            d,
            "\nInside the main module: code section {}, data section {} (constants, strings, tables); \
             regex / Unicode tables {}.",
            kb(p.code),
            kb(p.data),
            if p.regex_tables {
                "**found** (regex-syntax's strings are in the module)"
            } else {
                "not found (none of regex-syntax's strings are in the module)"
            },
        );
    }

    let _ = writeln!(
        d,
        "
### Check speed: 定例報告 staffing (`{FORM}`)

| Staff rows | Where | Checks timed | Median | p95 | Mean | Min | First call | Computed values |
|---:|---|---:|---:|---:|---:|---:|---:|---:|"
    );
    for rows in CASES {
        for (label, rs) in [("native", native), ("Chromium (wasm)", browser)] {
            if let Some(r) = rs.iter().find(|r| r.rows == rows) {
                let _ = writeln!(
                    d,
                    "| {rows} | {label} | {} | {} | {} | {} | {} | {} | {} |",
                    grouped(r.iterations),
                    us(r.median_us),
                    us(r.p95_us),
                    us(r.mean_us),
                    us(r.min_us),
                    us(r.first_us),
                    r.computed,
                );
            }
        }
    }
    if let (Some(n), Some(b)) = (native_200, browser_200) {
        let _ = writeln!(
            d,
            "\nWith 200 rows the browser takes {:.1}× the native time (median); per row that is about \
             {} natively and {} in Chromium.",
            b.median_us / n.median_us,
            us(n.median_us / 200.0),
            us(b.median_us / 200.0),
        );
    }

    let wasm_raw_kb = wasm_raw as f64 / 1000.0;
    let wasm_br_kb = wasm_br as f64 / 1000.0;
    let js_br_kb = js_br as f64 / 1000.0;
    let _ = writeln!(
        d,
        "
### Reading these numbers

* **Bundle.** The craft guide's reference, a Leptos 0.8 CSR form app (router, gloo-net, error
  summary) with the same release settings, is about {REF_WASM_RAW_KB:.0} KB raw / {REF_WASM_BR_KB:.0} KB brotli of wasm plus
  {REF_JS_BR_KB:.0} KB of JS glue. Todoke's first download is a main module of {wasm_raw_kb:.1} KB raw / {wasm_br_kb:.1} KB brotli,
  {raw_ratio:.1}× / {br_ratio:.1}× that, with {js_br_kb:.1} KB brotli of JS (glue and chunk loader): the shell (router, header,
  session, API client) and the login and password pages; every other page is in a chunk.
  First load in all: {first_kb:.1} KB brotli (goal: 150 KB); the whole app: {whole_kb:.1} KB brotli
  (goal: 300 KB). Splitting costs bytes in all: code that crosses modules is neither inlined nor
  merged by `wasm-opt`, and small files compress less well than one.{parts_note} `validator`'s `email` rule alone would add
  about {VALIDATOR_EMAIL_BR_KB:.0} KB brotli (+{VALIDATOR_EMAIL_RAW_KB:.0} KB raw: `regex` and Unicode tables); the form engine does its
  own shape checks and uses none of `validator`'s `email`, `url` or regex rules. A new heavy
  dependency shows up here as a jump of tens of KB brotli; compare with the previous run.
  {compression_note}
* **Speed.** The wizard re-runs the whole check whenever an answer changes (a `Memo` over the
  answers), so on a 200-row 定例報告 every keystroke pays one check. Core Web Vitals call an
  interaction good when INP ≤ {INP_BUDGET_MS:.0} ms, and that budget covers event handling, Leptos updating
  the page and the paint, so the check must be a small fraction of it.{browser_note}
  The server runs the same check on submission{native_note}.
* **Noise.** The machine has {nproc} cores shared with other builds (load average {load}); medians are steady, p95 and the first call move with load. Compare runs made on the
  same machine, and the median first. Browser samples are batch means, so their p95 is smoother
  than the native one.",
        first_kb = first_total_br as f64 / 1000.0,
        whole_kb = whole_br as f64 / 1000.0,
        raw_ratio = wasm_raw_kb / REF_WASM_RAW_KB,
        br_ratio = wasm_br_kb / REF_WASM_BR_KB,
        parts_note = match parts {
            Some(p) if !p.regex_tables => format!(
                " The main module is mostly code ({:.0} %), not data: no regex or Unicode tables \
                 are linked in; *What the code is* below says which crates and functions it is.",
                p.code as f64 / wasm_raw as f64 * 100.0
            ),
            Some(_) => " regex-syntax's tables **are** linked in: find the dependency that pulls \
                        them (`cargo tree -p todoke --target wasm32-unknown-unknown -i regex`) and \
                        keep it out of the wasm build."
                .to_string(),
            None => String::new(),
        },
        compression_note = if precompressed {
            "The build writes `.br` files, which the server prefers, so browsers get the q11 size."
                .to_string()
        } else {
            format!(
                "The build writes no `.br` files, so todoke-server compresses on the fly at brotli \
                 q{BROTLI_ON_THE_FLY} ({} of wasm + JS instead of {} at q11); writing `.br` files beside the \
                 assets at build time (the server already prefers them) would save the difference.",
                kb(sum(&["wasm", "JS"], |b| b.brotli_on_the_fly)),
                kb(sum(&["wasm", "JS"], |b| b.brotli_best)),
            )
        },
        browser_note = match (browser_200, browser_1) {
            (Some(b), Some(cold)) => format!(
                " In Chromium the 200-row check takes {} at the median and {} at p95, {:.2} % of \
                 that budget; the very first check after the module loads (1 row, cold) took {}.",
                us(b.median_us),
                us(b.p95_us),
                b.p95_us / 1000.0 / INP_BUDGET_MS * 100.0,
                us(cold.first_us),
            ),
            _ => String::new(),
        },
        native_note = match native_200 {
            Some(n) => format!(
                ", where 200 rows take {} (median), about {:.0} checks per second per core",
                us(n.median_us),
                1_000_000.0 / n.median_us
            ),
            None => String::new(),
        },
        nproc = m.nproc,
        load = m.load,
    );
    d
}

/// How many crates and functions the breakdown lists.
const BREAKDOWN_ROWS: usize = 15;

/// The breakdown of the wasm's code by crate and by function (see `wasm_names`): the whole app
/// and the main module, the first download.
fn render_breakdown(
    bundle: &[BundleFile],
    functions: &[super::wasm_names::FunctionSize],
    main_functions: &[super::wasm_names::FunctionSize],
) -> String {
    let mut d = String::new();
    let total: u64 = functions.iter().map(|f| f.bytes).sum();
    let main_total: u64 = main_functions.iter().map(|f| f.bytes).sum();
    let shipped: u64 = bundle
        .iter()
        .filter_map(|b| b.wasm.as_ref())
        .map(|p| p.code)
        .sum();
    let main_shipped = main_module(bundle)
        .and_then(|b| b.wasm.as_ref())
        .map(|p| p.code)
        .unwrap_or(0);
    let share = |bytes: u64, of: u64| bytes as f64 / of.max(1) as f64 * 100.0;
    let _ = writeln!(
        d,
        "
### What the code is

Function bodies of cargo's own output (`target/spa/wasm32-unknown-unknown/release/todoke.wasm`,
the only build that keeps a `name` section), before splitting, wasm-bindgen and `wasm-opt -Oz`:
{fns} functions, {total} of code; the shipped modules' code sections hold {shipped} together
({ratio:.0} % of that). The first download is what the splitter kept in the main module
(its trace, `target/spa/split/modules.txt`, wasm-bindgen's describe functions left out):
{main_fns} functions, {main_total}, shipped as {main_shipped} of code. Each function counts
once, under the crate its symbol names (generic code under the crate that defines it, so
`leptos` and `tachys` include the views they instantiate for our pages); shallow sizes, as
`twiggy top` reports them.

| Crate | Whole app | Share | First download | Share |
|---|---:|---:|---:|---:|",
        fns = grouped(functions.len() as u64),
        total = kb(total),
        shipped = kb(shipped),
        ratio = shipped as f64 / total.max(1) as f64 * 100.0,
        main_fns = grouped(main_functions.len() as u64),
        main_total = kb(main_total),
        main_shipped = kb(main_shipped),
    );
    let crates = super::wasm_names::by_crate(functions);
    let main_crates = super::wasm_names::by_crate(main_functions);
    let in_main = |name: &str| {
        main_crates
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| *b)
            .unwrap_or(0)
    };
    for (name, bytes) in crates.iter().take(BREAKDOWN_ROWS) {
        let first = in_main(name);
        let _ = writeln!(
            d,
            "| `{name}` | {} | {:.1} % | {} | {:.1} % |",
            kb(*bytes),
            share(*bytes, total),
            kb(first),
            share(first, main_total)
        );
    }
    let rest: u64 = crates.iter().skip(BREAKDOWN_ROWS).map(|(_, b)| b).sum();
    let main_rest: u64 = crates
        .iter()
        .skip(BREAKDOWN_ROWS)
        .map(|(n, _)| in_main(n))
        .sum();
    let _ = writeln!(
        d,
        "| {} other crates | {} | {:.1} % | {} | {:.1} % |",
        crates.len().saturating_sub(BREAKDOWN_ROWS),
        kb(rest),
        share(rest, total),
        kb(main_rest),
        share(main_rest, main_total)
    );
    for (title, list) in [("whole app", functions), ("first download", main_functions)] {
        let _ = writeln!(
            d,
            "
The {BREAKDOWN_ROWS} largest functions of the {title}:

| Function | Code |
|---|---:|"
        );
        for f in list.iter().take(BREAKDOWN_ROWS) {
            let mut name: String = f.name.chars().take(110).collect();
            if name.len() < f.name.len() {
                name.push('…');
            }
            let _ = writeln!(d, "| `{}` | {} |", name.replace('|', "\\|"), kb(f.bytes));
        }
    }
    d
}
