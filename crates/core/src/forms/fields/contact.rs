//! `phone` and `postal_code`: half-width digits in their usual groups.

use super::Verdict;
use crate::forms::issue::IssueCode;
use crate::width::to_half_width;

/// 10 or 11 digits starting with 0; hyphens, brackets and spaces allowed, normalised to the
/// typed groups joined by hyphens (`03(1234)5678` → `03-1234-5678`).
pub(super) fn phone(typed: &str) -> Verdict {
    let half = to_half_width(typed).value;
    let ok_chars = half
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '(' | ')' | ' '));
    let digits: String = half.chars().filter(char::is_ascii_digit).collect();
    if !ok_chars || !(10..=11).contains(&digits.len()) || !digits.starts_with('0') {
        return Verdict::refuse(IssueCode::PhoneShape);
    }
    let groups: Vec<&str> = half
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    Verdict::ok(groups.join("-"))
}

/// 7 digits, optionally after 〒, normalised to `123-4567`.
pub(super) fn postal_code(typed: &str) -> Verdict {
    let half = to_half_width(typed).value;
    let body = half.trim_start_matches('〒').trim();
    let ok_chars = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if !ok_chars || digits.len() != 7 {
        return Verdict::refuse(IssueCode::PostalCodeShape);
    }
    Verdict::ok(format!("{}-{}", &digits[..3], &digits[3..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_keep_their_groups() {
        assert_eq!(phone("0312345678"), Verdict::ok("0312345678".into()));
        assert_eq!(phone("03(1234)5678"), Verdict::ok("03-1234-5678".into()));
        assert_eq!(phone("1234567890"), Verdict::refuse(IssueCode::PhoneShape));
        assert_eq!(phone("03-1234-567"), Verdict::refuse(IssueCode::PhoneShape));
    }

    #[test]
    fn postal_codes_are_three_and_four_digits() {
        assert_eq!(postal_code("〒 1000001"), Verdict::ok("100-0001".into()));
        assert_eq!(
            postal_code("100-00011"),
            Verdict::refuse(IssueCode::PostalCodeShape)
        );
    }
}
