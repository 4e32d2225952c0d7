//! 保険医・保険薬剤師の異動 (staff change notification), part of the 届出事項変更（異動）届.
//!
//! Rules beyond the field checks:
//! * a full-timer (常勤) needs weekly hours ≥ min(the institution's standard week, 32 h)
//!   *(confirm: domain guide §5 "≥ 32 h a week, or the institution's standard week if lower")*;
//!   the standard week is `standard_weekly_hours` on the header page and 32 h when left empty;
//! * a name change needs the previous name.
//!
//! The date of change must lie between 365 days before and 183 days after today (about one year
//! back, six months ahead): older changes should have been notified already and need a call to
//! the bureau, later ones are not yet certain.

use super::{
    EMPLOYMENT_FULL_TIME, Shipped, choice, computed, date, declarations_page, employment, field,
    filing_page, form, header_page, page, text,
};
use crate::forms::check::Checker;
use crate::forms::decimal::Decimal;
use crate::forms::definition::{FieldKind, FormDefinition, GroupDefinition, Item};
use crate::forms::issue::{Ask, IssueCode};
use crate::forms::report::{ComputedValue, NamedValue};
use crate::institution::FeeScheduleClass;
use crate::text::current::forms as t;

/// A full-timer needs at least this many hours a week, or the institution's standard week if lower.
pub const FULL_TIME_MINIMUM_HOURS: i64 = 32;
/// How far back and ahead the date of change may be, in days.
pub const CHANGE_DATE_DAYS_BEFORE: i64 = 365;
pub const CHANGE_DATE_DAYS_AFTER: i64 = 183;

pub(super) const CHANGE_HIRE: &str = "hire";
pub(super) const CHANGE_LEAVE: &str = "leave";
pub(super) const CHANGE_WORK_PATTERN: &str = "work_pattern";
pub(super) const CHANGE_NAME: &str = "name_change";

pub(super) const SHIPPED: Shipped = Shipped {
    id: super::FORM_STAFF_CHANGE,
    definition,
    rules,
};

/// The form's pages, as data: one item per field, longer than a function usually is here.
fn definition() -> FormDefinition {
    let staff = GroupDefinition {
        id: "staff".into(),
        label: t::STAFF_CHANGE_GROUP().into(),
        row_label: t::STAFF_CHANGE_ROW().into(),
        min_rows: 1,
        max_rows: 50,
        fields: vec![
            field("name", t::STAFF_NAME(), text(30)).hint(t::STAFF_NAME_HINT()),
            field(
                "furigana",
                t::STAFF_FURIGANA(),
                FieldKind::Furigana { max_chars: 60 },
            )
            .hint(t::FURIGANA_HINT()),
            field(
                "registration_number",
                t::REGISTRATION_NUMBER(),
                FieldKind::RegistrationNumber,
            )
            .hint(t::REGISTRATION_NUMBER_HINT()),
            field(
                "change_type",
                t::CHANGE_TYPE(),
                choice(&[
                    (CHANGE_HIRE, t::CHANGE_HIRE()),
                    (CHANGE_LEAVE, t::CHANGE_LEAVE()),
                    (CHANGE_WORK_PATTERN, t::CHANGE_WORK_PATTERN()),
                    (CHANGE_NAME, t::CHANGE_NAME()),
                ]),
            ),
            field("previous_name", t::PREVIOUS_NAME(), text(30))
                .optional()
                .hint(t::PREVIOUS_NAME_HINT()),
            field("employment", t::EMPLOYMENT(), employment()),
            field("weekly_hours", t::WEEKLY_HOURS(), FieldKind::WeeklyHours)
                .hint(t::WEEKLY_HOURS_HINT()),
            field("department", t::DEPARTMENT(), text(30))
                .hint(t::DEPARTMENT_HINT())
                .only_for(&[FeeScheduleClass::Medical]),
            field(
                "change_date",
                t::CHANGE_DATE(),
                date(Some(CHANGE_DATE_DAYS_BEFORE), Some(CHANGE_DATE_DAYS_AFTER)),
            )
            .hint(t::CHANGE_DATE_HINT()),
        ],
    };
    form(
        super::FORM_STAFF_CHANGE,
        t::STAFF_CHANGE_TITLE(),
        t::STAFF_CHANGE_DESCRIPTION(),
        &FeeScheduleClass::ALL,
        vec![
            header_page(vec![
                Item::Field(
                    field(
                        "standard_weekly_hours",
                        t::STANDARD_WEEKLY_HOURS(),
                        FieldKind::WeeklyHours,
                    )
                    .optional()
                    .hint(t::STANDARD_WEEKLY_HOURS_HINT_STAFF_CHANGE()),
                ),
                computed("full_time_threshold", t::FULL_TIME_THRESHOLD()),
            ]),
            page(
                "staff",
                t::STAFF_CHANGE_PAGE(),
                Some(t::STAFF_CHANGE_PAGE_INTRO()),
                vec![
                    Item::Group(staff),
                    computed("full_time_hours", t::FULL_TIME_HOURS_SECTION()),
                ],
            ),
            declarations_page(),
            filing_page(),
        ],
    )
}

fn rules(c: &mut Checker<'_>) {
    let minimum = Decimal::from(FULL_TIME_MINIMUM_HOURS);
    let standard = c.decimal("standard_weekly_hours");
    let standard_valid = c.is_valid("standard_weekly_hours");
    // An invalid standard week is reported on its own field; the threshold falls back to 32 h.
    let threshold = standard
        .filter(|_| standard_valid)
        .map_or(minimum, |s| s.min(minimum));
    let threshold_text = format!("{}{}", threshold.to_fixed(1), t::UNIT_HOURS());
    c.push_computed(ComputedValue {
        id: "full_time_threshold".into(),
        section: "full_time_threshold".into(),
        label: t::FULL_TIME_THRESHOLD().into(),
        formula: t::FULL_TIME_THRESHOLD_FORMULA().into(),
        inputs: vec![NamedValue::new(
            t::STANDARD_WEEKLY_HOURS(),
            match standard {
                Some(s) => format!("{}{}", s.to_fixed(1), t::UNIT_HOURS()),
                None => t::STANDARD_WEEKLY_HOURS_DEFAULT().to_string(),
            },
        )],
        result: threshold_text.clone(),
        threshold: None,
        met: None,
        path: Some("standard_weekly_hours".into()),
    });

    for i in 0..c.row_count("staff") {
        let row_label = t::row_heading(t::STAFF_CHANGE_ROW(), i);
        let employment = format!("staff[{i}].employment");
        let hours_path = format!("staff[{i}].weekly_hours");
        if c.text(&employment) == Some(EMPLOYMENT_FULL_TIME)
            && let Some(hours) = c.decimal(&hours_path)
        {
            let met = hours >= threshold;
            let hours_text = format!("{}{}", hours.to_fixed(1), t::UNIT_HOURS());
            c.push_computed(ComputedValue {
                id: format!("full_time_hours.staff[{i}]"),
                section: "full_time_hours".into(),
                label: t::full_time_hours_label(&row_label),
                formula: t::FULL_TIME_HOURS_FORMULA().into(),
                inputs: vec![
                    NamedValue::new(t::WEEKLY_HOURS(), hours_text.clone()),
                    NamedValue::new(t::FULL_TIME_THRESHOLD(), threshold_text.clone()),
                ],
                result: hours_text.clone(),
                threshold: Some(t::at_least_text(&threshold_text)),
                met: Some(met),
                path: Some(hours_path.clone()),
            });
            if !met {
                c.report(
                    &hours_path,
                    IssueCode::FullTimeHoursBelowStandard {
                        row: row_label.clone(),
                        hours: hours_text,
                        threshold: threshold_text.clone(),
                    },
                );
            }
        }
        let previous = format!("staff[{i}].previous_name");
        if c.text(&format!("staff[{i}].change_type")) == Some(CHANGE_NAME)
            && !c.is_present(&previous)
            && c.is_valid(&previous)
        {
            c.report(&previous, IssueCode::Required(Ask::Input));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::catalogue::tests::{answers, codes, common_answers, ctx};
    use crate::forms::{FORM_STAFF_CHANGE, Severity, check, definition as def_of, review_rows};
    use serde_json::{Value, json};

    fn row(extra: Value) -> Value {
        let mut r = json!({
            "name": "山田 太郎",
            "furigana": "ﾔﾏﾀﾞ ﾀﾛｳ",
            "registration_number": "東医12345",
            "change_type": "hire",
            "employment": "full_time",
            "weekly_hours": "40",
            "department": "内科",
            "change_date": "2024-11-01",
        });
        for (k, v) in extra.as_object().unwrap() {
            r[k] = v.clone();
        }
        r
    }

    fn staff_answers(rows: Vec<Value>, standard: Option<&str>) -> crate::forms::Answers {
        let mut a = common_answers("1310100019");
        a.insert("staff".into(), Value::Array(rows));
        if let Some(s) = standard {
            a.insert("standard_weekly_hours".into(), json!(s));
        }
        a
    }

    #[test]
    fn a_complete_filing_passes_and_is_normalised() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let r = check(
            &d,
            &staff_answers(vec![row(json!({}))], None),
            &ctx(FeeScheduleClass::Medical),
        );
        assert_eq!(codes(&r), Vec::<(String, String)>::new());
        let staff = &r.normalised["staff"][0];
        assert_eq!(staff["furigana"], "ヤマダ　タロウ");
        assert_eq!(staff["weekly_hours"], "40.0");
        assert_eq!(
            r.computed_value("full_time_threshold").unwrap().result,
            "32.0時間"
        );
        assert_eq!(
            r.computed_value("full_time_hours.staff[0]").unwrap().met,
            Some(true)
        );
    }

    #[test]
    fn full_time_needs_the_standard_week_or_32_hours() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        let cases = [
            // (standard week, hours, employment, error expected)
            (None, "31.5", "full_time", true),
            (None, "32", "full_time", false),
            (Some("30"), "30", "full_time", false),
            (Some("30"), "29.5", "full_time", true),
            (Some("40"), "32", "full_time", false),
            (Some("40"), "31.9", "full_time", true),
            (None, "8", "part_time", false),
        ];
        for (standard, hours, employment, expect_error) in cases {
            let a = staff_answers(
                vec![row(
                    json!({"weekly_hours": hours, "employment": employment}),
                )],
                standard,
            );
            let r = check(&d, &a, &c);
            let found = r
                .issues
                .iter()
                .find(|i| i.code == "full_time_hours_below_standard");
            assert_eq!(
                found.is_some(),
                expect_error,
                "{standard:?} {hours} {employment}: {:?}",
                r.issues
            );
            if let Some(i) = found {
                assert_eq!(i.path, "staff[0].weekly_hours");
                assert_eq!(i.page, "staff");
                assert_eq!(i.severity, Severity::Error);
                assert!(i.message.contains("以上"), "{}", i.message);
            }
        }
        let a = staff_answers(vec![row(json!({"weekly_hours": "31"}))], Some("30"));
        let r = check(&d, &a, &c);
        let t = r.computed_value("full_time_threshold").unwrap();
        assert_eq!(t.result, "30.0時間");
        assert_eq!(t.inputs[0].value, "30.0時間");
    }

    #[test]
    fn rows_produce_indexed_paths_on_the_staff_page() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let rows = vec![
            row(json!({})),
            row(json!({"name": "", "registration_number": "阪医"})),
            row(json!({"change_date": "2024-02-30", "furigana": "Yamada"})),
        ];
        let r = check(
            &d,
            &staff_answers(rows, None),
            &ctx(FeeScheduleClass::Medical),
        );
        let got = codes(&r);
        assert_eq!(
            got,
            [
                ("required".to_string(), "staff[1].name".to_string()),
                (
                    "registration_number_shape".into(),
                    "staff[1].registration_number".into()
                ),
                ("furigana_not_katakana".into(), "staff[2].furigana".into()),
                ("date_invalid".into(), "staff[2].change_date".into()),
            ]
        );
        assert!(r.issues.iter().all(|i| i.page == "staff"));
        assert_eq!(
            r.issues[0].message,
            "保険医・保険薬剤師（2行目）の氏名を入力してください。"
        );
        assert!(
            r.issues[3]
                .message
                .contains("2024年2月30日は存在しない日付"),
            "{}",
            r.issues[3].message
        );
        // What the user typed stays in the normalised answers when it fails.
        assert_eq!(r.normalised["staff"][2]["furigana"], "Yamada");
    }

    #[test]
    fn department_only_for_medical_and_registration_letter_by_class() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        // 歯科: no department asked, 歯 registration needed.
        let a = {
            let mut a = staff_answers(
                vec![row(
                    json!({"department": null, "registration_number": "東歯1234"}),
                )],
                None,
            );
            a.insert("institution_code".into(), json!("1330100023"));
            a
        };
        let r = check(&d, &a, &ctx(FeeScheduleClass::Dental));
        assert_eq!(codes(&r), Vec::<(String, String)>::new());
        assert!(r.normalised["staff"][0].get("department").is_none());
        // 医科 without a department: required.
        let a = staff_answers(vec![row(json!({"department": ""}))], None);
        let r = check(&d, &a, &ctx(FeeScheduleClass::Medical));
        assert_eq!(
            codes(&r),
            [("required".to_string(), "staff[0].department".to_string())]
        );
        // 医科 filing a 薬 registration: error naming what is expected.
        let a = staff_answers(vec![row(json!({"registration_number": "東薬1234"}))], None);
        let r = check(&d, &a, &ctx(FeeScheduleClass::Medical));
        assert_eq!(
            codes(&r),
            [(
                "registration_number_profession".to_string(),
                "staff[0].registration_number".to_string()
            )]
        );
        assert!(
            r.issues[0].message.contains("「医」"),
            "{}",
            r.issues[0].message
        );
    }

    #[test]
    fn change_date_window() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let c = ctx(FeeScheduleClass::Medical); // today 2024-11-18
        for (date, code) in [
            ("2023-11-19", None),
            ("2023-11-18", Some("date_too_early")),
            ("2025-05-20", None),
            ("2025-05-21", Some("date_too_late")),
            ("2024-13-01", Some("date_invalid")),
            ("2024--01", Some("date_incomplete")),
            ("令和6年5月1日", Some("date_shape")),
            ("2024-8", Some("date_incomplete")),
        ] {
            let r = check(
                &d,
                &staff_answers(vec![row(json!({"change_date": date}))], None),
                &c,
            );
            assert_eq!(
                r.issues.first().map(|i| i.code.as_str()),
                code,
                "{date}: {:?}",
                r.issues
            );
        }
        let r = check(
            &d,
            &staff_answers(
                vec![row(json!({"change_date": "２０２４年１１月１日"}))],
                None,
            ),
            &c,
        );
        assert_eq!(r.normalised["staff"][0]["change_date"], "2024-11-01");
        let r = check(
            &d,
            &staff_answers(vec![row(json!({"change_date": "2023-01-01"}))], None),
            &c,
        );
        assert!(
            r.issues[0]
                .message
                .contains("2023年（令和5年）11月19日以降"),
            "{}",
            r.issues[0].message
        );
    }

    #[test]
    fn name_change_needs_the_previous_name() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        let r = check(
            &d,
            &staff_answers(vec![row(json!({"change_type": "name_change"}))], None),
            &c,
        );
        assert_eq!(
            codes(&r),
            [("required".to_string(), "staff[0].previous_name".to_string())]
        );
        let r = check(
            &d,
            &staff_answers(
                vec![row(
                    json!({"change_type": "氏名の変更", "previous_name": "佐藤 太郎"}),
                )],
                None,
            ),
            &c,
        );
        assert_eq!(codes(&r), Vec::<(String, String)>::new());
        assert_eq!(r.normalised["staff"][0]["change_type"], "name_change");
    }

    #[test]
    fn group_row_limits() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        let r = check(&d, &staff_answers(vec![], None), &c);
        assert_eq!(
            codes(&r),
            [("group_too_few_rows".to_string(), "staff".to_string())]
        );
        assert_eq!(r.issues[0].page, "staff");
        let r = check(&d, &staff_answers(vec![row(json!({})); 51], None), &c);
        assert_eq!(
            codes(&r),
            [("group_too_many_rows".to_string(), "staff".to_string())]
        );
        let r = check(&d, &staff_answers(vec![json!("x")], None), &c);
        assert_eq!(r.issues[0].code, "group_row_invalid");
        assert_eq!(r.issues[0].path, "staff[0]");
    }

    #[test]
    fn missing_everything_reports_each_page_in_order() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let r = check(&d, &answers(json!({})), &ctx(FeeScheduleClass::Medical));
        let pages: Vec<&str> = r.issues.iter().map(|i| i.page.as_str()).collect();
        let mut sorted = pages.clone();
        sorted.dedup();
        assert_eq!(sorted, ["header", "staff", "declarations", "filing"]);
        let first = &r.issues[0];
        assert_eq!(
            (first.code.as_str(), first.path.as_str()),
            ("required", "institution_code")
        );
        assert_eq!(first.message, "医療機関コードを入力してください。");
        let decl = r
            .issues
            .iter()
            .find(|i| i.path == "declaration_no_improper_filing")
            .unwrap();
        assert_eq!(decl.code, "declaration_required");
        assert!(r.has_errors());
        assert_eq!(r.issues_on_page("declarations").len(), 4);
    }

    #[test]
    fn review_rows_show_labels_eras_and_declarations() {
        let d = def_of(FORM_STAFF_CHANGE).unwrap();
        let rows = vec![
            row(json!({"change_date": "2019-04-30"})),
            row(json!({"change_date": "2019-05-01"})),
        ];
        let c = crate::forms::CheckContext::new(
            FeeScheduleClass::Medical,
            time::macros::date!(2019 - 05 - 10),
        );
        let mut a = staff_answers(rows, None);
        a.insert("filing_date".into(), json!("2019-05-10"));
        let r = check(&d, &a, &c);
        assert!(!r.has_errors(), "{:?}", r.issues);
        let review = review_rows(&d, &r.normalised);
        let find = |path: &str| {
            review
                .iter()
                .find(|x| x.path == path)
                .unwrap_or_else(|| panic!("{path}"))
        };
        assert_eq!(find("staff[0].change_type").value, "採用");
        assert_eq!(find("staff[0].employment").value, "常勤");
        assert_eq!(find("staff[0].weekly_hours").value, "40.0時間");
        assert_eq!(
            find("staff[0].change_date").value,
            "2019年（平成31年）4月30日"
        );
        assert_eq!(
            find("staff[1].change_date").value,
            "2019年（令和元年）5月1日"
        );
        assert_eq!(find("filing_date").value, "2019年（令和元年）5月10日");
        assert_eq!(
            find("staff[1].change_date").row_heading.as_deref(),
            Some("保険医・保険薬剤師（2行目）")
        );
        assert_eq!(find("staff[0].previous_name").value, "（未入力）");
        assert_eq!(find("staff[0].department").value, "内科");
        assert_eq!(find("declaration_no_improper_filing").value, "はい");
        assert_eq!(find("standard_weekly_hours").value, "（未入力）");
        assert_eq!(find("institution_code").value, "1310100019");
        assert_eq!(find("staff[0].change_date").page, "staff");
        assert_eq!(find("filing_date").page, "filing");
        // 歯科: the 医科-only department is not on the review page.
        let mut a = staff_answers(
            vec![row(
                json!({"department": null, "registration_number": "東歯1"}),
            )],
            None,
        );
        a.insert("institution_code".into(), json!("1330100023"));
        let r = check(&d, &a, &ctx(FeeScheduleClass::Dental));
        assert!(
            review_rows(&d, &r.normalised)
                .iter()
                .all(|x| !x.path.ends_with("department"))
        );
    }
}
