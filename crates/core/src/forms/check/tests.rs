//! The engine on a form of every kind: reports, rows, what normalisation changed, rules.

use serde_json::json;

use super::*;
use crate::forms::fields::tests::{check, ctx, every_kind, one};
use crate::institution::InstitutionCode;

#[test]
fn the_report_serialises_for_the_api() {
    let r = one("weekly_hours", json!("90"));
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["issues"][0]["severity"], "warning");
    assert_eq!(v["issues"][0]["path"], "weekly_hours");
    assert_eq!(v["normalised"]["weekly_hours"], "90.0");
    let back: CheckReport = serde_json::from_value(v).unwrap();
    assert_eq!(back, r);
    let c = ctx().with_institution_code(InstitutionCode::parse("0110113719").unwrap());
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(
        v,
        json!({"class": "medical", "institution_code": "0110113719", "today": "2024-11-18", "periodic_report_as_of": "2024-08-01"})
    );
    assert_eq!(serde_json::from_value::<CheckContext>(v).unwrap(), c);
}

#[test]
fn group_rows_are_normalised_in_place() {
    let r = one(
        "rows",
        json!([{"phone": "０３１２３４５６７８", "furigana": "ｱｲ"}, {}, {"integer": "x"}]),
    );
    assert_eq!(
        r.normalised["rows"],
        json!([{"phone": "0312345678", "furigana": "アイ"}, {}, {"integer": "x"}])
    );
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].path, "rows[2].integer");
    assert_eq!(
        r.issues[0].message,
        "行（3行目）のintegerは小数点のない数字で入力してください（例：18500）。"
    );
    assert_eq!(r.issues_at("rows[2].integer").len(), 1);
    assert_eq!(r.issues_on_page("p").len(), 1);
    assert!(r.issues_on_page("q").is_empty());
}

#[test]
fn changed_values_are_listed_for_the_notice() {
    let mut a = Answers::new();
    a.insert("phone".into(), json!("０３１２３４５６７８"));
    a.insert("text".into(), json!("same"));
    a.insert("integer".into(), json!("bad"));
    a.insert("rows".into(), json!([{"furigana": "ｱｲ", "text": "x"}]));
    let c = ctx().with_institution_code(InstitutionCode::parse("0110113719").unwrap());
    let r = check(&every_kind(), &a, &c);
    let mut changed = r.changed_by_normalisation(&a);
    changed.sort();
    assert_eq!(changed, ["phone", "rows[0].furigana"]);
    assert_eq!(r.normalised["institution_code"], "0110113719");
}

/// Rules come with the call; what they report names the field at the path, in its row.
#[test]
fn rules_report_about_the_field_at_the_path() {
    fn rules(c: &mut Checker<'_>) {
        if c.row_count("rows") > 1 && !c.is_present("rows[1].text") {
            c.report(
                "rows[1].text",
                IssueCode::Required(crate::forms::Ask::Input),
            );
        }
        c.report("choice", IssueCode::RatioDenominatorZero);
    }
    let mut a = Answers::new();
    a.insert("rows".into(), json!([{}, {"phone": "0312345678"}]));
    let r = run(&every_kind(), Some(rules), &a, &ctx());
    let got: Vec<(&str, &str)> = r
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.message.as_str()))
        .collect();
    // Sorted into field order: `choice` comes before the group.
    assert_eq!(
        got,
        [
            ("choice", t::RATIO_DENOMINATOR_ZERO()),
            ("rows[1].text", "行（2行目）のtextを入力してください。"),
        ]
    );
    assert!(r.issues.iter().all(|i| i.page == "p" && i.is_error()));
    assert!(run(&every_kind(), None, &a, &ctx()).issues.is_empty());
}
