//! Writes `text::current`: for every item of the Japanese catalogue, a function of the same name
//! and parameters that answers from the catalogue of the current language (`text::lang`). The
//! English catalogue has the same items (the parity tests check it), so the dispatch compiles
//! only when both do.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/text/scan.rs"]
#[allow(dead_code)]
mod scan;

use scan::Item;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/text");
    println!("cargo::rerun-if-changed=src/text/ja");
    println!("cargo::rerun-if-changed=src/text/scan.rs");

    let mod_rs = read(&root.join("ja/mod.rs"));
    let mut flat = String::new();
    let mut nested = String::new();
    for item in scan::items(&mod_rs) {
        let Item::Line(line) = item else { continue };
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|n| n.strip_suffix(';'))
        {
            let body = dispatch(
                &read(&root.join(format!("ja/{name}.rs"))),
                &format!("{name}::"),
            );
            writeln!(nested, "pub mod {name} {{\n    use super::*;\n{body}}}").unwrap();
        } else if let Some(name) = line.strip_prefix("mod ").and_then(|n| n.strip_suffix(';')) {
            flat.push_str(&dispatch(&read(&root.join(format!("ja/{name}.rs"))), ""));
        }
    }
    let out = format!(
        "#[allow(unused_imports)]\nuse crate::FeeScheduleClass;\n#[allow(unused_imports)]\n\
         use crate::text::{{Faq, ManualSection, en, ja, lang::{{self, Lang}}}};\n\n{flat}\n{nested}"
    );
    let path = Path::new(&std::env::var("OUT_DIR").unwrap()).join("text_current.rs");
    std::fs::write(path, out).expect("write text_current.rs");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The dispatch of one catalogue file; `module` is its path under `ja`/`en` ("" or "forms::").
fn dispatch(source: &str, module: &str) -> String {
    let mut out = String::new();
    for item in scan::items(source) {
        match item {
            Item::Constant { name, ty, .. } => {
                // A constant becomes a function returning a 'static reference to it.
                let by_reference = ty.starts_with('&');
                let ty = ty.replace('&', "&'static ");
                let ret = if by_reference {
                    ty
                } else {
                    format!("&'static {ty}")
                };
                let value = |lang: &str| {
                    let borrow = if by_reference { "" } else { "&" };
                    format!("{borrow}{lang}::{module}{name}")
                };
                writeln!(
                    out,
                    "#[allow(non_snake_case)]\npub fn {name}() -> {ret} {{\n    match lang::current() {{\n        \
                     Lang::Ja => {},\n        Lang::En => {},\n    }}\n}}",
                    value("ja"),
                    value("en")
                )
                .unwrap();
            }
            Item::Function { name, params, ret } => {
                let decl: Vec<String> = params.iter().map(|(n, t)| format!("{n}: {t}")).collect();
                let args: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
                let args = args.join(", ");
                let ret = if ret.is_empty() {
                    String::new()
                } else {
                    format!(" -> {ret}")
                };
                writeln!(
                    out,
                    "pub fn {name}({}){ret} {{\n    match lang::current() {{\n        \
                     Lang::Ja => ja::{module}{name}({args}),\n        \
                     Lang::En => en::{module}{name}({args}),\n    }}\n}}",
                    decl.join(", ")
                )
                .unwrap();
            }
            Item::Line(_) => {}
        }
    }
    out
}
