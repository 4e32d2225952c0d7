//! What the check reports: [`Issue`]s, and the one list of what they can say, [`IssueCode`].
//!
//! A field check or a form's rule names its finding as an [`IssueCode`] with the values its
//! message needs; the engine turns it into an [`Issue`] for the field at the path, taking the
//! wire code from [`IssueCode::as_str`], the severity from [`IssueCode::severity`] and the
//! message from [`IssueCode::message`] (which reads `text::current::forms`, so that a
//! translation is one more text module). No code string is written anywhere else.

use serde::{Deserialize, Serialize};
use time::Date;

use super::registration::Profession;
use crate::era::format_date;
use crate::institution::{FeeScheduleClass, InstitutionCodeError};
use crate::text::current::forms as t;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks submission.
    Error,
    /// Does not block, but must be acknowledged (by [`Issue::key`]) before submission.
    Warning,
}

/// One problem with the answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issue {
    /// The field: `contact_phone`, `staff[2].weekly_hours` (rows from 0), or a group id.
    pub path: String,
    /// The id of the page holding the field, for the error summary's links and 「変更」.
    pub page: String,
    pub severity: Severity,
    /// Machine-readable, stable across versions (see the list in [`crate::forms`]).
    pub code: String,
    /// Says what to do, in the current language.
    pub message: String,
    /// Lines that follow the message as a list, one finding each with its figure and threshold
    /// (the items a 地域支援体制加算 level misses); empty for most issues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

impl Issue {
    /// The issue `code` raises at `path` on `page`. `label` and `context` are what its message
    /// names (see [`IssueCode::message`]).
    pub fn new(path: &str, page: String, code: &IssueCode, context: &str, label: &str) -> Self {
        Self {
            path: path.to_string(),
            page,
            severity: code.severity(),
            code: code.as_str().to_string(),
            message: code.message(context, label),
            details: code.details(),
        }
    }

    /// The stable identifier of this issue, `code@path`, that an acknowledgement of a warning
    /// refers to. A changed value that still fails keeps its key; a different failure does not.
    pub fn key(&self) -> String {
        format!("{}@{}", self.code, self.path)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How a missing answer is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// 「…を入力してください。」
    Input,
    /// 「…を選んでください。」 (choice fields).
    Choice,
    /// One part of the optional declared ratio of the 定例報告: all parts or none.
    RatioPart,
}

/// The range a number fell outside, as its message states it (bounds as displayed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bounds {
    Between {
        min: String,
        max: String,
        unit: String,
    },
    AtMost {
        max: String,
        unit: String,
    },
    AtLeast {
        min: String,
        unit: String,
    },
    /// Hours a week: more than 0, at most 168.
    Week,
}

/// Everything the check can find wrong, each with the values its message names. The wire code
/// ([`Issue::code`], [`IssueCode::as_str`]) is the variant's name in snake_case, shown first in
/// each variant's documentation; codes are stable across versions. Warnings say so; every other
/// code is an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueCode {
    // ---- Field checks ----------------------------------------------------------------------
    /// `required`: a required field left empty, or a field that another answer makes required
    /// (「その他」 needs its text; a name change needs the previous name; a ratio needs all parts).
    Required(Ask),
    /// `declaration_required`: a declaration not ticked.
    DeclarationRequired,
    /// `invalid_type`: a JSON value of the wrong type (a fraction as a JSON number, an object, a
    /// group that is not an array).
    InvalidType,
    /// `too_long`: text or furigana over its `max_chars` (`len` as typed or converted).
    TooLong { max: usize, len: usize },
    /// `furigana_not_katakana`: furigana with characters that are not kana.
    FuriganaNotKatakana,
    /// `integer_shape`: not a whole number.
    IntegerShape,
    /// `decimal_shape`: not a number.
    DecimalShape { scale: u32 },
    /// `decimal_scale`: more decimals than the field keeps.
    DecimalScale { scale: u32 },
    /// `number_comma_misplaced`: a comma outside groups of three (`18,50`, `7,5`); `reading` is
    /// the comma taken as a decimal point, offered where the field takes decimals.
    NumberCommaMisplaced {
        typed: String,
        decimals: bool,
        reading: Option<String>,
    },
    /// `number_with_unit`: text after the number that is not the field's `unit` (`10枚`).
    NumberWithUnit {
        typed: String,
        suffix: String,
        unit: String,
    },
    /// `out_of_range`: a number outside the field's range.
    OutOfRange(Bounds),
    /// `date_incomplete`: a year, month or day missing.
    DateIncomplete,
    /// `date_shape`: not a date written with numbers.
    DateShape,
    /// `date_invalid`: a day that does not exist, like 2月30日.
    DateInvalid { year: i32, month: u8, day: u8 },
    /// `date_too_early`: before the field's window.
    DateTooEarly { earliest: Date },
    /// `date_too_late`: after the field's window.
    DateTooLate { latest: Date },
    /// `choice_unknown`: neither an option's value nor its label.
    ChoiceUnknown,
    /// `institution_code_shape`: not a 10-digit code of a real prefecture and 点数表.
    InstitutionCodeShape(InstitutionCodeError),
    /// `institution_code_class_mismatch`: the 点数表 digit is not the account's class.
    InstitutionCodeClassMismatch {
        code_class: FeeScheduleClass,
        account_class: FeeScheduleClass,
    },
    /// `institution_code_account_mismatch`: another code than the signed-in account's.
    InstitutionCodeAccountMismatch { account: String },
    /// `institution_code_check_digit` (warning): the check digit does not match; some old codes
    /// may predate it *(confirm)*.
    InstitutionCodeCheckDigit { expected: u8 },
    /// `registration_number_shape`: not prefecture + 医/歯/薬 + number.
    RegistrationNumberShape,
    /// `registration_number_prefecture`: the first character is no prefecture's abbreviation.
    RegistrationNumberPrefecture { first: char },
    /// `registration_number_profession`: a registration of another profession than the
    /// account's class files.
    RegistrationNumberProfession {
        found: Profession,
        class: FeeScheduleClass,
        expected: Profession,
    },
    /// `phone_shape`: not 10 or 11 digits starting with 0.
    PhoneShape,
    /// `postal_code_shape`: not 7 digits.
    PostalCodeShape,
    /// `weekly_hours_unusual` (warning): over 80 hours a week.
    WeeklyHoursUnusual { hours: String },
    /// `group_too_few_rows`: fewer rows than the group's minimum.
    GroupTooFewRows { row_label: String, min: usize },
    /// `group_too_many_rows`: more rows than the group's maximum.
    GroupTooManyRows { max: usize, count: usize },
    /// `group_row_invalid`: a row that is not a JSON object.
    GroupRowInvalid { row_label: String, index: usize },

    // ---- Form rules ------------------------------------------------------------------------
    /// `full_time_hours_below_standard` (staff-change): a full-timer below the threshold.
    FullTimeHoursBelowStandard {
        row: String,
        hours: String,
        threshold: String,
    },
    /// `level_not_allowed_for_class` (regional-support): a level the 調剤基本料 class may not file.
    LevelNotAllowedForClass {
        level: u8,
        needs: String,
        current: String,
        allowed: Vec<u8>,
    },
    /// `level_requirements_not_met` (warning, regional-support): too few items met, explained
    /// item by item in `details`.
    LevelRequirementsNotMet {
        level: u8,
        met: usize,
        requirement: String,
        details: Vec<String>,
    },
    /// `declared_full_time_count_mismatch` (periodic-report-staffing).
    DeclaredFullTimeCountMismatch { declared: String, computed: String },
    /// `declared_fte_total_mismatch` (periodic-report-staffing).
    DeclaredFteTotalMismatch {
        declared: String,
        computed: String,
        exact: String,
    },
    /// `declared_ratio_mismatch` (periodic-report-staffing).
    DeclaredRatioMismatch {
        declared: String,
        exact: String,
        accepted: String,
    },
    /// `ratio_denominator_zero` (periodic-report-staffing).
    RatioDenominatorZero,
    /// `ratio_numerator_exceeds_denominator` (periodic-report-staffing).
    RatioNumeratorExceedsDenominator,
}

impl IssueCode {
    /// The wire code: the variant's name in snake_case.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Required(_) => "required",
            Self::DeclarationRequired => "declaration_required",
            Self::InvalidType => "invalid_type",
            Self::TooLong { .. } => "too_long",
            Self::FuriganaNotKatakana => "furigana_not_katakana",
            Self::IntegerShape => "integer_shape",
            Self::DecimalShape { .. } => "decimal_shape",
            Self::DecimalScale { .. } => "decimal_scale",
            Self::NumberCommaMisplaced { .. } => "number_comma_misplaced",
            Self::NumberWithUnit { .. } => "number_with_unit",
            Self::OutOfRange(_) => "out_of_range",
            Self::DateIncomplete => "date_incomplete",
            Self::DateShape => "date_shape",
            Self::DateInvalid { .. } => "date_invalid",
            Self::DateTooEarly { .. } => "date_too_early",
            Self::DateTooLate { .. } => "date_too_late",
            Self::ChoiceUnknown => "choice_unknown",
            Self::InstitutionCodeShape(_) => "institution_code_shape",
            Self::InstitutionCodeClassMismatch { .. } => "institution_code_class_mismatch",
            Self::InstitutionCodeAccountMismatch { .. } => "institution_code_account_mismatch",
            Self::InstitutionCodeCheckDigit { .. } => "institution_code_check_digit",
            Self::RegistrationNumberShape => "registration_number_shape",
            Self::RegistrationNumberPrefecture { .. } => "registration_number_prefecture",
            Self::RegistrationNumberProfession { .. } => "registration_number_profession",
            Self::PhoneShape => "phone_shape",
            Self::PostalCodeShape => "postal_code_shape",
            Self::WeeklyHoursUnusual { .. } => "weekly_hours_unusual",
            Self::GroupTooFewRows { .. } => "group_too_few_rows",
            Self::GroupTooManyRows { .. } => "group_too_many_rows",
            Self::GroupRowInvalid { .. } => "group_row_invalid",
            Self::FullTimeHoursBelowStandard { .. } => "full_time_hours_below_standard",
            Self::LevelNotAllowedForClass { .. } => "level_not_allowed_for_class",
            Self::LevelRequirementsNotMet { .. } => "level_requirements_not_met",
            Self::DeclaredFullTimeCountMismatch { .. } => "declared_full_time_count_mismatch",
            Self::DeclaredFteTotalMismatch { .. } => "declared_fte_total_mismatch",
            Self::DeclaredRatioMismatch { .. } => "declared_ratio_mismatch",
            Self::RatioDenominatorZero => "ratio_denominator_zero",
            Self::RatioNumeratorExceedsDenominator => "ratio_numerator_exceeds_denominator",
        }
    }

    /// Warnings do not block submission but must be acknowledged; everything else is an error.
    pub fn severity(&self) -> Severity {
        match self {
            Self::InstitutionCodeCheckDigit { .. }
            | Self::WeeklyHoursUnusual { .. }
            | Self::LevelRequirementsNotMet { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The lines listed under the message: the items a level misses, one a line.
    pub fn details(&self) -> Vec<String> {
        match self {
            Self::LevelRequirementsNotMet { details, .. } => details.clone(),
            _ => Vec::new(),
        }
    }

    /// The message, in Japanese, that says what to do. `label` is the label of the field (or
    /// group) the issue is about and `context` the row it is in (「職員（3行目）の」, empty for
    /// fields outside rows); codes about the form as a whole name neither.
    ///
    /// One arm per code, each a call into the text module: a table, longer than a function
    /// usually is here, kept in one piece so that no code can go without its message.
    pub fn message(&self, context: &str, label: &str) -> String {
        let (c, l) = (context, label);
        match self {
            Self::Required(Ask::Input) => t::required_input(c, l),
            Self::Required(Ask::Choice) => t::required_choice(c, l),
            Self::Required(Ask::RatioPart) => t::ratio_part_required(l),
            Self::DeclarationRequired => t::declaration_required(l),
            Self::InvalidType => t::invalid_type(c, l),
            Self::TooLong { max, len } => t::too_long(c, l, *max, *len),
            Self::FuriganaNotKatakana => t::furigana_not_katakana(c, l),
            Self::IntegerShape => t::integer_shape(c, l),
            Self::DecimalShape { scale } => t::decimal_shape(c, l, *scale),
            Self::DecimalScale { scale } => t::decimal_scale(c, l, *scale),
            Self::NumberCommaMisplaced {
                typed,
                decimals,
                reading,
            } => t::comma_misplaced(c, l, typed, *decimals, reading.as_deref()),
            Self::NumberWithUnit {
                typed,
                suffix,
                unit,
            } => t::number_with_unit(c, l, typed, suffix, unit),
            Self::OutOfRange(bounds) => match bounds {
                Bounds::Between { min, max, unit } => t::out_of_range(c, l, min, max, unit),
                Bounds::AtMost { max, unit } => t::at_most(c, l, max, unit),
                Bounds::AtLeast { min, unit } => t::at_least(c, l, min, unit),
                Bounds::Week => t::weekly_hours_range(c, l),
            },
            Self::DateIncomplete => t::date_incomplete(c, l),
            Self::DateShape => t::date_shape(c, l),
            Self::DateInvalid { year, month, day } => t::date_invalid(c, l, *year, *month, *day),
            Self::DateTooEarly { earliest } => t::date_too_early(c, l, &format_date(*earliest)),
            Self::DateTooLate { latest } => t::date_too_late(c, l, &format_date(*latest)),
            Self::ChoiceUnknown => t::choice_unknown(c, l),
            Self::InstitutionCodeShape(e) => e.to_string(),
            Self::InstitutionCodeClassMismatch {
                code_class,
                account_class,
            } => t::institution_code_class_mismatch(*code_class, *account_class),
            Self::InstitutionCodeAccountMismatch { account } => {
                t::institution_code_account_mismatch(account)
            }
            Self::InstitutionCodeCheckDigit { expected } => {
                t::institution_code_check_digit_warning(*expected)
            }
            Self::RegistrationNumberShape => t::registration_number_shape(c, l),
            Self::RegistrationNumberPrefecture { first } => {
                t::registration_number_prefecture(c, l, *first)
            }
            Self::RegistrationNumberProfession {
                found,
                class,
                expected,
            } => t::registration_number_profession(
                c,
                l,
                found.kanji(),
                class.label(),
                expected.kanji(),
            ),
            Self::PhoneShape => t::phone_shape(c, l),
            Self::PostalCodeShape => t::postal_code_shape(c, l),
            Self::WeeklyHoursUnusual { hours } => t::weekly_hours_unusual(c, l, hours),
            Self::GroupTooFewRows { row_label, min } => t::group_too_few_rows(l, row_label, *min),
            Self::GroupTooManyRows { max, count } => t::group_too_many_rows(l, *max, *count),
            Self::GroupRowInvalid { row_label, index } => t::group_row_invalid(row_label, *index),
            Self::FullTimeHoursBelowStandard {
                row,
                hours,
                threshold,
            } => t::full_time_hours_below_standard(row, hours, threshold),
            Self::LevelNotAllowedForClass {
                level,
                needs,
                current,
                allowed,
            } => t::level_not_allowed(*level, needs, current, allowed),
            Self::LevelRequirementsNotMet {
                level,
                met,
                requirement,
                details,
            } => t::level_requirements_not_met(*level, *met, requirement, details.len()),
            Self::DeclaredFullTimeCountMismatch { declared, computed } => {
                t::declared_full_time_count_mismatch(declared, computed)
            }
            Self::DeclaredFteTotalMismatch {
                declared,
                computed,
                exact,
            } => t::declared_fte_total_mismatch(declared, computed, exact),
            Self::DeclaredRatioMismatch {
                declared,
                exact,
                accepted,
            } => t::declared_ratio_mismatch(declared, exact, accepted),
            Self::RatioDenominatorZero => t::RATIO_DENOMINATOR_ZERO().to_string(),
            Self::RatioNumeratorExceedsDenominator => t::RATIO_NUMERATOR_EXCEEDS().to_string(),
        }
    }
}

impl std::fmt::Display for IssueCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// One of every code.
    fn every_code() -> Vec<IssueCode> {
        let s = String::new;
        vec![
            IssueCode::Required(Ask::Input),
            IssueCode::DeclarationRequired,
            IssueCode::InvalidType,
            IssueCode::TooLong { max: 5, len: 6 },
            IssueCode::FuriganaNotKatakana,
            IssueCode::IntegerShape,
            IssueCode::DecimalShape { scale: 1 },
            IssueCode::DecimalScale { scale: 1 },
            IssueCode::NumberCommaMisplaced {
                typed: "7,5".into(),
                decimals: true,
                reading: Some("7.5".into()),
            },
            IssueCode::NumberWithUnit {
                typed: "3人".into(),
                suffix: "人".into(),
                unit: "回".into(),
            },
            IssueCode::OutOfRange(Bounds::Week),
            IssueCode::DateIncomplete,
            IssueCode::DateShape,
            IssueCode::DateInvalid {
                year: 2024,
                month: 2,
                day: 30,
            },
            IssueCode::DateTooEarly {
                earliest: date!(2024 - 01 - 01),
            },
            IssueCode::DateTooLate {
                latest: date!(2024 - 01 - 01),
            },
            IssueCode::ChoiceUnknown,
            IssueCode::InstitutionCodeShape(InstitutionCodeError::NotTenDigits),
            IssueCode::InstitutionCodeClassMismatch {
                code_class: FeeScheduleClass::Dental,
                account_class: FeeScheduleClass::Medical,
            },
            IssueCode::InstitutionCodeAccountMismatch {
                account: "0110113719".into(),
            },
            IssueCode::InstitutionCodeCheckDigit { expected: 2 },
            IssueCode::RegistrationNumberShape,
            IssueCode::RegistrationNumberPrefecture { first: '米' },
            IssueCode::RegistrationNumberProfession {
                found: Profession::Dental,
                class: FeeScheduleClass::Medical,
                expected: Profession::Medical,
            },
            IssueCode::PhoneShape,
            IssueCode::PostalCodeShape,
            IssueCode::WeeklyHoursUnusual {
                hours: "90.0".into(),
            },
            IssueCode::GroupTooFewRows {
                row_label: "職員".into(),
                min: 1,
            },
            IssueCode::GroupTooManyRows { max: 50, count: 51 },
            IssueCode::GroupRowInvalid {
                row_label: "職員".into(),
                index: 0,
            },
            IssueCode::FullTimeHoursBelowStandard {
                row: s(),
                hours: s(),
                threshold: s(),
            },
            IssueCode::LevelNotAllowedForClass {
                level: 3,
                needs: s(),
                current: s(),
                allowed: vec![1, 2],
            },
            IssueCode::LevelRequirementsNotMet {
                level: 2,
                met: 3,
                requirement: s(),
                details: vec![],
            },
            IssueCode::DeclaredFullTimeCountMismatch {
                declared: s(),
                computed: s(),
            },
            IssueCode::DeclaredFteTotalMismatch {
                declared: s(),
                computed: s(),
                exact: s(),
            },
            IssueCode::DeclaredRatioMismatch {
                declared: s(),
                exact: s(),
                accepted: s(),
            },
            IssueCode::RatioDenominatorZero,
            IssueCode::RatioNumeratorExceedsDenominator,
        ]
    }

    /// The variant's name in snake_case, from its `Debug` form (`TooLong { … }` → `too_long`).
    fn snake_name(code: &IssueCode) -> String {
        let debug = format!("{code:?}");
        let name = debug.split([' ', '(']).next().unwrap_or_default();
        let mut out = String::new();
        for (i, ch) in name.chars().enumerate() {
            if ch.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        }
        out
    }

    #[test]
    fn wire_codes_are_the_variant_names_and_unique() {
        let codes = every_code();
        let mut seen = std::collections::BTreeSet::new();
        for code in &codes {
            assert_eq!(code.as_str(), snake_name(code));
            assert_eq!(code.to_string(), code.as_str());
            assert!(seen.insert(code.as_str()), "{code:?} twice");
            assert!(!code.message("", "欄").is_empty(), "{code:?}");
        }
        assert_eq!(seen.len(), 38);
        let warnings: Vec<&str> = codes
            .iter()
            .filter(|c| c.severity() == Severity::Warning)
            .map(IssueCode::as_str)
            .collect();
        assert_eq!(
            warnings,
            [
                "institution_code_check_digit",
                "weekly_hours_unusual",
                "level_requirements_not_met"
            ]
        );
    }

    #[test]
    fn an_issue_takes_code_severity_and_message_from_its_code() {
        let code = IssueCode::TooLong { max: 5, len: 6 };
        let issue = Issue::new(
            "staff[1].name",
            "staff".into(),
            &code,
            "職員（2行目）の",
            "氏名",
        );
        assert_eq!(issue.code, "too_long");
        assert_eq!(issue.severity, Severity::Error);
        assert_eq!(issue.key(), "too_long@staff[1].name");
        assert_eq!(issue.message, t::too_long("職員（2行目）の", "氏名", 5, 6));
        let required = |ask| IssueCode::Required(ask).message("", "氏名");
        assert_eq!(required(Ask::Input), "氏名を入力してください。");
        assert_eq!(required(Ask::Choice), "氏名を選んでください。");
        assert_eq!(required(Ask::RatioPart), t::ratio_part_required("氏名"));
    }
}
