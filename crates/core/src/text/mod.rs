//! Every user-facing string, one module per language. The Japanese text (`ja`) is the
//! product's; the English catalogue (`en`) has the same files, the same public names, types and
//! signatures. The tests in `parity_tests.rs` fail when a string is added to one language
//! without the other.
//!
//! Callers name [`current`]: the same items as functions (`current::LOGIN_TITLE()`,
//! `current::forms::row_heading(..)`) that answer in the language [`lang::current`] says.
//! The build script writes it from the Japanese catalogue, so it never lags behind.

pub mod en;
pub mod ja;
pub mod lang;
#[cfg(test)]
mod scan;

#[cfg(test)]
mod parity_tests;

pub use lang::Lang;

/// The catalogue of the current language (see the module documentation).
pub mod current {
    #![allow(clippy::all)]
    include!(concat!(env!("OUT_DIR"), "/text_current.rs"));
}

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
