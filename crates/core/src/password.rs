//! The password policy, enforced identically by the browser (live checklist, errors before
//! sending) and the server (final verdict).
//!
//! The default is the ministry's rule: 10 to 20 characters, half-width only, at least one
//! upper-case letter, lower-case letter, digit and symbol. On top of it, as security references
//! require: not a common password, not the current password, not the user ID.

use serde::{Deserialize, Serialize};

use crate::api::FieldErrors;
use crate::text::ja;

/// One rule of the policy, as shown in the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordRule {
    Length { min: usize, max: usize },
    HalfWidthOnly,
    UpperCase,
    LowerCase,
    Digit,
    Symbol,
}

impl PasswordRule {
    /// The rule as the user reads it, e.g. 「10文字以上20文字以下」.
    pub fn describe(self) -> String {
        match self {
            Self::Length { min, max } => ja::password_rule_length(min, max),
            Self::HalfWidthOnly => ja::PASSWORD_RULE_HALF_WIDTH.to_string(),
            Self::UpperCase => ja::PASSWORD_RULE_UPPER.to_string(),
            Self::LowerCase => ja::PASSWORD_RULE_LOWER.to_string(),
            Self::Digit => ja::PASSWORD_RULE_DIGIT.to_string(),
            Self::Symbol => ja::PASSWORD_RULE_SYMBOL.to_string(),
        }
    }

    pub fn is_met(self, candidate: &str) -> bool {
        match self {
            Self::Length { min, max } => (min..=max).contains(&candidate.chars().count()),
            Self::HalfWidthOnly => {
                !candidate.is_empty() && crate::width::is_half_width_printable(candidate)
            }
            Self::UpperCase => candidate.chars().any(|c| c.is_ascii_uppercase()),
            Self::LowerCase => candidate.chars().any(|c| c.is_ascii_lowercase()),
            Self::Digit => candidate.chars().any(|c| c.is_ascii_digit()),
            Self::Symbol => candidate.chars().any(|c| c.is_ascii_punctuation()),
        }
    }
}

/// A password policy. `Default` is the ministry's rule; bureaus may configure another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordPolicy {
    pub min_len: usize,
    pub max_len: usize,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self {
            min_len: 10,
            max_len: 20,
        }
    }
}

/// The fields of the password-change form, named as the API and the page name them.
pub mod field {
    pub const CURRENT: &str = "current_password";
    pub const NEW: &str = "new_password";
    pub const CONFIRMATION: &str = "new_password_confirmation";
}

impl PasswordPolicy {
    pub fn rules(&self) -> [PasswordRule; 6] {
        [
            PasswordRule::Length {
                min: self.min_len,
                max: self.max_len,
            },
            PasswordRule::HalfWidthOnly,
            PasswordRule::UpperCase,
            PasswordRule::LowerCase,
            PasswordRule::Digit,
            PasswordRule::Symbol,
        ]
    }

    /// Each rule with whether `candidate` meets it: the live checklist.
    pub fn checklist(&self, candidate: &str) -> Vec<(PasswordRule, bool)> {
        self.rules()
            .into_iter()
            .map(|r| (r, r.is_met(candidate)))
            .collect()
    }

    /// Messages for a candidate new password, most useful first. Empty when it is acceptable.
    pub fn problems(&self, candidate: &str, user_id: &str) -> Vec<String> {
        if candidate.is_empty() {
            return vec![ja::PASSWORD_NEW_REQUIRED.to_string()];
        }
        let mut out = Vec::new();
        let len = candidate.chars().count();
        if len < self.min_len {
            out.push(ja::password_too_short(self.min_len, len));
        } else if len > self.max_len {
            out.push(ja::password_too_long(self.max_len, len));
        }
        if !PasswordRule::HalfWidthOnly.is_met(candidate) {
            out.push(ja::PASSWORD_NOT_HALF_WIDTH.to_string());
        }
        let missing: Vec<&str> = [
            (PasswordRule::UpperCase, ja::PASSWORD_KIND_UPPER),
            (PasswordRule::LowerCase, ja::PASSWORD_KIND_LOWER),
            (PasswordRule::Digit, ja::PASSWORD_KIND_DIGIT),
            (PasswordRule::Symbol, ja::PASSWORD_KIND_SYMBOL),
        ]
        .into_iter()
        .filter(|(rule, _)| !rule.is_met(candidate))
        .map(|(_, name)| name)
        .collect();
        if !missing.is_empty() {
            out.push(ja::password_missing_kinds(&missing));
        }
        if out.is_empty() {
            if !user_id.is_empty()
                && candidate
                    .to_ascii_lowercase()
                    .contains(&user_id.to_ascii_lowercase())
            {
                out.push(ja::PASSWORD_CONTAINS_USER_ID.to_string());
            } else if is_common(candidate) {
                out.push(ja::PASSWORD_TOO_COMMON.to_string());
            }
        }
        out
    }

    /// Checks the whole password-change form. Errors are keyed by the field names in [`field`].
    pub fn check_change(
        &self,
        user_id: &str,
        current: &str,
        new: &str,
        confirmation: &str,
    ) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if current.is_empty() {
            errors.add(field::CURRENT, ja::PASSWORD_CURRENT_REQUIRED);
        }
        let problems = self.problems(new, user_id);
        let new_ok = problems.is_empty();
        for p in problems {
            errors.add(field::NEW, p);
        }
        if new_ok && !current.is_empty() && new == current {
            errors.add(field::NEW, ja::PASSWORD_SAME_AS_CURRENT);
        }
        if confirmation.is_empty() {
            errors.add(field::CONFIRMATION, ja::PASSWORD_CONFIRMATION_REQUIRED);
        } else if !new.is_empty() && confirmation != new {
            errors.add(field::CONFIRMATION, ja::PASSWORD_CONFIRMATION_MISMATCH);
        }
        errors.into_result()
    }
}

/// Words that make a password guessable however they are decorated with capitals, digits and
/// symbols ("Password1!", "P@ssw0rd2024#"). Compared after undoing common letter substitutions.
const COMMON_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "qwerty",
    "qwertyuiop",
    "asdfgh",
    "asdfghjkl",
    "zxcvbn",
    "welcome",
    "admin",
    "administrator",
    "letmein",
    "iloveyou",
    "abc",
    "abcd",
    "abcde",
    "abcdef",
    "abcdefg",
    "abcdefgh",
    "test",
    "guest",
    "user",
    "login",
    "changeme",
    "secret",
    "master",
    "monkey",
    "dragon",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "trustno",
    "hello",
    "default",
    "system",
    "todoke",
    "hoken",
    "iryo",
    "iryou",
    "kusuri",
    "yakkyoku",
    "byouin",
    "clinic",
    "hospital",
    "pharmacy",
    "tokyo",
    "osaka",
    "japan",
    "nippon",
    "nihon",
    "sakura",
    "aaaa",
    "aaaaa",
    "aaaaaa",
    "qazwsx",
    "zaq",
    "zaqxsw",
];

/// True when the password is a common word or keyboard run dressed up to meet the rules.
pub fn is_common(candidate: &str) -> bool {
    let lowered: String = candidate
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' | '|' => 'i',
            '3' => 'e',
            '$' | '5' => 's',
            '7' => 't',
            other => other,
        })
        .collect();
    let plain = candidate.to_ascii_lowercase();
    let plain_core = plain.trim_matches(|c: char| !c.is_ascii_lowercase());
    let core = lowered.trim_matches(|c: char| !c.is_ascii_lowercase());
    // "passw0rd" → "password" above; also catch "p@ss" + "word" with digits inside replaced.
    let letters: String = lowered.chars().filter(|c| c.is_ascii_lowercase()).collect();
    let plain_letters: String = plain.chars().filter(|c| c.is_ascii_lowercase()).collect();
    let repeated = plain_letters
        .chars()
        .next()
        .is_some_and(|first| plain_letters.chars().all(|c| c == first));
    core.is_empty()
        || repeated
        || COMMON_WORDS.contains(&core)
        || COMMON_WORDS.contains(&plain_core)
        || COMMON_WORDS.contains(&letters.as_str())
        || COMMON_WORDS
            .iter()
            .any(|w| w.len() >= 6 && core.starts_with(w) && core.len() <= w.len() + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> PasswordPolicy {
        PasswordPolicy::default()
    }

    #[test]
    fn boundaries_and_classes() {
        // (candidate, acceptable)
        let cases: &[(&str, bool)] = &[
            ("Kx7#mQ2!v", false),             // 9 characters
            ("Kx7#mQ2!vR", true),             // 10
            ("Kx7#mQ2!vRt9&bW4zP3y", true),   // 20
            ("Kx7#mQ2!vRt9&bW4zP3yZ", false), // 21
            ("Ｋx7#mQ2!vRt", false),          // full-width letter
            ("Kx7#mQ2!vRあ", false),          // kana
            ("Kx7 mQ2!vRt", false),           // space
            ("kx7#mq2!vrt", false),           // no upper-case
            ("KX7#MQ2!VRT", false),           // no lower-case
            ("Kxz#mQq!vRt", false),           // no digit
            ("Kx7qmQ2wvRt", false),           // no symbol
        ];
        for (candidate, ok) in cases {
            let problems = policy().problems(candidate, "USER01");
            assert_eq!(problems.is_empty(), *ok, "{candidate}: {problems:?}");
        }
    }

    #[test]
    fn too_long_is_reported_not_truncated() {
        let p = policy().problems("Kx7#mQ2!vRt9&bW4zP3yZZZ", "U");
        assert_eq!(p, vec![ja::password_too_long(20, 23)]);
    }

    #[test]
    fn missing_kinds_are_named_together() {
        let p = policy().problems("abcdefghijk", "U");
        assert_eq!(
            p,
            vec![ja::password_missing_kinds(&[
                ja::PASSWORD_KIND_UPPER,
                ja::PASSWORD_KIND_DIGIT,
                ja::PASSWORD_KIND_SYMBOL
            ])]
        );
    }

    #[test]
    fn common_passwords_are_refused_even_when_they_meet_the_rules() {
        for pw in [
            "Password1!",
            "P@ssw0rd12",
            "Passw0rd!!",
            "Qwerty123!",
            "Welcome2024#",
            "Aaaaaa1!Aa",
        ] {
            assert!(PasswordRule::UpperCase.is_met(pw));
            assert_eq!(
                policy().problems(pw, "U"),
                vec![ja::PASSWORD_TOO_COMMON.to_string()],
                "{pw}"
            );
        }
        assert!(!is_common("Kx7#mQ2!vRt"));
        assert!(!is_common("Tr4in-Hakone9"));
    }

    #[test]
    fn user_id_inside_password_is_refused() {
        let p = policy().problems("DEMO-MED#a1x", "DEMO-MED");
        assert_eq!(p, vec![ja::PASSWORD_CONTAINS_USER_ID.to_string()]);
    }

    #[test]
    fn change_form_checks_every_field() {
        let err = policy()
            .check_change("U", "", "short", "other")
            .unwrap_err();
        assert!(err.get(field::CURRENT).is_some());
        assert!(err.get(field::NEW).is_some());
        assert_eq!(
            err.get(field::CONFIRMATION).unwrap(),
            &[ja::PASSWORD_CONFIRMATION_MISMATCH.to_string()]
        );

        let err = policy()
            .check_change("U", "Kx7#mQ2!vRt", "Kx7#mQ2!vRt", "Kx7#mQ2!vRt")
            .unwrap_err();
        assert_eq!(
            err.get(field::NEW).unwrap(),
            &[ja::PASSWORD_SAME_AS_CURRENT.to_string()]
        );

        let err = policy()
            .check_change("U", "old", "Kx7#mQ2!vRt", "")
            .unwrap_err();
        assert_eq!(
            err.get(field::CONFIRMATION).unwrap(),
            &[ja::PASSWORD_CONFIRMATION_REQUIRED.to_string()]
        );

        assert_eq!(
            policy().check_change("U", "old", "Kx7#mQ2!vRt", "Kx7#mQ2!vRt"),
            Ok(())
        );
    }

    #[test]
    fn checklist_tracks_each_rule() {
        let list = policy().checklist("abc");
        let met: Vec<bool> = list.iter().map(|(_, m)| *m).collect();
        assert_eq!(met, vec![false, true, false, true, false, false]);
    }
}
