//! Every user-facing string, one module per language. The Japanese text is the product's;
//! an English translation adds `en.rs` with the same names.

pub mod ja;

/// A section of the user manual: a heading, paragraphs and, optionally, numbered steps.
#[derive(Debug, Clone, Copy)]
pub struct ManualSection {
    pub id: &'static str,
    pub heading: &'static str,
    pub paragraphs: &'static [&'static str],
    pub steps: &'static [&'static str],
}

/// A question and its answer (よくあるお問い合わせ).
#[derive(Debug, Clone, Copy)]
pub struct Faq {
    pub question: &'static str,
    pub answer: &'static str,
}
