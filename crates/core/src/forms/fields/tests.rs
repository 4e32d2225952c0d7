//! Every field kind through the engine: what each normalises to or reports, commas, units,
//! warnings, empty answers, and idempotence. Fixtures shared with the engine's tests.

use proptest::prelude::*;
use serde_json::{Value, json};
use time::macros::date;

use crate::forms::check::run;
use crate::forms::definition::{
    ChoiceOption, FieldDefinition, FieldKind, FormDefinition, GroupDefinition, Item, PageDefinition,
};
use crate::forms::{Answers, CheckContext, CheckReport, Severity};
use crate::institution::FeeScheduleClass;
use crate::text::current::forms as t;

/// The engine without form rules.
pub(crate) fn check(def: &FormDefinition, answers: &Answers, ctx: &CheckContext) -> CheckReport {
    run(def, None, answers, ctx)
}

pub(crate) fn f(id: &str, kind: FieldKind) -> FieldDefinition {
    FieldDefinition {
        id: id.into(),
        label: id.into(),
        hint: None,
        required: false,
        kind,
        only_for: None,
    }
}

/// One optional field of every kind, and a group holding a few of them again.
pub(crate) fn every_kind() -> FormDefinition {
    let fields = vec![
        f("text", FieldKind::Text { max_chars: 5 }),
        f("furigana", FieldKind::Furigana { max_chars: 20 }),
        f(
            "integer",
            FieldKind::Integer {
                min: -5,
                max: 100_000,
                unit: Some("回".into()),
            },
        ),
        f(
            "decimal",
            FieldKind::Decimal {
                scale: 2,
                min: "0".into(),
                max: "99.99".into(),
                unit: None,
            },
        ),
        f(
            "date",
            FieldKind::Date {
                not_before_days: None,
                not_after_days: None,
            },
        ),
        f(
            "choice",
            FieldKind::Choice {
                options: vec![
                    ChoiceOption::new("a", "選択A"),
                    ChoiceOption::new("b", "選択B"),
                ],
            },
        ),
        f(
            "declaration",
            FieldKind::Declaration {
                statement: "確認しました".into(),
            },
        ),
        f("institution_code", FieldKind::InstitutionCode),
        f("registration_number", FieldKind::RegistrationNumber),
        f("phone", FieldKind::Phone),
        f("postal_code", FieldKind::PostalCode),
        f("weekly_hours", FieldKind::WeeklyHours),
    ];
    let group = GroupDefinition {
        id: "rows".into(),
        label: "行".into(),
        row_label: "行".into(),
        min_rows: 0,
        max_rows: 3,
        fields: fields
            .iter()
            .filter(|f| f.id != "institution_code")
            .cloned()
            .collect(),
    };
    let mut items: Vec<Item> = fields.into_iter().map(Item::Field).collect();
    items.push(Item::Group(group));
    FormDefinition {
        id: "every-kind".into(),
        version: "test".into(),
        title: "t".into(),
        description: "d".into(),
        classes: vec![FeeScheduleClass::Medical],
        pages: vec![PageDefinition {
            id: "p".into(),
            title: "p".into(),
            intro: None,
            items,
        }],
    }
}

pub(crate) fn ctx() -> CheckContext {
    CheckContext::new(FeeScheduleClass::Medical, date!(2024 - 11 - 18))
}

pub(crate) fn one(id: &str, value: Value) -> CheckReport {
    let mut a = Answers::new();
    a.insert(id.into(), value);
    check(&every_kind(), &a, &ctx())
}

#[test]
fn each_kind_normalises_or_reports() {
    // (field, input, Ok(normalised) or Err(issue code))
    let cases: &[(&str, Value, Result<Value, &str>)] = &[
        ("text", json!("  山田  "), Ok(json!("山田"))),
        ("text", json!("123456"), Err("too_long")),
        ("furigana", json!("ﾔﾏﾀﾞ ﾊﾟﾝ"), Ok(json!("ヤマダ　パン"))),
        ("furigana", json!("やまだ"), Ok(json!("ヤマダ"))),
        ("furigana", json!("山田"), Err("furigana_not_katakana")),
        ("integer", json!("１８，５００"), Ok(json!("18500"))),
        ("integer", json!(42), Ok(json!("42"))),
        ("integer", json!("-5"), Ok(json!("-5"))),
        ("integer", json!("-6"), Err("out_of_range")),
        ("integer", json!("1.5"), Err("integer_shape")),
        ("integer", json!("abc"), Err("integer_shape")),
        ("integer", json!(1.5), Err("invalid_type")),
        ("decimal", json!("１２．５"), Ok(json!("12.50"))),
        ("decimal", json!("12.345"), Err("decimal_scale")),
        ("decimal", json!("12.340"), Ok(json!("12.34"))),
        ("decimal", json!("100"), Err("out_of_range")),
        ("decimal", json!("1..2"), Err("decimal_shape")),
        ("date", json!("2024/2/29"), Ok(json!("2024-02-29"))),
        ("date", json!("2023-02-29"), Err("date_invalid")),
        ("date", json!("2024-02-"), Err("date_incomplete")),
        ("date", json!("24-02-01"), Err("date_shape")),
        ("choice", json!("b"), Ok(json!("b"))),
        ("choice", json!("選択A"), Ok(json!("a"))),
        ("choice", json!("c"), Err("choice_unknown")),
        ("declaration", json!(true), Ok(json!(true))),
        ("declaration", json!(1), Err("invalid_type")),
        (
            "institution_code",
            json!("３４１０７１２３６２"),
            Ok(json!("3410712362")),
        ),
        (
            "institution_code",
            json!("34-1071-2362"),
            Ok(json!("3410712362")),
        ),
        (
            "institution_code",
            json!("3410712360"),
            Err("institution_code_check_digit"),
        ),
        (
            "institution_code",
            json!("3440712362"),
            Err("institution_code_class_mismatch"),
        ),
        (
            "institution_code",
            json!("12345"),
            Err("institution_code_shape"),
        ),
        (
            "registration_number",
            json!("阪医第５２７５２号"),
            Ok(json!("阪医52752")),
        ),
        (
            "registration_number",
            json!("阪歯52752"),
            Err("registration_number_profession"),
        ),
        (
            "registration_number",
            json!("米医52752"),
            Err("registration_number_prefecture"),
        ),
        (
            "registration_number",
            json!("52752"),
            Err("registration_number_shape"),
        ),
        (
            "phone",
            json!("０９０－１２３４－５６７８"),
            Ok(json!("090-1234-5678")),
        ),
        ("phone", json!("(03)1234-5678"), Ok(json!("03-1234-5678"))),
        ("phone", json!("1234567890"), Err("phone_shape")),
        ("postal_code", json!("〒1000001"), Ok(json!("100-0001"))),
        (
            "postal_code",
            json!("１００－０００１"),
            Ok(json!("100-0001")),
        ),
        ("postal_code", json!("100-00011"), Err("postal_code_shape")),
        ("weekly_hours", json!("40"), Ok(json!("40.0"))),
        ("weekly_hours", json!("３７．５"), Ok(json!("37.5"))),
        ("weekly_hours", json!("0"), Err("out_of_range")),
        ("weekly_hours", json!("168.1"), Err("out_of_range")),
        ("weekly_hours", json!("37.25"), Err("decimal_scale")),
        ("weekly_hours", json!("90"), Err("weekly_hours_unusual")),
    ];
    for (id, input, expected) in cases {
        let r = one(id, input.clone());
        match expected {
            Ok(v) => {
                assert!(r.issues.is_empty(), "{id} {input}: {:?}", r.issues);
                assert_eq!(&r.normalised[*id], v, "{id} {input}");
            }
            Err(code) => {
                assert_eq!(r.issues.len(), 1, "{id} {input}: {:?}", r.issues);
                assert_eq!(
                    (r.issues[0].code.as_str(), r.issues[0].path.as_str()),
                    (*code, *id),
                    "{input}"
                );
                assert_eq!(r.issues[0].page, "p");
                assert!(!r.issues[0].message.is_empty());
            }
        }
    }
}

/// 「18,50」 must not become 1850, nor 「7,5」 75 hours: a comma outside groups of three is
/// refused with what was typed and how to type it.
#[test]
fn a_misplaced_comma_is_an_error_not_a_different_number() {
    for (id, typed) in [
        ("integer", "18,50"),
        ("integer", "1,8500"),
        ("integer", "１８，５０"),
        ("integer", "0,5"),
        ("weekly_hours", "7,5"),
        ("decimal", "12,5"),
    ] {
        let r = one(id, json!(typed));
        assert_eq!(r.issues.len(), 1, "{id} {typed}: {:?}", r.issues);
        assert_eq!(r.issues[0].code, "number_comma_misplaced", "{id} {typed}");
        assert_eq!(r.normalised[id], typed, "kept as typed");
        assert!(
            r.issues[0].message.contains(&format!("「{typed}」")),
            "{}",
            r.issues[0].message
        );
    }
    assert_eq!(
        one("weekly_hours", json!("7,5")).issues[0].message,
        t::comma_misplaced("", "weekly_hours", "7,5", true, Some("7.5"))
    );
    assert_eq!(
        one("integer", json!("18,50")).issues[0].message,
        t::comma_misplaced("", "integer", "18,50", false, None)
    );
    // Valid groups of three are still thousands separators.
    for (id, typed, normalised) in [
        ("integer", "18,500", "18500"),
        ("integer", "１８，５００", "18500"),
        ("integer", "-5", "-5"),
        ("decimal", "1.25", "1.25"),
        ("weekly_hours", "7.5", "7.5"),
    ] {
        let r = one(id, json!(typed));
        assert!(r.issues.is_empty(), "{id} {typed}: {:?}", r.issues);
        assert_eq!(r.normalised[id], normalised, "{id} {typed}");
    }
}

/// The field's own unit typed after the number is dropped and the value rewritten to the
/// bare number; other trailing text is refused with a message that says to drop it.
#[test]
fn a_unit_after_the_number() {
    for (id, typed, normalised) in [
        ("integer", "18500回", "18500"),
        ("integer", "１８，５００回", "18500"),
        ("integer", "12 回", "12"),
        ("weekly_hours", "32時間", "32.0"),
        ("weekly_hours", "３２ｈ", "32.0"),
        ("weekly_hours", "7.5h", "7.5"),
        ("weekly_hours", "40 hr", "40.0"),
        ("weekly_hours", "40H", "40.0"),
        ("weekly_hours", "３７．５時間", "37.5"),
    ] {
        let mut a = Answers::new();
        a.insert(id.into(), json!(typed));
        let r = check(&every_kind(), &a, &ctx());
        assert!(r.issues.is_empty(), "{id} {typed}: {:?}", r.issues);
        assert_eq!(r.normalised[id], normalised, "{id} {typed}");
        assert_eq!(
            r.changed_by_normalisation(&a),
            [id],
            "the page says it changed"
        );
    }
    for (id, typed, suffix, unit) in [
        ("integer", "3人", "人", "回"),
        ("integer", "10枚", "枚", "回"),
        ("integer", "18500 times", "times", "回"),
        ("weekly_hours", "32分", "分", "時間"),
        ("decimal", "12.5%", "%", ""),
        ("decimal", "3人", "人", ""),
    ] {
        let r = one(id, json!(typed));
        assert_eq!(r.issues.len(), 1, "{id} {typed}: {:?}", r.issues);
        assert_eq!(r.issues[0].code, "number_with_unit", "{id} {typed}");
        assert_eq!(r.normalised[id], typed, "kept as typed");
        assert_eq!(
            r.issues[0].message,
            t::number_with_unit("", id, typed, suffix, unit),
            "{id} {typed}"
        );
    }
    // A unit does not excuse a misplaced comma, and text with digits in it is no unit.
    assert_eq!(
        one("integer", json!("18,50回")).issues[0].code,
        "number_comma_misplaced"
    );
    assert_eq!(
        one("weekly_hours", json!("7,5h")).issues[0].message,
        t::comma_misplaced("", "weekly_hours", "7,5h", true, Some("7.5"))
    );
    assert_eq!(one("integer", json!("1e5")).issues[0].code, "integer_shape");
    assert_eq!(one("integer", json!("abc")).issues[0].code, "integer_shape");
    assert_eq!(one("integer", json!("回")).issues[0].code, "integer_shape");
    // In a row, the message names the row.
    let r = one("rows", json!([{"integer": "3人"}]));
    assert_eq!(
        r.issues[0].message,
        t::number_with_unit("行（1行目）の", "integer", "3人", "人", "回")
    );
}

#[test]
fn warnings_keep_the_normalised_value_and_do_not_block() {
    let r = one("weekly_hours", json!("90"));
    assert_eq!(r.normalised["weekly_hours"], "90.0");
    assert_eq!(r.issues[0].severity, Severity::Warning);
    assert!(!r.has_errors());
    assert_eq!(r.issues[0].key(), "weekly_hours_unusual@weekly_hours");
    let r = one("institution_code", json!("3410712360"));
    assert_eq!(r.normalised["institution_code"], "3410712360");
    assert!(!r.has_errors());
}

#[test]
fn empty_optional_values_are_left_out_and_required_ones_reported() {
    let r = one("text", json!("   "));
    assert!(r.issues.is_empty());
    assert!(r.normalised.get("text").is_none());
    let mut def = every_kind();
    for item in &mut def.pages[0].items {
        if let Item::Field(f) = item {
            f.required = true;
        }
    }
    let r = check(&def, &Answers::new(), &ctx());
    let codes: Vec<&str> = r.issues.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes.len(), 12);
    assert!(
        codes
            .iter()
            .all(|c| *c == "required" || *c == "declaration_required"),
        "{codes:?}"
    );
    let choice = r.issues.iter().find(|i| i.path == "choice").unwrap();
    assert_eq!(choice.message, "choiceを選んでください。");
}

fn messy() -> impl Strategy<Value = String> {
    "[0-9０-９\\-－ー（）()〒 　a-zＡ-Ｚｈｱ-ﾝﾞﾟあ-んア-ン阪医東歯.,，．、年月日/回時間人枚%％]{0,14}"
}

proptest! {
    /// Checking the normalised answers again changes nothing: normalisation is idempotent for
    /// every kind, valid or not.
    #[test]
    fn normalisation_is_idempotent(values in proptest::collection::vec(messy(), 12), row in proptest::collection::vec(messy(), 11)) {
        let def = every_kind();
        let ids: Vec<String> = def.pages[0].items.iter().filter_map(|i| match i { Item::Field(f) => Some(f.id.clone()), _ => None }).collect();
        let Some(Item::Group(g)) = def.pages[0].items.last() else { unreachable!() };
        let mut a = Answers::new();
        for (id, v) in ids.iter().zip(&values) {
            a.insert(id.clone(), Value::String(v.clone()));
        }
        let r: serde_json::Map<String, Value> = g.fields.iter().zip(&row).map(|(f, v)| (f.id.clone(), Value::String(v.clone()))).collect();
        a.insert("rows".into(), json!([r]));
        let once = check(&def, &a, &ctx());
        let twice = check(&def, &once.normalised, &ctx());
        prop_assert_eq!(&once.normalised, &twice.normalised);
    }
}
