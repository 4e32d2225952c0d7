//! The announcement on the list page: plain text and at most one link, set by the operator
//! (e.g. the notice's request to answer a survey). Parsed here so that the operator command and
//! anything else that writes one refuse the same things; the app shows it as text, never HTML.

use serde::{Deserialize, Serialize};

use crate::text::current::issuance as t;

pub const TEXT_MAX_CHARS: usize = 400;
pub const LINK_TEXT_MAX_CHARS: usize = 60;
pub const URL_MAX_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Announcement {
    /// Plain text; line breaks are kept.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<AnnouncementLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementLink {
    pub text: String,
    /// `https://…`, `http://…` or a path on the same site (`/survey`).
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnnouncementError {
    #[error("{}", t::ANNOUNCEMENT_TEXT_MISSING())]
    TextMissing,
    #[error("{}", t::announcement_text_too_long(TEXT_MAX_CHARS))]
    TextTooLong,
    #[error("{}", t::ANNOUNCEMENT_LINK_INCOMPLETE())]
    LinkIncomplete,
    #[error("{}", t::announcement_link_text_too_long(LINK_TEXT_MAX_CHARS))]
    LinkTextTooLong,
    #[error("{}", t::ANNOUNCEMENT_URL_NOT_ALLOWED())]
    UrlNotAllowed,
}

impl Announcement {
    /// The announcement from what the operator typed: the text trimmed, and a link only when
    /// both its text and its address are given.
    pub fn parse(
        text: &str,
        link_text: Option<&str>,
        link_url: Option<&str>,
    ) -> Result<Self, AnnouncementError> {
        let text = clean(text);
        if text.is_empty() {
            return Err(AnnouncementError::TextMissing);
        }
        if text.chars().count() > TEXT_MAX_CHARS {
            return Err(AnnouncementError::TextTooLong);
        }
        let link_text = link_text.map(clean).filter(|s| !s.is_empty());
        let link_url = link_url.map(str::trim).filter(|s| !s.is_empty());
        let link = match (link_text, link_url) {
            (None, None) => None,
            (Some(text), Some(url)) => {
                if text.chars().count() > LINK_TEXT_MAX_CHARS {
                    return Err(AnnouncementError::LinkTextTooLong);
                }
                if !url_allowed(url) {
                    return Err(AnnouncementError::UrlNotAllowed);
                }
                Some(AnnouncementLink {
                    text,
                    url: url.to_string(),
                })
            }
            _ => return Err(AnnouncementError::LinkIncomplete),
        };
        Ok(Self { text, link })
    }
}

/// Trimmed, with control characters other than line breaks removed (a pasted tab or escape
/// code must not reach the page).
fn clean(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// A web address or a path on this site; never `javascript:`, `data:` or a protocol-relative
/// `//host` (which would leave the site unannounced).
fn url_allowed(url: &str) -> bool {
    if url.chars().count() > URL_MAX_CHARS
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    let web = ["https://", "http://"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    web || (url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_link_are_cleaned_and_kept() {
        let a = Announcement::parse(
            "  アンケートにご協力ください。\n所要時間は5分です。\t ",
            Some(" アンケートに回答する "),
            Some(" https://example.go.jp/survey?id=1 "),
        )
        .unwrap();
        assert_eq!(a.text, "アンケートにご協力ください。\n所要時間は5分です。");
        assert_eq!(
            a.link,
            Some(AnnouncementLink {
                text: "アンケートに回答する".into(),
                url: "https://example.go.jp/survey?id=1".into()
            })
        );
        assert_eq!(
            Announcement::parse("お知らせ", None, Some(" "))
                .unwrap()
                .link,
            None
        );
        assert!(Announcement::parse("x", Some("a"), Some("/todoke/manual")).is_ok());
    }

    #[test]
    fn what_is_refused() {
        use AnnouncementError::*;
        let p = |text: &str, lt: Option<&str>, url: Option<&str>| {
            Announcement::parse(text, lt, url).unwrap_err()
        };
        assert_eq!(p(" \n ", None, None), TextMissing);
        assert_eq!(p(&"あ".repeat(TEXT_MAX_CHARS + 1), None, None), TextTooLong);
        assert!(Announcement::parse(&"あ".repeat(TEXT_MAX_CHARS), None, None).is_ok());
        assert_eq!(p("x", Some("回答"), None), LinkIncomplete);
        assert_eq!(p("x", None, Some("https://a.jp")), LinkIncomplete);
        assert_eq!(
            p(
                "x",
                Some(&"あ".repeat(LINK_TEXT_MAX_CHARS + 1)),
                Some("https://a.jp")
            ),
            LinkTextTooLong
        );
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "/\\evil.example",
            "https://",
            "ftp://a.jp",
            "https://a.jp/a b",
            "survey",
        ] {
            assert_eq!(p("x", Some("a"), Some(url)), UrlNotAllowed, "{url}");
        }
    }
}
