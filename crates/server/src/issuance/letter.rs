//! The mailed ユーザID・初期パスワード通知 as a print-ready, tagged A4 PDF (krilla: the font is
//! embedded as a subset of the glyphs used; the structure tree and MarkInfo make it a tagged
//! PDF with Japanese as the document language).
//!
//! Each letter takes two pages: page 1 carries the address block (placed for the window of a
//! 長形3号 window envelope: top left, 25 mm from the left and 20 mm from the top edge), the
//! credentials in a box, the first-login steps, the password rules and the service hours;
//! page 2 the seed's FAQ.

use krilla::Document;
use krilla::metadata::Metadata;
use krilla::surface::Surface;
use krilla::tagging::{Tag, TagGroup, TagKind, TagTree};
use krilla::text::Font;
use todoke_core::text::ja;
use todoke_core::text::ja::issuance as t;
use todoke_core::{FeeScheduleClass, Prefecture};

use super::OperatorError;
use crate::pdf::{self, Fonts, LEFT, MM, RIGHT, heading, wrap};

/// The seed's login URL, printed in step ①.
pub const DEFAULT_LOGIN_URL: &str = "https://healthinsurance.mhlw.go.jp/auth/login/login.html";

/// One letter's content. `initial_password` is printed here and nowhere else.
#[derive(Clone)]
pub struct Letter {
    pub user_id: String,
    pub initial_password: String,
    pub institution_code: String,
    pub class: FeeScheduleClass,
    pub name: String,
    pub postal_code: String,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub prefecture: Prefecture,
    pub batch: u8,
}

impl std::fmt::Debug for Letter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Letter")
            .field("user_id", &self.user_id)
            .field("institution_code", &self.institution_code)
            .field("initial_password", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl From<pdf::PdfError> for OperatorError {
    fn from(e: pdf::PdfError) -> Self {
        match e {
            pdf::PdfError::FontUnreadable { path, detail } => {
                OperatorError::LetterFontUnreadable { path, detail }
            }
            pdf::PdfError::Output(detail) => OperatorError::LetterOutput(detail),
        }
    }
}

pub struct LetterOptions<'a> {
    pub login_url: &'a str,
    pub reissue: bool,
}

/// Renders `letters` (already in mailing order) into one PDF. Letters are official mail to
/// institutions in Japan: always Japanese, dates and prefecture names included, whatever
/// language a request asked for.
pub fn render(
    font: &Fonts,
    letters: &[Letter],
    options: &LetterOptions,
) -> Result<Vec<u8>, OperatorError> {
    todoke_core::text::lang::in_lang(todoke_core::text::Lang::Ja, || {
        render_japanese(font, letters, options)
    })
}

fn render_japanese(
    font: &Fonts,
    letters: &[Letter],
    options: &LetterOptions,
) -> Result<Vec<u8>, OperatorError> {
    let mut document = Document::new_with(pdf::tagged_settings());
    let title = if options.reissue {
        t::LETTER_REISSUE_TITLE
    } else {
        t::LETTER_TITLE
    };
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("ja".to_string())
            .creator("Todoke".to_string()),
    );
    let mut tree = TagTree::new().with_lang(Some("ja".to_string()));
    for letter in letters {
        let mut section = TagGroup::new(Tag::Section);
        for page_index in 0..2 {
            let mut page = document.start_page_with(pdf::a4()?);
            let mut surface = page.surface();
            let mut w = Writer {
                surface: &mut surface,
                font: font.main.clone(),
                mono: font.mono(),
                groups: Vec::new(),
            };
            if page_index == 0 {
                first_page(&mut w, letter, options, title);
            } else {
                second_page(&mut w);
            }
            w.footer(&t::letter_batch_footer(
                letter.batch,
                letter.prefecture.name(),
                page_index + 1,
                2,
            ));
            let groups = std::mem::take(&mut w.groups);
            surface.finish();
            page.finish();
            for g in groups {
                section.push(g);
            }
        }
        tree.push(section);
    }
    document.set_tag_tree(tree);
    document
        .finish()
        .map_err(|e| OperatorError::LetterOutput(format!("{e:?}")))
}

struct Writer<'s, 'p> {
    surface: &'s mut Surface<'p>,
    font: Font,
    mono: Font,
    groups: Vec<TagGroup>,
}

impl Writer<'_, '_> {
    /// Draws one line as a tagged span, a member of `group`.
    fn line(&mut self, group: &mut TagGroup, x: f32, baseline: f32, size: f32, text: &str) {
        let font = self.font.clone();
        self.line_in(font, group, x, baseline, size, text);
    }

    fn line_in(
        &mut self,
        font: Font,
        group: &mut TagGroup,
        x: f32,
        baseline: f32,
        size: f32,
        text: &str,
    ) {
        group.push(pdf::span(self.surface, font, x, baseline, size, text));
    }

    /// A block (paragraph, heading …) of wrapped lines; returns the y below it.
    fn block(
        &mut self,
        kind: impl Into<TagKind>,
        x: f32,
        top: f32,
        size: f32,
        width: f32,
        text: &str,
    ) -> f32 {
        let mut group = TagGroup::new(kind);
        let mut y = top;
        for line in wrap(text, size, width) {
            y += size * 1.45;
            self.line(&mut group, x, y, size, &line);
        }
        self.groups.push(group);
        y
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        pdf::rect(self.surface, x, y, w, h, width);
    }

    fn footer(&mut self, text: &str) {
        pdf::footer(self.surface, self.font.clone(), text);
    }
}

/// The letter's first page, top to bottom. Long because it is the page's layout written out as
/// drawing calls in reading order (which is also the tag order screen readers follow); split
/// into pieces, the order would be harder to check against the printed letter.
fn first_page(w: &mut Writer, letter: &Letter, options: &LetterOptions, title: &str) {
    // Address block for the envelope window (about 90 × 45 mm).
    let window_x = 25.0 * MM;
    let window_w = 85.0 * MM;
    let mut y = 20.0 * MM;
    let postal = format!(
        "{}{}-{}",
        t::LETTER_POSTAL_MARK,
        &letter.postal_code[..3.min(letter.postal_code.len())],
        letter.postal_code.get(3..).unwrap_or("")
    );
    let mut address = TagGroup::new(Tag::P);
    y += 11.0;
    w.line(&mut address, window_x, y, 11.0, &postal);
    y += 4.0;
    let mut lines: Vec<String> = wrap(&letter.address_line1, 11.0, window_w);
    if let Some(a2) = &letter.address_line2 {
        lines.extend(wrap(a2, 11.0, window_w));
    }
    for l in lines {
        y += 15.0;
        w.line(&mut address, window_x, y, 11.0, &l);
    }
    y += 8.0;
    let name = format!("{}　{}", letter.name, t::LETTER_HONORIFIC);
    for l in wrap(&name, 13.0, window_w) {
        y += 19.0;
        w.line(&mut address, window_x, y, 13.0, &l);
    }
    w.groups.push(address);
    // Sender, top right.
    w.block(
        Tag::P,
        145.0 * MM,
        18.0 * MM,
        9.0,
        45.0 * MM,
        t::LETTER_SENDER,
    );

    let mut y = 75.0 * MM;
    y = w.block(heading(1), LEFT, y, 18.0, RIGHT - LEFT, title) + 6.0;
    let intro = if options.reissue {
        t::LETTER_REISSUE_INTRO
    } else {
        t::LETTER_INTRO
    };
    y = w.block(Tag::P, LEFT, y, 10.0, RIGHT - LEFT, intro) + 4.0;
    let who = format!(
        "{}：{}（{}）",
        t::LETTER_INSTITUTION_LABEL,
        letter.institution_code,
        letter.class.label()
    );
    y = w.block(Tag::P, LEFT, y, 10.0, RIGHT - LEFT, &who) + 8.0;

    // The credentials, set apart in a box, large.
    let box_h = 30.0 * MM;
    w.rect(LEFT, y, RIGHT - LEFT, box_h, 1.5);
    let mut creds = TagGroup::new(Tag::Div);
    for (i, (label, value)) in [
        (t::LETTER_USER_ID_LABEL, letter.user_id.as_str()),
        (t::LETTER_PASSWORD_LABEL, letter.initial_password.as_str()),
    ]
    .into_iter()
    .enumerate()
    {
        let mut p = TagGroup::new(Tag::P);
        let base = y + 12.0 * MM + i as f32 * 13.0 * MM;
        w.line(&mut p, LEFT + 6.0 * MM, base, 12.0, label);
        let mono = w.mono.clone();
        w.line_in(mono, &mut p, LEFT + 45.0 * MM, base + 2.0, 22.0, value);
        creds.push(p);
    }
    w.groups.push(creds);
    y += box_h + 3.0;
    y = w.block(
        Tag::P,
        LEFT,
        y,
        9.0,
        RIGHT - LEFT,
        t::LETTER_CREDENTIALS_NOTE,
    );
    y = w.block(Tag::P, LEFT, y, 9.0, RIGHT - LEFT, t::LETTER_KEEP_SAFE) + 8.0;

    y = w.block(
        heading(2),
        LEFT,
        y,
        13.0,
        RIGHT - LEFT,
        t::LETTER_STEPS_HEADING,
    ) + 2.0;
    for (i, step) in t::LETTER_STEPS.iter().enumerate() {
        y = w.block(
            Tag::P,
            LEFT + 3.0 * MM,
            y,
            10.0,
            RIGHT - LEFT - 3.0 * MM,
            step,
        );
        if i == 0 {
            y = w.block(
                Tag::P,
                LEFT + 8.0 * MM,
                y,
                10.0,
                RIGHT - LEFT - 8.0 * MM,
                options.login_url,
            );
        }
    }
    y = w.block(
        heading(2),
        LEFT,
        y + 8.0,
        13.0,
        RIGHT - LEFT,
        t::LETTER_RULES_HEADING,
    ) + 2.0;
    for rule in t::LETTER_RULES {
        y = w.block(
            Tag::P,
            LEFT + 3.0 * MM,
            y,
            10.0,
            RIGHT - LEFT - 3.0 * MM,
            rule,
        );
    }
    y = w.block(
        heading(2),
        LEFT,
        y + 8.0,
        13.0,
        RIGHT - LEFT,
        t::LETTER_HOURS_HEADING,
    ) + 2.0;
    w.block(
        Tag::P,
        LEFT + 3.0 * MM,
        y,
        10.0,
        RIGHT - LEFT - 3.0 * MM,
        t::LETTER_HOURS,
    );
}

fn second_page(w: &mut Writer) {
    let mut y = 18.0 * MM;
    y = w.block(
        heading(2),
        LEFT,
        y,
        13.0,
        RIGHT - LEFT,
        t::LETTER_FAQ_HEADING,
    ) + 4.0;
    for (q, a) in t::LETTER_FAQ {
        y = w.block(Tag::P, LEFT, y, 10.0, RIGHT - LEFT, q);
        y = w.block(Tag::P, LEFT + 4.0 * MM, y, 9.5, RIGHT - LEFT - 4.0 * MM, a) + 6.0;
    }
    w.block(Tag::P, LEFT, y + 6.0, 9.5, RIGHT - LEFT, ja::SERVICE_NAME);
}
