//! `text` and `furigana`: trimmed, at most `max_chars` characters; furigana in full-width
//! katakana.

use super::Verdict;
use crate::forms::issue::IssueCode;
use crate::forms::kana::normalise_furigana;

/// Free text, as typed (trimmed).
pub(super) fn text(typed: &str, max_chars: usize) -> Verdict {
    within(typed.to_string(), max_chars)
}

/// Full-width katakana, words separated by one full-width space; half-width katakana and
/// hiragana are converted.
pub(super) fn furigana(typed: &str, max_chars: usize) -> Verdict {
    let kana = normalise_furigana(typed);
    if !kana.valid {
        return Verdict::refuse(IssueCode::FuriganaNotKatakana);
    }
    within(kana.value, max_chars)
}

/// `value` when it has at most `max_chars` characters.
fn within(value: String, max_chars: usize) -> Verdict {
    let len = value.chars().count();
    if len > max_chars {
        return Verdict::refuse(IssueCode::TooLong {
            max: max_chars,
            len,
        });
    }
    Verdict::ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_characters_after_conversion() {
        assert_eq!(text("山田太郎", 4), Verdict::ok("山田太郎".into()));
        assert_eq!(
            text("山田太郎x", 4),
            Verdict::refuse(IssueCode::TooLong { max: 4, len: 5 })
        );
        // ﾊﾟ is two half-width characters but one full-width one.
        assert_eq!(furigana("ﾊﾟﾝ", 2), Verdict::ok("パン".into()));
        assert_eq!(
            furigana("山田", 10),
            Verdict::refuse(IssueCode::FuriganaNotKatakana)
        );
    }
}
