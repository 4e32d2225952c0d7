//! The password policy, enforced identically by the browser (live checklist, errors before
//! sending) and the server (final verdict).
//!
//! The default is the ministry's rule: 10 to 20 characters, half-width only, at least one
//! upper-case letter, lower-case letter, digit and symbol. On top of it, as security references
//! require: not a common password, not the current password, not the user ID.
//!
//! "Common" means the password is nothing but blocklisted words (the commonest passwords, the
//! service's name, the prefectures in romaji) or keyboard runs once it is lower-cased, look-alike
//! digits and symbols are read as letters (`@` a, `0` o, `1` i/l, `3` e, `$` s, `7` t …), years
//! (19xx, 20xx) are dropped wherever they are, other digits and symbols around and between the
//! words (`1!`, `12345`, `#`) are set aside, and up to two further letters are allowed:
//! `P@ssw0rd2024#`, `Password1!x`, `Todoke2024#x`, `Admin12345!x` and `Tokyo2024!!x` are
//! refused; `Kx7#mP2qLw9z` and `Sakura-Hana#2931` are not.
//! The exact rule is on [`is_common`].

use serde::{Deserialize, Serialize};

use crate::api::FieldErrors;
use crate::text::current as text;

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
            Self::Length { min, max } => text::password_rule_length(min, max),
            Self::HalfWidthOnly => text::PASSWORD_RULE_HALF_WIDTH().to_string(),
            Self::UpperCase => text::PASSWORD_RULE_UPPER().to_string(),
            Self::LowerCase => text::PASSWORD_RULE_LOWER().to_string(),
            Self::Digit => text::PASSWORD_RULE_DIGIT().to_string(),
            Self::Symbol => text::PASSWORD_RULE_SYMBOL().to_string(),
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
            return vec![text::PASSWORD_NEW_REQUIRED().to_string()];
        }
        let mut out = Vec::new();
        let len = candidate.chars().count();
        if len < self.min_len {
            out.push(text::password_too_short(self.min_len, len));
        } else if len > self.max_len {
            out.push(text::password_too_long(self.max_len, len));
        }
        if !PasswordRule::HalfWidthOnly.is_met(candidate) {
            out.push(text::PASSWORD_NOT_HALF_WIDTH().to_string());
        }
        let missing: Vec<&str> = [
            (PasswordRule::UpperCase, text::PASSWORD_KIND_UPPER()),
            (PasswordRule::LowerCase, text::PASSWORD_KIND_LOWER()),
            (PasswordRule::Digit, text::PASSWORD_KIND_DIGIT()),
            (PasswordRule::Symbol, text::PASSWORD_KIND_SYMBOL()),
        ]
        .into_iter()
        .filter(|(rule, _)| !rule.is_met(candidate))
        .map(|(_, name)| name)
        .collect();
        if !missing.is_empty() {
            out.push(text::password_missing_kinds(&missing));
        }
        if out.is_empty() {
            if !user_id.is_empty()
                && candidate
                    .to_ascii_lowercase()
                    .contains(&user_id.to_ascii_lowercase())
            {
                out.push(text::PASSWORD_CONTAINS_USER_ID().to_string());
            } else if is_common(candidate) {
                out.push(text::PASSWORD_TOO_COMMON().to_string());
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
            errors.add(field::CURRENT, text::PASSWORD_CURRENT_REQUIRED());
        }
        let problems = self.problems(new, user_id);
        let new_ok = problems.is_empty();
        for p in problems {
            errors.add(field::NEW, p);
        }
        if new_ok && !current.is_empty() && new == current {
            errors.add(field::NEW, text::PASSWORD_SAME_AS_CURRENT());
        }
        if confirmation.is_empty() {
            errors.add(field::CONFIRMATION, text::PASSWORD_CONFIRMATION_REQUIRED());
        } else if !new.is_empty() && confirmation != new {
            errors.add(field::CONFIRMATION, text::PASSWORD_CONFIRMATION_MISMATCH());
        }
        errors.into_result()
    }
}

/// Words that make a password guessable however they are decorated: the commonest passwords,
/// the service and its field, and the 47 prefectures in romaji (with the long-vowel spellings
/// people also use). Lower-case; matched after the normalisation described in [`is_common`].
const COMMON_WORDS: &[&str] = &[
    // The commonest passwords and their parts.
    "password",
    "passwd",
    "pass",
    "pwd",
    "qwerty",
    "welcome",
    "admin",
    "administrator",
    "root",
    "letmein",
    "iloveyou",
    "love",
    "abc",
    "test",
    "guest",
    "user",
    "login",
    "changeme",
    "secret",
    "master",
    "monkey",
    "dragon",
    "shadow",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "soccer",
    "superman",
    "batman",
    "pokemon",
    "starwars",
    "trustno",
    "hello",
    "default",
    "system",
    "access",
    "freedom",
    "whatever",
    "computer",
    "internet",
    "qaz",
    "wsx",
    "edc",
    "zaq",
    "xsw",
    "aaaa",
    // The service, its field and its country.
    "todoke",
    "todokede",
    "とどけ",
    "とどけで",
    "hoken",
    "iryo",
    "iryou",
    "kusuri",
    "yakkyoku",
    "byouin",
    "clinic",
    "hospital",
    "pharmacy",
    "doctor",
    "kouseikyoku",
    "koseikyoku",
    "japan",
    "nippon",
    "nihon",
    "sakura",
    // The 47 prefectures.
    "hokkaido",
    "hokkaidou",
    "aomori",
    "iwate",
    "miyagi",
    "akita",
    "yamagata",
    "fukushima",
    "ibaraki",
    "tochigi",
    "gunma",
    "saitama",
    "chiba",
    "tokyo",
    "toukyou",
    "kanagawa",
    "niigata",
    "toyama",
    "ishikawa",
    "fukui",
    "yamanashi",
    "nagano",
    "gifu",
    "shizuoka",
    "aichi",
    "mie",
    "shiga",
    "kyoto",
    "kyouto",
    "osaka",
    "oosaka",
    "hyogo",
    "hyougo",
    "nara",
    "wakayama",
    "tottori",
    "shimane",
    "okayama",
    "hiroshima",
    "yamaguchi",
    "tokushima",
    "kagawa",
    "ehime",
    "kochi",
    "kouchi",
    "fukuoka",
    "saga",
    "nagasaki",
    "kumamoto",
    "oita",
    "ooita",
    "miyazaki",
    "kagoshima",
    "okinawa",
];

/// Keyboard rows and the alphabet: four or more neighbouring keys in either direction
/// (`qwer`, `lkjh`, `zxcvbnm`, `abcd`) are as guessable as a word.
const KEYBOARD_RUNS: &[&str] = &[
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
];
const MIN_RUN: usize = 4;

/// Letters a password may add around its words and still be refused: `Password1!x` is
/// `password` plus decoration plus `x`. Three or more letters of its own make a core of its own.
const MAX_EXTRA_LETTERS: usize = 2;

/// The letters a digit or symbol is commonly typed for (`P@ssw0rd`, `1l0vey0u`, `Adm1n`).
fn leet(c: char) -> &'static [char] {
    match c {
        '@' | '4' => &['a'],
        '8' => &['b'],
        '3' => &['e'],
        '6' | '9' => &['g'],
        '1' | '!' | '|' => &['i', 'l'],
        '0' => &['o'],
        '$' | '5' => &['s'],
        '7' | '+' => &['t'],
        _ => &[],
    }
}

/// Whether the typed (lower-cased) character `c` stands for the letter `letter`.
fn stands_for(c: char, letter: char) -> bool {
    c == letter || leet(c).contains(&letter)
}

/// Decoration: digits and symbols, which may surround and separate the words (`1!`, `12345`,
/// `#`) without making the password any harder to guess.
fn is_decoration(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace()
}

/// Puts in `ends` the ends (exclusive) of the blocklisted words and keyboard runs that start at
/// `i` in `chars`, each character read as itself or as the letter it stands for. A match must
/// hold at least one letter typed as itself: `+8@7!` is decoration, not 「tbati」.
fn token_ends(chars: &[char], i: usize, ends: &mut Vec<usize>) {
    ends.clear();
    let rest = &chars[i..];
    let has_letter = |len: usize| rest[..len].iter().any(|&c| !is_decoration(c));
    for word in COMMON_WORDS {
        let len = word.chars().count();
        if rest.len() >= len
            && word.chars().zip(rest).all(|(l, &c)| stands_for(c, l))
            && has_letter(len)
        {
            ends.push(i + len);
        }
    }
    for row in KEYBOARD_RUNS {
        let keys = row.as_bytes();
        for start in 0..keys.len() {
            for step in [1isize, -1] {
                let run = rest
                    .iter()
                    .enumerate()
                    .take_while(|&(k, &c)| {
                        let key = start as isize + step * k as isize;
                        (0..keys.len() as isize).contains(&key)
                            && stands_for(c, char::from(keys[key as usize]))
                    })
                    .count();
                ends.extend(
                    (MIN_RUN..=run)
                        .filter(|&len| has_letter(len))
                        .map(|len| i + len),
                );
            }
        }
    }
}

/// The characters of `s` without its years (runs of exactly four digits starting 19 or 20), so
/// that a year inside a word (`Pass2024word`) does not hide it.
fn without_years(s: &str) -> Vec<char> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let digits = &chars[i..i + run];
        if run == 4 && matches!(digits[..2], ['1', '9'] | ['2', '0']) {
            i += run;
        } else if run > 0 {
            out.extend_from_slice(digits);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// True when the password is blocklisted words or keyboard runs dressed up to meet the rules.
///
/// The candidate is converted to half-width and lower case. It is refused when it reads as one
/// or more blocklisted words (`COMMON_WORDS`) or keyboard runs of four or more keys, where
///
/// * a digit or symbol may stand for the letter it looks like: `@`/`4` a, `8` b, `3` e,
///   `6`/`9` g, `1`/`!`/`|` i or l, `0` o, `$`/`5` s, `7`/`+` t;
/// * years (four digits starting 19 or 20) are dropped wherever they are, even inside a word
///   (`Pass2024word`);
/// * other digits and symbols (`1!`, `12345`, `#`) may come before, between and after the words;
/// * at most two other letters may be added (`Password1!x`, `Tokyo2024!!x`).
///
/// So `P@ssw0rd2024#`, `Password1!x`, `Todoke2024#x`, `Admin12345!x`, `Tokyo2024!!x`,
/// `Qw3rty#2024a` and `Tokyo#Osaka99` are refused, while `Kx7#mP2qLw9z`, `Sakura-Hana#2931`
/// (「hana」 is the user's own) and `Tr4in-Hakone9` are accepted. A password with no letters, or
/// whose letters are all the same (`Aaaaaa1!Aa`), is refused too. Pure, and a few thousand
/// character comparisons at most, so the browser runs it on every key press.
pub fn is_common(candidate: &str) -> bool {
    let chars = without_years(&crate::width::to_half_width(candidate).value.to_lowercase());
    let letters: Vec<char> = chars
        .iter()
        .copied()
        .filter(|&c| !is_decoration(c))
        .collect();
    if letters.is_empty() || letters.iter().all(|&c| c == letters[0]) {
        return true;
    }
    // covered[i]: the fewest extra letters with which chars[i..] reads as decoration, extra
    // letters and at least one word (`None`: it does not, or only with no word at all).
    // bare[i]: the same with no word (just decoration and extra letters).
    let n = chars.len();
    let mut covered: Vec<Option<usize>> = vec![None; n + 1];
    let mut bare: Vec<usize> = vec![0; n + 1];
    let mut ends = Vec::new();
    for i in (0..n).rev() {
        let cost = usize::from(!is_decoration(chars[i]));
        bare[i] = bare[i + 1] + cost;
        let mut best = covered[i + 1].map(|c| c + cost);
        token_ends(&chars, i, &mut ends);
        for &end in &ends {
            let after = covered[end].map_or(bare[end], |c| c.min(bare[end]));
            best = Some(best.map_or(after, |b| b.min(after)));
        }
        covered[i] = best;
    }
    covered[0].is_some_and(|extra| extra <= MAX_EXTRA_LETTERS)
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
        assert_eq!(p, vec![text::password_too_long(20, 23)]);
    }

    #[test]
    fn missing_kinds_are_named_together() {
        let p = policy().problems("abcdefghijk", "U");
        assert_eq!(
            p,
            vec![text::password_missing_kinds(&[
                text::PASSWORD_KIND_UPPER(),
                text::PASSWORD_KIND_DIGIT(),
                text::PASSWORD_KIND_SYMBOL()
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
                vec![text::PASSWORD_TOO_COMMON().to_string()],
                "{pw}"
            );
        }
        assert!(!is_common("Kx7#mQ2!vRt"));
        assert!(!is_common("Tr4in-Hakone9"));
    }

    /// The review's findings: each is a blocklisted word dressed up with capitals, leetspeak,
    /// a year, digits, symbols and a one-letter tail.
    #[test]
    fn decorated_common_words_are_refused() {
        for pw in [
            "P@ssw0rd2024#",
            "Password1!x",
            "Todoke2024#x",
            "Admin12345!x",
            "Tokyo2024!!x",
            "Hokkaido#1999",
            "K4g0shima-2024",
            "#2024Osaka!xy",
            "W3lc0me!2020x",
            "Qw3rty#2024a",
            "Asdfgh!2024",
            "Zxcvbnm#2024",
            "1L0vey0u!2024",
            "Adm1n#Pa$$w0rd",
            "Tokyo#Osaka99",
            "Pass2024word!",
            "Ad1999min#Xy",
        ] {
            assert_eq!(
                policy().problems(pw, "USER01"),
                vec![text::PASSWORD_TOO_COMMON().to_string()],
                "{pw}"
            );
        }
        // Outside the policy too (the service name in kana, full-width letters).
        assert!(is_common("とどけ2024!"));
        assert!(is_common("ＴＯＫＹＯ２０２４！"));
    }

    /// Words and characters chosen by the user stay accepted: only a core that is nothing but
    /// blocklisted words (give or take two letters) is refused.
    #[test]
    fn passwords_with_a_core_of_their_own_are_accepted() {
        for pw in [
            "Kx7#mP2qLw9z",
            "Sakura-Hana#2931",
            "Hakone-Yu7#Kx",
            "Kx7#mQ2!vRt9",
            "Tr4in-Hakone9",
            "Tokyo#Kx7mQvRt",
            "Demo#Med0001",
            "Demo#Dent0001",
            "Demo#Phar0001",
            "Demo#Rev0001",
            "9Ab#4c!72Xz",
        ] {
            assert!(policy().problems(pw, "USER01").is_empty(), "{pw}");
        }
    }

    #[test]
    fn user_id_inside_password_is_refused() {
        let p = policy().problems("DEMO-MED#a1x", "DEMO-MED");
        assert_eq!(p, vec![text::PASSWORD_CONTAINS_USER_ID().to_string()]);
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
            &[text::PASSWORD_CONFIRMATION_MISMATCH().to_string()]
        );

        let err = policy()
            .check_change("U", "Kx7#mQ2!vRt", "Kx7#mQ2!vRt", "Kx7#mQ2!vRt")
            .unwrap_err();
        assert_eq!(
            err.get(field::NEW).unwrap(),
            &[text::PASSWORD_SAME_AS_CURRENT().to_string()]
        );

        let err = policy()
            .check_change("U", "old", "Kx7#mQ2!vRt", "")
            .unwrap_err();
        assert_eq!(
            err.get(field::CONFIRMATION).unwrap(),
            &[text::PASSWORD_CONFIRMATION_REQUIRED().to_string()]
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
