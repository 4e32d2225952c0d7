//! The sections of a wasm module (the bundle figures read their sizes), and what its code is:
//! each function's body size from the code section, named by the `name` section of cargo's own
//! output (trunk's shipped module has no names), grouped by the crate its symbol belongs to.
//! Shallow sizes, before wasm-bindgen and `wasm-opt -Oz`: the shares carry over to the shipped
//! module, the bytes shrink by the ratio the report states.

use std::collections::BTreeMap;

/// One function: its demangled name (hash dropped) and body size in bytes.
pub(super) struct FunctionSize {
    pub name: String,
    pub bytes: u64,
}

/// The functions of a module with a `name` section, largest first; `None` without names.
pub(super) fn function_sizes(module: &[u8]) -> Option<Vec<FunctionSize>> {
    let sections = sections(module)?;
    let imported = sections
        .iter()
        .find(|(id, _)| *id == 2)
        .map(|(_, body)| imported_functions(body))
        .unwrap_or(Some(0))?;
    let bodies = sections
        .iter()
        .find(|(id, _)| *id == 10)
        .map(|(_, body)| body_sizes(body))??;
    let names = sections
        .iter()
        .filter(|(id, _)| *id == 0)
        .find_map(|(_, body)| function_names(body))?;
    let mut out: Vec<FunctionSize> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let name = names
                .get(&(imported + i as u64))
                .map(|n| format!("{:#}", rustc_demangle::demangle(n)))
                .unwrap_or_else(|| format!("(function {})", imported + i as u64));
            FunctionSize { name, bytes }
        })
        .collect();
    out.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    Some(out)
}

/// The crate a demangled symbol belongs to: the first path segment of the item or, for an
/// `impl` (`<alloc::vec::Vec<T> as Drop>::drop`), of its type, or of the trait when the type
/// has no path; `(runtime)` for names that are no Rust path (`memcpy`, wasm-bindgen's shims).
pub(super) fn crate_of(name: &str) -> String {
    let mut s = name;
    loop {
        let before = s;
        for prefix in ["<", "&", "mut ", "dyn ", "[", "*const ", "*mut ", "("] {
            s = s.strip_prefix(prefix).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    let first = &s[..end];
    if !first.is_empty() && s[end..].starts_with("::") {
        return first.to_string();
    }
    // An impl for a type without a path: a generic parameter (`<T as tachys::…::IntoAny>`)
    // counts under the trait's crate, a primitive (`<char>::escape_debug_ext`) under core.
    if name.starts_with('<') {
        if let Some((_, tr)) = name.split_once(" as ") {
            return crate_of(tr);
        }
        const PRIMITIVES: [&str; 17] = [
            "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32",
            "i64", "i128", "isize", "f32", "f64",
        ];
        if PRIMITIVES.contains(&first) {
            return "core".to_string();
        }
    }
    "(runtime)".to_string()
}

/// The functions the splitter put in the main module (the first download), from its trace
/// (`xtask/src/spa_wasm.rs`, `MODULES_REPORT`): the lines between `SPLIT: ==== Main` and the
/// next module, each `func[i] <Some("mangled")> size=N`. wasm-bindgen's describe functions are
/// left out: it removes them from the module it ships.
pub(super) fn main_module_functions(report: &str) -> Vec<FunctionSize> {
    let mut in_main = false;
    let mut out = Vec::new();
    for line in report.lines() {
        if let Some(module) = line.strip_prefix("SPLIT: ============== ") {
            in_main = module == "Main";
            continue;
        }
        if !in_main {
            continue;
        }
        let Some((_, rest)) = line.split_once("<Some(\"") else {
            continue;
        };
        let Some((mangled, size)) = rest.split_once("\")> size=") else {
            continue;
        };
        let Ok(bytes) = size.trim().parse::<u64>() else {
            continue;
        };
        if mangled.starts_with("__wbindgen_describe") || mangled.contains("WasmDescribe") {
            continue;
        }
        let name = format!("{:#}", rustc_demangle::demangle(mangled));
        out.push(FunctionSize { name, bytes });
    }
    out.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    out
}

/// Bytes per crate, largest first.
pub(super) fn by_crate(functions: &[FunctionSize]) -> Vec<(String, u64)> {
    let mut sums: BTreeMap<String, u64> = BTreeMap::new();
    for f in functions {
        *sums.entry(crate_of(&f.name)).or_default() += f.bytes;
    }
    let mut out: Vec<_> = sums.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn leb(bytes: &[u8], i: &mut usize) -> Option<u64> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let b = *bytes.get(*i)?;
        *i += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(value);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// A length-prefixed byte string at `i`.
fn vec_bytes<'a>(bytes: &'a [u8], i: &mut usize) -> Option<&'a [u8]> {
    let len = leb(bytes, i)? as usize;
    let s = bytes.get(*i..*i + len)?;
    *i += len;
    Some(s)
}

/// (section id, body) in module order; `None` for what is no wasm module.
pub(super) fn sections(module: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    if module.get(..4) != Some(b"\0asm") {
        return None;
    }
    let mut i = 8;
    let mut out = Vec::new();
    while i < module.len() {
        let id = module[i];
        i += 1;
        out.push((id, vec_bytes(module, &mut i)?));
    }
    Some(out)
}

/// How many imports are functions: function indices count them first.
fn imported_functions(body: &[u8]) -> Option<u64> {
    let mut i = 0;
    let count = leb(body, &mut i)?;
    let mut functions = 0;
    for _ in 0..count {
        vec_bytes(body, &mut i)?;
        vec_bytes(body, &mut i)?;
        let kind = *body.get(i)?;
        i += 1;
        let limits = |i: &mut usize| -> Option<()> {
            let flags = *body.get(*i)?;
            *i += 1;
            leb(body, i)?;
            if flags & 1 == 1 {
                leb(body, i)?;
            }
            Some(())
        };
        match kind {
            0 => {
                functions += 1;
                leb(body, &mut i)?;
            }
            1 => {
                i += 1; // reference type
                limits(&mut i)?;
            }
            2 => limits(&mut i)?,
            3 => i += 2, // value type, mutability
            4 => {
                i += 1; // tag attribute
                leb(body, &mut i)?;
            }
            _ => return None,
        }
    }
    Some(functions)
}

fn body_sizes(body: &[u8]) -> Option<Vec<u64>> {
    let mut i = 0;
    let count = leb(body, &mut i)?;
    (0..count)
        .map(|_| vec_bytes(body, &mut i).map(|b| b.len() as u64))
        .collect()
}

/// Function index → name from a custom section, when it is the `name` section.
fn function_names(body: &[u8]) -> Option<BTreeMap<u64, String>> {
    let mut i = 0;
    if vec_bytes(body, &mut i)? != b"name" {
        return None;
    }
    while i < body.len() {
        let id = body[i];
        i += 1;
        let sub = vec_bytes(body, &mut i)?;
        if id != 1 {
            continue;
        }
        let mut j = 0;
        let count = leb(sub, &mut j)?;
        let mut names = BTreeMap::new();
        for _ in 0..count {
            let index = leb(sub, &mut j)?;
            let name = String::from_utf8_lossy(vec_bytes(sub, &mut j)?).into_owned();
            names.insert(index, name);
        }
        return Some(names);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_module_is_read_from_the_splitters_trace() {
        let report = "compute splits: …
SPLIT: ============== Main
   Data { name: \".Lanon.1\", symbol: Some(DefinedDataSymbol { index: 0, offset: 8, size: 18 }) }
   func[3] <Some(\"_ZN6tachys4view8any_view11unmount_any17h67a9e78cf61885b1E\")> size=29
   func[4] <Some(\"__wbindgen_describe___wbg_formAction_a0ec9effa300c611\")> size=44
   func[5] <Some(\"_ZN6todoke4main17h8bec5a4b74696a24E\")> size=1400
SPLIT: ============== Main  : total size: 1473
SPLIT: ============== Split(\"manual\")
   func[9] <Some(\"_ZN6todoke6manual17h8bec5a4b74696a24E\")> size=99
";
        let main = main_module_functions(report);
        let names: Vec<(&str, u64)> = main.iter().map(|f| (f.name.as_str(), f.bytes)).collect();
        assert_eq!(
            names,
            [
                ("todoke::main", 1400),
                ("tachys::view::any_view::unmount_any", 29)
            ]
        );
    }

    fn leb128(mut n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    }

    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![id];
        s.extend(leb128(body.len()));
        s.extend_from_slice(body);
        s
    }

    fn string(s: &[u8]) -> Vec<u8> {
        let mut v = leb128(s.len());
        v.extend_from_slice(s);
        v
    }

    /// A module with one imported function and two bodies (3 and 5 bytes), named.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let mut imports = vec![1];
        imports.extend(string(b"env"));
        imports.extend(string(b"f"));
        imports.extend([0, 0]);
        m.extend(section(2, &imports));
        let mut code = vec![2];
        code.extend(string(&[0, 0, 0x0b]));
        code.extend(string(&[0, 0, 0, 0, 0x0b]));
        m.extend(section(10, &code));
        let mut names = vec![3];
        for (index, name) in [
            (0u8, &b"imported"[..]),
            (1, b"_ZN6todoke3app4main17h0123456789abcdefE"),
            (2, b"_ZN66_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..ops..drop..Drop$GT$4drop17h0123456789abcdefE"),
        ] {
            names.push(index);
            names.extend(string(name));
        }
        let mut custom = string(b"name");
        custom.push(1);
        custom.extend(string(&names));
        m.extend(section(0, &custom));
        m
    }

    #[test]
    fn bodies_are_named_past_the_imports_and_grouped_by_crate() {
        let f = function_sizes(&module()).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].name,
            "<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop"
        );
        assert_eq!(f[0].bytes, 5);
        assert_eq!(f[1].name, "todoke::app::main");
        assert_eq!(
            by_crate(&f),
            [("alloc".to_string(), 5), ("todoke".to_string(), 3)]
        );
    }

    #[test]
    fn crates_of_symbols() {
        assert_eq!(crate_of("leptos::mount::mount_to"), "leptos");
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as x::Y>::f"),
            "serde_json"
        );
        assert_eq!(crate_of("<T as tachys::view::IntoAny>::into_any"), "tachys");
        assert_eq!(crate_of("<char>::escape_debug_ext"), "core");
        assert_eq!(crate_of("memcpy"), "(runtime)");
        assert_eq!(crate_of("(function 9)"), "(runtime)");
    }

    #[test]
    fn a_module_without_names_has_no_breakdown() {
        let m: Vec<u8> = module()[..module().len() - 1].to_vec();
        assert!(function_sizes(b"\0asm\x01\0\0\0").is_none());
        assert!(function_sizes(&m).is_none());
    }
}
