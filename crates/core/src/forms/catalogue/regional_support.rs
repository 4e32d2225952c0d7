//! 地域支援体制加算 (pharmacy facility standard), 2024 revision.
//!
//! * The level must suit the pharmacy's 調剤基本料 class: levels 1 and 2 need 調剤基本料1,
//!   levels 3 and 4 the other classes (error otherwise).
//! * Items 1–9 are normalised per 10,000 prescriptions:
//!   `per10k = count / max(prescriptions_last_year, 10,000) × 10,000`, compared with `>=` against
//!   the class's threshold. The comparison is exact, in integers: `count × 10,000 ≥ threshold × base`.
//!   The displayed figure has 2 decimals, cut off (切り捨て) rather than rounded, so that a
//!   displayed value is never above the true one: a figure shown as 40.00 really meets 40.
//! * Item 10 (multi-professional meetings) is a raw count.
//! * Levels 1 and 3 need at least 3 items met including item 4 (level 3 also item 7 *(confirm)*);
//!   levels 2 and 4 need at least 8 items. A level whose requirements are not met is a warning
//!   explained item by item, with the count each failed item needs at this prescription volume.
//!
//! All numbers are data in [`RULES_2024`]; the next revision adds a table beside it.

use super::{
    Shipped, choice, computed, declarations_page, field, filing_page, form, header_page, integer,
    page,
};
use crate::forms::check::Checker;
use crate::forms::decimal::{Decimal, Rounding};
use crate::forms::definition::{FormDefinition, Item};
use crate::forms::issue::IssueCode;
use crate::forms::report::{ComputedValue, NamedValue};
use crate::institution::FeeScheduleClass;
use crate::text::current::forms as t;

/// 調剤基本料 class as the form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BasicFee {
    /// 調剤基本料1
    Basic1,
    /// 調剤基本料1以外 (2, 3, 特別調剤基本料A …)
    Other,
}

impl BasicFee {
    pub const fn value(self) -> &'static str {
        match self {
            Self::Basic1 => "basic_1",
            Self::Other => "other",
        }
    }

    fn from_value(v: &str) -> Option<Self> {
        [Self::Basic1, Self::Other]
            .into_iter()
            .find(|b| b.value() == v)
    }

    fn label(self) -> &'static str {
        match self {
            Self::Basic1 => t::BASIC_FEE_1(),
            Self::Other => t::BASIC_FEE_OTHER(),
        }
    }
}

/// One achievement item (実績要件) with its thresholds.
#[derive(Debug, Clone, Copy)]
pub struct AchievementItem {
    /// 1–10; shown as ①–⑩.
    pub number: u8,
    /// The answer key.
    pub id: &'static str,
    pub label: fn() -> &'static str,
    /// True for items compared per 10,000 prescriptions; false for a raw count.
    pub per_10k: bool,
    /// Threshold for pharmacies under 調剤基本料1.
    pub basic_1: i64,
    /// Threshold for the other classes.
    pub other: i64,
}

impl AchievementItem {
    pub fn threshold(&self, fee: BasicFee) -> i64 {
        match fee {
            BasicFee::Basic1 => self.basic_1,
            BasicFee::Other => self.other,
        }
    }
}

/// What a level requires.
#[derive(Debug, Clone, Copy)]
pub struct LevelRule {
    pub level: u8,
    /// The 調剤基本料 class that may file this level.
    pub fee: BasicFee,
    pub min_items: usize,
    /// Item numbers that must be among those met.
    pub mandatory: &'static [u8],
}

/// One fee revision's rule data.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    pub version: &'static str,
    /// Per-10k figures divide by at least this many prescriptions.
    pub base_minimum: i64,
    pub items: [AchievementItem; 10],
    pub levels: [LevelRule; 4],
}

const fn item(
    number: u8,
    id: &'static str,
    label: fn() -> &'static str,
    per_10k: bool,
    basic_1: i64,
    other: i64,
) -> AchievementItem {
    AchievementItem {
        number,
        id,
        label,
        per_10k,
        basic_1,
        other,
    }
}

/// 2024 revision (domain guide §5, table of items 1–10).
pub const RULES_2024: Rules = Rules {
    version: "2024",
    base_minimum: 10_000,
    items: [
        item(1, "night_holiday", t::ITEM_NIGHT_HOLIDAY, true, 40, 400),
        item(2, "narcotics", t::ITEM_NARCOTICS, true, 1, 10),
        item(
            3,
            "duplicate_prevention",
            t::ITEM_DUPLICATE_PREVENTION,
            true,
            20,
            40,
        ),
        item(4, "kakaritsuke_guidance", t::ITEM_KAKARITSUKE, true, 20, 40),
        item(
            5,
            "outpatient_support",
            t::ITEM_OUTPATIENT_SUPPORT,
            true,
            1,
            12,
        ),
        item(
            6,
            "medication_adjustment",
            t::ITEM_MEDICATION_ADJUSTMENT,
            true,
            1,
            1,
        ),
        item(7, "home_visits", t::ITEM_HOME_VISITS, true, 24, 24),
        item(
            8,
            "information_provision",
            t::ITEM_INFORMATION_PROVISION,
            true,
            30,
            60,
        ),
        item(9, "pediatric", t::ITEM_PEDIATRIC, true, 1, 1),
        item(
            10,
            "multidisciplinary_meetings",
            t::ITEM_MEETINGS,
            false,
            1,
            5,
        ),
    ],
    levels: [
        LevelRule {
            level: 1,
            fee: BasicFee::Basic1,
            min_items: 3,
            mandatory: &[4],
        },
        LevelRule {
            level: 2,
            fee: BasicFee::Basic1,
            min_items: 8,
            mandatory: &[],
        },
        // Item 7 as well as item 4 for level 3 is our reading of the 2024 notice (confirm).
        LevelRule {
            level: 3,
            fee: BasicFee::Other,
            min_items: 3,
            mandatory: &[4, 7],
        },
        LevelRule {
            level: 4,
            fee: BasicFee::Other,
            min_items: 8,
            mandatory: &[],
        },
    ],
};

/// The rule data of a fee revision.
pub fn rules_for(version: &str) -> Option<&'static Rules> {
    [&RULES_2024].into_iter().find(|r| r.version == version)
}

/// ①–⑩
pub fn circled(n: u8) -> char {
    char::from_u32(0x245F + u32::from(n)).unwrap_or('?')
}

/// `max(prescriptions, base_minimum)`: the divisor of per-10k figures.
pub fn base(prescriptions: i64, rules: &Rules) -> i64 {
    prescriptions.max(rules.base_minimum)
}

/// `count / base × 10,000`, cut off at 2 decimals (display only; compare with [`meets`]).
pub fn per_10k(count: i64, base: i64) -> Decimal {
    Decimal::from(count)
        .checked_mul(Decimal::from(10_000))
        .and_then(|n| n.checked_div(Decimal::from(base), 2, Rounding::Down))
        .unwrap_or(Decimal::ZERO)
}

/// Exact: `count / base × 10,000 ≥ threshold` ⇔ `count × 10,000 ≥ threshold × base`.
pub fn meets(count: i64, base: i64, threshold: i64) -> bool {
    i128::from(count) * 10_000 >= i128::from(threshold) * i128::from(base)
}

/// The smallest count that meets `threshold` at this base: ⌈threshold × base / 10,000⌉.
pub fn needed_count(base: i64, threshold: i64) -> i64 {
    let product = i128::from(threshold) * i128::from(base);
    i64::try_from((product + 9_999) / 10_000).unwrap_or(i64::MAX)
}

pub(super) const SHIPPED: Shipped = Shipped {
    id: super::FORM_REGIONAL_SUPPORT,
    definition,
    rules,
};

/// The form's pages, as data: one item per field, longer than a function usually is here.
fn definition() -> FormDefinition {
    let rules = &RULES_2024;
    debug_assert_eq!(rules.version, super::REVISION);
    let count = |it: &AchievementItem| {
        let hint = if it.per_10k {
            t::ITEM_HINT_PER_10K()
        } else {
            t::ITEM_HINT_RAW()
        };
        Item::Field(
            field(
                it.id,
                &t::item_label(circled(it.number), (it.label)()),
                integer(0, 1_000_000, t::UNIT_TIMES()),
            )
            .hint(hint),
        )
    };
    let mut achievements: Vec<Item> = rules.items.iter().map(count).collect();
    achievements.push(computed("per_10k", t::PER_10K_SECTION()));
    achievements.push(computed("level_check", t::LEVEL_CHECK_SECTION()));
    form(
        super::FORM_REGIONAL_SUPPORT,
        t::REGIONAL_SUPPORT_TITLE(),
        t::REGIONAL_SUPPORT_DESCRIPTION(),
        &[FeeScheduleClass::Pharmacy],
        vec![
            header_page(vec![]),
            page(
                "level",
                t::LEVEL_PAGE(),
                Some(t::LEVEL_PAGE_INTRO()),
                vec![
                    Item::Field(
                        field(
                            "basic_fee_class",
                            t::BASIC_FEE_CLASS(),
                            choice(&[
                                (BasicFee::Basic1.value(), t::BASIC_FEE_1()),
                                (BasicFee::Other.value(), t::BASIC_FEE_OTHER()),
                            ]),
                        )
                        .hint(t::BASIC_FEE_CLASS_HINT()),
                    ),
                    Item::Field(
                        field(
                            "level",
                            t::LEVEL(),
                            choice(&[
                                ("1", t::LEVEL_1()),
                                ("2", t::LEVEL_2()),
                                ("3", t::LEVEL_3()),
                                ("4", t::LEVEL_4()),
                            ]),
                        )
                        .hint(t::LEVEL_HINT()),
                    ),
                ],
            ),
            page(
                "prescriptions",
                t::PRESCRIPTIONS_PAGE(),
                Some(t::PRESCRIPTIONS_PAGE_INTRO()),
                vec![
                    Item::Field(
                        field(
                            "prescriptions_last_year",
                            t::PRESCRIPTIONS(),
                            integer(0, 10_000_000, t::UNIT_TIMES()),
                        )
                        .hint(t::PRESCRIPTIONS_HINT()),
                    ),
                    computed("base", t::BASE_SECTION()),
                ],
            ),
            page(
                "achievements",
                t::ACHIEVEMENTS_PAGE(),
                Some(t::ACHIEVEMENTS_PAGE_INTRO()),
                achievements,
            ),
            declarations_page(),
            filing_page(),
        ],
    )
}

fn rules(c: &mut Checker<'_>) {
    let Some(rules) = rules_for(&c.def.version) else {
        return;
    };
    let fee = c.text("basic_fee_class").and_then(BasicFee::from_value);
    let level = c.text("level").and_then(|l| l.parse::<u8>().ok());
    let level_rule = level.and_then(|l| rules.levels.iter().find(|r| r.level == l));

    if let (Some(fee), Some(rule)) = (fee, level_rule)
        && rule.fee != fee
    {
        let allowed: Vec<u8> = rules
            .levels
            .iter()
            .filter(|r| r.fee == fee)
            .map(|r| r.level)
            .collect();
        c.report(
            "level",
            IssueCode::LevelNotAllowedForClass {
                level: rule.level,
                needs: rule.fee.label().into(),
                current: fee.label().into(),
                allowed,
            },
        );
    }

    let prescriptions = c.integer("prescriptions_last_year");
    let base = prescriptions.map(|p| base(p, rules));
    if let (Some(p), Some(b)) = (prescriptions, base) {
        c.push_computed(ComputedValue {
            id: "base".into(),
            section: "base".into(),
            label: t::BASE_LABEL().into(),
            formula: t::BASE_FORMULA().into(),
            inputs: vec![NamedValue::new(t::PRESCRIPTIONS(), times(p))],
            result: times(b),
            threshold: None,
            met: None,
            path: Some("prescriptions_last_year".into()),
        });
    }

    let outcomes = item_outcomes(c, rules, fee, prescriptions, base);

    // The level: only when it suits the class and every item could be evaluated.
    let (Some(fee), Some(rule), Some(b)) = (fee, level_rule, base) else {
        return;
    };
    if rule.fee != fee || outcomes.iter().any(|o| o.met.is_none()) {
        return;
    }
    level_check(c, rule, fee, b, &outcomes);
}

/// One item's figure, threshold and whether it is met.
struct Outcome {
    item: AchievementItem,
    /// `None` when an input is missing (the count, the class, or the base of a per-10k item).
    met: Option<bool>,
    count: Option<i64>,
}

/// Each item's figure as a computed value (when its inputs are there), and its outcome.
fn item_outcomes(
    c: &mut Checker<'_>,
    rules: &Rules,
    fee: Option<BasicFee>,
    prescriptions: Option<i64>,
    base: Option<i64>,
) -> Vec<Outcome> {
    let mut outcomes = Vec::with_capacity(rules.items.len());
    for it in rules.items {
        let count = c.integer(it.id);
        let threshold = fee.map(|f| it.threshold(f));
        let mut met = None;
        if let Some(figure) = count.and_then(|n| figure(&it, n, prescriptions, base)) {
            met = threshold.map(|th| figure.meets(th));
            c.push_computed(ComputedValue {
                id: format!("per_10k.{}", it.id),
                section: "per_10k".into(),
                label: t::item_label(circled(it.number), (it.label)()),
                formula: figure.formula.into(),
                inputs: figure.inputs,
                result: figure.result,
                threshold: threshold.map(|th| t::at_least_text(&Decimal::from(th).to_grouped())),
                met,
                path: Some(it.id.into()),
            });
        }
        outcomes.push(Outcome {
            item: it,
            met,
            count,
        });
    }
    outcomes
}

/// What an item's count comes to: per 10,000 prescriptions, or the raw count.
struct Figure {
    formula: &'static str,
    inputs: Vec<NamedValue>,
    result: String,
    count: i64,
    /// The per-10k base; `None` for a raw count.
    base: Option<i64>,
}

impl Figure {
    fn meets(&self, threshold: i64) -> bool {
        match self.base {
            Some(b) => meets(self.count, b, threshold),
            None => self.count >= threshold,
        }
    }
}

/// `None` for a per-10k item while the base is unknown.
fn figure(
    it: &AchievementItem,
    count: i64,
    prescriptions: Option<i64>,
    base: Option<i64>,
) -> Option<Figure> {
    if !it.per_10k {
        return Some(Figure {
            formula: t::RAW_COUNT_FORMULA(),
            inputs: vec![NamedValue::new(t::ITEM_COUNT(), times(count))],
            result: count.to_string(),
            count,
            base: None,
        });
    }
    let b = base?;
    Some(Figure {
        formula: t::PER_10K_FORMULA(),
        inputs: vec![
            NamedValue::new(t::ITEM_COUNT(), times(count)),
            NamedValue::new(t::PRESCRIPTIONS(), times(prescriptions.unwrap_or(0))),
            NamedValue::new(t::BASE_LABEL(), times(b)),
        ],
        result: per_10k(count, b).to_string(),
        count,
        base: Some(b),
    })
}

/// The level's verdict as a computed value; a level whose requirements are not met is a
/// warning that explains each failed item.
fn level_check(
    c: &mut Checker<'_>,
    rule: &LevelRule,
    fee: BasicFee,
    base: i64,
    outcomes: &[Outcome],
) {
    let numbers_where = |met: bool| -> Vec<u8> {
        outcomes
            .iter()
            .filter(|o| o.met == Some(met))
            .map(|o| o.item.number)
            .collect()
    };
    let (met_numbers, unmet) = (numbers_where(true), numbers_where(false));
    let level_met = met_numbers.len() >= rule.min_items
        && rule.mandatory.iter().all(|n| met_numbers.contains(n));
    let numbers = |ns: &[u8]| -> String {
        if ns.is_empty() {
            t::NONE().to_string()
        } else {
            ns.iter().map(|&n| circled(n)).collect()
        }
    };
    let mandatory_text: String = rule.mandatory.iter().map(|&n| circled(n)).collect();
    let requirement = t::level_requirement(rule.min_items, &mandatory_text);
    c.push_computed(ComputedValue {
        id: "level_check".into(),
        section: "level_check".into(),
        label: t::level_check_label(rule.level),
        formula: t::LEVEL_CHECK_FORMULA().into(),
        inputs: vec![
            NamedValue::new(t::ITEMS_MET(), numbers(&met_numbers)),
            NamedValue::new(t::ITEMS_NOT_MET(), numbers(&unmet)),
        ],
        result: t::item_count(met_numbers.len()),
        threshold: Some(requirement.clone()),
        met: Some(level_met),
        path: Some("level".into()),
    });
    if level_met {
        return;
    }
    let details = outcomes
        .iter()
        .filter(|o| o.met == Some(false))
        .map(|o| shortfall(&o.item, o.count.unwrap_or(0), rule, fee, base))
        .collect();
    c.report(
        "level",
        IssueCode::LevelRequirementsNotMet {
            level: rule.level,
            met: met_numbers.len(),
            requirement,
            details,
        },
    );
}

/// What a failed item lacks, with the count it needs at this prescription volume.
fn shortfall(
    it: &AchievementItem,
    count: i64,
    rule: &LevelRule,
    fee: BasicFee,
    base: i64,
) -> String {
    let th = it.threshold(fee);
    let label = t::item_label(circled(it.number), (it.label)());
    let mandatory = rule.mandatory.contains(&it.number);
    if it.per_10k {
        let value = per_10k(count, base).to_string();
        t::item_shortfall_per_10k(
            &label,
            &value,
            th,
            &times(base),
            &times(needed_count(base, th)),
            mandatory,
        )
    } else {
        t::item_shortfall_raw(&label, &times(count), &times(th), mandatory)
    }
}

/// 「18,500回」
fn times(n: i64) -> String {
    format!("{}{}", Decimal::from(n).to_grouped(), t::UNIT_TIMES())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::catalogue::tests::{codes, common_answers, ctx};
    use crate::forms::{Answers, FORM_REGIONAL_SUPPORT, Severity, check, definition as def_of};
    use proptest::prelude::*;
    use serde_json::json;

    /// Answers with every item at `counts` (item order) for a pharmacy.
    fn answers(fee: &str, level: &str, prescriptions: &str, counts: [i64; 10]) -> Answers {
        let mut a = common_answers("1340100039");
        a.insert("basic_fee_class".into(), json!(fee));
        a.insert("level".into(), json!(level));
        a.insert("prescriptions_last_year".into(), json!(prescriptions));
        for (it, n) in RULES_2024.items.iter().zip(counts) {
            a.insert(it.id.into(), json!(n.to_string()));
        }
        a
    }

    #[test]
    fn worked_case_18500_prescriptions_60_night_cases() {
        assert_eq!(base(18_500, &RULES_2024), 18_500);
        assert_eq!(per_10k(60, 18_500).to_string(), "32.43");
        assert!(!meets(60, 18_500, 40));
        assert_eq!(needed_count(18_500, 40), 74);
        assert!(meets(74, 18_500, 40));
        assert!(!meets(73, 18_500, 40));

        let d = def_of(FORM_REGIONAL_SUPPORT).unwrap();
        // Level 1: items 2–4 met (3 items incl. ④) but ① fails; the level is met.
        let a = answers("basic_1", "1", "18500", [60, 2, 40, 40, 0, 0, 0, 0, 0, 0]);
        let r = check(&d, &a, &ctx(FeeScheduleClass::Pharmacy));
        let night = r.computed_value("per_10k.night_holiday").unwrap();
        assert_eq!(night.result, "32.43");
        assert_eq!(night.threshold.as_deref(), Some("40以上"));
        assert_eq!(night.met, Some(false));
        assert_eq!(night.inputs[0].value, "60回");
        assert_eq!(night.inputs[2].value, "18,500回");
        assert_eq!(r.computed_value("level_check").unwrap().met, Some(true));
        assert!(r.issues.is_empty(), "{:?}", r.issues);

        // Level 2 needs 8 items: a warning that explains ① item by item, with 74 needed.
        let a = answers("basic_1", "2", "18500", [60, 2, 40, 40, 0, 0, 0, 0, 0, 0]);
        let r = check(&d, &a, &ctx(FeeScheduleClass::Pharmacy));
        assert_eq!(
            codes(&r),
            [(
                "level_requirements_not_met".to_string(),
                "level".to_string()
            )]
        );
        let w = &r.issues[0];
        assert_eq!(w.severity, Severity::Warning);
        assert_eq!(w.page, "level");
        // The lead names the count; each item not met is a line of its own, with its figures.
        assert!(w.message.contains("8項目以上"), "{}", w.message);
        assert!(w.message.contains("7項目"), "{}", w.message);
        assert_eq!(w.details.len(), 7, "{:?}", w.details);
        let night = &w.details[0];
        assert!(night.starts_with("①夜間・休日等の対応実績"), "{night}");
        assert!(night.contains("32.43"), "{night}");
        assert!(night.contains("74回以上必要"), "{night}");
        assert!(
            w.details.iter().all(|d| !d.contains('／')),
            "{:?}",
            w.details
        );
        assert!(!r.has_errors());
        assert_eq!(r.unacknowledged_warnings(&[w.key()]).len(), 0);
        assert_eq!(w.key(), "level_requirements_not_met@level");
    }

    #[test]
    fn worked_case_24000_prescriptions_96_night_cases() {
        assert_eq!(per_10k(96, 24_000).to_string(), "40.00");
        assert!(meets(96, 24_000, 40));
        let d = def_of(FORM_REGIONAL_SUPPORT).unwrap();
        let a = answers("basic_1", "1", "24000", [96, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let r = check(&d, &a, &ctx(FeeScheduleClass::Pharmacy));
        let night = r.computed_value("per_10k.night_holiday").unwrap();
        assert_eq!(night.result, "40.00");
        assert_eq!(night.met, Some(true));
    }

    #[test]
    fn worked_case_8000_prescriptions_use_base_10000() {
        assert_eq!(base(8_000, &RULES_2024), 10_000);
        assert_eq!(per_10k(40, 10_000).to_string(), "40.00");
        let d = def_of(FORM_REGIONAL_SUPPORT).unwrap();
        let a = answers("basic_1", "1", "8,000", [39, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let r = check(&d, &a, &ctx(FeeScheduleClass::Pharmacy));
        let b = r.computed_value("base").unwrap();
        assert_eq!(b.result, "10,000回");
        assert_eq!(b.inputs[0].value, "8,000回");
        let night = r.computed_value("per_10k.night_holiday").unwrap();
        assert_eq!(night.result, "39.00");
        assert_eq!(night.met, Some(false));
        assert_eq!(r.normalised["prescriptions_last_year"], "8000");
    }

    #[test]
    fn levels_must_suit_the_basic_fee_class() {
        let d = def_of(FORM_REGIONAL_SUPPORT).unwrap();
        let c = ctx(FeeScheduleClass::Pharmacy);
        let all_met = [1000; 10];
        for (fee, level, ok) in [
            ("basic_1", "1", true),
            ("basic_1", "2", true),
            ("basic_1", "3", false),
            ("basic_1", "4", false),
            ("other", "1", false),
            ("other", "2", false),
            ("other", "3", true),
            ("other", "4", true),
        ] {
            let r = check(&d, &answers(fee, level, "20000", all_met), &c);
            let got = codes(&r);
            if ok {
                assert!(got.is_empty(), "{fee} {level}: {got:?}");
            } else {
                assert_eq!(
                    got,
                    [(
                        "level_not_allowed_for_class".to_string(),
                        "level".to_string()
                    )],
                    "{fee} {level}"
                );
                assert!(r.computed_value("level_check").is_none());
            }
        }
    }

    #[test]
    fn mandatory_items_and_item_counts() {
        let d = def_of(FORM_REGIONAL_SUPPORT).unwrap();
        let c = ctx(FeeScheduleClass::Pharmacy);
        // Level 1 with ①②③ met but not ④: 3 items, yet ④ is mandatory.
        let r = check(
            &d,
            &answers("basic_1", "1", "10000", [40, 1, 20, 19, 0, 0, 0, 0, 0, 0]),
            &c,
        );
        assert_eq!(r.issues.len(), 1);
        let kakaritsuke = r.issues[0].details.iter().find(|d| d.contains('④'));
        assert!(
            kakaritsuke.is_some_and(|d| d.contains("必須")),
            "{:?}",
            r.issues[0].details
        );
        assert_eq!(r.computed_value("level_check").unwrap().result, "3項目");
        // Level 3 (other class) needs ④ and ⑦: thresholds of the other column apply.
        let r = check(
            &d,
            &answers("other", "3", "10000", [400, 10, 40, 40, 0, 0, 23, 0, 0, 0]),
            &c,
        );
        assert_eq!(r.issues.len(), 1, "{:?}", r.issues);
        assert!(r.issues[0].message.contains("⑦"), "{}", r.issues[0].message);
        let r = check(
            &d,
            &answers("other", "3", "10000", [400, 10, 40, 40, 0, 0, 24, 0, 0, 0]),
            &c,
        );
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // Level 4: 8 items; ⑩ is a raw count (5 for the other class), not per 10k.
        let r = check(
            &d,
            &answers(
                "other",
                "4",
                "30000",
                [1200, 30, 120, 120, 36, 3, 72, 0, 0, 5],
            ),
            &c,
        );
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let meetings = r
            .computed_value("per_10k.multidisciplinary_meetings")
            .unwrap();
        assert_eq!((meetings.result.as_str(), meetings.met), ("5", Some(true)));
        let r = check(
            &d,
            &answers(
                "other",
                "4",
                "30000",
                [1200, 30, 120, 120, 36, 3, 72, 0, 0, 4],
            ),
            &c,
        );
        assert_eq!(r.issues[0].code, "level_requirements_not_met");
        assert!(
            r.issues[0].details.iter().any(|d| d.contains("⑩")),
            "{:?}",
            r.issues[0].details
        );
    }

    #[test]
    fn counts_are_checked_as_whole_numbers() {
        let d = def_of(FORM_REGIONAL_SUPPORT).unwrap();
        let mut a = answers(
            "basic_1",
            "1",
            "１８，５００",
            [60, 2, 40, 40, 0, 0, 0, 0, 0, 0],
        );
        a.insert("narcotics".into(), json!("1.5"));
        a.insert("pediatric".into(), json!("-1"));
        let r = check(&d, &a, &ctx(FeeScheduleClass::Pharmacy));
        assert_eq!(r.normalised["prescriptions_last_year"], "18500");
        assert_eq!(
            codes(&r),
            [
                ("integer_shape".to_string(), "narcotics".to_string()),
                ("out_of_range".into(), "pediatric".into())
            ]
        );
        assert!(r.issues.iter().all(|i| i.page == "achievements"));
        // No level verdict while an item is missing.
        assert!(r.computed_value("level_check").is_none());
    }

    #[test]
    fn circled_numbers() {
        assert_eq!(circled(1), '①');
        assert_eq!(circled(10), '⑩');
    }

    proptest! {
        #[test]
        fn per_10k_never_decreases_when_a_count_rises(
            count in 0i64..100_000, extra in 1i64..1_000, prescriptions in 0i64..2_000_000, threshold in 0i64..500,
        ) {
            let b = base(prescriptions, &RULES_2024);
            prop_assert!(per_10k(count + extra, b) >= per_10k(count, b));
            prop_assert!(!meets(count, b, threshold) || meets(count + extra, b, threshold));
            // The displayed figure meets the threshold exactly when the exact rule does.
            prop_assert_eq!(per_10k(count, b) >= Decimal::from(threshold), meets(count, b, threshold));
            // needed_count is the smallest count that meets.
            let n = needed_count(b, threshold);
            prop_assert!(meets(n, b, threshold));
            prop_assert!(n == 0 || !meets(n - 1, b, threshold));
        }
    }
}
