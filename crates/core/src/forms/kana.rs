//! Furigana (フリガナ) normalisation: half-width katakana and hiragana become full-width
//! katakana, voiced and semi-voiced marks are composed (ｶﾞ → ガ, ﾊﾟ → パ, か゛ → ガ), and spaces
//! become one full-width space between words. Written with plain code-point arithmetic and one
//! 61-character table: no Unicode normalisation tables in the wasm build.

/// Full-width forms of U+FF61..=U+FF9D (half-width punctuation and katakana), in code-point order.
const HALF_WIDTH_KANA: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

const VOICED_MARKS: [char; 3] = ['\u{FF9E}', '\u{309B}', '\u{3099}'];
const SEMI_VOICED_MARKS: [char; 3] = ['\u{FF9F}', '\u{309C}', '\u{309A}'];

/// The result of normalising furigana.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furigana {
    /// The converted text (always returned, so the user sees what was made of their input).
    pub value: String,
    /// True when the value is made only of full-width katakana, 「ー」, 「・」 and single spaces.
    pub valid: bool,
}

fn half_width_kana(c: char) -> Option<char> {
    let i = (c as u32).checked_sub(0xFF61)?;
    HALF_WIDTH_KANA.chars().nth(i as usize)
}

/// ガ from カ, ヴ from ウ; `None` when the kana takes no voiced mark.
fn voiced(c: char) -> Option<char> {
    match c {
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'タ' | 'チ'
        | 'ツ' | 'テ' | 'ト' | 'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => {
            char::from_u32(c as u32 + 1)
        }
        'ウ' => Some('ヴ'),
        'ワ' => Some('ヷ'),
        'ヲ' => Some('ヺ'),
        _ => None,
    }
}

/// パ from ハ; `None` when the kana takes no semi-voiced mark.
fn semi_voiced(c: char) -> Option<char> {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2),
        _ => None,
    }
}

fn is_katakana_letter(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・' | 'ヽ' | 'ヾ')
}

/// Converts furigana to full-width katakana. Hiragana is accepted and converted too.
/// The conversion is idempotent: normalising its own output changes nothing.
pub fn normalise_furigana(input: &str) -> Furigana {
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for c in input.chars() {
        let c = match c {
            // Hiragana ぁ..ゖ and the iteration marks ゝゞ map onto katakana at +0x60.
            '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => {
                char::from_u32(c as u32 + 0x60).unwrap_or(c)
            }
            '\u{FF61}'..='\u{FF9D}' => half_width_kana(c).unwrap_or(c),
            ' ' | '\u{3000}' | '\t' => ' ',
            _ => c,
        };
        let composed = if VOICED_MARKS.contains(&c) {
            out.last().copied().and_then(voiced)
        } else if SEMI_VOICED_MARKS.contains(&c) {
            out.last().copied().and_then(semi_voiced)
        } else {
            None
        };
        match composed {
            Some(k) => *out.last_mut().expect("composed from the last character") = k,
            // A stray mark stays visible as the full-width spacing mark, which is then invalid.
            None if VOICED_MARKS.contains(&c) => out.push('゛'),
            None if SEMI_VOICED_MARKS.contains(&c) => out.push('゜'),
            None => out.push(c),
        }
    }
    // One full-width space between words, none at either end.
    let words: Vec<String> = out
        .split(|&c| c == ' ')
        .filter(|w| !w.is_empty())
        .map(|w| w.iter().collect())
        .collect();
    let value = words.join("\u{3000}");
    let valid = !value.is_empty()
        && value
            .chars()
            .all(|c| is_katakana_letter(c) || c == '\u{3000}');
    Furigana { value, valid }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn half_width_katakana_with_voiced_marks() {
        assert_eq!(normalise_furigana("ﾔﾏﾀﾞ ﾀﾛｳ").value, "ヤマダ　タロウ");
        assert_eq!(normalise_furigana("ﾊﾟﾝ").value, "パン");
        assert_eq!(normalise_furigana("ｶﾞｷﾞｸﾞｹﾞｺﾞ").value, "ガギグゲゴ");
        assert_eq!(normalise_furigana("ｳﾞｨｰﾅｽ").value, "ヴィーナス");
        assert_eq!(normalise_furigana("ﾎﾟﾎﾞ").value, "ポボ");
        assert_eq!(normalise_furigana("ｷｬｯﾁ").value, "キャッチ");
        assert_eq!(normalise_furigana("ｦﾝ").value, "ヲン");
        assert!(normalise_furigana("ﾔﾏﾀﾞ ﾀﾛｳ").valid);
    }

    #[test]
    fn hiragana_becomes_katakana() {
        let f = normalise_furigana("やまだ　はなこ");
        assert_eq!(f.value, "ヤマダ　ハナコ");
        assert!(f.valid);
        assert_eq!(normalise_furigana("ぱぴぷぺぽ").value, "パピプペポ");
        assert_eq!(normalise_furigana("か゛").value, "ガ");
        assert_eq!(normalise_funny("は\u{309A}"), "パ");
        assert_eq!(normalise_furigana("ゔ").value, "ヴ");
    }

    fn normalise_funny(s: &str) -> String {
        normalise_furigana(s).value
    }

    #[test]
    fn spaces_are_collapsed_and_trimmed() {
        assert_eq!(
            normalise_furigana("  スズキ   イチロウ ").value,
            "スズキ　イチロウ"
        );
        assert_eq!(
            normalise_furigana("スズキ\u{3000}\u{3000}イチロウ").value,
            "スズキ　イチロウ"
        );
    }

    #[test]
    fn non_katakana_is_invalid_but_kept() {
        for bad in ["山田", "Yamada", "ヤマダ1", "ﾞア", "ア゜", ""] {
            let f = normalise_furigana(bad);
            assert!(!f.valid, "{bad}");
        }
        assert_eq!(normalise_furigana("ﾞア").value, "゛ア");
        assert!(normalise_furigana("マリー・キュリー").valid);
    }

    proptest! {
        #[test]
        fn normalisation_is_idempotent(s in "[ ｱ-ﾝﾞﾟぁ-んァ-ヶー・　a-z0-9山田]{0,20}") {
            let once = normalise_furigana(&s);
            let twice = normalise_furigana(&once.value);
            prop_assert_eq!(&once, &twice);
        }
    }
}
