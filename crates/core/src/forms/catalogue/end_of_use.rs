//! 利用終了届出 (様式5): ends this system's use for one code + class, e.g. before a code or class
//! change or a relocation (which need a new account), or on closure.
//!
//! The last day of use may be up to a year back (a closure notified late) or a year ahead.
//! 「その他」 needs its text.

use super::{
    Shipped, choice, date, declaration, field, filing_page, form, header_page, page, text,
};
use crate::forms::check::Checker;
use crate::forms::definition::{FormDefinition, Item};
use crate::forms::issue::{Ask, IssueCode};
use crate::institution::FeeScheduleClass;
use crate::text::current::forms as t;

pub(super) const REASON_OTHER: &str = "other";

pub(super) const SHIPPED: Shipped = Shipped {
    id: super::FORM_END_OF_USE,
    definition,
    rules,
};

fn definition() -> FormDefinition {
    form(
        super::FORM_END_OF_USE,
        t::END_OF_USE_TITLE(),
        t::END_OF_USE_DESCRIPTION(),
        &FeeScheduleClass::ALL,
        vec![
            header_page(vec![]),
            page(
                "reason",
                t::END_REASON_PAGE(),
                Some(t::END_REASON_PAGE_INTRO()),
                vec![
                    Item::Field(field(
                        "end_reason",
                        t::END_REASON(),
                        choice(&[
                            ("code_or_class_change", t::END_REASON_CODE_OR_CLASS()),
                            ("relocation", t::END_REASON_RELOCATION()),
                            ("closure", t::END_REASON_CLOSURE()),
                            (REASON_OTHER, t::END_REASON_OTHER()),
                        ]),
                    )),
                    Item::Field(
                        field("end_reason_other", t::END_REASON_OTHER_TEXT(), text(200))
                            .optional()
                            .hint(t::END_REASON_OTHER_HINT()),
                    ),
                    Item::Field(
                        field(
                            "last_day_of_use",
                            t::LAST_DAY_OF_USE(),
                            date(Some(365), Some(365)),
                        )
                        .hint(t::LAST_DAY_OF_USE_HINT()),
                    ),
                ],
            ),
            page(
                "confirmation",
                t::END_CONFIRM_PAGE(),
                None,
                vec![declaration(
                    "declaration_end_of_use",
                    t::DECL_END_OF_USE(),
                    t::DECL_END_OF_USE_STATEMENT(),
                )],
            ),
            filing_page(),
        ],
    )
}

fn rules(c: &mut Checker<'_>) {
    if c.text("end_reason") == Some(REASON_OTHER)
        && !c.is_present("end_reason_other")
        && c.is_valid("end_reason_other")
    {
        c.report("end_reason_other", IssueCode::Required(Ask::Input));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InstitutionCode;
    use crate::forms::catalogue::tests::{answers, codes, common_answers, ctx};
    use crate::forms::{FORM_END_OF_USE, Severity, check, definition as def_of, review_rows};
    use serde_json::json;

    fn filled(code: &str) -> crate::forms::Answers {
        let mut a = common_answers(code);
        a.insert("end_reason".into(), json!("closure"));
        a.insert("last_day_of_use".into(), json!("2024-12-31"));
        a.insert("declaration_end_of_use".into(), json!(true));
        a
    }

    #[test]
    fn complete_and_other_reason() {
        let d = def_of(FORM_END_OF_USE).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        let r = check(&d, &filled("0110113719"), &c);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let mut a = filled("0110113719");
        a.insert("end_reason".into(), json!("other"));
        let r = check(&d, &a, &c);
        assert_eq!(
            codes(&r),
            [("required".to_string(), "end_reason_other".to_string())]
        );
        assert_eq!(r.issues[0].page, "reason");
        a.insert("end_reason_other".into(), json!("法人の合併のため"));
        assert!(check(&d, &a, &c).issues.is_empty());
        let review = review_rows(&d, &check(&d, &filled("0110113719"), &c).normalised);
        let reason = review.iter().find(|r| r.path == "end_reason").unwrap();
        assert_eq!(reason.value, "廃止（閉院・閉局）");
        assert_eq!(
            review
                .iter()
                .find(|r| r.path == "last_day_of_use")
                .unwrap()
                .value,
            "2024年（令和6年）12月31日"
        );
    }

    #[test]
    fn check_digit_is_a_warning_but_class_mismatch_is_an_error() {
        let d = def_of(FORM_END_OF_USE).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        // (code, expected (code, severity))
        let cases = [
            ("0110113719", None),
            ("０１１０１１３７１９", None),
            (
                "3410712360",
                Some(("institution_code_check_digit", Severity::Warning)),
            ),
            (
                "0140342262",
                Some(("institution_code_class_mismatch", Severity::Error)),
            ),
            (
                "341071236",
                Some(("institution_code_shape", Severity::Error)),
            ),
            (
                "4810712362",
                Some(("institution_code_shape", Severity::Error)),
            ),
        ];
        for (code, expected) in cases {
            let r = check(&d, &filled(code), &c);
            let got = r.issues.first().map(|i| (i.code.as_str(), i.severity));
            assert_eq!(got, expected, "{code}: {:?}", r.issues);
            if let Some(i) = r.issues.first() {
                assert_eq!(
                    (i.path.as_str(), i.page.as_str()),
                    ("institution_code", "header")
                );
            }
        }
        let r = check(&d, &filled("3410712360"), &c);
        assert!(!r.has_errors());
        assert!(r.issues[0].message.contains('2'), "{}", r.issues[0].message);
        assert_eq!(r.warnings().count(), 1);
        assert_eq!(r.unacknowledged_warnings(&[]).len(), 1);
        assert!(
            r.unacknowledged_warnings(&["institution_code_check_digit@institution_code".into()])
                .is_empty()
        );
        let r = check(&d, &filled("０１１０１１３７１９"), &c);
        assert_eq!(r.normalised["institution_code"], "0110113719");
    }

    #[test]
    fn the_account_code_prefills_and_must_match() {
        let d = def_of(FORM_END_OF_USE).unwrap();
        let c = ctx(FeeScheduleClass::Pharmacy)
            .with_institution_code(InstitutionCode::parse("1340100039").unwrap());
        let mut a = filled("");
        a.remove("institution_code");
        let r = check(&d, &a, &c);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert_eq!(r.normalised["institution_code"], "1340100039");
        let r = check(&d, &filled("0140342262"), &c);
        assert_eq!(
            codes(&r),
            [(
                "institution_code_account_mismatch".to_string(),
                "institution_code".to_string()
            )]
        );
    }

    #[test]
    fn common_fields_are_normalised() {
        let d = def_of(FORM_END_OF_USE).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        let mut a = filled("0110113719");
        a.insert("contact_phone".into(), json!("０３（１２３４）５６７８"));
        a.insert(
            "institution_postal_code".into(),
            json!("〒１００ー０００１"),
        );
        let r = check(&d, &a, &c);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert_eq!(r.normalised["contact_phone"], "03-1234-5678");
        assert_eq!(r.normalised["institution_postal_code"], "100-0001");
        for (phone, ok) in [
            ("0312345678", true),
            ("090-1234-5678", true),
            ("03-1234-567", false),
            ("3-1234-56789", false),
            ("03-1234-5678 内線12", false),
        ] {
            let mut a = filled("0110113719");
            a.insert("contact_phone".into(), json!(phone));
            let r = check(&d, &a, &c);
            assert_eq!(r.issues.is_empty(), ok, "{phone}: {:?}", r.issues);
            if !ok {
                assert_eq!(r.issues[0].code, "phone_shape");
            }
        }
        for (postal, ok) in [
            ("1000001", true),
            ("100 0001", true),
            ("100-001", false),
            ("ABC-DEFG", false),
        ] {
            let mut a = filled("0110113719");
            a.insert("institution_postal_code".into(), json!(postal));
            let r = check(&d, &a, &c);
            assert_eq!(r.issues.is_empty(), ok, "{postal}: {:?}", r.issues);
        }
        // Wrong JSON types are reported, not panicked on.
        let r = check(
            &d,
            &answers(
                json!({"contact_phone": 3.5, "declaration_end_of_use": "yes", "end_reason": ["x"]}),
            ),
            &c,
        );
        let invalid: Vec<&str> = r
            .issues
            .iter()
            .filter(|i| i.code == "invalid_type")
            .map(|i| i.path.as_str())
            .collect();
        assert_eq!(
            invalid,
            ["contact_phone", "end_reason", "declaration_end_of_use"]
        );
        // Unknown keys are dropped from the normalised answers.
        let mut a = filled("0110113719");
        a.insert("surprise".into(), json!("x"));
        assert!(check(&d, &a, &c).normalised.get("surprise").is_none());
    }
}
