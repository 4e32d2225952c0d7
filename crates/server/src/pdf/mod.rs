//! Tagged A4 PDFs (krilla): the fonts, the drawing primitives every document shares, and
//! [`flow`], which lays running text out over as many pages as it needs. The mailed letters
//! ([`crate::issuance`]) place their parts by hand with the same primitives; the receipt, the
//! acceptance notice and the manual ([`crate::documents`]) flow.
//!
//! Every document is tagged (a structure tree in reading order, the language set, decoration
//! marked as artifacts) so that screen readers read it as they read the HTML pages, and embeds a
//! subset of its font so that it prints the same everywhere.

pub mod flow;

use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag};
use krilla::text::{Font, TextDirection};

/// Default font: IPAexGothic from the Debian package `fonts-ipaexfont-gothic` (Japanese and
/// Latin).
pub const DEFAULT_FONT: &str = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
/// Default font for user IDs, passwords and digests: DejaVu Sans Mono (Debian
/// `fonts-dejavu-core`), monospaced with a slashed zero and distinct 1/l/I. Without it the
/// main font is used.
pub const DEFAULT_MONO_FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

/// What making a PDF can fail with. Operators see it through their own error (the letter
/// commands); the API logs it and answers that documents are unavailable.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("font {path} is unreadable: {detail}")]
    FontUnreadable { path: String, detail: String },
    #[error("PDF output failed: {0}")]
    Output(String),
}

/// The loaded fonts, shared by every PDF of a run (cheap to clone).
#[derive(Clone)]
pub struct Fonts {
    pub(crate) main: Font,
    pub(crate) mono: Option<Font>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("mono", &self.mono.is_some())
            .finish_non_exhaustive()
    }
}

fn load_font(path: &str) -> Result<Font, PdfError> {
    let unreadable = |detail: String| PdfError::FontUnreadable {
        path: path.to_string(),
        detail,
    };
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    Font::new(Arc::new(bytes).into(), 0)
        .ok_or_else(|| unreadable("not a TrueType/OpenType font".into()))
}

impl Fonts {
    /// The main (Japanese) font is required; the monospaced one is optional.
    pub fn load(path: &str, mono_path: &str) -> Result<Self, PdfError> {
        let main = load_font(path)?;
        let mono = match load_font(mono_path) {
            Ok(f) => Some(f),
            Err(_) => {
                tracing::warn!(
                    mono_path,
                    "monospaced PDF font not found; using the main font"
                );
                None
            }
        };
        Ok(Self { main, mono })
    }

    /// The monospaced font, or the main one when there is none.
    pub(crate) fn mono(&self) -> Font {
        self.mono.clone().unwrap_or_else(|| self.main.clone())
    }
}

pub(crate) const MM: f32 = 72.0 / 25.4;
pub(crate) const PAGE_W: f32 = 210.0 * MM;
pub(crate) const PAGE_H: f32 = 297.0 * MM;
pub(crate) const LEFT: f32 = 22.0 * MM;
pub(crate) const RIGHT: f32 = PAGE_W - 20.0 * MM;
/// Where the page footer's baseline sits.
pub(crate) const FOOTER_BASELINE: f32 = PAGE_H - 12.0 * MM;

/// The serialisation settings of every document: tagged.
pub(crate) fn tagged_settings() -> krilla::SerializeSettings {
    krilla::SerializeSettings {
        enable_tagging: true,
        ..krilla::SerializeSettings::default()
    }
}

/// An A4 page's settings.
pub(crate) fn a4() -> Result<krilla::page::PageSettings, PdfError> {
    krilla::page::PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| PdfError::Output("page size".into()))
}

fn black(surface: &mut Surface) {
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        ..Fill::default()
    }));
}

/// Draws one line of text as a tagged span; its identifier goes into the structure tree.
pub(crate) fn span(
    surface: &mut Surface,
    font: Font,
    x: f32,
    baseline: f32,
    size: f32,
    text: &str,
) -> Identifier {
    black(surface);
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    surface.draw_text(
        Point::from_xy(x, baseline),
        font,
        size,
        text,
        false,
        TextDirection::Auto,
    );
    surface.end_tagged();
    id
}

/// Text that is decoration for screen readers (page footers): drawn as a page artifact.
pub(crate) fn footer(surface: &mut Surface, font: Font, text: &str) {
    black(surface);
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
        ArtifactType::Page,
    )));
    surface.draw_text(
        Point::from_xy(LEFT, FOOTER_BASELINE),
        font,
        8.0,
        text,
        false,
        TextDirection::Auto,
    );
    surface.end_tagged();
}

/// A rectangle's outline (decoration, so an artifact).
pub(crate) fn rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, width: f32) {
    let mut pb = PathBuilder::new();
    if let Some(r) = Rect::from_xywh(x, y, w, h) {
        pb.push_rect(r);
    }
    if let Some(path) = pb.finish() {
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Other,
        )));
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(0, 0, 0).into(),
            width,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
        surface.end_tagged();
    }
}

/// A heading tag of `level` (1 when 0).
pub(crate) fn heading(level: u16) -> Tag<krilla::tagging::kind::Hn> {
    Tag::Hn(NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN), None)
}

/// How wide `c` is set, in ems: full-width characters one em, ASCII about half (a
/// conservative estimate for IPAexGothic and DejaVu Sans Mono).
fn advance(c: char) -> f32 {
    if c.is_ascii() { 0.6 } else { 1.0 }
}

/// Breaks `text` into lines no wider than `width` at `size`. Japanese breaks between any two
/// characters, except that closing punctuation never starts a line (simple 行頭禁則); Latin
/// text breaks at spaces where it can. An empty text is one empty line.
pub(crate) fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_line(paragraph, size, width, &mut lines);
    }
    lines
}

fn wrap_line(text: &str, size: f32, width: f32, lines: &mut Vec<String>) {
    let mut current = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let adv = advance(c) * size;
        if used + adv > width && !current.is_empty() {
            if matches!(c, '、' | '。' | '）' | '」' | '，' | '．' | ')' | ',' | '.') {
                current.push(c);
                lines.push(std::mem::take(&mut current));
                used = 0.0;
                continue;
            }
            // Break a Latin word at its last space, when the line has one.
            let carried = if c.is_ascii_alphanumeric() {
                match current.rfind(' ') {
                    Some(at) if at > 0 => {
                        let rest = current[at + 1..].to_string();
                        current.truncate(at);
                        rest
                    }
                    _ => String::new(),
                }
            } else {
                String::new()
            };
            lines.push(std::mem::take(&mut current));
            used = carried.chars().map(|c| advance(c) * size).sum();
            current = carried;
            if c == ' ' {
                continue;
            }
        }
        current.push(c);
        used += adv;
    }
    lines.push(current);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width_of(line: &str, size: f32) -> f32 {
        line.chars().map(|c| advance(c) * size).sum()
    }

    #[test]
    fn japanese_wraps_anywhere_but_before_closing_punctuation() {
        let text = "あいうえおかきくけこ。さしすせそ";
        let lines = wrap(text, 10.0, 100.0);
        assert_eq!(lines[0], "あいうえおかきくけこ。");
        assert_eq!(lines[1], "さしすせそ");
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn latin_wraps_at_spaces_and_keeps_every_word() {
        let text = "Sign in with the user ID and the initial password printed on the letter";
        let lines = wrap(text, 10.0, 120.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width_of(l, 10.0) <= 120.0, "{l:?} is too wide");
            assert!(!l.starts_with(' ') && !l.ends_with(' '), "{l:?}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let digest = "a".repeat(100);
        let lines = wrap(&digest, 10.0, 120.0);
        assert_eq!(lines.concat(), digest);
        assert!(lines.iter().all(|l| width_of(l, 10.0) <= 120.0));
    }

    #[test]
    fn newlines_start_new_lines_and_empty_text_is_one_line() {
        assert_eq!(wrap("一\n二", 10.0, 100.0), ["一", "二"]);
        assert_eq!(wrap("", 10.0, 100.0), [""]);
    }
}
