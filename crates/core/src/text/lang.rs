//! Which catalogue answers: the product is Japanese; English is chosen by the user (the app)
//! or by the request (the server, from `Accept-Language`).
//!
//! The language is read in this order: a [`in_lang`] scope on this thread (the letter engine,
//! which always writes Japanese), the source the program installed with [`set_source`] (the
//! server: the language of the request being answered), then the default [`set_default`] (the
//! app: the user's choice, read once at start).

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 tag, for `lang` attributes, cookies and `Accept-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Ja => "ja",
            Self::En => "en",
        }
    }

    /// The language's own name, as a language switch shows it (never translated).
    pub fn endonym(self) -> &'static str {
        match self {
            Self::Ja => "日本語",
            Self::En => "English",
        }
    }

    /// A language tag, any region or script after the primary subtag ignored: "en-GB" → En.
    pub fn parse(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The language an `Accept-Language` header prefers among ours (highest q, first on a
    /// tie); Japanese when it names neither.
    pub fn from_accept_language(header: &str) -> Self {
        let mut best: Option<(Self, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Self::parse) else {
                continue;
            };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
                best = Some((lang, q));
            }
        }
        best.map_or(Self::Ja, |(lang, _)| lang)
    }

    fn from_u8(n: u8) -> Self {
        if n == 1 { Self::En } else { Self::Ja }
    }
}

static DEFAULT: AtomicU8 = AtomicU8::new(0);
static SOURCE: OnceLock<fn() -> Option<Lang>> = OnceLock::new();

thread_local! {
    static SCOPED: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language text is written in now.
pub fn current() -> Lang {
    SCOPED
        .with(Cell::get)
        .or_else(|| SOURCE.get().and_then(|source| source()))
        .unwrap_or_else(|| Lang::from_u8(DEFAULT.load(Ordering::Relaxed)))
}

/// The language used when nothing else says (the app calls it once, with the user's choice).
pub fn set_default(lang: Lang) {
    DEFAULT.store(lang as u8, Ordering::Relaxed);
}

/// Installs where the language comes from (the server: the request being answered). Only the
/// first call counts.
pub fn set_source(source: fn() -> Option<Lang>) {
    let _ = SOURCE.set(source);
}

/// Runs `f` with text in `lang` on this thread, whatever the request or default say.
pub fn in_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(lang))));
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_regions_and_any_case() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("ja_JP"), Some(Lang::Ja));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.tag()), Some(l));
        }
    }

    #[test]
    fn accept_language_takes_the_preferred_of_ours() {
        assert_eq!(Lang::from_accept_language("en"), Lang::En);
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.8, ja;q=0.9"),
            Lang::Ja
        );
        assert_eq!(Lang::from_accept_language("fr, en-US;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("en;q=0, ja;q=0.1"), Lang::Ja);
        assert_eq!(Lang::from_accept_language("en;q=0"), Lang::Ja);
        assert_eq!(Lang::from_accept_language("de, fr"), Lang::Ja);
        assert_eq!(Lang::from_accept_language(""), Lang::Ja);
        assert_eq!(Lang::from_accept_language("en, ja"), Lang::En);
    }

    #[test]
    fn a_scope_wins_and_ends_with_its_closure() {
        assert_eq!(current(), Lang::Ja);
        let inner = in_lang(Lang::En, || {
            let nested = in_lang(Lang::Ja, current);
            (current(), nested)
        });
        assert_eq!(inner, (Lang::En, Lang::Ja));
        assert_eq!(current(), Lang::Ja);
        assert_eq!(
            in_lang(Lang::En, super::super::current::LOGIN_TITLE),
            super::super::en::LOGIN_TITLE
        );
    }
}
