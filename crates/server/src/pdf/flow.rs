//! Running documents (the receipt, the acceptance notice, the manual): a list of [`Block`]s laid
//! out top to bottom over as many A4 pages as they need, then drawn and tagged in reading
//! order. Layout is a plain function of the blocks ([`layout`]) so that pagination is tested
//! without making a PDF.

use std::collections::HashMap;

use krilla::Document;
use krilla::metadata::Metadata;
use krilla::tagging::{
    Identifier, ListNumbering, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use todoke_core::text::Lang;
use todoke_core::text::current as text;
use todoke_core::text::lang::in_lang;

use super::{
    Fonts, LEFT, MM, PAGE_H, PdfError, RIGHT, a4, footer, heading, span, tagged_settings, wrap,
};

/// One part of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title (H1).
    Title(String),
    /// A section heading (H2).
    Heading(String),
    /// A heading inside a section (H3), e.g. an FAQ question.
    SubHeading(String),
    Paragraph(String),
    /// Smaller print: hints under a table, the sender.
    Note(String),
    /// Label and value pairs as a two-column table whose first column heads each row.
    Fields(Vec<Field>),
    /// A numbered list.
    Steps(Vec<String>),
}

/// One row of [`Block::Fields`]; `mono` sets the value in the monospaced font (digests, IDs).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: String,
    pub value: String,
    pub mono: bool,
}

impl Field {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            mono: false,
        }
    }

    pub fn mono(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            mono: true,
            ..Self::new(label, value)
        }
    }
}

/// A whole document: its title (also the PDF's metadata title), the language of its text, its
/// blocks and the text of each page's footer (the page number is added in `lang`).
#[derive(Debug, Clone, PartialEq)]
pub struct FlowDocument {
    pub title: String,
    pub lang: Lang,
    pub blocks: Vec<Block>,
    pub footer: String,
}

/// Which structure element a line of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The whole of block `0` (titles, headings, paragraphs).
    Block(usize),
    /// A table cell: block, row, column (0 is the row's header).
    Cell(usize, usize, usize),
    /// A list item's number (`false`) or body (`true`): block, item.
    Item(usize, usize, bool),
}

/// One line placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub slot: Slot,
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub text: String,
    pub mono: bool,
}

pub(crate) const TOP: f32 = 20.0 * MM;
/// The lowest a line's baseline may go, above the footer.
pub(crate) const BOTTOM: f32 = PAGE_H - 22.0 * MM;
const LINE_HEIGHT: f32 = 1.5;
/// The width of a table's header column.
const LABEL_WIDTH: f32 = 55.0 * MM;
const CELL_GAP: f32 = 4.0 * MM;
const STEP_INDENT: f32 = 7.0 * MM;

/// Lines that must stay on one page (a table row, a heading), with what comes before it.
struct Unit {
    /// Offsets of each line from the unit's top: `(dx, dy of the baseline, size, text, mono, slot)`.
    lines: Vec<Placed>,
    height: f32,
    space_before: f32,
    /// A heading: move it to the next page rather than leave it last on this one.
    keep_with_next: bool,
}

fn lines_of(slot: Slot, x: f32, size: f32, width: f32, text: &str, mono: bool) -> Vec<Placed> {
    wrap(text, size, width)
        .into_iter()
        .enumerate()
        .map(|(i, t)| Placed {
            slot,
            x,
            baseline: size + i as f32 * size * LINE_HEIGHT,
            size,
            text: t,
            mono,
        })
        .collect()
}

fn height_of(lines: &[Placed]) -> f32 {
    lines
        .iter()
        .map(|l| l.baseline - l.size + l.size * LINE_HEIGHT)
        .fold(0.0, f32::max)
}

fn unit(lines: Vec<Placed>, space_before: f32, keep_with_next: bool) -> Unit {
    Unit {
        height: height_of(&lines),
        lines,
        space_before,
        keep_with_next,
    }
}

/// One line of a paragraph per unit, so that a long paragraph continues on the next page.
fn paragraph_units(slot: Slot, size: f32, text: &str, space_before: f32) -> Vec<Unit> {
    lines_of(slot, LEFT, size, RIGHT - LEFT, text, false)
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            l.baseline = size;
            unit(vec![l], if i == 0 { space_before } else { 0.0 }, false)
        })
        .collect()
}

fn units_of(index: usize, block: &Block) -> Vec<Unit> {
    let whole = Slot::Block(index);
    let width = RIGHT - LEFT;
    match block {
        Block::Title(t) => vec![unit(
            lines_of(whole, LEFT, 16.0, width, t, false),
            0.0,
            true,
        )],
        Block::Heading(t) => vec![unit(
            lines_of(whole, LEFT, 12.5, width, t, false),
            12.0,
            true,
        )],
        Block::SubHeading(t) => {
            vec![unit(
                lines_of(whole, LEFT, 10.5, width, t, false),
                8.0,
                true,
            )]
        }
        Block::Paragraph(t) => paragraph_units(whole, 10.0, t, 4.0),
        Block::Note(t) => paragraph_units(whole, 8.5, t, 2.0),
        Block::Fields(rows) => rows
            .iter()
            .enumerate()
            .map(|(r, f)| {
                let mut lines = lines_of(
                    Slot::Cell(index, r, 0),
                    LEFT,
                    9.5,
                    LABEL_WIDTH,
                    &f.label,
                    false,
                );
                let value_x = LEFT + LABEL_WIDTH + CELL_GAP;
                lines.extend(lines_of(
                    Slot::Cell(index, r, 1),
                    value_x,
                    10.0,
                    RIGHT - value_x,
                    &f.value,
                    f.mono,
                ));
                unit(lines, if r == 0 { 6.0 } else { 3.0 }, false)
            })
            .collect(),
        Block::Steps(items) => items
            .iter()
            .enumerate()
            .map(|(k, item)| {
                let mut lines = lines_of(
                    Slot::Item(index, k, false),
                    LEFT,
                    10.0,
                    STEP_INDENT,
                    &format!("{}.", k + 1),
                    false,
                );
                lines.extend(lines_of(
                    Slot::Item(index, k, true),
                    LEFT + STEP_INDENT,
                    10.0,
                    width - STEP_INDENT,
                    item,
                    false,
                ));
                unit(lines, if k == 0 { 4.0 } else { 2.0 }, false)
            })
            .collect(),
    }
}

/// The lines of each page, in reading order. Nothing goes below [`BOTTOM`]; a table row or a
/// list item never splits; a heading never ends a page; a page's first unit drops its space.
pub fn layout(blocks: &[Block]) -> Vec<Vec<Placed>> {
    let units: Vec<Unit> = blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| units_of(i, b))
        .collect();
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = TOP;
    for (i, u) in units.iter().enumerate() {
        let on_fresh_page = pages.last().is_some_and(Vec::is_empty);
        let space = if on_fresh_page { 0.0 } else { u.space_before };
        let mut needed = space + u.height;
        if u.keep_with_next
            && let Some(next) = units.get(i + 1)
        {
            needed += next.space_before + next.height;
        }
        if !on_fresh_page && y + needed > BOTTOM {
            pages.push(Vec::new());
            y = TOP;
        } else {
            y += space;
        }
        let page = pages.last_mut().expect("there is always a page");
        for line in &u.lines {
            page.push(Placed {
                baseline: y + line.baseline,
                ..line.clone()
            });
        }
        y += u.height;
    }
    pages
}

/// Renders `doc` as a tagged PDF (on any thread: the footer's words are in `doc.lang`).
pub fn render(fonts: &Fonts, doc: &FlowDocument) -> Result<Vec<u8>, PdfError> {
    in_lang(doc.lang, || render_in_lang(fonts, doc))
}

fn render_in_lang(fonts: &Fonts, doc: &FlowDocument) -> Result<Vec<u8>, PdfError> {
    let lang = doc.lang.tag();
    let pages = layout(&doc.blocks);
    let mut document = Document::new_with(tagged_settings());
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(lang.to_string())
            .creator("Todoke".to_string()),
    );
    let mut ids: HashMap<Slot, Vec<Identifier>> = HashMap::new();
    let total = pages.len();
    for (n, lines) in pages.iter().enumerate() {
        let mut page = document.start_page_with(a4()?);
        let mut surface = page.surface();
        for l in lines {
            let font = if l.mono {
                fonts.mono()
            } else {
                fonts.main.clone()
            };
            let id = span(&mut surface, font, l.x, l.baseline, l.size, &l.text);
            ids.entry(l.slot).or_default().push(id);
        }
        let page_footer = format!(
            "{}{}{}",
            doc.footer,
            text::PARTS_SEPARATOR(),
            text::page_number(n + 1, total)
        );
        footer(&mut surface, fonts.main.clone(), &page_footer);
        surface.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
    let mut take = |slot: Slot, kind: TagKind| {
        let mut group = TagGroup::new(kind);
        for id in ids.remove(&slot).unwrap_or_default() {
            group.push(id);
        }
        group
    };
    for (i, block) in doc.blocks.iter().enumerate() {
        let whole = Slot::Block(i);
        let group = match block {
            Block::Title(_) => take(whole, heading(1).into()),
            Block::Heading(_) => take(whole, heading(2).into()),
            Block::SubHeading(_) => take(whole, heading(3).into()),
            Block::Paragraph(_) | Block::Note(_) => take(whole, Tag::P.into()),
            Block::Fields(rows) => {
                let mut table = TagGroup::new(Tag::Table);
                for r in 0..rows.len() {
                    let mut row = TagGroup::new(Tag::TR);
                    row.push(take(
                        Slot::Cell(i, r, 0),
                        Tag::TH(TableHeaderScope::Row).into(),
                    ));
                    row.push(take(Slot::Cell(i, r, 1), Tag::TD.into()));
                    table.push(row);
                }
                table
            }
            Block::Steps(items) => {
                let mut list = TagGroup::new(Tag::L(ListNumbering::Decimal));
                for k in 0..items.len() {
                    let mut item = TagGroup::new(Tag::LI);
                    item.push(take(Slot::Item(i, k, false), Tag::Lbl.into()));
                    item.push(take(Slot::Item(i, k, true), Tag::LBody.into()));
                    list.push(item);
                }
                list
            }
        };
        tree.push(group);
    }
    document.set_tag_tree(tree);
    document
        .finish()
        .map_err(|e| PdfError::Output(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_document() -> Vec<Block> {
        let mut blocks = vec![Block::Title("マニュアル".into())];
        for s in 0..12 {
            blocks.push(Block::Heading(format!("第{s}章")));
            blocks.push(Block::Paragraph(
                "このシステムへのログインと、初回のパスワード変更について説明します。".repeat(6),
            ));
            blocks.push(Block::Steps(vec![
                "ユーザIDを入力します。".into(),
                "パスワードを入力します。".into(),
            ]));
            blocks.push(Block::Fields(
                (0..4)
                    .map(|r| Field::new(format!("項目{r}"), "値"))
                    .collect(),
            ));
        }
        blocks
    }

    #[test]
    fn long_documents_run_over_pages_and_stay_inside_them() {
        let pages = layout(&long_document());
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            assert!(!page.is_empty());
            for l in page {
                assert!(l.baseline <= BOTTOM && l.baseline >= TOP, "{l:?}");
                assert!(l.x >= LEFT && l.x < RIGHT);
            }
        }
    }

    #[test]
    fn every_line_keeps_its_reading_order() {
        let blocks = long_document();
        let pages = layout(&blocks);
        let order = |s: &Slot| match *s {
            Slot::Block(b) | Slot::Cell(b, _, _) | Slot::Item(b, _, _) => b,
        };
        let seen: Vec<usize> = pages.iter().flatten().map(|l| order(&l.slot)).collect();
        assert!(seen.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(seen.last(), Some(&(blocks.len() - 1)));
    }

    #[test]
    fn no_page_ends_with_a_heading() {
        let pages = layout(&long_document());
        for page in &pages[..pages.len() - 1] {
            let last = page.last().unwrap();
            assert!(
                !matches!(last.slot, Slot::Block(b) if b % 4 == 1),
                "a heading ends a page: {last:?}"
            );
        }
    }

    #[test]
    fn a_table_row_stays_on_one_page() {
        let pages = layout(&long_document());
        let mut rows: HashMap<(usize, usize), usize> = HashMap::new();
        for (p, page) in pages.iter().enumerate() {
            for l in page {
                if let Slot::Cell(b, r, _) = l.slot {
                    assert_eq!(*rows.entry((b, r)).or_insert(p), p, "row {b}/{r} split");
                }
            }
        }
    }

    #[test]
    fn label_and_value_share_the_row_baseline() {
        let pages = layout(&[Block::Fields(vec![Field::new(
            "到達番号",
            "20261204-000001",
        )])]);
        let [label, value] = &pages[0][..] else {
            panic!("{:?}", pages[0])
        };
        assert_eq!(label.slot, Slot::Cell(0, 0, 0));
        assert_eq!(value.slot, Slot::Cell(0, 0, 1));
        assert!((label.baseline - value.baseline).abs() < 1.0);
        assert!(value.x > label.x);
    }
}
