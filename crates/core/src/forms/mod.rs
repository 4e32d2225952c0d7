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
//! aliases are `text::current::forms::UNIT_ALIASES`); any other text after it (`10枚` where the unit
//! is 回) is `number_with_unit`.
//!
//! # Issue codes
//!
//! [`IssueCode`] lists every code the check reports, field checks and form rules alike, with
//! what each means; [`Issue::code`] carries its wire form (`required`, `number_with_unit`,
//! `level_requirements_not_met`, …), [`IssueCode::message`] its message. A field that becomes
//! required because of another answer (e.g. 「その他」 needs its text) reports `required`.
//!
//! # Modules
//!
//! * `definition.rs`: the data model ([`FormDefinition`]: pages, fields, groups, computed places).
//! * `fields/`: one normaliser per [`FieldKind`] (`text`, `number`, `date`, `choice`,
//!   `identifier`, `contact`), plain functions from what was typed to a normalised value or an
//!   [`IssueCode`].
//! * `check.rs`: the engine. It runs the normalisers over a definition, then the rules it is
//!   given, and sorts the issues; it knows no form.
//! * `issue.rs` ([`Issue`], [`IssueCode`]), `report.rs` ([`CheckContext`], [`CheckReport`]),
//!   `review.rs` ([`review_rows`]): what goes in and comes out.
//! * `catalogue/`: the shipped forms, each module a definition with its rules. It is built on the
//!   engine. [`check`] joins the two: it gives the engine the rules the catalogue has for the
//!   definition's id and version.
//! * `decimal.rs`, `kana.rs`, `registration.rs`: exact decimals, furigana, 登録の記号及び番号.

mod catalogue;
mod check;
pub mod decimal;
mod definition;
mod fields;
mod issue;
pub mod kana;
pub mod registration;
mod report;
mod review;

/// 再発行の申請, checked by the same engine (not a filing: sent without signing in).
pub use catalogue::reissue_request::definition as reissue_request;
/// 利用開始届出, likewise.
pub use catalogue::start_of_use_request::definition as start_of_use_request;
pub use catalogue::{
    FORM_END_OF_USE, FORM_PERIODIC_REPORT_STAFFING, FORM_REGIONAL_SUPPORT, FORM_STAFF_CHANGE,
    FTE_DIVISOR_MINIMUM_HOURS, FULL_TIME_MINIMUM_HOURS, REVISION, catalogue, definition, forms_for,
};
/// Rule data and arithmetic of the shipped forms (thresholds, per-10k, FTE), for display and tests.
pub use catalogue::{periodic_report, regional_support, staff_change};
pub use check::too_many_rows;
pub use decimal::{Decimal, Rounding};
pub use definition::{
    ChoiceOption, ComputedDefinition, FieldDefinition, FieldKind, FormDefinition, GroupDefinition,
    Item, PageDefinition,
};
pub use fields::{
    MAX_WEEKLY_HOURS, UNUSUAL_WEEKLY_HOURS, format_iso_date, parse_iso_date, parse_typed_date,
};
pub use issue::{Ask, Bounds, Issue, IssueCode, Severity};
pub use report::{CheckContext, CheckReport, ComputedValue, NamedValue};
pub use review::{ReviewRow, display_value, review_rows};

/// Runs every check of `def` on `answers`: its fields, then the rules the catalogue ships for
/// its id and version (none for a form it does not know). The browser and the server call this
/// same function, with a definition built here or received as JSON.
pub fn check(def: &FormDefinition, answers: &Answers, ctx: &CheckContext) -> CheckReport {
    check::run(def, catalogue::rules_of(def), answers, ctx)
}

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
