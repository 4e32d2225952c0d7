//! 定例報告 (annual periodic report on facility standards): the staffing table.
//!
//! Full-time equivalents (常勤換算), exactly:
//! * the divisor is `max(standard weekly hours, 32)`;
//! * a full-timer counts 1; a part-timer counts `min(hours, divisor) / divisor` (so never more
//!   than 1);
//! * the total is computed from the exact per-person values, as one fraction
//!   `(full-timers × divisor + Σ min(hours, divisor)) / divisor`, and only then cut to one decimal
//!   (小数点以下第2位を切り捨て) *(confirm: the usual 常勤換算 rule; it never overstates staffing)*;
//!   per-person figures are shown cut to one decimal the same way (20 h / 32 = 0.625 → 「0.6」),
//!   with the exact value beside it;
//! * the declared FTE total must equal the computed total at one decimal; the declared full-time
//!   headcount must equal the number of full-time rows;
//! * a declared percentage is recomputed as numerator ÷ denominator × 100 and must equal it at one
//!   decimal either rounded half up (四捨五入) or cut (切り捨て), the two usual ways of writing it.
//!
//! The as-of date (報告基準日) comes from the context (configuration, 1 August by default) and is
//! recorded in the normalised answers as `as_of_date`.

use serde_json::Value;

use super::{
    EMPLOYMENT_FULL_TIME, EMPLOYMENT_PART_TIME, Shipped, choice, computed, decimal, employment,
    field, filing_page, form, header_page, integer, page, text,
};
use crate::era::format_date;
use crate::forms::check::Checker;
use crate::forms::decimal::{Decimal, Rounding};
use crate::forms::definition::{FieldKind, FormDefinition, GroupDefinition, Item};
use crate::forms::fields::format_iso_date;
use crate::forms::issue::{Ask, IssueCode};
use crate::forms::report::{ComputedValue, NamedValue};
use crate::institution::FeeScheduleClass;
use crate::text::current::forms as t;

/// The FTE divisor is the standard week, but never less than this.
pub const FTE_DIVISOR_MINIMUM_HOURS: i64 = 32;
/// Decimals of declared and displayed FTE figures.
const FTE_SCALE: u32 = 1;
/// Decimals of the exact per-person value shown beside the cut one.
const EXACT_SCALE: u32 = 4;

pub(super) const SHIPPED: Shipped = Shipped {
    id: super::FORM_PERIODIC_REPORT_STAFFING,
    definition,
    rules,
};

/// The form's pages, as data: one item per field, longer than a function usually is here.
fn definition() -> FormDefinition {
    let staff = GroupDefinition {
        id: "staff".into(),
        label: t::PERIODIC_STAFF_GROUP().into(),
        row_label: t::PERIODIC_STAFF_ROW().into(),
        min_rows: 1,
        max_rows: 500,
        fields: vec![
            field(
                "job_type",
                t::JOB_TYPE(),
                choice(&[
                    ("doctor", t::JOB_DOCTOR()),
                    ("dentist", t::JOB_DENTIST()),
                    ("pharmacist", t::JOB_PHARMACIST()),
                    ("nurse", t::JOB_NURSE()),
                    ("assistant_nurse", t::JOB_ASSISTANT_NURSE()),
                    ("dental_hygienist", t::JOB_DENTAL_HYGIENIST()),
                    ("clerk", t::JOB_CLERK()),
                    ("other", t::JOB_OTHER()),
                ]),
            ),
            field("name", t::STAFF_NAME(), text(30)).hint(t::STAFF_NAME_HINT()),
            field("employment", t::EMPLOYMENT(), employment()),
            field("weekly_hours", t::WEEKLY_HOURS(), FieldKind::WeeklyHours)
                .hint(t::WEEKLY_HOURS_HINT()),
        ],
    };
    form(
        super::FORM_PERIODIC_REPORT_STAFFING,
        t::PERIODIC_TITLE(),
        t::PERIODIC_DESCRIPTION(),
        &FeeScheduleClass::ALL,
        vec![
            header_page(vec![]),
            page(
                "basis",
                t::BASIS_PAGE(),
                Some(t::BASIS_PAGE_INTRO()),
                vec![
                    computed("as_of", t::AS_OF_DATE()),
                    Item::Field(
                        field(
                            "standard_weekly_hours",
                            t::STANDARD_WEEKLY_HOURS(),
                            FieldKind::WeeklyHours,
                        )
                        .hint(t::STANDARD_WEEKLY_HOURS_HINT_PERIODIC()),
                    ),
                    computed("divisor", t::DIVISOR_LABEL()),
                ],
            ),
            page(
                "staff",
                t::PERIODIC_STAFF_PAGE(),
                Some(t::PERIODIC_STAFF_PAGE_INTRO()),
                vec![Item::Group(staff), computed("fte", t::FTE_SECTION())],
            ),
            page(
                "totals",
                t::TOTALS_PAGE(),
                Some(t::TOTALS_PAGE_INTRO()),
                vec![
                    Item::Field(
                        field(
                            "declared_full_time_count",
                            t::DECLARED_FULL_TIME_COUNT(),
                            integer(0, 500, t::UNIT_PERSONS()),
                        )
                        .hint(t::DECLARED_FULL_TIME_COUNT_HINT()),
                    ),
                    Item::Field(
                        field(
                            "declared_fte_total",
                            t::DECLARED_FTE_TOTAL(),
                            decimal(FTE_SCALE, "0", "500", ""),
                        )
                        .hint(t::DECLARED_FTE_TOTAL_HINT()),
                    ),
                    computed("totals", t::TOTALS_SECTION()),
                    Item::Field(
                        field("ratio_name", t::RATIO_NAME(), text(60))
                            .optional()
                            .hint(t::RATIO_NAME_HINT()),
                    ),
                    Item::Field(
                        field(
                            "ratio_numerator",
                            t::RATIO_NUMERATOR(),
                            decimal(1, "0", "100000", ""),
                        )
                        .optional()
                        .hint(t::RATIO_NUMBER_HINT()),
                    ),
                    Item::Field(
                        field(
                            "ratio_denominator",
                            t::RATIO_DENOMINATOR(),
                            decimal(1, "0", "100000", ""),
                        )
                        .optional()
                        .hint(t::RATIO_NUMBER_HINT()),
                    ),
                    Item::Field(
                        field(
                            "declared_ratio_percent",
                            t::DECLARED_RATIO(),
                            decimal(1, "0", "100", "%"),
                        )
                        .optional()
                        .hint(t::DECLARED_RATIO_HINT()),
                    ),
                    computed("ratio", t::RATIO_SECTION()),
                ],
            ),
            filing_page(),
        ],
    )
}

/// One person's FTE: 1 for a full-timer, `min(hours, divisor) / divisor` for a part-timer.
/// Returns the numerator over `divisor` (exact) — divide to display.
pub fn fte_numerator(full_time: bool, hours: Decimal, divisor: Decimal) -> Decimal {
    if full_time {
        divisor
    } else {
        hours.min(divisor)
    }
}

/// `max(standard, 32)`.
pub fn divisor(standard: Decimal) -> Decimal {
    standard.max(Decimal::from(FTE_DIVISOR_MINIMUM_HOURS))
}

/// `numerator / divisor` cut to one decimal, and the exact value to show beside it
/// (`0.625`, or `0.3030…` when it does not end within four decimals).
pub fn fte_display(numerator: Decimal, divisor: Decimal) -> (String, String) {
    let cut = numerator
        .checked_div(divisor, FTE_SCALE, Rounding::Down)
        .unwrap_or(Decimal::ZERO);
    let exact = exact_quotient(numerator, divisor, FTE_SCALE);
    (cut.to_string(), exact)
}

/// `numerator / divisor` as an exact figure: all its decimals (at least `min_scale`) when it
/// ends within four, else four decimals and 「…」.
fn exact_quotient(numerator: Decimal, divisor: Decimal, min_scale: u32) -> String {
    let q = numerator
        .checked_div(divisor, EXACT_SCALE, Rounding::Down)
        .unwrap_or(Decimal::ZERO);
    if numerator.divides_exactly(divisor, EXACT_SCALE) {
        q.round(q.significant_scale().max(min_scale), Rounding::Down)
            .to_string()
    } else {
        format!("{q}…")
    }
}

fn rules(c: &mut Checker<'_>) {
    let as_of = c.ctx.periodic_report_as_of;
    c.set("as_of_date", Value::String(format_iso_date(as_of)));
    c.push_computed(ComputedValue {
        id: "as_of".into(),
        section: "as_of".into(),
        label: t::AS_OF_DATE().into(),
        formula: t::AS_OF_FORMULA().into(),
        inputs: vec![],
        result: format_date(as_of),
        threshold: None,
        met: None,
        path: None,
    });

    let Some(standard) = c.decimal("standard_weekly_hours") else {
        return;
    };
    let divisor = divisor(standard);
    c.push_computed(ComputedValue {
        id: "divisor".into(),
        section: "divisor".into(),
        label: t::DIVISOR_LABEL().into(),
        formula: t::DIVISOR_FORMULA().into(),
        inputs: vec![NamedValue::new(t::STANDARD_WEEKLY_HOURS(), hours(standard))],
        result: hours(divisor),
        threshold: None,
        met: None,
        path: Some("standard_weekly_hours".into()),
    });

    let staff = staff_fte(c, divisor);
    // Rows with a missing or invalid answer make the totals unknown.
    if c.is_valid("staff") && c.row_count("staff") > 0 {
        if let Some(n) = staff.full_timers {
            full_time_count_rule(c, n);
        }
        if let Some(sum) = staff.total {
            fte_total_rule(c, &staff, sum, divisor);
        }
    }
    ratio_rules(c);
}

/// What the staff table adds up to; `None` when a row's answer is missing or invalid.
struct StaffTotals {
    full_timers: Option<i64>,
    /// Full-timers × divisor + Σ min(hours, divisor): the FTE total over `divisor`.
    total: Option<Decimal>,
    part_time_hours: Decimal,
}

/// Each person's FTE as a computed value, and the totals.
fn staff_fte(c: &mut Checker<'_>, divisor: Decimal) -> StaffTotals {
    let mut totals = StaffTotals {
        full_timers: Some(0),
        total: Some(Decimal::ZERO),
        part_time_hours: Decimal::ZERO,
    };
    for i in 0..c.row_count("staff") {
        let employment = c
            .text(&format!("staff[{i}].employment"))
            .map(str::to_string);
        let weekly = c.decimal(&format!("staff[{i}].weekly_hours"));
        let (formula, inputs, result) = match (employment.as_deref(), weekly) {
            (Some(EMPLOYMENT_FULL_TIME), _) => {
                totals.full_timers = totals.full_timers.map(|n| n + 1);
                totals.total = totals.total.and_then(|s| s.checked_add(divisor));
                let inputs = vec![NamedValue::new(t::EMPLOYMENT(), t::FULL_TIME())];
                (t::FTE_FULL_TIME_FORMULA(), inputs, "1.0".to_string())
            }
            (Some(EMPLOYMENT_PART_TIME), Some(h)) => {
                let counted = fte_numerator(false, h, divisor);
                totals.part_time_hours = totals
                    .part_time_hours
                    .checked_add(counted)
                    .unwrap_or(totals.part_time_hours);
                totals.total = totals.total.and_then(|s| s.checked_add(counted));
                // Each row unrounded, so that the rows add up to the total's value before
                // rounding; only the total is cut (issue 13 item 6).
                let (_, exact) = fte_display(counted, divisor);
                let mut inputs = vec![
                    NamedValue::new(t::WEEKLY_HOURS(), hours(h)),
                    NamedValue::new(t::DIVISOR_LABEL(), hours(divisor)),
                ];
                if h > divisor {
                    inputs.push(NamedValue::new(t::FTE_CAPPED(), t::FTE_CAPPED_VALUE()));
                }
                (t::FTE_PART_TIME_FORMULA(), inputs, exact)
            }
            (Some(EMPLOYMENT_PART_TIME), None) => {
                totals.total = None;
                continue;
            }
            _ => {
                totals.total = None;
                totals.full_timers = None;
                continue;
            }
        };
        c.push_computed(ComputedValue {
            id: format!("fte.staff[{i}]"),
            section: "fte".into(),
            label: t::fte_row_label(&t::row_heading(t::PERIODIC_STAFF_ROW(), i)),
            formula: formula.into(),
            inputs,
            result,
            threshold: None,
            met: None,
            path: Some(format!("staff[{i}]")),
        });
    }
    totals
}

/// The declared full-time headcount must be the number of full-time rows (`computed`).
fn full_time_count_rule(c: &mut Checker<'_>, computed: i64) {
    let declared = c.integer("declared_full_time_count");
    let met = declared.map(|d| d == computed);
    c.push_computed(ComputedValue {
        id: "totals.full_time_count".into(),
        section: "totals".into(),
        label: t::COMPUTED_FULL_TIME_COUNT().into(),
        formula: t::FULL_TIME_COUNT_FORMULA().into(),
        inputs: declared
            .map(|d| vec![NamedValue::new(t::DECLARED_FULL_TIME_COUNT(), persons(d))])
            .unwrap_or_default(),
        result: persons(computed),
        threshold: declared.map(|d| t::equals_declared(&persons(d))),
        met,
        path: Some("declared_full_time_count".into()),
    });
    if met == Some(false) {
        c.report(
            "declared_full_time_count",
            IssueCode::DeclaredFullTimeCountMismatch {
                declared: persons(declared.unwrap_or(0)),
                computed: persons(computed),
            },
        );
    }
}

/// The declared FTE total must be the computed one (`sum / divisor`) cut to one decimal.
fn fte_total_rule(c: &mut Checker<'_>, staff: &StaffTotals, sum: Decimal, divisor: Decimal) {
    let (cut, exact) = fte_display(sum, divisor);
    let declared = c.decimal("declared_fte_total");
    let computed_total = Decimal::parse(&cut).unwrap_or(Decimal::ZERO);
    let met = declared.map(|d| d == computed_total);
    let mut inputs = vec![
        NamedValue::new(
            t::COMPUTED_FULL_TIME_COUNT(),
            persons(staff.full_timers.unwrap_or(0)),
        ),
        NamedValue::new(t::PART_TIME_HOURS_TOTAL(), hours(staff.part_time_hours)),
        NamedValue::new(t::DIVISOR_LABEL(), hours(divisor)),
        NamedValue::new(t::EXACT_VALUE(), exact.clone()),
    ];
    if let Some(d) = declared {
        inputs.push(NamedValue::new(
            t::DECLARED_FTE_TOTAL(),
            d.to_fixed(FTE_SCALE),
        ));
    }
    c.push_computed(ComputedValue {
        id: "totals.fte_total".into(),
        section: "totals".into(),
        label: t::COMPUTED_FTE_TOTAL().into(),
        formula: t::FTE_TOTAL_FORMULA().into(),
        inputs,
        result: cut.clone(),
        threshold: declared.map(|d| t::equals_declared(&d.to_fixed(FTE_SCALE))),
        met,
        path: Some("declared_fte_total".into()),
    });
    if met == Some(false) {
        let declared = declared.map(|d| d.to_fixed(FTE_SCALE)).unwrap_or_default();
        c.report(
            "declared_fte_total",
            IssueCode::DeclaredFteTotalMismatch {
                declared,
                computed: cut,
                exact,
            },
        );
    }
}

/// The optional declared percentage: all of numerator, denominator and percentage, or none.
fn ratio_rules(c: &mut Checker<'_>) {
    let keys = [
        "ratio_name",
        "ratio_numerator",
        "ratio_denominator",
        "declared_ratio_percent",
    ];
    if !keys.iter().any(|k| c.is_present(k)) {
        return;
    }
    for key in keys {
        if !c.is_present(key) && c.is_valid(key) {
            c.report(key, IssueCode::Required(Ask::RatioPart));
        }
    }
    let (Some(num), Some(den)) = (c.decimal("ratio_numerator"), c.decimal("ratio_denominator"))
    else {
        return;
    };
    if den.is_zero() {
        c.report("ratio_denominator", IssueCode::RatioDenominatorZero);
        return;
    }
    if num > den {
        c.report(
            "ratio_numerator",
            IssueCode::RatioNumeratorExceedsDenominator,
        );
        return;
    }
    if let Some(scaled) = num.checked_mul(Decimal::from(100)) {
        ratio_rule(c, num, den, scaled);
    }
}

/// The declared percentage must be `scaled / den` (`scaled` = numerator × 100) at one decimal,
/// rounded half up or cut.
fn ratio_rule(c: &mut Checker<'_>, num: Decimal, den: Decimal, scaled: Decimal) {
    let at_one = |rounding| {
        scaled
            .checked_div(den, 1, rounding)
            .unwrap_or(Decimal::ZERO)
    };
    let (rounded, cut) = (at_one(Rounding::HalfUp), at_one(Rounding::Down));
    let declared = c.decimal("declared_ratio_percent");
    let met = declared.map(|d| d == rounded || d == cut);
    c.push_computed(ComputedValue {
        id: "ratio".into(),
        section: "ratio".into(),
        label: t::RATIO_SECTION().into(),
        formula: t::RATIO_FORMULA().into(),
        inputs: vec![
            NamedValue::new(t::RATIO_NUMERATOR(), num.to_string()),
            NamedValue::new(t::RATIO_DENOMINATOR(), den.to_string()),
        ],
        result: format!("{rounded}%"),
        threshold: declared.map(|d| t::equals_declared(&format!("{d}%"))),
        met,
        path: Some("declared_ratio_percent".into()),
    });
    if let (Some(d), Some(false)) = (declared, met) {
        let accepted = if rounded == cut {
            format!("{rounded}%")
        } else {
            t::either(&format!("{rounded}%"), &format!("{cut}%"))
        };
        c.report(
            "declared_ratio_percent",
            IssueCode::DeclaredRatioMismatch {
                declared: format!("{d}%"),
                exact: exact_quotient(scaled, den, 0),
                accepted,
            },
        );
    }
}

/// 「32.0時間」
fn hours(d: Decimal) -> String {
    format!("{}{}", d.to_fixed(1), t::UNIT_HOURS())
}

fn persons(n: i64) -> String {
    format!("{n}{}", t::UNIT_PERSONS())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::catalogue::tests::{codes, common_answers, ctx};
    use crate::forms::{Answers, FORM_PERIODIC_REPORT_STAFFING, check, definition as def_of};
    use serde_json::json;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    fn answers(
        standard: &str,
        rows: &[(&str, &str)],
        full_time_count: &str,
        fte_total: &str,
    ) -> Answers {
        let mut a = common_answers("0110113719");
        a.insert("standard_weekly_hours".into(), json!(standard));
        let rows: Vec<Value> = rows
            .iter()
            .enumerate()
            .map(|(i, (emp, h))| json!({"job_type": "nurse", "name": format!("職員{i}"), "employment": emp, "weekly_hours": h}))
            .collect();
        a.insert("staff".into(), Value::Array(rows));
        a.insert("declared_full_time_count".into(), json!(full_time_count));
        a.insert("declared_fte_total".into(), json!(fte_total));
        a
    }

    #[test]
    fn fte_cases() {
        // (full-time, hours, standard week, displayed, exact)
        let cases = [
            (true, "40", "40", "1.0", "1.0"),
            (true, "20", "40", "1.0", "1.0"),
            (false, "16", "40", "0.4", "0.4"),
            (false, "20", "30", "0.6", "0.625"), // divisor 32, not 30
            (false, "10", "33", "0.3", "0.3030…"),
            (false, "45", "40", "1.0", "1.0"), // capped at 1
            (false, "32", "32", "1.0", "1.0"),
        ];
        for (full_time, hours, standard, shown, exact) in cases {
            let div = divisor(d(standard));
            let n = fte_numerator(full_time, d(hours), div);
            assert_eq!(
                fte_display(n, div),
                (shown.to_string(), exact.to_string()),
                "{full_time} {hours} {standard}"
            );
        }
        assert_eq!(divisor(d("30")), d("32"));
        assert_eq!(divisor(d("40")), d("40"));
    }

    #[test]
    fn declared_totals_must_equal_the_computed_ones() {
        let def = def_of(FORM_PERIODIC_REPORT_STAFFING).unwrap();
        let c = ctx(FeeScheduleClass::Medical);
        // Standard 30 → divisor 32: 2 full-timers + 20 h (0.625) + 16 h (0.5) = 3.125 → 3.1.
        let rows = [
            ("full_time", "40"),
            ("full_time", "32"),
            ("part_time", "20"),
            ("part_time", "16"),
        ];
        let r = check(&def, &answers("30", &rows, "2", "3.1"), &c);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let total = r.computed_value("totals.fte_total").unwrap();
        assert_eq!(total.result, "3.1");
        assert_eq!(total.met, Some(true));
        assert!(total.inputs.iter().any(|i| i.value == "3.125"));
        // The rows as shown add up to the total before rounding: 1.0 + 1.0 + 0.625 + 0.5.
        let shown: Vec<String> = (0..4)
            .map(|i| {
                r.computed_value(&format!("fte.staff[{i}]"))
                    .unwrap()
                    .result
                    .clone()
            })
            .collect();
        assert_eq!(shown, ["1.0", "1.0", "0.625", "0.5"]);
        let sum = shown
            .iter()
            .map(|v| Decimal::parse(v).unwrap())
            .fold(Decimal::ZERO, |a, b| a.checked_add(b).unwrap());
        assert_eq!(sum.to_string(), "3.125");
        assert_eq!(r.computed_value("divisor").unwrap().result, "32.0時間");
        assert_eq!(r.normalised["as_of_date"], "2024-08-01");
        assert_eq!(
            r.computed_value("as_of").unwrap().result,
            "2024年（令和6年）8月1日"
        );

        // Summing the displayed per-person figures (0.6 + 0.5) gives 3.1 as well here, but
        // rounding the total half up is not accepted when it differs: 4 × 0.65625 = 2.625 → 2.6.
        let rows = [
            ("part_time", "21"),
            ("part_time", "21"),
            ("part_time", "21"),
            ("part_time", "21"),
        ];
        let r = check(&def, &answers("32", &rows, "0", "2.7"), &c);
        assert_eq!(
            codes(&r),
            [(
                "declared_fte_total_mismatch".to_string(),
                "declared_fte_total".to_string()
            )]
        );
        assert_eq!(r.issues[0].page, "totals");
        assert!(
            r.issues[0].message.contains("2.6"),
            "{}",
            r.issues[0].message
        );
        assert!(
            r.issues[0].message.contains("2.625"),
            "{}",
            r.issues[0].message
        );
        let r = check(&def, &answers("32", &rows, "0", "2.6"), &c);
        assert!(r.issues.is_empty(), "{:?}", r.issues);

        // Wrong headcount.
        let rows = [("full_time", "40"), ("part_time", "16")];
        let r = check(&def, &answers("40", &rows, "2", "1.4"), &c);
        assert_eq!(
            codes(&r),
            [(
                "declared_full_time_count_mismatch".to_string(),
                "declared_full_time_count".to_string()
            )]
        );
        assert!(
            r.issues[0].message.contains("1人"),
            "{}",
            r.issues[0].message
        );
    }

    #[test]
    fn part_timers_are_capped_at_one() {
        let def = def_of(FORM_PERIODIC_REPORT_STAFFING).unwrap();
        let rows = [("part_time", "45"), ("part_time", "16")];
        let mut a = answers("40", &rows, "0", "1.4");
        a.insert("institution_code".into(), json!("1330100023"));
        let r = check(&def, &a, &ctx(FeeScheduleClass::Dental));
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let capped = r.computed_value("fte.staff[0]").unwrap();
        assert_eq!(capped.result, "1.0");
        assert!(capped.inputs.iter().any(|i| i.label == t::FTE_CAPPED()));
    }

    #[test]
    fn percentages_are_recomputed() {
        let def = def_of(FORM_PERIODIC_REPORT_STAFFING).unwrap();
        let c = ctx(FeeScheduleClass::Pharmacy);
        let base = || {
            let mut a = answers("40", &[("full_time", "40")], "1", "1.0");
            a.insert("institution_code".into(), json!("1340100039"));
            a
        };
        let with = |num: &str, den: &str, pct: &str| {
            let mut a = base();
            a.insert("ratio_name".into(), json!("看護職員に占める看護師の割合"));
            a.insert("ratio_numerator".into(), json!(num));
            a.insert("ratio_denominator".into(), json!(den));
            a.insert("declared_ratio_percent".into(), json!(pct));
            a
        };
        // 2/3 = 66.666…: 66.7 (rounded) and 66.6 (cut) are both accepted.
        for (num, den, pct, ok) in [
            ("2", "3", "66.7", true),
            ("2", "3", "66.6", true),
            ("2", "3", "66.8", false),
            ("2", "3", "67", false),
            ("1", "8", "12.5", true),
            ("7.5", "10", "75", true),
        ] {
            let r = check(&def, &with(num, den, pct), &c);
            assert_eq!(r.issues.is_empty(), ok, "{num}/{den} {pct}: {:?}", r.issues);
            if !ok {
                assert_eq!(r.issues[0].code, "declared_ratio_mismatch");
                assert!(
                    r.issues[0].message.contains("66.7%"),
                    "{}",
                    r.issues[0].message
                );
            }
        }
        let r = check(&def, &with("1", "0", "0"), &c);
        assert_eq!(
            codes(&r),
            [(
                "ratio_denominator_zero".to_string(),
                "ratio_denominator".to_string()
            )]
        );
        let r = check(&def, &with("5", "4", "100"), &c);
        assert_eq!(
            codes(&r),
            [(
                "ratio_numerator_exceeds_denominator".to_string(),
                "ratio_numerator".to_string()
            )]
        );
        // Part of a ratio: the rest is required; none of it: nothing asked.
        let mut a = base();
        a.insert("ratio_numerator".into(), json!("1"));
        let r = check(&def, &a, &c);
        let got: Vec<_> = codes(&r)
            .into_iter()
            .map(|(code, path)| format!("{code}@{path}"))
            .collect();
        assert_eq!(
            got,
            [
                "required@ratio_name",
                "required@ratio_denominator",
                "required@declared_ratio_percent"
            ]
        );
        assert!(check(&def, &base(), &c).issues.is_empty());
    }

    #[test]
    fn as_of_date_is_configuration() {
        let def = def_of(FORM_PERIODIC_REPORT_STAFFING).unwrap();
        let mut c = ctx(FeeScheduleClass::Medical);
        c.periodic_report_as_of = time::macros::date!(2023 - 07 - 01);
        let r = check(&def, &answers("40", &[("full_time", "40")], "1", "1.0"), &c);
        assert_eq!(r.normalised["as_of_date"], "2023-07-01");
        assert_eq!(
            r.computed_value("as_of").unwrap().result,
            "2023年（令和5年）7月1日"
        );
    }

    #[test]
    fn two_hundred_rows_check_quickly_and_cleanly() {
        let def = def_of(FORM_PERIODIC_REPORT_STAFFING).unwrap();
        let rows: Vec<(&str, &str)> = (0..200)
            .map(|i| {
                if i % 2 == 0 {
                    ("full_time", "40")
                } else {
                    ("part_time", "20")
                }
            })
            .collect();
        // 100 full-timers + 100 × 20/40 = 150.0
        let r = check(
            &def,
            &answers("40", &rows, "100", "150.0"),
            &ctx(FeeScheduleClass::Medical),
        );
        assert!(
            r.issues.is_empty(),
            "{:?}",
            &r.issues[..r.issues.len().min(3)]
        );
        assert_eq!(
            r.computed.iter().filter(|c| c.section == "fte").count(),
            200
        );
    }
}
