//! `cargo xtask run | test | build | install | bench`: the project's set-up and orchestration.
//!
//! On a fresh machine of this kind it installs what is missing (wasm target, trunk,
//! wasm-bindgen CLI at the `Cargo.lock` version, binaryen's wasm-opt and axe-core from npm,
//! browsers and drivers from Debian, geckodriver from crates.io), and skips what is already
//! there at the right version.

mod bench;
mod contract;
mod postgres;
mod precompress;
mod spa_wasm;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const TRUNK_VERSION: &str = "0.22.1";
const BINARYEN_VERSION: &str = "132.0.0";
const AXE_VERSION: &str = "4.14.1";
/// geckodriver, Firefox's WebDriver, built from crates.io (Debian has no package for it).
/// Checked with Debian 12's firefox-esr 153.8 (bookworm-security; bookworm itself has 140).
const GECKODRIVER_VERSION: &str = "0.37.1";
/// What the system itself needs on its machine (README, operator section): the letter font.
/// Each entry is (Debian package, a file it installs).
const RUNTIME_PACKAGES: &[(&str, &str)] = &[(
    "fonts-ipaexfont-gothic",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
)];
/// What the tests need besides: browsers and their drivers, a display, a Japanese UI font,
/// brotli for the bundle figures, and pdftotext to read the letters back.
const TEST_PACKAGES: &[(&str, &str)] = &[
    ("chromium", "/usr/bin/chromium"),
    ("chromium-driver", "/usr/bin/chromedriver"),
    ("xvfb", "/usr/bin/xvfb-run"),
    ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
    ("firefox-esr", "/usr/bin/firefox-esr"),
    (
        "fonts-noto-cjk",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ),
    ("brotli", "/usr/bin/brotli"),
    ("poppler-utils", "/usr/bin/pdftotext"),
];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(&args[1..]),
        Some("test-postgres") => api_tests_on_postgres(&args[1..]),
        Some("contract") => ensure_test_tools().and_then(|_| contract::fuzz()),
        Some("build") => ensure_build_tools().and_then(|_| build_spa()),
        Some("install") => ensure_build_tools().and_then(|_| ensure_test_tools()),
        Some("bench") => bench::bench(&args[1..]),
        Some("spa-wasm") => spa_wasm::post_build_hook(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: cargo xtask <run|test|test-postgres|contract|build|install|bench>
  run      install missing tools, build the SPA (release), start the server on SQLite with demo accounts
  test     install missing tools and browsers, build the SPA, run every test (unit, API, browser journeys)
  test-postgres
           only the API tests, on a throw-away PostgreSQL cluster (installed from Debian when missing)
  contract only the contract fuzz (schemathesis against a running server, part of `test`)
  build    build the SPA into dist/
  install  only install the tools
  spa-wasm trunk's post-build hook (Trunk.toml): the SPA's wasm, split by route
  bench [client] [list] [issuance]
           measure and write docs/benchmarks.md (all parts when none is named): client = the
           SPA's bundle size, its time to an interactive login form beside a bare Leptos
           counter, and the form check's speed natively and in headless Chromium;
           list = list search over 100,000 submissions; issuance = import and credential
           issuance for 100,000 institutions (long: argon2 and PDFs for every letter)";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn tools_dir() -> PathBuf {
    root().join(".tools")
}

fn cargo() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// PATH with the project's npm tools first, so binaryen 132's wasm-opt wins over Debian's 108,
/// which silently breaks the module.
fn tool_path() -> String {
    let bin = tools_dir().join("node_modules/.bin");
    let cargo_bin = env::var("HOME")
        .map(|h| format!("{h}/.cargo/bin"))
        .unwrap_or_default();
    format!(
        "{}:{}:{}",
        bin.display(),
        cargo_bin,
        env::var("PATH").unwrap_or_default()
    )
}

fn step(msg: &str) {
    eprintln!("\n==> {msg}");
}

fn status(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    // The project's tools first, unless the caller chose a PATH of its own.
    if !cmd.get_envs().any(|(k, _)| k == "PATH") {
        cmd.env("PATH", tool_path());
    }
    let st = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if st.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({st})"))
    }
}

/// The first line of `cmd --version`, or None when it is not installed.
fn version_of(program: &str) -> Option<String> {
    first_line(Command::new(program).arg("--version"))
}

/// The first line `cmd` prints when it succeeds (run from the workspace, with the project's
/// tools first on PATH).
fn first_line(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .current_dir(root())
        .env("PATH", tool_path())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    })
}

fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} not in Cargo.lock"))?
        + needle.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string())
}

fn ensure_build_tools() -> Result {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    if !targets.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"))
    {
        step("Adding the wasm32-unknown-unknown target");
        status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !version_of("trunk").is_some_and(|v| v.contains(TRUNK_VERSION)) {
        step(&format!(
            "Installing trunk {TRUNK_VERSION} (about 10 minutes, once per machine)"
        ));
        // 0.22.1 declares rustc 1.96.1 but builds and works on 1.95.
        status(Command::new(cargo()).args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--ignore-rust-version",
        ]))?;
    }
    let wbg = locked_version("wasm-bindgen")?;
    if !version_of("wasm-bindgen").is_some_and(|v| v.ends_with(&wbg)) {
        step(&format!(
            "Installing wasm-bindgen-cli {wbg} (about 4 minutes, once per machine)"
        ));
        // Not --locked: its lock file names a crate version this registry lacks.
        status(Command::new(cargo()).args(["install", "wasm-bindgen-cli", "--version", &wbg]))?;
    }
    ensure_npm_tools()
}

fn npm_package_version(name: &str) -> Option<String> {
    let text = std::fs::read_to_string(
        tools_dir()
            .join("node_modules")
            .join(name)
            .join("package.json"),
    )
    .ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["version"].as_str().map(str::to_string)
}

fn ensure_npm_tools() -> Result {
    let wanted = [("binaryen", BINARYEN_VERSION), ("axe-core", AXE_VERSION)];
    if wanted
        .iter()
        .all(|(n, v)| npm_package_version(n).as_deref() == Some(*v))
    {
        return Ok(());
    }
    step("Installing wasm-opt (binaryen) and axe-core from npm into .tools/");
    std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
    let pkg = tools_dir().join("package.json");
    if !pkg.exists() {
        std::fs::write(&pkg, "{\"private\": true}\n").map_err(|e| e.to_string())?;
    }
    let specs: Vec<String> = wanted.iter().map(|(n, v)| format!("{n}@{v}")).collect();
    status(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(tools_dir())
            .args(&specs),
    )
}

fn ensure_test_tools() -> Result {
    ensure_debian_packages(&[RUNTIME_PACKAGES, TEST_PACKAGES].concat())?;
    ensure_geckodriver()
}

/// Where `ensure_geckodriver` puts geckodriver; the journeys look there too
/// (or in `$TODOKE_GECKODRIVER`).
fn geckodriver_path() -> PathBuf {
    tools_dir().join("geckodriver/bin/geckodriver")
}

/// Builds geckodriver at `GECKODRIVER_VERSION` into `.tools/geckodriver` unless it is there.
fn ensure_geckodriver() -> Result {
    let installed = first_line(Command::new(geckodriver_path()).arg("--version"));
    // It prints e.g. "geckodriver 0.37.1 (…)".
    let wanted = format!("geckodriver {GECKODRIVER_VERSION}");
    if installed.is_some_and(|v| v == wanted || v.starts_with(&format!("{wanted} "))) {
        return Ok(());
    }
    step(&format!(
        "Installing geckodriver {GECKODRIVER_VERSION} into .tools/ (about 3 minutes, once per machine)"
    ));
    status(
        Command::new(cargo())
            .args([
                "install",
                "geckodriver",
                "--version",
                GECKODRIVER_VERSION,
                "--locked",
                "--force",
                "--root",
            ])
            .arg(tools_dir().join("geckodriver")),
    )
}

/// Installs from Debian every package of `wanted` whose file is missing (one `apt-get` run).
fn ensure_debian_packages(wanted: &[(&str, &str)]) -> Result {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("Installing from Debian: {}", missing.join(" ")));
    apt_install(&missing)
}

/// `apt-get update` and `apt-get install` of `packages`, without recommended extras.
fn apt_install(packages: &[&str]) -> Result {
    status(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    status(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn build_spa() -> Result {
    step("Building the single-page app (trunk, release)");
    status(
        Command::new("trunk")
            .args(["build", "--release"])
            .current_dir(root()),
    )?;
    let count = precompress::assets(&root().join("dist"))?;
    eprintln!("    {count} assets precompressed (brotli q11, gzip)");
    Ok(())
}

fn run() -> Result {
    ensure_build_tools()?;
    ensure_debian_packages(RUNTIME_PACKAGES)?;
    build_spa()?;
    step("Starting todoke-server on SQLite with demo accounts");
    let mut server = Command::new(cargo());
    server
        .args(["run", "--package", "todoke-server", "--", "serve", "--demo"])
        .env("TODOKE_DIST_DIR", root().join("dist"));
    // A demo should open at any hour: the service-hours gate (Mon–Sat 08:00–21:00 JST in
    // production) is off unless the caller sets TODOKE_SERVICE_HOURS.
    if env::var_os("TODOKE_SERVICE_HOURS").is_none() {
        eprintln!(
            "    TODOKE_SERVICE_HOURS=always (demo). Set TODOKE_SERVICE_HOURS=\"Mon-Sat 08:00-21:00\" to try the gate."
        );
        server.env("TODOKE_SERVICE_HOURS", "always");
    }
    status(server.current_dir(root()))
}

fn test(extra: &[String]) -> Result {
    ensure_build_tools()?;
    ensure_test_tools()?;
    build_spa()?;
    step(
        "Running every test: domain rules, API on SQLite, browser journeys (Chromium, Firefox, WebKitGTK)",
    );
    let on_sqlite = status(
        Command::new(cargo())
            .args(["test", "--workspace", "--no-fail-fast"])
            .args(extra)
            .env("TODOKE_DIST_DIR", root().join("dist"))
            .env(
                "TODOKE_AXE_JS",
                tools_dir().join("node_modules/axe-core/axe.min.js"),
            )
            .env("TODOKE_GECKODRIVER", geckodriver_path())
            .current_dir(root()),
    );
    let on_postgres = api_tests_on_postgres(extra);
    let contract = contract::fuzz();
    let failed: Vec<String> = [on_sqlite, on_postgres, contract]
        .into_iter()
        .filter_map(|r| r.err())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\n"))
    }
}

/// The API tests again, each on a database of its own in a throw-away PostgreSQL cluster.
fn api_tests_on_postgres(extra: &[String]) -> Result {
    let cluster = postgres::Cluster::start()?;
    step("Running the API tests on PostgreSQL");
    status(
        Command::new(cargo())
            .args([
                "test",
                "--package",
                "todoke-server",
                "--test",
                "api",
                "--no-fail-fast",
            ])
            .args(extra)
            .env("TODOKE_TEST_POSTGRES_URL", cluster.url())
            .current_dir(root()),
    )?;
    backup_restore_check(&cluster)
}

/// The operator's backup script (ops/backup-restore-check.sh) on a migrated database with an
/// account in it: dump, restore into a scratch database, compare.
fn backup_restore_check(cluster: &postgres::Cluster) -> Result {
    step("Checking the backup and restore script on PostgreSQL");
    let path = format!("{}:{}", cluster.bin_dir().display(), tool_path());
    let url = format!("{}/backupcheck", cluster.url());
    status(
        Command::new("psql")
            .args(["-X", "-q", "-c", "CREATE DATABASE backupcheck"])
            .arg(format!("{}/postgres", cluster.url()))
            .env("PATH", &path),
    )?;
    status(
        Command::new(cargo())
            .args([
                "run",
                "--quiet",
                "--package",
                "todoke-server",
                "--",
                "admin",
            ])
            .args([
                "create-account",
                "--institution-code",
                "3410712362",
                "--class",
                "医科",
            ])
            .args(["--name", "バックアップ確認医院", "--prefecture", "広島県"])
            .env("TODOKE_DATABASE_URL", &url)
            .stdout(std::process::Stdio::null())
            .current_dir(root()),
    )?;
    status(
        Command::new("bash")
            .arg(root().join("ops/backup-restore-check.sh"))
            .arg(&url)
            .env("PATH", &path),
    )
}
