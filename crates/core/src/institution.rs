//! Insurance medical institution identifiers: the 10-digit 医療機関コード / 薬局コード,
//! the fee-schedule class (点数表区分), prefectures and the regional bureaus they belong to.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::text::current as text;
use crate::text::{en, ja};
use crate::width::to_half_width;

/// 点数表区分: which fee schedule an institution bills under. One account exists per
/// institution code and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeScheduleClass {
    /// 医科 (digit 1)
    Medical,
    /// 歯科 (digit 3)
    Dental,
    /// 調剤 (digit 4)
    Pharmacy,
}

impl FeeScheduleClass {
    pub const ALL: [FeeScheduleClass; 3] = [Self::Medical, Self::Dental, Self::Pharmacy];

    /// The 点数表 digit that stands third in the institution code.
    pub fn digit(self) -> u8 {
        match self {
            Self::Medical => 1,
            Self::Dental => 3,
            Self::Pharmacy => 4,
        }
    }

    pub fn from_digit(d: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.digit() == d)
    }

    /// Japanese label: 医科 / 歯科 / 調剤.
    pub fn label(self) -> &'static str {
        match self {
            Self::Medical => text::CLASS_MEDICAL(),
            Self::Dental => text::CLASS_DENTAL(),
            Self::Pharmacy => text::CLASS_PHARMACY(),
        }
    }

    /// Accepts the Japanese label, the English identifier or the 点数表 digit.
    pub fn parse(input: &str) -> Option<Self> {
        let s = to_half_width(input.trim()).value;
        Self::ALL.into_iter().find(|c| {
            s == c.label() || s.eq_ignore_ascii_case(c.as_str()) || s == c.digit().to_string()
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Medical => "medical",
            Self::Dental => "dental",
            Self::Pharmacy => "pharmacy",
        }
    }
}

impl fmt::Display for FeeScheduleClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// 地方厚生(支)局: the offices that receive filings. The 四国厚生支局 is a branch of 中国四国厚生局
/// but reviews the four Shikoku prefectures itself, so it is an office of its own here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionalBureau {
    Hokkaido,
    Tohoku,
    KantoShinetsu,
    TokaiHokuriku,
    Kinki,
    ChugokuShikoku,
    Shikoku,
    Kyushu,
}

impl RegionalBureau {
    pub const ALL: [RegionalBureau; 8] = [
        Self::Hokkaido,
        Self::Tohoku,
        Self::KantoShinetsu,
        Self::TokaiHokuriku,
        Self::Kinki,
        Self::ChugokuShikoku,
        Self::Shikoku,
        Self::Kyushu,
    ];

    /// The bureau's name in the current language (北海道厚生局 …).
    pub fn name(self) -> &'static str {
        text::BUREAU_NAMES()[self as usize]
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hokkaido => "hokkaido",
            Self::Tohoku => "tohoku",
            Self::KantoShinetsu => "kanto_shinetsu",
            Self::TokaiHokuriku => "tokai_hokuriku",
            Self::Kinki => "kinki",
            Self::ChugokuShikoku => "chugoku_shikoku",
            Self::Shikoku => "shikoku",
            Self::Kyushu => "kyushu",
        }
    }

    /// Accepts the identifier (`kinki`), the Japanese name with or without 厚生局, or the
    /// English name, whatever the current language.
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        Self::ALL.into_iter().find(|&b| {
            let ja = ja::BUREAU_NAMES[b as usize];
            s.eq_ignore_ascii_case(b.as_str())
                || s == ja
                || ja.trim_end_matches("厚生局").trim_end_matches("厚生支局") == s
                || s.eq_ignore_ascii_case(en::BUREAU_NAMES[b as usize])
        })
    }

    /// The prefectures whose filings this office reviews.
    pub fn prefectures(self) -> impl Iterator<Item = Prefecture> {
        Prefecture::all().filter(move |p| p.bureau() == self)
    }
}

/// Prefecture by its JIS X 0401 code (01–47), with its name and its regional bureau.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "u8", into = "u8")]
pub struct Prefecture(u8);

use RegionalBureau as B;
/// JIS X 0401 order. Data, not logic: the bureau mapping follows the bureaus' published jurisdictions.
const PREFECTURE_BUREAUS: [RegionalBureau; 47] = [
    B::Hokkaido,
    B::Tohoku,
    B::Tohoku,
    B::Tohoku,
    B::Tohoku,
    B::Tohoku,
    B::Tohoku,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::TokaiHokuriku,
    B::TokaiHokuriku,
    B::Kinki,
    B::KantoShinetsu,
    B::KantoShinetsu,
    B::TokaiHokuriku,
    B::TokaiHokuriku,
    B::TokaiHokuriku,
    B::TokaiHokuriku,
    B::Kinki,
    B::Kinki,
    B::Kinki,
    B::Kinki,
    B::Kinki,
    B::Kinki,
    B::ChugokuShikoku,
    B::ChugokuShikoku,
    B::ChugokuShikoku,
    B::ChugokuShikoku,
    B::ChugokuShikoku,
    B::Shikoku,
    B::Shikoku,
    B::Shikoku,
    B::Shikoku,
    B::Kyushu,
    B::Kyushu,
    B::Kyushu,
    B::Kyushu,
    B::Kyushu,
    B::Kyushu,
    B::Kyushu,
    B::Kyushu,
];

impl Prefecture {
    pub fn from_code(code: u8) -> Option<Self> {
        (1..=47).contains(&code).then_some(Self(code))
    }

    pub fn all() -> impl Iterator<Item = Prefecture> {
        (1..=47).map(Self)
    }

    pub fn code(self) -> u8 {
        self.0
    }

    /// Full name in the current language: 北海道, 東京都, 大阪府, 青森県 (Hokkaido, Tokyo …).
    pub fn name(self) -> &'static str {
        text::PREFECTURE_NAMES()[usize::from(self.0 - 1)]
    }

    pub fn bureau(self) -> RegionalBureau {
        PREFECTURE_BUREAUS[usize::from(self.0 - 1)]
    }

    /// Accepts the code (`27`, `２７`), the Japanese name with or without 都/府/県 (`大阪`,
    /// `大阪府`) or the English name (`Osaka`), whatever the current language.
    pub fn parse(input: &str) -> Option<Self> {
        let s = to_half_width(input.trim()).value;
        if let Ok(code) = s.parse::<u8>() {
            return Self::from_code(code);
        }
        Self::all().find(|p| {
            let i = usize::from(p.0 - 1);
            let name = ja::PREFECTURE_NAMES[i];
            s == name
                || (name != "北海道" && name[..name.len() - '県'.len_utf8()] == *s)
                || s.eq_ignore_ascii_case(en::PREFECTURE_NAMES[i])
        })
    }
}

impl TryFrom<u8> for Prefecture {
    type Error = String;
    fn try_from(code: u8) -> Result<Self, Self::Error> {
        Self::from_code(code).ok_or_else(|| format!("unknown prefecture code {code}"))
    }
}

impl From<Prefecture> for u8 {
    fn from(p: Prefecture) -> u8 {
        p.0
    }
}

impl fmt::Display for Prefecture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a value is not an institution code. Each variant has a Japanese message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstitutionCodeError {
    #[error("{}", text::INSTITUTION_CODE_REQUIRED())]
    Empty,
    #[error("{}", text::INSTITUTION_CODE_SHAPE())]
    NotTenDigits,
    #[error("{}", text::INSTITUTION_CODE_PREFECTURE())]
    UnknownPrefecture,
    #[error("{}", text::INSTITUTION_CODE_CLASS_DIGIT())]
    UnknownClassDigit,
    #[error("{}", text::institution_code_check_digit(*expected))]
    CheckDigit { expected: u8 },
    #[error("{}", text::institution_code_class_mismatch(*expected))]
    ClassMismatch { expected: FeeScheduleClass },
}

/// 医療機関コード / 薬局コード: prefecture (2) + 点数表 (1) + 郡市区 (2) + number (4) + check digit (1).
///
/// `parse` accepts full-width digits and separators and guarantees the shape (10 digits, a real
/// prefecture, a known 点数表 digit). The check digit is verified separately because some old codes
/// may predate it: forms treat a failure as a warning, account creation as an error.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct InstitutionCode(String);

impl InstitutionCode {
    pub fn parse(input: &str) -> Result<Self, InstitutionCodeError> {
        let half = to_half_width(input).value;
        let digits: String = half
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | ',' | '.'))
            .collect();
        if digits.is_empty() {
            return Err(InstitutionCodeError::Empty);
        }
        if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InstitutionCodeError::NotTenDigits);
        }
        let d = digits.as_bytes();
        let prefecture = (d[0] - b'0') * 10 + (d[1] - b'0');
        if Prefecture::from_code(prefecture).is_none() {
            return Err(InstitutionCodeError::UnknownPrefecture);
        }
        if FeeScheduleClass::from_digit(d[2] - b'0').is_none() {
            return Err(InstitutionCodeError::UnknownClassDigit);
        }
        Ok(Self(digits))
    }

    /// Parses and also requires a correct check digit: for issuing accounts, where a typo must not
    /// become an account.
    pub fn parse_strict(input: &str) -> Result<Self, InstitutionCodeError> {
        let code = Self::parse(input)?;
        code.verify_check_digit()?;
        Ok(code)
    }

    pub fn verify_check_digit(&self) -> Result<(), InstitutionCodeError> {
        let body: [u8; 9] = std::array::from_fn(|i| self.0.as_bytes()[i] - b'0');
        let expected = check_digit(&body);
        if self.0.as_bytes()[9] - b'0' == expected {
            Ok(())
        } else {
            Err(InstitutionCodeError::CheckDigit { expected })
        }
    }

    /// Requires the code's 点数表 digit to match the account's class.
    pub fn verify_class(&self, class: FeeScheduleClass) -> Result<(), InstitutionCodeError> {
        if self.class() == class {
            Ok(())
        } else {
            Err(InstitutionCodeError::ClassMismatch {
                expected: self.class(),
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn prefecture(&self) -> Prefecture {
        let d = self.0.as_bytes();
        Prefecture((d[0] - b'0') * 10 + (d[1] - b'0'))
    }

    pub fn class(&self) -> FeeScheduleClass {
        FeeScheduleClass::from_digit(self.0.as_bytes()[2] - b'0').expect("checked in parse")
    }

    /// The commonly printed 7-digit form, e.g. `07,1236,2` for `3410712362`.
    pub fn short_form(&self) -> String {
        format!("{},{},{}", &self.0[3..5], &self.0[5..9], &self.0[9..10])
    }
}

impl TryFrom<String> for InstitutionCode {
    type Error = InstitutionCodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<InstitutionCode> for String {
    fn from(c: InstitutionCode) -> String {
        c.0
    }
}

impl fmt::Display for InstitutionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Luhn check digit of the 9-digit body: from the rightmost digit multiply by 2, 1, 2, 1, …,
/// add the digits of each product, and take (10 − sum mod 10) mod 10.
pub fn check_digit(body: &[u8; 9]) -> u8 {
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let p = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes_pass_the_check_digit() {
        for code in ["3410712362", "0110113719", "0140342262"] {
            let c = InstitutionCode::parse(code).unwrap();
            assert_eq!(c.verify_check_digit(), Ok(()), "{code}");
        }
    }

    #[test]
    fn wrong_check_digit_names_the_expected_one() {
        let c = InstitutionCode::parse("3410712360").unwrap();
        assert_eq!(
            c.verify_check_digit(),
            Err(InstitutionCodeError::CheckDigit { expected: 2 })
        );
        assert!(InstitutionCode::parse_strict("3410712360").is_err());
    }

    #[test]
    fn worked_example_from_the_domain_guide() {
        assert_eq!(check_digit(&[3, 4, 1, 0, 7, 1, 2, 3, 6]), 2);
    }

    #[test]
    fn full_width_and_separators_are_normalised() {
        let c = InstitutionCode::parse("３４１０７１２３６２").unwrap();
        assert_eq!(c.as_str(), "3410712362");
        let c = InstitutionCode::parse("34-1071-2362").unwrap();
        assert_eq!(c.as_str(), "3410712362");
    }

    #[test]
    fn shape_errors() {
        assert_eq!(InstitutionCode::parse(""), Err(InstitutionCodeError::Empty));
        assert_eq!(
            InstitutionCode::parse("341071236"),
            Err(InstitutionCodeError::NotTenDigits)
        );
        assert_eq!(
            InstitutionCode::parse("34107123a2"),
            Err(InstitutionCodeError::NotTenDigits)
        );
        assert_eq!(
            InstitutionCode::parse("4810712362"),
            Err(InstitutionCodeError::UnknownPrefecture)
        );
        assert_eq!(
            InstitutionCode::parse("0010712362"),
            Err(InstitutionCodeError::UnknownPrefecture)
        );
        assert_eq!(
            InstitutionCode::parse("3420712362"),
            Err(InstitutionCodeError::UnknownClassDigit)
        );
    }

    #[test]
    fn class_and_prefecture_come_from_the_code() {
        let c = InstitutionCode::parse("3410712362").unwrap();
        assert_eq!(c.class(), FeeScheduleClass::Medical);
        assert_eq!(c.prefecture().name(), "広島県");
        assert_eq!(c.short_form(), "07,1236,2");
        assert_eq!(c.verify_class(FeeScheduleClass::Medical), Ok(()));
        assert!(c.verify_class(FeeScheduleClass::Pharmacy).is_err());
    }

    #[test]
    fn every_prefecture_has_one_bureau_and_each_bureau_has_prefectures() {
        assert_eq!(Prefecture::all().count(), 47);
        for b in RegionalBureau::ALL {
            assert!(b.prefectures().count() > 0, "{b:?}");
        }
        let total: usize = RegionalBureau::ALL
            .iter()
            .map(|b| b.prefectures().count())
            .sum();
        assert_eq!(total, 47);
        assert_eq!(
            Prefecture::parse("大阪").unwrap().bureau(),
            RegionalBureau::Kinki
        );
        assert_eq!(
            Prefecture::parse("福井県").unwrap().bureau(),
            RegionalBureau::Kinki
        );
        assert_eq!(
            Prefecture::parse("香川").unwrap().bureau(),
            RegionalBureau::Shikoku
        );
        assert_eq!(Prefecture::parse("北海道").unwrap().code(), 1);
        assert_eq!(Prefecture::parse("１３").unwrap().name(), "東京都");
        assert_eq!(Prefecture::parse("48"), None);
        assert_eq!(Prefecture::parse("東京府"), None);
    }

    #[test]
    fn class_parse_accepts_labels_identifiers_and_digits() {
        assert_eq!(
            FeeScheduleClass::parse("調剤"),
            Some(FeeScheduleClass::Pharmacy)
        );
        assert_eq!(
            FeeScheduleClass::parse("dental"),
            Some(FeeScheduleClass::Dental)
        );
        assert_eq!(
            FeeScheduleClass::parse("1"),
            Some(FeeScheduleClass::Medical)
        );
        assert_eq!(FeeScheduleClass::parse("2"), None);
    }

    #[test]
    fn names_follow_the_language_and_parse_in_either() {
        use crate::text::{Lang, lang::in_lang};
        let tokyo = Prefecture::from_code(13).unwrap();
        assert_eq!(tokyo.name(), "東京都");
        assert_eq!(in_lang(Lang::En, || tokyo.name()), "Tokyo");
        assert_eq!(
            in_lang(Lang::En, || RegionalBureau::Kinki.name()),
            "Kinki Regional Bureau of Health and Welfare"
        );
        for lang in Lang::ALL {
            in_lang(lang, || {
                assert_eq!(Prefecture::parse("大阪").map(Prefecture::code), Some(27));
                assert_eq!(Prefecture::parse("osaka").map(Prefecture::code), Some(27));
                assert_eq!(Prefecture::parse("北海道").map(Prefecture::code), Some(1));
                assert_eq!(RegionalBureau::parse("近畿"), Some(RegionalBureau::Kinki));
                assert_eq!(
                    RegionalBureau::parse("Shikoku Branch Bureau of Health and Welfare"),
                    Some(RegionalBureau::Shikoku)
                );
            });
        }
    }
}
