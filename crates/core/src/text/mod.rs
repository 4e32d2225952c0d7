//! Every user-facing string, one module per language. The Japanese text (`ja`) is the
//! product's; the English catalogue (`en`) has the same files, the same public names, types and
//! signatures, so a caller switches language by switching the module path. The tests in
//! `parity_tests.rs` fail when a string is added to one language without the other.

pub mod en;
pub mod ja;

#[cfg(test)]
mod parity_tests;

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
