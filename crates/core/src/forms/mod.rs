//! The declarative form engine and the form catalogue.
//!
//! A form is a [`FormDefinition`] (pages of fields, repeatable row groups and places for computed
//! values) plus, for some forms, cross-field rules kept in code beside the definition
//! (`catalogue/`). [`check`] is the one check: the browser calls it as the user presses 「次へ」
//! and to show live computed values; the server calls it again on submission and its verdict is
//! final. It returns the normalised answers, the computed values with their explanations, and the
//! issues (errors block, warnings must be acknowledged by [`Issue::key`]).
//!
//! # Answers
//!
//! [`Answers`] is a JSON object keyed by field id. Every value is what the user typed, as a JSON
//! string, except:
//!
//! * **declarations**: JSON `true` when ticked (`false` or absent when not);
//! * **groups** (repeatable rows): an array of row objects keyed by the group's field ids,
//!   e.g. `"staff": [{"name": "山田 太郎", "weekly_hours": "40"}, …]`. Paths into rows are
//!   `staff[0].weekly_hours` (rows counted from 0).
//!
//! Whole JSON numbers are accepted where a string is expected; JSON numbers with a fraction are
//! refused (send decimals as strings, so that binary floating point never touches a check).
//! Empty strings, `null` and absent keys all mean "not entered".
//!
//! **Dates** are one string `YYYY-MM-DD` (the browser shows separate year / month / day inputs and
//! joins them with hyphens; `2024-8-1`, `2024/8/1`, `2024年8月1日` and full-width digits are
//! accepted and normalised to `2024-08-01`; a missing part is `date_incomplete`, a day that does
//! not exist, like 2月30日, is `date_invalid`). The review page shows them with the era:
//! 「2024年（令和6年）8月1日」.
//!
//! Normalisation (in [`CheckReport::normalised`], idempotent): codes, numbers, phone and postal
//! codes to half-width (`３４１０７１２３６２` → `3410712362`, `18,500` → `18500`,
//! `〒１２３４５６７` → `123-4567`, `03(1234)5678` → `03-1234-5678`); decimals to their fixed scale
//! (`40` → `40.0` for weekly hours); furigana to full-width katakana (`ﾔﾏﾀﾞ` / `やまだ` → `ヤマダ`,
//! words separated by one full-width space); registration numbers to `阪医52752`; choices to
//! their `value` (a label is accepted too). Values that fail their check are kept as typed.
//!
//! **Numbers** (integer, decimal and weekly-hours fields) take commas only as thousands
//! separators in groups of three (`18,500`, `1,234,567`, `１８，５００`); anywhere else a comma is
//! likely a decimal point on the wrong key and dropping it would change the number (`18,50`,
//! `7,5`), so it is `number_comma_misplaced`. The field's own unit typed after the number is
//! dropped (`18500回` → `18500`, `32時間` / `３２ｈ` / `7.5h` → `32.0` / `7.5` for weekly hours; the
//! aliases are `text::ja::forms::UNIT_ALIASES`); any other text after it (`10枚` where the unit
//! is 回) is `number_with_unit`.
//!
//! # Issue codes
//!
//! Field checks: `required`, `declaration_required`, `invalid_type`, `too_long`,
//! `furigana_not_katakana`, `integer_shape`, `decimal_shape`, `decimal_scale`,
//! `number_comma_misplaced`, `number_with_unit`, `out_of_range`,
//! `date_incomplete`, `date_shape`, `date_invalid`, `date_too_early`, `date_too_late`,
//! `choice_unknown`, `institution_code_shape`, `institution_code_class_mismatch`,
//! `institution_code_account_mismatch`, `institution_code_check_digit` (warning),
//! `registration_number_shape`, `registration_number_prefecture`,
//! `registration_number_profession`, `phone_shape`, `postal_code_shape`,
//! `weekly_hours_unusual` (warning), `group_too_few_rows`, `group_too_many_rows`,
//! `group_row_invalid`.
//!
//! Form rules: `full_time_hours_below_standard` (staff-change), `level_not_allowed_for_class`,
//! `level_requirements_not_met` (warning) (regional-support),
//! `declared_full_time_count_mismatch`, `declared_fte_total_mismatch`, `declared_ratio_mismatch`,
//! `ratio_denominator_zero`, `ratio_numerator_exceeds_denominator` (periodic-report-staffing).
//! A field that becomes required because of another answer (e.g. 「その他」 needs its text) reports
//! `required`.

mod catalogue;
mod check;
pub mod decimal;
mod definition;
pub mod kana;
pub mod registration;

pub use catalogue::{
    FORM_END_OF_USE, FORM_PERIODIC_REPORT_STAFFING, FORM_REGIONAL_SUPPORT, FORM_STAFF_CHANGE,
    FTE_DIVISOR_MINIMUM_HOURS, FULL_TIME_MINIMUM_HOURS, REVISION, catalogue, definition, forms_for,
};
/// Rule data and arithmetic of the shipped forms (thresholds, per-10k, FTE), for display and tests.
pub use catalogue::{periodic_report, regional_support, staff_change};
pub use check::{
    CheckContext, CheckReport, ComputedValue, Issue, MAX_WEEKLY_HOURS, NamedValue, ReviewRow,
    Severity, UNUSUAL_WEEKLY_HOURS, check, display_value, format_iso_date, parse_iso_date,
    parse_typed_date, review_rows,
};
pub use decimal::{Decimal, Rounding};
pub use definition::{
    ChoiceOption, ComputedDefinition, FieldDefinition, FieldKind, FormDefinition, GroupDefinition,
    Item, PageDefinition,
};

/// Field id → value (strings as typed, `true` for ticked declarations); group id → array of row
/// objects. See the module documentation.
pub type Answers = serde_json::Map<String, serde_json::Value>;

#[cfg(all(test, feature = "openapi"))]
mod openapi_tests {
    use super::*;
    use utoipa::PartialSchema;

    #[test]
    fn schemas_describe_the_published_types() {
        let json = |s: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| {
            serde_json::to_string(&s).unwrap()
        };
        let form = json(FormDefinition::schema());
        assert!(form.contains("pages") && form.contains("classes"), "{form}");
        let item = json(Item::schema());
        assert!(item.contains("\"type\""), "{item}");
        let report = json(CheckReport::schema());
        assert!(
            report.contains("normalised") && report.contains("issues"),
            "{report}"
        );
        let ctx = json(CheckContext::schema());
        assert!(ctx.contains("\"date\""), "{ctx}");
        for s in [
            json(FieldKind::schema()),
            json(ReviewRow::schema()),
            json(Severity::schema()),
        ] {
            assert!(!s.is_empty());
        }
    }
}
