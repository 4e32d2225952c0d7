//! ユーザID: the sign-in name the ministry issues and mails.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::text::current as text;
use crate::width::to_half_width;

/// A user ID: 4 to 32 half-width letters, digits and hyphens, compared without regard to case
/// (stored upper-case) so that a letter typed from paper in the wrong case still signs in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UserId(String);

impl UserId {
    pub const MIN_LEN: usize = 4;
    pub const MAX_LEN: usize = 32;

    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let half = to_half_width(input.trim()).value;
        if half.is_empty() {
            return Err(text::USER_ID_REQUIRED());
        }
        let ok_chars = half.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let len = half.chars().count();
        if !ok_chars || !(Self::MIN_LEN..=Self::MAX_LEN).contains(&len) {
            return Err(text::USER_ID_SHAPE());
        }
        Ok(Self(half.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UserId {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<UserId> for String {
    fn from(u: UserId) -> String {
        u.0
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_width_and_case() {
        assert_eq!(
            UserId::parse(" ｄｅｍｏ－ｍｅｄ ").unwrap().as_str(),
            "DEMO-MED"
        );
    }

    #[test]
    fn refuses_bad_shapes() {
        assert_eq!(UserId::parse(""), Err(text::USER_ID_REQUIRED()));
        assert_eq!(UserId::parse("abc"), Err(text::USER_ID_SHAPE()));
        assert_eq!(UserId::parse("ab cd"), Err(text::USER_ID_SHAPE()));
        assert_eq!(UserId::parse("あいうえお"), Err(text::USER_ID_SHAPE()));
        assert_eq!(UserId::parse(&"A".repeat(33)), Err(text::USER_ID_SHAPE()));
    }
}
