//! Every form the product ships: each module pairs a definition (data) with its cross-field
//! rules (code) in one [`Shipped`]. The rules are found by the definition's `id` and `version`
//! ([`rules_of`]), so a definition received as JSON with a known id is checked by the same rules.
//! The catalogue is built on the engine (`super::check`); the engine does not know it.

mod end_of_use;
pub mod periodic_report;
pub mod regional_support;
pub mod reissue_request;
pub mod staff_change;
pub mod start_of_use_request;

use super::check::Rules;
use super::definition::{
    ChoiceOption, ComputedDefinition, FieldDefinition, FieldKind, FormDefinition, Item,
    PageDefinition,
};
use crate::institution::FeeScheduleClass;
use crate::text::current::forms as t;

pub use periodic_report::FTE_DIVISOR_MINIMUM_HOURS;
pub use staff_change::FULL_TIME_MINIMUM_HOURS;

/// The fee revision whose rules the shipped definitions follow.
pub const REVISION: &str = "2024";

pub const FORM_STAFF_CHANGE: &str = "staff-change";
pub const FORM_REGIONAL_SUPPORT: &str = "regional-support";
pub const FORM_PERIODIC_REPORT_STAFFING: &str = "periodic-report-staffing";
pub const FORM_END_OF_USE: &str = "end-of-use";

/// A shipped form: how to build its definition, and the rules that go with it.
pub(super) struct Shipped {
    pub id: &'static str,
    pub definition: fn() -> FormDefinition,
    pub rules: Rules,
}

/// The shipped forms, in the order the start page lists them.
const SHIPPED: [Shipped; 4] = [
    staff_change::SHIPPED,
    regional_support::SHIPPED,
    periodic_report::SHIPPED,
    end_of_use::SHIPPED,
];

/// Every form, in the order the start page lists them.
pub fn catalogue() -> Vec<FormDefinition> {
    SHIPPED.iter().map(|s| (s.definition)()).collect()
}

/// The form with this id.
pub fn definition(id: &str) -> Option<FormDefinition> {
    SHIPPED
        .iter()
        .find(|s| s.id == id)
        .map(|s| (s.definition)())
}

/// The forms an account of `class` may file (pharmacy forms only for 調剤).
pub fn forms_for(class: FeeScheduleClass) -> Vec<FormDefinition> {
    catalogue()
        .into_iter()
        .filter(|d| d.classes.contains(&class))
        .collect()
}

/// The rules of the shipped form with `def`'s id, when `def` is at the revision they follow.
pub(crate) fn rules_of(def: &FormDefinition) -> Option<Rules> {
    if def.version != REVISION {
        return None;
    }
    SHIPPED.iter().find(|s| s.id == def.id).map(|s| s.rules)
}

// ---- Builders --------------------------------------------------------------------------------

pub(super) fn field(id: &str, label: &str, kind: FieldKind) -> FieldDefinition {
    FieldDefinition {
        id: id.to_string(),
        label: label.to_string(),
        hint: None,
        required: true,
        kind,
        only_for: None,
    }
}

impl FieldDefinition {
    pub(super) fn hint(mut self, hint: &str) -> Self {
        self.hint = Some(hint.to_string());
        self
    }

    pub(super) fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub(super) fn only_for(mut self, classes: &[FeeScheduleClass]) -> Self {
        self.only_for = Some(classes.to_vec());
        self
    }
}

pub(super) fn text(max_chars: usize) -> FieldKind {
    FieldKind::Text { max_chars }
}

fn unit(unit: &str) -> Option<String> {
    (!unit.is_empty()).then(|| unit.to_string())
}

pub(super) fn integer(min: i64, max: i64, unit_text: &str) -> FieldKind {
    FieldKind::Integer {
        min,
        max,
        unit: unit(unit_text),
    }
}

pub(super) fn decimal(scale: u32, min: &str, max: &str, unit_text: &str) -> FieldKind {
    FieldKind::Decimal {
        scale,
        min: min.to_string(),
        max: max.to_string(),
        unit: unit(unit_text),
    }
}

pub(super) fn date(not_before_days: Option<i64>, not_after_days: Option<i64>) -> FieldKind {
    FieldKind::Date {
        not_before_days,
        not_after_days,
    }
}

pub(super) fn choice(options: &[(&str, &str)]) -> FieldKind {
    FieldKind::Choice {
        options: options
            .iter()
            .map(|(v, l)| ChoiceOption::new(v, l))
            .collect(),
    }
}

pub(super) fn declaration(id: &str, label: &str, statement: &str) -> Item {
    Item::Field(field(
        id,
        label,
        FieldKind::Declaration {
            statement: statement.to_string(),
        },
    ))
}

pub(super) fn computed(id: &str, label: &str) -> Item {
    Item::Computed(ComputedDefinition {
        id: id.to_string(),
        label: label.to_string(),
    })
}

pub(super) fn page(id: &str, title: &str, intro: Option<&str>, items: Vec<Item>) -> PageDefinition {
    PageDefinition {
        id: id.to_string(),
        title: title.to_string(),
        intro: intro.map(str::to_string),
        items,
    }
}

pub(super) fn form(
    id: &str,
    title: &str,
    description: &str,
    classes: &[FeeScheduleClass],
    pages: Vec<PageDefinition>,
) -> FormDefinition {
    FormDefinition {
        id: id.to_string(),
        version: REVISION.to_string(),
        title: title.to_string(),
        description: description.to_string(),
        classes: classes.to_vec(),
        pages,
    }
}

// ---- Common pages of facility filings -------------------------------------------------------

/// Choices for 常勤 / 非常勤.
pub(super) const EMPLOYMENT_FULL_TIME: &str = "full_time";
pub(super) const EMPLOYMENT_PART_TIME: &str = "part_time";

pub(super) fn employment() -> FieldKind {
    choice(&[
        (EMPLOYMENT_FULL_TIME, t::FULL_TIME()),
        (EMPLOYMENT_PART_TIME, t::PART_TIME()),
    ])
}

/// The header every filing starts with: institution code (prefilled by the caller), contact
/// person and phone. `extra` items follow on the same page.
pub(super) fn header_page(extra: Vec<Item>) -> PageDefinition {
    let mut items = vec![
        Item::Field(
            field(
                "institution_code",
                t::INSTITUTION_CODE(),
                FieldKind::InstitutionCode,
            )
            .hint(t::INSTITUTION_CODE_HINT()),
        ),
        Item::Field(
            field("contact_name", t::CONTACT_NAME(), text(30)).hint(t::CONTACT_NAME_HINT()),
        ),
        Item::Field(
            field("contact_phone", t::CONTACT_PHONE(), FieldKind::Phone).hint(t::PHONE_HINT()),
        ),
    ];
    items.extend(extra);
    page(
        "header",
        t::HEADER_PAGE(),
        Some(t::HEADER_PAGE_INTRO()),
        items,
    )
}

/// The four declarations of facility-standard filings (domain guide §5); all must be ticked.
pub(super) fn declarations_page() -> PageDefinition {
    page(
        "declarations",
        t::DECLARATIONS_PAGE(),
        Some(t::DECLARATIONS_PAGE_INTRO()),
        vec![
            declaration(
                "declaration_no_improper_filing",
                t::DECL_NO_IMPROPER_FILING(),
                t::DECL_NO_IMPROPER_FILING_STATEMENT(),
            ),
            declaration(
                "declaration_no_notice_violation",
                t::DECL_NO_NOTICE_VIOLATION(),
                t::DECL_NO_NOTICE_VIOLATION_STATEMENT(),
            ),
            declaration(
                "declaration_no_inspection_findings",
                t::DECL_NO_INSPECTION_FINDINGS(),
                t::DECL_NO_INSPECTION_FINDINGS_STATEMENT(),
            ),
            declaration(
                "declaration_no_staffing_shortfall",
                t::DECL_NO_STAFFING_SHORTFALL(),
                t::DECL_NO_STAFFING_SHORTFALL_STATEMENT(),
            ),
        ],
    )
}

/// Filing date, the institution's name and address, and its founder (開設者).
/// The filing date may be up to 90 days old (a draft finished later) but not in the future.
pub(super) fn filing_page() -> PageDefinition {
    page(
        "filing",
        t::FILING_PAGE(),
        Some(t::FILING_PAGE_INTRO()),
        vec![
            Item::Field(
                field("filing_date", t::FILING_DATE(), date(Some(90), Some(0)))
                    .hint(t::FILING_DATE_HINT()),
            ),
            Item::Field(
                field("institution_name", t::INSTITUTION_NAME(), text(100))
                    .hint(t::INSTITUTION_NAME_HINT()),
            ),
            Item::Field(
                field(
                    "institution_postal_code",
                    t::POSTAL_CODE(),
                    FieldKind::PostalCode,
                )
                .hint(t::POSTAL_CODE_HINT()),
            ),
            Item::Field(
                field("institution_address", t::INSTITUTION_ADDRESS(), text(200))
                    .hint(t::ADDRESS_HINT()),
            ),
            Item::Field(
                field("founder_name", t::FOUNDER_NAME(), text(100)).hint(t::FOUNDER_NAME_HINT()),
            ),
        ],
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::forms::{Answers, CheckContext, CheckReport, check};
    use serde_json::{Value, json};
    use time::macros::date;

    pub fn ctx(class: FeeScheduleClass) -> CheckContext {
        CheckContext::new(class, date!(2024 - 11 - 18))
    }

    pub fn answers(v: Value) -> Answers {
        match v {
            Value::Object(m) => m,
            _ => panic!("answers must be an object"),
        }
    }

    /// Answers to the common pages that pass every check (today = 2024-11-18).
    pub fn common_answers(code: &str) -> Answers {
        answers(json!({
            "institution_code": code,
            "contact_name": "届出 花子",
            "contact_phone": "03-1234-5678",
            "declaration_no_improper_filing": true,
            "declaration_no_notice_violation": true,
            "declaration_no_inspection_findings": true,
            "declaration_no_staffing_shortfall": true,
            "filing_date": "2024-11-18",
            "institution_name": "とどけ薬局",
            "institution_postal_code": "100-0001",
            "institution_address": "東京都千代田区千代田1-1",
            "founder_name": "株式会社とどけ 代表取締役 届出 太郎",
        }))
    }

    pub fn codes(report: &CheckReport) -> Vec<(String, String)> {
        report
            .issues
            .iter()
            .map(|i| (i.code.clone(), i.path.clone()))
            .collect()
    }

    #[test]
    fn catalogue_ids_versions_and_unique_field_ids() {
        let all = catalogue();
        let ids: Vec<&str> = all.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                FORM_STAFF_CHANGE,
                FORM_REGIONAL_SUPPORT,
                FORM_PERIODIC_REPORT_STAFFING,
                FORM_END_OF_USE
            ]
        );
        for d in &all {
            assert_eq!(d.version, "2024", "{}", d.id);
            let mut seen = std::collections::BTreeSet::new();
            for id in d.ids() {
                assert!(seen.insert(id), "{}: duplicate id {id}", d.id);
            }
            let mut pages = std::collections::BTreeSet::new();
            for p in &d.pages {
                assert!(
                    pages.insert(p.id.as_str()),
                    "{}: duplicate page {}",
                    d.id,
                    p.id
                );
            }
            assert_eq!(definition(&d.id).as_ref(), Some(d));
        }
        assert_eq!(definition("nope"), None);
        for (shipped, d) in SHIPPED.iter().zip(&all) {
            assert_eq!(shipped.id, d.id);
            assert!(rules_of(d).is_some(), "{}", d.id);
            let other_revision = FormDefinition {
                version: "2022".into(),
                ..d.clone()
            };
            assert!(rules_of(&other_revision).is_none(), "{}", d.id);
        }
    }

    #[test]
    fn forms_depend_on_the_class() {
        let ids = |c| forms_for(c).into_iter().map(|d| d.id).collect::<Vec<_>>();
        assert!(ids(FeeScheduleClass::Pharmacy).contains(&FORM_REGIONAL_SUPPORT.to_string()));
        assert!(!ids(FeeScheduleClass::Medical).contains(&FORM_REGIONAL_SUPPORT.to_string()));
        assert!(!ids(FeeScheduleClass::Dental).contains(&FORM_REGIONAL_SUPPORT.to_string()));
        for c in FeeScheduleClass::ALL {
            for id in [
                FORM_STAFF_CHANGE,
                FORM_PERIODIC_REPORT_STAFFING,
                FORM_END_OF_USE,
            ] {
                assert!(ids(c).contains(&id.to_string()), "{c:?} {id}");
            }
        }
    }

    #[test]
    fn every_definition_round_trips_through_json() {
        for d in catalogue() {
            let json = serde_json::to_string(&d).unwrap();
            let back: FormDefinition = serde_json::from_str(&json).unwrap();
            assert_eq!(back, d, "{}", d.id);
        }
        // The published shape: tagged items and kinds.
        let d = serde_json::to_value(definition(FORM_STAFF_CHANGE).unwrap()).unwrap();
        let header = &d["pages"][0]["items"][0];
        assert_eq!(header["type"], "field");
        assert_eq!(header["kind"]["kind"], "institution_code");
        let staff = d["pages"][1]["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["type"] == "group")
            .unwrap();
        assert_eq!(staff["id"], "staff");
        assert_eq!(staff["fields"][0]["kind"]["kind"], "text");
    }

    #[test]
    fn a_definition_from_json_is_checked_by_the_same_rules() {
        let d = definition(FORM_END_OF_USE).unwrap();
        let back: FormDefinition =
            serde_json::from_value(serde_json::to_value(&d).unwrap()).unwrap();
        let a = answers(json!({"end_reason": "other"}));
        let c = ctx(FeeScheduleClass::Medical);
        assert_eq!(check(&d, &a, &c), check(&back, &a, &c));
    }
}
