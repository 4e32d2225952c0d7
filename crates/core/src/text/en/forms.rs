//! Text of the form engine and the form catalogue (`crate::forms`).
//!
//! Callers write a number and its unit together (`format!("{n}{UNIT_HOURS}")`), as Japanese
//! does, so the English units start with a space: “40.0 hours”.

use super::general::class_label;
use crate::FeeScheduleClass;

// Display
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const NOT_ENTERED: &str = "(not entered)";
pub const NONE: &str = "None";
pub const UNIT_HOURS: &str = " hours";
pub const UNIT_TIMES: &str = " times";
pub const UNIT_PERSONS: &str = " people";
/// What people type after a number to mean a unit (compared after half-width conversion,
/// ignoring ASCII case). Any of these for the field's own unit is dropped from the answer
/// (“32 hours”, “32h” → 32). A unit not listed here matches only itself (“%”).
pub const UNIT_ALIASES: &[(&str, &[&str])] = &[
    (UNIT_HOURS, &["hours", "hour", "hrs", "hr", "h", "時間"]),
    (UNIT_TIMES, &["times", "time", "x", "回"]),
    (UNIT_PERSONS, &["people", "persons", "person", "人", "名"]),
];

/// Starts a sentence: `ctx` (empty or a row context such as “In Staff member (row 3), ”)
/// followed by `rest`, capitalised when there is no context.
fn sentence(ctx: &str, rest: &str) -> String {
    if ctx.is_empty() {
        let mut chars = rest.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        format!("{ctx}{rest}")
    }
}

/// “1 item”, “3 items”.
fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// “Staff member (row 3)” for row index 2.
pub fn row_heading(row_label: &str, index: usize) -> String {
    format!("{row_label} (row {})", index + 1)
}

/// Message prefix for a field in a row: “In Staff member (row 3), ”.
pub fn row_context(row_label: &str, index: usize) -> String {
    format!("In {}, ", row_heading(row_label, index))
}

pub fn at_least_text(value: &str) -> String {
    format!("{value} or more")
}

pub fn equals_declared(value: &str) -> String {
    format!("Equal to the declared value ({value})")
}

pub fn either(a: &str, b: &str) -> String {
    format!("{a} or {b}")
}

// Field checks. `ctx` is empty or a row context such as “In Staff member (row 3), ”.
pub fn required_input(ctx: &str, label: &str) -> String {
    sentence(ctx, &format!("enter “{label}”."))
}

pub fn required_choice(ctx: &str, label: &str) -> String {
    sentence(ctx, &format!("choose “{label}”."))
}

pub fn declaration_required(label: &str) -> String {
    format!("Read “{label}” and tick the box.")
}

pub fn invalid_type(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!("“{label}” could not be read. Enter it again."),
    )
}

pub fn too_long(ctx: &str, label: &str, max: usize, len: usize) -> String {
    sentence(
        ctx,
        &format!("enter “{label}” in {max} characters or fewer (it is now {len})."),
    )
}

pub fn furigana_not_katakana(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!(
            "enter “{label}” in full-width katakana (for example, ヤマダ タロウ). Hiragana and half-width katakana are changed to full-width katakana for you."
        ),
    )
}

pub fn integer_shape(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!("enter “{label}” as a whole number without a decimal point (for example, 18500)."),
    )
}

/// A comma outside groups of three (“18,50”, “7,5”): never guessed, because dropping it
/// would change the number. `decimal_reading` is the typed number with the comma as a
/// decimal point (“7.5”), shown for fields that take decimals.
pub fn comma_misplaced(
    ctx: &str,
    label: &str,
    typed: &str,
    decimals_allowed: bool,
    decimal_reading: Option<&str>,
) -> String {
    let how = if decimals_allowed {
        let example = decimal_reading.unwrap_or("37.5");
        format!(
            "Use a dot for the decimal point, as in “{example}”, and put thousands commas after every 3 digits, as in “18,500”"
        )
    } else {
        "Put thousands commas after every 3 digits, as in “18,500”, or leave the commas out, as in “18500”".to_string()
    };
    sentence(
        ctx,
        &format!("the comma in “{typed}” for “{label}” is in the wrong place. {how}."),
    )
}

/// Text after the number that is not the field's unit (“10 sheets” where the unit is times).
/// `unit` is the field's own unit, empty when it has none.
pub fn number_with_unit(ctx: &str, label: &str, typed: &str, suffix: &str, unit: &str) -> String {
    let unit_note = if unit.is_empty() {
        String::new()
    } else {
        format!(" (the unit of this box is “{}”)", unit.trim())
    };
    sentence(
        ctx,
        &format!(
            "remove “{suffix}” from “{typed}” for “{label}” and enter only the number{unit_note}."
        ),
    )
}

pub fn out_of_range(ctx: &str, label: &str, min: &str, max: &str, unit: &str) -> String {
    sentence(
        ctx,
        &format!("enter a value from {min}{unit} to {max}{unit} for “{label}”."),
    )
}

pub fn at_most(ctx: &str, label: &str, max: &str, unit: &str) -> String {
    sentence(
        ctx,
        &format!("enter a value of {max}{unit} or less for “{label}”."),
    )
}

pub fn at_least(ctx: &str, label: &str, min: &str, unit: &str) -> String {
    sentence(
        ctx,
        &format!("enter a value of {min}{unit} or more for “{label}”."),
    )
}

pub fn decimal_shape(ctx: &str, label: &str, scale: u32) -> String {
    if scale == 0 {
        integer_shape(ctx, label)
    } else {
        sentence(
            ctx,
            &format!(
                "enter “{label}” as a number (up to {} after the decimal point; for example, 37.5).",
                count_of(scale as usize, "digit", "digits")
            ),
        )
    }
}

pub fn decimal_scale(ctx: &str, label: &str, scale: u32) -> String {
    sentence(
        ctx,
        &format!(
            "enter “{label}” with no more than {} after the decimal point.",
            count_of(scale as usize, "digit", "digits")
        ),
    )
}

pub fn weekly_hours_range(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!(
            "enter “{label}” as the hours in one week: more than 0 hours and no more than 168 hours (for example, 37.5)."
        ),
    )
}

pub fn weekly_hours_unusual(ctx: &str, label: &str, hours: &str) -> String {
    sentence(
        ctx,
        &format!(
            "“{label}” is {hours} hours a week. This is more than 80 hours, so check that it is the hours for one week."
        ),
    )
}

pub fn date_incomplete(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!("enter all of the year, month and day of “{label}”."),
    )
}

pub fn date_shape(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!(
            "enter “{label}” in digits: the year (4-digit Western year), the month and the day (for example, year 2024, month 8, day 1)."
        ),
    )
}

pub fn date_invalid(ctx: &str, label: &str, year: i32, month: u8, day: u8) -> String {
    sentence(
        ctx,
        &format!(
            "“{label}”: year {year}, month {month}, day {day} is not a real date. Enter a correct date."
        ),
    )
}

pub fn date_too_early(ctx: &str, label: &str, earliest: &str) -> String {
    sentence(
        ctx,
        &format!(
            "enter a date on or after {earliest} for “{label}”. If the date is earlier, contact the Regional Bureau of Health and Welfare for your area."
        ),
    )
}

pub fn date_too_late(ctx: &str, label: &str, latest: &str) -> String {
    sentence(
        ctx,
        &format!("enter a date on or before {latest} for “{label}”."),
    )
}

pub fn choice_unknown(ctx: &str, label: &str) -> String {
    sentence(ctx, &format!("choose “{label}” from the options given."))
}

pub fn institution_code_class_mismatch(
    code_class: FeeScheduleClass,
    account_class: FeeScheduleClass,
) -> String {
    format!(
        "The 3rd digit of the medical institution code (the fee-schedule number) means {}, but this account is {}. Enter a medical institution code for {}.",
        class_label(code_class),
        class_label(account_class),
        class_label(account_class)
    )
}

pub fn institution_code_account_mismatch(account_code: &str) -> String {
    format!(
        "This is different from the medical institution code of the account you are logged in with ({account_code}). Enter this account's medical institution code."
    )
}

pub fn institution_code_check_digit_warning(expected: u8) -> String {
    format!(
        "The 10th digit of the medical institution code (the check digit) does not match the calculated value ({expected}). Check for typing mistakes. If this is a correct old code without a check digit, carry on and mark this point as checked on the review page before you submit."
    )
}

pub fn registration_number_shape(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!(
            "enter “{label}” as the prefecture abbreviation (one kanji), then 医, 歯 or 薬, then the number (for example, 阪医52752)."
        ),
    )
}

pub fn registration_number_prefecture(ctx: &str, label: &str, first: char) -> String {
    sentence(
        ctx,
        &format!(
            "the first character of “{label}”, “{first}”, is not a prefecture abbreviation. Check the symbol on the registration certificate (保険医・保険薬剤師登録票) and enter it again (for example, 阪医52752)."
        ),
    )
}

pub fn registration_number_profession(
    ctx: &str,
    label: &str,
    found: char,
    class: &str,
    expected: char,
) -> String {
    sentence(
        ctx,
        &format!(
            "the symbol “{found}” in “{label}” cannot be used in a {class} notification. For {class}, enter a registration symbol and number with “{expected}”."
        ),
    )
}

pub fn phone_shape(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!("enter “{label}” as 10 or 11 digits starting with 0 (for example, 03-1234-5678)."),
    )
}

pub fn postal_code_shape(ctx: &str, label: &str) -> String {
    sentence(
        ctx,
        &format!("enter “{label}” as 7 digits (for example, 100-0001)."),
    )
}

pub fn group_too_few_rows(label: &str, row_label: &str, min: usize) -> String {
    format!(
        "Enter at least {} of “{row_label}” in “{label}”.",
        count_of(min, "row", "rows")
    )
}

pub fn group_too_many_rows(label: &str, max: usize, count: usize) -> String {
    format!(
        "“{label}” can have up to {max} rows (there are now {count}). If you have more than {max}, split them over separate notifications."
    )
}

pub fn group_row_invalid(row_label: &str, index: usize) -> String {
    format!(
        "{} could not be read. Delete this row and enter it again.",
        row_heading(row_label, index)
    )
}

// Common pages
pub const HEADER_PAGE: &str = "Notifier and contact details";
pub const HEADER_PAGE_INTRO: &str = "Enter the contact details the Regional Bureau of Health and Welfare should use if it has questions about this notification.";
pub const INSTITUTION_CODE: &str = "Medical institution code";
pub const INSTITUTION_CODE_HINT: &str = "The 10-digit medical institution code (for pharmacies, the pharmacy code). For example, 1310100019. The code of the account you are logged in with is filled in.";
pub const CONTACT_NAME: &str = "Name of the contact person";
pub const CONTACT_NAME_HINT: &str = "For example, 届出 花子";
pub const CONTACT_PHONE: &str = "Phone number of the contact person";
pub const PHONE_HINT: &str = "A number we can reach during the day. For example, 03-1234-5678. Full-width digits are changed to half-width.";
pub const DECLARATIONS_PAGE: &str = "Declarations for this notification";
pub const DECLARATIONS_PAGE_INTRO: &str = "Read each of the following and tick it if it is true. If any of them is not true, contact the Regional Bureau of Health and Welfare for your area.";
pub const DECL_NO_IMPROPER_FILING: &str = "No improper notifications";
pub const DECL_NO_IMPROPER_FILING_STATEMENT: &str = "In the 6 months before this notification, we have not made any dishonest or improper notification (limited to those required by law) on the matters notified.";
pub const DECL_NO_NOTICE_VIOLATION: &str = "No breach of the standards for posted notices";
pub const DECL_NO_NOTICE_VIOLATION_STATEMENT: &str = "In the 6 months before this notification, we have not breached the standards for posted notices and similar matters set by the Minister of Health, Labour and Welfare, and we are not in breach now.";
pub const DECL_NO_INSPECTION_FINDINGS: &str = "No improper conduct found in inspections";
pub const DECL_NO_INSPECTION_FINDINGS_STATEMENT: &str = "In the 6 months before this notification, no inspection under Article 78(1) of the Health Insurance Act or similar provisions has found dishonest or improper conduct in our medical care or in our claims for medical fees.";
pub const DECL_NO_STAFFING_SHORTFALL: &str = "Patient numbers and staffing within the standards";
pub const DECL_NO_STAFFING_SHORTFALL_STATEMENT: &str = "At the time of this notification, we are not an insurance medical institution that falls under the standards set by the Minister of Health, Labour and Welfare for inpatient numbers or for the number of doctors and other staff (that is, we do not have too many patients or too few staff).";
pub const FILING_PAGE: &str = "Notification date and founder";
pub const FILING_PAGE_INTRO: &str = "Enter the notification date, and the address, name and founder of the insurance medical institution or insurance pharmacy.";
pub const FILING_DATE: &str = "Notification date";
pub const FILING_DATE_HINT: &str =
    "Usually today's date. Use the Western year. For example, year 2024, month 11, day 18";
pub const INSTITUTION_NAME: &str =
    "Name of the insurance medical institution or insurance pharmacy";
pub const INSTITUTION_NAME_HINT: &str =
    "The official name under which it is designated. For example, とどけ内科クリニック";
pub const POSTAL_CODE: &str = "Postal code of the address";
pub const POSTAL_CODE_HINT: &str = "7 digits. For example, 100-0001";
pub const INSTITUTION_ADDRESS: &str = "Address";
pub const ADDRESS_HINT: &str = "Start with the prefecture. For example, 東京都千代田区千代田1-1";
pub const FOUNDER_NAME: &str =
    "Name of the founder (for a corporation, its name and the name of its representative)";
pub const FOUNDER_NAME_HINT: &str = "For example, 医療法人とどけ会 理事長 届出 太郎";

// Staff fields
pub const STAFF_NAME: &str = "Name";
pub const STAFF_NAME_HINT: &str =
    "Put a space between the family name and the given name. For example, 山田 太郎";
pub const STAFF_FURIGANA: &str = "Name in katakana (フリガナ)";
pub const FURIGANA_HINT: &str = "Full-width katakana. For example, ヤマダ タロウ. Hiragana and half-width katakana are changed to full-width katakana.";
pub const REGISTRATION_NUMBER: &str = "Registration symbol and number";
pub const REGISTRATION_NUMBER_HINT: &str = "The symbol and number on the registration certificate of the insurance doctor or pharmacist (保険医・保険薬剤師登録票). For example, 阪医52752";
pub const EMPLOYMENT: &str = "Full-time or part-time";
pub const FULL_TIME: &str = "Full-time";
pub const PART_TIME: &str = "Part-time";
pub const WEEKLY_HOURS: &str = "Working hours per week";
pub const WEEKLY_HOURS_HINT: &str = "Up to 1 digit after the decimal point. For example, 37.5";
pub const STANDARD_WEEKLY_HOURS: &str = "Standard working hours per week";
pub const STANDARD_WEEKLY_HOURS_DEFAULT: &str = "Not entered (calculated as 32 hours)";
pub const STANDARD_WEEKLY_HOURS_HINT_STAFF_CHANGE: &str = "The weekly working hours of full-time staff set in your work rules. If you leave this empty, 32 hours is used. For example, 40";
pub const STANDARD_WEEKLY_HOURS_HINT_PERIODIC: &str = "The weekly working hours of full-time staff set in your work rules. For the full-time equivalent, hours are divided by 32 even if this is less than 32. For example, 40";

// 保険医・保険薬剤師の異動
pub const STAFF_CHANGE_TITLE: &str = "Changes in insurance doctors and pharmacists";
pub const STAFF_CHANGE_DESCRIPTION: &str = "Notify the hiring or leaving of insurance doctors and insurance pharmacists, a change in their working pattern, or a change of name (notification of change in registered details, 届出事項変更（異動）届).";
pub const STAFF_CHANGE_PAGE: &str = "Insurance doctors and pharmacists who changed";
pub const STAFF_CHANGE_PAGE_INTRO: &str =
    "Enter each insurance doctor or pharmacist with a change on one row (up to 50 people).";
pub const STAFF_CHANGE_GROUP: &str = "Insurance doctors and pharmacists who changed";
pub const STAFF_CHANGE_ROW: &str = "Insurance doctor or pharmacist";
pub const CHANGE_TYPE: &str = "Type of change";
pub const CHANGE_HIRE: &str = "Hired";
pub const CHANGE_LEAVE: &str = "Left";
pub const CHANGE_WORK_PATTERN: &str = "Change of working pattern";
pub const CHANGE_NAME: &str = "Change of name";
pub const PREVIOUS_NAME: &str = "Previous name";
pub const PREVIOUS_NAME_HINT: &str = "Enter this if the type of change is “Change of name”.";
pub const DEPARTMENT: &str = "Department";
pub const DEPARTMENT_HINT: &str = "For example, internal medicine";
pub const CHANGE_DATE: &str = "Date of change";
pub const CHANGE_DATE_HINT: &str =
    "The date of hiring, leaving or the change. For example, year 2024, month 11, day 1";
pub const FULL_TIME_THRESHOLD: &str = "Weekly hours needed for full-time";
pub const FULL_TIME_THRESHOLD_FORMULA: &str =
    "The smaller of the standard weekly working hours and 32 hours (32 hours if not entered)";
pub const FULL_TIME_HOURS_SECTION: &str = "Check of full-time working hours";
pub const FULL_TIME_HOURS_FORMULA: &str =
    "Weekly hours of a full-time person ≥ weekly hours needed for full-time";

pub fn full_time_hours_label(row: &str) -> String {
    format!("Full-time working hours of {row}")
}

pub fn full_time_hours_below_standard(row: &str, hours: &str, threshold: &str) -> String {
    format!(
        "{row} is full-time, but the weekly working hours are {hours}. Full-time needs at least {threshold} a week (the smaller of the standard weekly working hours and 32 hours). Check the working hours, or choose “Part-time”."
    )
}

// 地域支援体制加算
pub const REGIONAL_SUPPORT_TITLE: &str =
    "Facility standard for the regional support system addition (地域支援体制加算)";
pub const REGIONAL_SUPPORT_DESCRIPTION: &str = "Notify the regional support system addition of an insurance pharmacy (standards of the 2024 fee revision). Results are checked per 10,000 prescriptions received.";
pub const LEVEL_PAGE: &str = "Basic dispensing fee class and the addition you file";
pub const LEVEL_PAGE_INTRO: &str = "Additions 1 and 2 are for pharmacies with basic dispensing fee 1; additions 3 and 4 are for pharmacies with any other basic dispensing fee.";
pub const BASIC_FEE_CLASS: &str = "Basic dispensing fee class";
pub const BASIC_FEE_CLASS_HINT: &str =
    "Choose the basic dispensing fee class you have currently notified.";
pub const BASIC_FEE_1: &str = "Basic dispensing fee 1";
pub const BASIC_FEE_OTHER: &str = "Other than basic dispensing fee 1";
pub const LEVEL: &str = "Addition to file";
pub const LEVEL_HINT: &str =
    "If you choose a level whose requirements are not met, a warning is shown on the review page.";
pub const LEVEL_1: &str = "Regional support system addition 1";
pub const LEVEL_2: &str = "Regional support system addition 2";
pub const LEVEL_3: &str = "Regional support system addition 3";
pub const LEVEL_4: &str = "Regional support system addition 4";
pub const PRESCRIPTIONS_PAGE: &str = "Prescriptions received";
pub const PRESCRIPTIONS_PAGE_INTRO: &str = "Used to convert the results. If fewer than 10,000 prescriptions were received, 10,000 is used.";
pub const PRESCRIPTIONS: &str = "Prescriptions received in the last year";
pub const PRESCRIPTIONS_HINT: &str =
    "For example, 18500. Full-width digits and commas are corrected for you.";
pub const BASE_SECTION: &str = "Prescriptions used for the conversion";
pub const BASE_LABEL: &str = "Prescriptions used for the conversion";
pub const BASE_FORMULA: &str = "The larger of the prescriptions received and 10,000";
pub const ACHIEVEMENTS_PAGE: &str = "Results in the last year";
pub const ACHIEVEMENTS_PAGE_INTRO: &str = "Items ① to ⑨ are compared per 10,000 prescriptions received; item ⑩ is compared as the count itself. The converted results appear as you type.";
pub const ITEM_NIGHT_HOLIDAY: &str = "Night, holiday and similar dispensing";
pub const ITEM_NARCOTICS: &str = "Narcotics dispensing";
pub const ITEM_DUPLICATE_PREVENTION: &str =
    "Additions for preventing duplicate medication, interactions and similar";
pub const ITEM_KAKARITSUKE: &str = "Family pharmacist (かかりつけ薬剤師) guidance fee and similar";
pub const ITEM_OUTPATIENT_SUPPORT: &str = "Outpatient medication support fee 1";
pub const ITEM_MEDICATION_ADJUSTMENT: &str = "Medication adjustment support fee";
pub const ITEM_HOME_VISITS: &str = "Pharmaceutical management and guidance for home patients (when there is 1 patient in the same building)";
pub const ITEM_INFORMATION_PROVISION: &str = "Medication information provision fee";
pub const ITEM_PEDIATRIC: &str = "Pediatric specific addition claimed";
pub const ITEM_MEETINGS: &str = "Attendance at meetings with other professions";
pub const ITEM_HINT_PER_10K: &str =
    "The count in the last year. It is converted per 10,000 prescriptions received and compared.";
pub const ITEM_HINT_RAW: &str = "The count in the last year. It is compared without conversion.";
pub const ITEM_COUNT: &str = "Count";
pub const PER_10K_SECTION: &str = "Results per 10,000 prescriptions received";
pub const PER_10K_FORMULA: &str =
    "Count ÷ prescriptions used for the conversion × 10,000 (rounded down to 2 decimal places)";
pub const RAW_COUNT_FORMULA: &str = "Count (not converted)";
pub const LEVEL_CHECK_SECTION: &str = "Requirements for the addition";
pub const LEVEL_CHECK_FORMULA: &str =
    "Number of items that meet their standard (including any required item)";
pub const ITEMS_MET: &str = "Items met";
pub const ITEMS_NOT_MET: &str = "Items not met";

/// “① Night, holiday and similar dispensing”
pub fn item_label(number: char, label: &str) -> String {
    format!("{number} {label}")
}

pub fn item_count(n: usize) -> String {
    count_of(n, "item", "items")
}

pub fn level_check_label(level: u8) -> String {
    format!("Requirements for regional support system addition {level}")
}

/// “3 or more items, including ④”
pub fn level_requirement(min_items: usize, mandatory: &str) -> String {
    if mandatory.is_empty() {
        format!("{min_items} or more items")
    } else {
        format!("{min_items} or more items, including {mandatory}")
    }
}

pub fn level_not_allowed(level: u8, needs: &str, current: &str, allowed: &[u8]) -> String {
    let allowed: Vec<String> = allowed.iter().map(|l| format!("addition {l}")).collect();
    format!(
        "Regional support system addition {level} is for pharmacies with {needs}. A pharmacy with {current} should choose {}.",
        allowed.join(" or ")
    )
}

pub fn item_shortfall_per_10k(
    label: &str,
    value: &str,
    threshold: i64,
    base: &str,
    needed: &str,
    mandatory: bool,
) -> String {
    let must = if mandatory { " (required item)" } else { "" };
    format!(
        "{label}{must}: {value} per 10,000 prescriptions, but at least {threshold} are needed (for prescriptions received {base}, that means at least {needed})"
    )
}

pub fn item_shortfall_raw(label: &str, count: &str, threshold: &str, mandatory: bool) -> String {
    let must = if mandatory { " (required item)" } else { "" };
    format!("{label}{must}: {count}, but at least {threshold} are needed")
}

/// The lead of the warning; the items not met follow it as a list (`Issue::details`).
pub fn level_requirements_not_met(
    level: u8,
    met: usize,
    requirement: &str,
    unmet: usize,
) -> String {
    format!(
        "The requirements for regional support system addition {level} are not met. Items met: {met}; needed: {requirement}. Check the counts, or reconsider which addition you file. If you can confirm that the requirements are met, mark this point as checked on the review page and submit. The {unmet} items not met are:"
    )
}

// 定例報告
pub const PERIODIC_TITLE: &str = "Periodic report (staff working status)";
pub const PERIODIC_DESCRIPTION: &str = "Part of the periodic report on facility standards: report the working status of your staff and the full-time equivalent numbers as of the report date.";
pub const BASIS_PAGE: &str = "Report date and standard working hours";
pub const BASIS_PAGE_INTRO: &str = "Report the situation as of the report date.";
pub const AS_OF_DATE: &str = "Report date";
pub const AS_OF_FORMULA: &str = "The report date set by the Regional Bureau of Health and Welfare (1 August since fiscal year 2024)";
pub const DIVISOR_LABEL: &str = "Full-time equivalent divisor";
pub const DIVISOR_FORMULA: &str = "The larger of the standard weekly working hours and 32 hours";
pub const PERIODIC_STAFF_PAGE: &str = "Staff working status";
pub const PERIODIC_STAFF_PAGE_INTRO: &str = "Enter each member of staff on the report date on one row (up to 500 people). The full-time equivalent is shown for each row. Each person's value is shown unrounded, and the total of those values is rounded down to one decimal place for the report.";
pub const PERIODIC_STAFF_GROUP: &str = "Staff list";
pub const PERIODIC_STAFF_ROW: &str = "Staff member";
pub const JOB_TYPE: &str = "Job";
pub const JOB_DOCTOR: &str = "Doctor";
pub const JOB_DENTIST: &str = "Dentist";
pub const JOB_PHARMACIST: &str = "Pharmacist";
pub const JOB_NURSE: &str = "Nurse";
pub const JOB_ASSISTANT_NURSE: &str = "Assistant nurse";
pub const JOB_DENTAL_HYGIENIST: &str = "Dental hygienist";
pub const JOB_CLERK: &str = "Office staff";
pub const JOB_OTHER: &str = "Other";
pub const FTE_SECTION: &str = "Full-time equivalent";
pub const FTE_FULL_TIME_FORMULA: &str = "A full-time person counts as 1.0";
pub const FTE_PART_TIME_FORMULA: &str =
    "Weekly working hours ÷ full-time equivalent divisor (at most 1.0 per person, not rounded)";
pub const FTE_CAPPED: &str = "Upper limit";
pub const FTE_CAPPED_VALUE: &str = "Hours above the divisor count as 1.0";
pub const EXACT_VALUE: &str = "Value before rounding";
pub const TOTALS_PAGE: &str = "Totals and ratio";
pub const TOTALS_PAGE_INTRO: &str = "Enter the totals you write in the report. We check that they match the values calculated from the staff list.";
pub const DECLARED_FULL_TIME_COUNT: &str = "Number of full-time staff";
pub const DECLARED_FULL_TIME_COUNT_HINT: &str = "For example, 3";
pub const DECLARED_FTE_TOTAL: &str = "Total full-time equivalent";
pub const DECLARED_FTE_TOTAL_HINT: &str =
    "Round down to 1 decimal place and enter it with 1 decimal place. For example, 4.6";
pub const TOTALS_SECTION: &str = "Calculated totals";
pub const COMPUTED_FULL_TIME_COUNT: &str = "Number of full-time staff (calculated)";
pub const FULL_TIME_COUNT_FORMULA: &str = "Number of rows marked “Full-time” in the staff list";
pub const COMPUTED_FTE_TOTAL: &str = "Total full-time equivalent (calculated)";
pub const PART_TIME_HOURS_TOTAL: &str =
    "Total weekly working hours of part-time staff (at most the divisor per person)";
pub const FTE_TOTAL_FORMULA: &str = "Total of everyone's full-time equivalent = (number of full-time staff × divisor + total part-time hours) ÷ divisor, rounded down to 1 decimal place";
pub const RATIO_NAME: &str = "Name of the ratio";
pub const RATIO_NAME_HINT: &str = "Enter this if the facility standard asks for a ratio. For example, share of registered nurses among nursing staff";
pub const RATIO_NUMERATOR: &str = "Ratio numerator";
pub const RATIO_DENOMINATOR: &str = "Ratio denominator";
pub const RATIO_NUMBER_HINT: &str =
    "A number of people or a full-time equivalent (up to 1 decimal place). For example, 4.5";
pub const DECLARED_RATIO: &str = "Ratio (%)";
pub const DECLARED_RATIO_HINT: &str = "Up to 1 decimal place. For example, 66.7";
pub const RATIO_SECTION: &str = "Ratio (calculated)";
pub const RATIO_FORMULA: &str = "Numerator ÷ denominator × 100 (rounded to 1 decimal place; the value rounded down to 1 decimal place is also accepted)";
pub const RATIO_DENOMINATOR_ZERO: &str =
    "The ratio denominator is 0. Enter a value greater than 0.";
pub const RATIO_NUMERATOR_EXCEEDS: &str =
    "The ratio numerator is larger than the denominator. Check the numerator and the denominator.";

pub fn fte_row_label(row: &str) -> String {
    format!("Full-time equivalent of {row}")
}

pub fn ratio_part_required(label: &str) -> String {
    format!(
        "To give a ratio, also enter “{label}”. If you are not giving a ratio, leave all the ratio boxes empty."
    )
}

pub fn declared_full_time_count_mismatch(declared: &str, computed: &str) -> String {
    format!(
        "The number of full-time staff is given as {declared}, but the staff list has {computed} marked “Full-time”. Change the number to {computed}, or check the staff list."
    )
}

pub fn declared_fte_total_mismatch(declared: &str, computed: &str, exact: &str) -> String {
    format!(
        "The total full-time equivalent is given as {declared}, but calculated from the staff list it is {computed} ({exact} rounded down to 1 decimal place). Change the total to {computed}, or check the staff list."
    )
}

pub fn declared_ratio_mismatch(declared: &str, exact: &str, accepted: &str) -> String {
    format!(
        "The ratio is given as {declared}, but numerator ÷ denominator × 100 is {exact}%. Change the ratio to {accepted}, or check the numerator and the denominator."
    )
}

// 利用終了届出
pub const END_OF_USE_TITLE: &str = "Notification of end of use (form 5)";
pub const END_OF_USE_DESCRIPTION: &str = "End the use of online applications and notifications with this user ID. After a change of medical institution code or fee-schedule class, or a move, submit a notification of start of use (form 1) with the new code.";
pub const END_REASON_PAGE: &str = "Reason and date for ending use";
pub const END_REASON_PAGE_INTRO: &str =
    "Enter why you are ending use, and the last day you will use this user ID.";
pub const END_REASON: &str = "Reason for ending use";
pub const END_REASON_CODE_OR_CLASS: &str =
    "Change of medical institution code or fee-schedule class";
pub const END_REASON_RELOCATION: &str = "Move to a new address";
pub const END_REASON_CLOSURE: &str = "Closure (of the clinic, hospital or pharmacy)";
pub const END_REASON_OTHER: &str = "Other";
pub const END_REASON_OTHER_TEXT: &str = "Other reason";
pub const END_REASON_OTHER_HINT: &str =
    "Enter this if you chose “Other” as the reason (200 characters or fewer).";
pub const LAST_DAY_OF_USE: &str = "Last day of use";
pub const LAST_DAY_OF_USE_HINT: &str =
    "The last day you will use this user ID. For example, year 2024, month 12, day 31";
pub const END_CONFIRM_PAGE: &str = "Confirm end of use";
pub const DECL_END_OF_USE: &str = "I have checked the end of use";
pub const DECL_END_OF_USE_STATEMENT: &str = "I have checked that what I entered is correct, and that from the day after the last day of use it will no longer be possible to log in with this user ID.";
