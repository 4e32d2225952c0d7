//! Full-width to half-width normalisation for codes, numbers and phone numbers.
//!
//! Japanese input methods often produce full-width digits (「０１２」), letters and dash-like
//! characters. We accept them and normalise, and tell the caller whether anything changed so the
//! UI can say so.

/// The result of normalising a value: the half-width text and whether it differs from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    pub value: String,
    pub changed: bool,
}

/// Converts full-width ASCII variants (U+FF01–U+FF5E), the ideographic space and dash-like
/// characters to their half-width ASCII forms. Other characters are kept as they are.
pub fn to_half_width(input: &str) -> Normalised {
    let value: String = input.chars().map(half_width_char).collect();
    let changed = value != input;
    Normalised { value, changed }
}

fn half_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // Dashes people type in codes and phone numbers: hyphen, minus, bars, prolonged sound mark.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => '-',
        _ => c,
    }
}

/// True when every character is printable half-width ASCII (no spaces, no control characters).
pub fn is_half_width_printable(input: &str) -> bool {
    input.chars().all(|c| c.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_full_width_digits_letters_and_dashes() {
        let n = to_half_width("０３−１２３４ーＡｂ");
        assert_eq!(n.value, "03-1234-Ab");
        assert!(n.changed);
    }

    #[test]
    fn leaves_half_width_and_kanji_alone() {
        let n = to_half_width("阪医52752");
        assert_eq!(n.value, "阪医52752");
        assert!(!n.changed);
    }

    #[test]
    fn is_idempotent() {
        for s in ["０１２３", "ａ－ｂ", "abc", "東京　都", "ｰ"] {
            let once = to_half_width(s).value;
            let twice = to_half_width(&once);
            assert_eq!(once, twice.value);
            assert!(!twice.changed);
        }
    }

    #[test]
    fn half_width_printable() {
        assert!(is_half_width_printable("Abc1!~"));
        assert!(!is_half_width_printable("Ａbc"));
        assert!(!is_half_width_printable("a b"));
        assert!(!is_half_width_printable("あ"));
    }
}
