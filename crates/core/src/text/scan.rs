//! Reads the public items of one catalogue file. Shared by the build script, which writes the
//! language dispatch (`text::current`) from the Japanese catalogue, and by the parity tests,
//! which compare the two catalogues item by item. Only items at the start of a line count
//! (struct fields and nested code are indented).

/// One public item of a catalogue file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// `pub const NAME: TYPE = …;` (or `pub static`), the type squashed to one line.
    Constant {
        kind: &'static str,
        name: String,
        ty: String,
    },
    /// `pub fn name(params) -> ret {`: each parameter as (name, type), the return type as
    /// written.
    Function {
        name: String,
        params: Vec<(String, String)>,
        ret: String,
    },
    /// A `mod`, `pub mod` or `pub use` line, as written.
    Line(String),
}

impl Item {
    /// What the parity tests compare: a key naming the item and its signature.
    pub fn key_and_signature(&self) -> (String, String) {
        match self {
            Self::Constant { kind, name, ty } => (format!("{kind} {name}"), ty.clone()),
            Self::Function { name, params, ret } => {
                let params: Vec<String> = params.iter().map(|(n, t)| format!("{n}: {t}")).collect();
                let ret = if ret.is_empty() {
                    String::new()
                } else {
                    format!(" -> {ret}")
                };
                (
                    format!("fn {name}"),
                    format!("({}){ret}", params.join(", ")),
                )
            }
            Self::Line(line) => (line.clone(), line.clone()),
        }
    }
}

pub fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(", )", ")")
        .replace(",)", ")")
        .replace(" )", ")")
}

/// Splits at commas outside brackets.
fn top_level_split(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for ch in s.chars() {
        match ch {
            '(' | '[' | '<' => depth += 1,
            ')' | ']' | '>' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| squash(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The public items of one file, in order.
pub fn items(source: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(pos) = find_item(rest) {
        let item = &rest[pos..];
        let constant = item
            .strip_prefix("pub const ")
            .map(|t| ("const", t))
            .or_else(|| item.strip_prefix("pub static ").map(|t| ("static", t)));
        let (found, len) = if let Some((kind, tail)) = constant {
            let colon = tail.find(':').expect("const has a type");
            let eq = tail.find('=').expect("const has a value");
            let name = tail[..colon].trim().to_string();
            let ty = squash(&tail[colon + 1..eq]);
            (Item::Constant { kind, name, ty }, eq)
        } else if let Some(tail) = item.strip_prefix("pub fn ") {
            let open = tail.find('(').expect("fn has parameters");
            let brace = tail.find('{').expect("fn has a body");
            let close = tail[..brace].rfind(')').expect("fn parameters close");
            let name = tail[..open].trim().to_string();
            let params = top_level_split(&tail[open + 1..close])
                .into_iter()
                .map(|p| {
                    let (n, t) = p.split_once(':').expect("parameter has a type");
                    (n.trim().to_string(), t.trim().to_string())
                })
                .collect();
            let ret = squash(tail[close + 1..brace].trim().trim_start_matches("->"));
            (Item::Function { name, params, ret }, brace)
        } else {
            let end = item.find('\n').unwrap_or(item.len());
            (Item::Line(item[..end].trim().to_string()), end)
        };
        out.push(found);
        rest = &item[len.max(1)..];
    }
    out
}

fn find_item(s: &str) -> Option<usize> {
    const STARTS: [&str; 6] = [
        "pub const ",
        "pub static ",
        "pub fn ",
        "pub mod ",
        "pub use ",
        "mod ",
    ];
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        if STARTS.iter().any(|p| line.starts_with(p)) {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}
