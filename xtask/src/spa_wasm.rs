//! The SPA's wasm, split by route: trunk's post-build hook (`Trunk.toml`) runs
//! `cargo xtask spa-wasm`, which
//!
//! 1. builds the app for wasm32 with its relocations kept (`--emit-relocs`), into `target/spa`;
//! 2. cuts the module at its `#[wasm_split]` functions (`src/routes/chunks.rs`) with
//!    wasm_split_cli_support, the splitter cargo-leptos uses: a main module, one module per
//!    chunk, shared chunks, and `__wasm_split.js`, which fetches them;
//! 3. runs wasm-bindgen on the main module (`--keep-lld-exports`: the chunks link against the
//!    main module's exports) and, for release, `wasm-opt -Oz` on every module;
//! 4. puts the result in one folder named by the hash of its contents, `todoke-<hash>/` (so it can
//!    be cached forever), and adds to trunk's `index.html` the preloads and one external module
//!    script, `boot.js` (no inline script: the Content-Security-Policy needs no hash).
//!
//! trunk cannot do this itself: it runs wasm-bindgen straight after cargo, without the exports
//! the splitter needs. Everything is found relative to the module's own URL, so an app built with
//! `--public-url /todoke/` loads its chunks from under `/todoke/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;

use crate::{Result, cargo, root, status, step};

/// The folder inside `dist/` and the names in it.
const FOLDER_PREFIX: &str = "todoke-";
const MAIN_JS: &str = "todoke.js";
const MAIN_WASM: &str = "todoke_bg.wasm";
const SPLIT_JS: &str = "__wasm_split.js";
const BOOT_JS: &str = "boot.js";

/// `boot.js`: starts the app once the main module is instantiated (wasm-bindgen's `init` fetches
/// `todoke_bg.wasm` beside `todoke.js`).
const BOOT: &str = "import init from \"./todoke.js\";\nawait init();\n";

/// The splitter's trace (`target/spa/split/modules.txt`): each output module's functions.
pub const MODULES_REPORT: &str = "modules.txt";

/// The flags of the split build. The relocations are what the splitter reads.
/// `erase_components` makes Leptos type-erase every component's view (`AnyView`) instead of
/// building a generic copy of the renderer per view type: the whole app is about 13 % smaller
/// with it (measured when it was turned on), at the cost of a dynamic call per component.
pub const RUSTFLAGS: &str = "-Clink-args=--emit-relocs --cfg erase_components";

/// Where cargo builds the split wasm: apart from `target/`, whose wasm builds use other flags.
pub fn target_dir() -> PathBuf {
    root().join("target/spa")
}

/// cargo's own module, before splitting, wasm-bindgen and wasm-opt: the only one with names.
pub fn unsplit_module(release: bool) -> PathBuf {
    target_dir()
        .join("wasm32-unknown-unknown")
        .join(if release { "release" } else { "debug" })
        .join("todoke.wasm")
}

/// The hook: reads trunk's environment, builds, splits, and writes into trunk's staging folder.
pub fn post_build_hook() -> Result {
    let var = |name: &str| {
        std::env::var(name).map_err(|_| format!("{name} is not set: run this from trunk's hook"))
    };
    let staging = PathBuf::from(var("TRUNK_STAGING_DIR")?);
    let public_url = var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_string());
    let release = var("TRUNK_PROFILE").is_ok_and(|p| p == "release");

    step("Building the SPA's wasm with relocations kept (for splitting by route)");
    let mut build = Command::new(cargo());
    build
        .args(["build", "--package", "todoke", "--bin", "todoke"])
        .args(["--target", "wasm32-unknown-unknown"])
        .env("CARGO_TARGET_DIR", target_dir())
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", RUSTFLAGS)
        .current_dir(root());
    if release {
        build.arg("--release");
    }
    status(&mut build)?;

    let work = target_dir().join("split");
    let out = work.join("out");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;

    step("Splitting the wasm by route (wasm_split_cli_support)");
    let input = read(&unsplit_module(release))?;
    let main_unbound = work.join("todoke.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = &out;
    opts.main_out_path = &main_unbound;
    opts.link_name = "./__wasm_split.js";
    opts.main_module = "./todoke.js";
    // With `verbose`, the splitter traces every module's functions (name and size): kept in
    // MODULES_REPORT for the benchmark's breakdown of what the first download holds.
    opts.verbose = true;
    let report = std::fs::File::create(work.join(MODULES_REPORT)).map_err(|e| e.to_string())?;
    let subscriber = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(report))
        .with_ansi(false)
        .without_time()
        .with_target(false)
        .with_level(false)
        .with_max_level(tracing::Level::TRACE)
        .finish()
        .with(
            Targets::new()
                .with_target("wasm_split_cli_support::split_point", tracing::Level::TRACE),
        );
    let split =
        tracing::subscriber::with_default(subscriber, || wasm_split_cli_support::transform(opts))
            .map_err(|e| format!("wasm-split: {e:#}"))?;
    eprintln!("    {} chunks", split.split_modules.len());

    step("wasm-bindgen on the main module");
    status(
        Command::new("wasm-bindgen")
            .arg(&main_unbound)
            .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
            .args(["--out-name", "todoke", "--out-dir"])
            .arg(&out),
    )?;
    std::fs::write(out.join(BOOT_JS), BOOT).map_err(|e| e.to_string())?;

    let modules = files_with_extension(&out, "wasm")?;
    if release {
        step(&format!("wasm-opt -Oz on {} modules", modules.len()));
        for module in &modules {
            status(
                Command::new("wasm-opt")
                    .args([
                        "-Oz",
                        "--enable-bulk-memory",
                        "--enable-nontrapping-float-to-int",
                    ])
                    .arg(module)
                    .arg("-o")
                    .arg(module),
            )?;
        }
    }

    let mut files = Vec::new();
    for path in files_in(&out)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((name, read(&path)?));
    }
    files.sort();
    let folder = format!("{FOLDER_PREFIX}{:016x}", content_hash(&files));
    let into = staging.join(&folder);
    std::fs::create_dir_all(&into).map_err(|e| format!("{}: {e}", into.display()))?;
    for (name, bytes) in &files {
        std::fs::write(into.join(name), bytes).map_err(|e| format!("{name}: {e}"))?;
    }

    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = with_loader(&html, &format!("{}{folder}/", with_slash(&public_url)))?;
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    eprintln!("    {} files in {folder}/", files.len());
    Ok(())
}

fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// `html` with the module's preloads and its loader script before `</head>`; `base` is the
/// folder's URL, ending in `/`.
fn with_loader(html: &str, base: &str) -> Result<String> {
    if !html.contains("</head>") {
        return Err("index.html has no </head>".into());
    }
    let tags = format!(
        "<link rel=\"modulepreload\" href=\"{base}{MAIN_JS}\">\n    \
         <link rel=\"modulepreload\" href=\"{base}{SPLIT_JS}\">\n    \
         <link rel=\"preload\" href=\"{base}{MAIN_WASM}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n    \
         <script type=\"module\" src=\"{base}{BOOT_JS}\"></script>\n  </head>"
    );
    Ok(html.replacen("</head>", &tags, 1))
}

/// FNV-1a (64 bit) over every file's name and bytes: names the folder, so a new build is a new
/// URL and an old one can be cached for a year.
fn content_hash(files: &[(String, Vec<u8>)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in files {
        for byte in name.as_bytes().iter().chain([0u8].iter()).chain(bytes) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    Ok(files_in(dir)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_goes_before_head_end_under_the_public_url() {
        let html = "<html><head><title>t</title></head><body></body></html>";
        let out = with_loader(html, "/todoke/todoke-00ff/").unwrap();
        assert!(out.contains(
            "<script type=\"module\" src=\"/todoke/todoke-00ff/boot.js\"></script>\n  </head>"
        ));
        assert!(out.contains("href=\"/todoke/todoke-00ff/todoke_bg.wasm\""));
        assert!(!out.contains("<script>"), "no inline script");
        assert!(with_loader("<html>", "/").is_err());
        assert_eq!(with_slash("/todoke"), "/todoke/");
        assert_eq!(with_slash("/"), "/");
    }

    #[test]
    fn the_folder_name_changes_with_any_byte_or_name() {
        let a = vec![("a.wasm".to_string(), vec![1, 2, 3])];
        let b = vec![("a.wasm".to_string(), vec![1, 2, 4])];
        let c = vec![("b.wasm".to_string(), vec![1, 2, 3])];
        assert_ne!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert_eq!(content_hash(&a), content_hash(&a.clone()));
    }
}
