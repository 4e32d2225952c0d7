//! Words and shapes every page shares: general messages, classes, identifiers, the API request
//! shape.

// ---- General -------------------------------------------------------------------------------
pub const SERVICE_NAME: &str =
    "Online Application and Notification System for Insurance Medical Institutions";
pub const SERVICE_SHORT: &str = "Online applications and notifications";
pub const REQUIRED_BADGE: &str = "Required";
pub const OPTIONAL_BADGE: &str = "Optional";
pub const ERROR_PREFIX: &str = "Error: ";
pub const ERROR_SUMMARY_HEADING: &str = "There is a problem with what you entered";
pub const INLINE_ERROR_MARK: &str = "*";
/// The app's header when embedded: a region, named apart from the app's main region.
pub const HEADER_REGION_LABEL: &str = "Online applications and notifications menu";
pub const SKIP_TO_MAIN: &str = "Skip to main content";
pub const MANUAL_LINK: &str = "Manual";
pub const LOGOUT: &str = "Log out";
pub const LOADING: &str = "Loading…";
/// A page whose code arrives on demand (`src/routes/chunks.rs`) could not be fetched.
pub const PAGE_CHUNK_FAILED_TITLE: &str = "This page could not be shown";
pub const PAGE_CHUNK_FAILED_BODY: &str = "The program for this page could not be loaded. Check your internet connection, then press “Load again”.";
pub const PAGE_CHUNK_RETRY: &str = "Load again";
pub const SHOW_PASSWORD: &str = "Show password";
pub const HIDE_PASSWORD: &str = "Hide password";
pub const PASSWORD_SHOWN_STATUS: &str = "The password is shown.";
pub const PASSWORD_HIDDEN_STATUS: &str = "The password is hidden.";
pub const RULE_MET: &str = "(met)";
pub const RULE_NOT_MET: &str = "(not met yet)";
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_BODY: &str =
    "We could not find the page you were looking for. Check that the address is correct.";
pub const BACK_TO_TOP: &str = "Back to the notifications and applications list";
pub const BACK_TO_LOGIN: &str = "Back to the login page";
pub const NETWORK_ERROR: &str = "We could not connect to the server. Check your internet connection and try again. What you entered has been kept.";
pub const UNEXPECTED_ERROR: &str = "Something went wrong in the system. Wait a while and try again. What you entered has been kept.";
pub const VALIDATION_FAILED: &str =
    "There is a problem with what you entered. Read the message next to each item and correct it.";

// ---- Classes --------------------------------------------------------------------------------
pub const CLASS_MEDICAL: &str = "Medical";
pub const CLASS_DENTAL: &str = "Dental";
pub const CLASS_PHARMACY: &str = "Pharmacy";

/// The English label of a fee-schedule class (`FeeScheduleClass::label` is Japanese).
pub(super) fn class_label(class: crate::FeeScheduleClass) -> &'static str {
    match class {
        crate::FeeScheduleClass::Medical => CLASS_MEDICAL,
        crate::FeeScheduleClass::Dental => CLASS_DENTAL,
        crate::FeeScheduleClass::Pharmacy => CLASS_PHARMACY,
    }
}

// ---- Identifiers ----------------------------------------------------------------------------
pub const INSTITUTION_CODE_REQUIRED: &str = "Enter the medical institution code.";
pub const INSTITUTION_CODE_SHAPE: &str = "Enter the medical institution code as 10 digits.";
pub const INSTITUTION_CODE_PREFECTURE: &str = "The first 2 digits of the medical institution code are the prefecture number (01 to 47). Check the code and enter it again.";
pub const INSTITUTION_CODE_CLASS_DIGIT: &str = "The 3rd digit of the medical institution code is the fee-schedule number (1 for medical, 3 for dental, 4 for pharmacy). Check the code and enter it again.";

pub fn institution_code_check_digit(expected: u8) -> String {
    format!(
        "The check digit (10th digit) of the medical institution code does not match (it should be {expected}). Check the code."
    )
}

pub fn institution_code_class_mismatch(code_class: crate::FeeScheduleClass) -> String {
    format!(
        "The fee-schedule digit of the medical institution code means {}. Check the fee-schedule class and the code.",
        class_label(code_class)
    )
}

pub const USER_ID_REQUIRED: &str = "Enter your user ID.";
pub const USER_ID_SHAPE: &str = "Enter your user ID as shown in the mailed notice: 4 to 32 half-width (ordinary) letters, digits and hyphens.";

// ---- API request shape ----------------------------------------------------------------------
pub const JSON_FIELDS_INVALID: &str =
    "Some items of the request are missing or in the wrong format. Reload the page and try again.";

// Prefectures (JIS X 0401 order) and Regional Bureaus of Health and Welfare
pub const PREFECTURE_NAMES: [&str; 47] = [
    "Hokkaido",
    "Aomori",
    "Iwate",
    "Miyagi",
    "Akita",
    "Yamagata",
    "Fukushima",
    "Ibaraki",
    "Tochigi",
    "Gunma",
    "Saitama",
    "Chiba",
    "Tokyo",
    "Kanagawa",
    "Niigata",
    "Toyama",
    "Ishikawa",
    "Fukui",
    "Yamanashi",
    "Nagano",
    "Gifu",
    "Shizuoka",
    "Aichi",
    "Mie",
    "Shiga",
    "Kyoto",
    "Osaka",
    "Hyogo",
    "Nara",
    "Wakayama",
    "Tottori",
    "Shimane",
    "Okayama",
    "Hiroshima",
    "Yamaguchi",
    "Tokushima",
    "Kagawa",
    "Ehime",
    "Kochi",
    "Fukuoka",
    "Saga",
    "Nagasaki",
    "Kumamoto",
    "Oita",
    "Miyazaki",
    "Kagoshima",
    "Okinawa",
];
/// Hokkaido, Tohoku, Kanto-Shinetsu, Tokai-Hokuriku, Kinki, Chugoku-Shikoku, Shikoku, Kyushu.
pub const BUREAU_NAMES: [&str; 8] = [
    "Hokkaido Regional Bureau of Health and Welfare",
    "Tohoku Regional Bureau of Health and Welfare",
    "Kanto-Shinetsu Regional Bureau of Health and Welfare",
    "Tokai-Hokuriku Regional Bureau of Health and Welfare",
    "Kinki Regional Bureau of Health and Welfare",
    "Chugoku-Shikoku Regional Bureau of Health and Welfare",
    "Shikoku Branch Bureau of Health and Welfare",
    "Kyushu Regional Bureau of Health and Welfare",
];

// ---- Punctuation ----------------------------------------------------------------------------
/// “text (aside)”
pub fn parenthetical(text: &str, aside: &str) -> String {
    format!("{text} ({aside})")
}
/// A PDF page footer's page number.
pub fn page_number(page: usize, total: usize) -> String {
    format!("Page {page} of {total}")
}
/// “label: value”
pub fn label_value(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}
/// Between label and value when they are separate elements: “: ”.
pub const LABEL_VALUE_SEPARATOR: &str = ": ";
/// Between the items of a run-in list: “, ”.
pub const LIST_SEPARATOR: &str = ", ";
/// Between the parts of one identifier line: “, ”.
pub const PARTS_SEPARATOR: &str = ", ";
/// Between a row's heading and a field label: “ — ”.
pub const HEADING_SEPARATOR: &str = " — ";
