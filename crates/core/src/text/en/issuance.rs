//! English text of bulk issuance: the operator's import report and the mailed
//! “Notice of user ID and initial password” (ユーザID・初期パスワード通知, the letter). Wording
//! follows the seed notice; the FAQ answers are the seed's frequently asked questions
//! (【5】よくあるお問い合わせ), shortened where they describe another system's screens.

// ---- Import report ---------------------------------------------------------------------------

pub const IMPORT_REJECTED_HEADING: &str = "The import was stopped. The file has errors, so nothing was registered. Correct the following rows and import the file again.";

pub fn import_row_heading(row: usize) -> String {
    format!("Row {row}: ")
}

pub fn import_file_unreadable(detail: &str) -> String {
    format!("The file could not be read ({detail}).")
}

pub fn import_header_missing(column: &str) -> String {
    format!("The header row has no “{column}” column. Put the column names in the first row.")
}

pub const IMPORT_EMPTY: &str = "There are no rows to import. Enter the medical institutions from the row after the header row.";
pub const IMPORT_CLASS_UNKNOWN: &str =
    "Enter the fee-schedule class as medical, dental or pharmacy (or as “医科”, “歯科” or “調剤”).";
pub const IMPORT_PREFECTURE_UNKNOWN: &str =
    "Enter the prefecture name correctly, in Japanese (for example, 広島県).";
pub const IMPORT_POSTAL_CODE: &str =
    "Enter the postal code as 7 digits (for example, 730-0011 or 7300011).";
pub const IMPORT_NAME_REQUIRED: &str = "Enter the name.";
pub const IMPORT_NAME_TOO_LONG: &str = "Enter the name in 100 characters or fewer.";
pub const IMPORT_ADDRESS_REQUIRED: &str = "Enter address line 1.";
pub const IMPORT_ADDRESS_TOO_LONG: &str = "Enter each address line in 100 characters or fewer.";

pub fn import_column_count(expected: usize, found: usize) -> String {
    format!(
        "The number of columns does not match the header row (header {expected} columns, this row {found} columns)."
    )
}

pub fn import_month_invalid(month: &str) -> String {
    format!(
        "Enter the online claim month “{month}” as a 4-digit Western year and a 2-digit month, such as “2024-10”."
    )
}

pub fn import_duplicate(first_row: usize) -> String {
    format!(
        "Row {first_row} has the same medical institution code and fee-schedule class. Combine them into one row."
    )
}

// ---- Issuance and reissue --------------------------------------------------------------------

pub fn claim_month_invalid(month: &str) -> String {
    format!(
        "Give --claim-month “{month}” as a 4-digit Western year and a 2-digit month, such as “2024-10”."
    )
}

pub fn letter_font_unreadable(path: &str, detail: &str) -> String {
    format!(
        "The letter font “{path}” could not be read ({detail}). Set TODOKE_LETTER_FONT to the location of a TrueType font."
    )
}

pub const FONT_NOT_TRUETYPE: &str = "it cannot be read as TrueType/OpenType";

pub fn letter_output_failed(detail: &str) -> String {
    format!("The letters could not be written ({detail}). The issuance has been cancelled.")
}

pub fn account_not_found(user_id: &str) -> String {
    format!("No user with user ID “{user_id}” was found.")
}

pub fn account_already_ended(user_id: &str) -> String {
    format!("The use of user ID “{user_id}” has already ended.")
}

pub fn end_of_use_filing_without_date(arrival_number: &str) -> String {
    format!(
        "The notification of end of use with arrival number {arrival_number} has no last day of use. Check the content of the notification. Nothing has been processed."
    )
}

pub const REISSUE_TARGET_MISSING: &str = "Give either a user ID or --requests, but not both (--dry-run is used together with --requests).";

pub const END_USE_TARGET_MISSING: &str =
    "Give either a user ID or --filings, but not both (--dry-run is used together with --filings).";

pub fn reissue_not_applicant(user_id: &str) -> String {
    format!(
        "User ID “{user_id}” is not a medical institution user, so its letter cannot be reissued."
    )
}

pub fn institution_address_missing(code: &str) -> String {
    format!(
        "No mailing address is registered for medical institution code {code}. Import it first with import-institutions."
    )
}

// ---- The letter ------------------------------------------------------------------------------

pub const LETTER_TITLE: &str = "Notice of user ID and initial password";
pub const LETTER_REISSUE_TITLE: &str = "Notice of user ID and initial password (reissued)";
/// Written after the addressee's name in Japanese (様); English adds nothing there.
pub const LETTER_HONORIFIC: &str = "";
/// The Japanese postal mark, kept: the address block is a Japanese address for Japan Post.
pub const LETTER_POSTAL_MARK: &str = "〒";
pub const LETTER_SENDER: &str =
    "Medical Economics Division, Health Insurance Bureau, Ministry of Health, Labour and Welfare";
pub const LETTER_INTRO: &str = "This is your user ID and initial password for the Online Application and Notification System for Insurance Medical Institutions (保険医療機関等電子申請・届出等システム). With it you can file online some of the applications and notifications you now send on paper to the Regional Bureau of Health and Welfare.";
pub const LETTER_REISSUE_INTRO: &str = "Your user ID and initial password have been issued again. The previous initial password, and any password you changed it to, can no longer be used.";
pub const LETTER_USER_ID_LABEL: &str = "User ID";
pub const LETTER_PASSWORD_LABEL: &str = "Initial password";
pub const LETTER_CREDENTIALS_NOTE: &str = "The digits 0 (zero) and 1 (one) and the letters O (capital o), I (capital i) and l (small L) are not used. Upper and lower case are different: type them exactly as shown.";
pub const LETTER_KEEP_SAFE: &str =
    "Keep this notice safe where others cannot see it. The user ID and password do not expire.";
pub const LETTER_INSTITUTION_LABEL: &str = "Medical institution code and fee-schedule class";

pub const LETTER_STEPS_HEADING: &str = "How to log in for the first time";
pub const LETTER_STEPS: [&str; 5] = [
    "1. Start your browser and type the following URL in the address bar (take care to type it correctly).",
    "2. When the certificate selection screen appears, choose the certificate that includes “Online Billing NW Common Root CA”.",
    "3. On the login page, enter the user ID and initial password above and press the “Log in” button.",
    "4. On the “Change password” page, enter the current password (the initial password) and then the new password twice, and press the “Change password” button.",
    "5. You are done when the “Notifications and applications” list appears. From the second login on, the password change page is not shown.",
];

pub const LETTER_RULES_HEADING: &str = "Rules for the new password";
pub const LETTER_RULES: [&str; 3] = [
    "• Length: 10 to 20 characters",
    "• At least one each of the 4 kinds: upper-case letter, lower-case letter, digit and symbol (all half-width)",
    "• It must not contain your user ID",
];

pub const LETTER_HOURS_HEADING: &str = "Service hours";
pub const LETTER_HOURS: &str = "Monday to Saturday, 8:00 to 21:00";

pub const LETTER_FAQ_HEADING: &str = "Frequently asked questions";
pub const LETTER_FAQ: [(&str, &str); 10] = [
    (
        "Q1 What does the system do?",
        "A1 It lets you file over the network some of the applications that used to be made on paper. For details, see “System overview” (システム概要) on the website of each Regional Bureau of Health and Welfare.",
    ),
    (
        "Q2 Can I still apply on paper?",
        "A2 Yes, you can still apply on paper.",
    ),
    (
        "Q3 If I apply in the system, do I also need to send the same content on paper?",
        "A3 No, you do not need to send the same content on paper.",
    ),
    (
        "Q4 Is there a fee for using the system?",
        "A4 No, there is no fee.",
    ),
    (
        "Q5 What exactly do I need to use the system?",
        "A5 See “Service overview” (サービス概要) under “System overview” on the website of each Regional Bureau of Health and Welfare.",
    ),
    (
        "Q6 What should I do if I lose the “Notice of user ID and initial password”?",
        "A6 It can be issued again. Request it on this system's login page (“Request a new notice if yours is lost”); the notice is posted to the registered address.",
    ),
    (
        "Q7 Do I need an electronic certificate to use the system?",
        "A7 If you have the electronic certificate issued for the online billing network, you do not need a new one.",
    ),
    (
        "Q8 What if I cannot log in, for example because the login button does not work?",
        "A8 JavaScript may be turned off in your browser. In Internet Options, add this system to “Trusted sites”.",
    ),
    (
        "Q9 What do I do if our medical institution code or fee-schedule class (medical, dental or pharmacy) changes?",
        "A9 You need to end the use of your current user ID (form 5, notification of end of use) and start use with the new medical institution code and fee-schedule class (form 1, notification of start of use). The same applies if you move.",
    ),
    (
        "Q10 What if I cannot reach the system even though the URL is correct?",
        "A10 Add this system's domain to your computer's connection settings (proxy exceptions). If that does not solve it, ask your billing-software (レセコン) vendor or your network provider.",
    ),
];

pub fn letter_batch_footer(batch: u8, prefecture: &str, page: usize, pages: usize) -> String {
    format!("Batch {batch}  {prefecture}  {page}/{pages}")
}

// ---- Mailing schedule (seed attachment 2, 別添2 郵送スケジュール) ----------------------------

/// The seed's mailing schedule: the expected arrival of each mailing batch, in batch order
/// (which prefectures each batch serves is data: `issuance::schedule` in the server).
pub const MAILING_ARRIVALS: [&str; 9] = [
    "around late November 2024",
    "around early December 2024",
    "around late December 2024",
    "around mid-January 2025",
    "around late January 2025",
    "around mid-February 2025",
    "around late February 2025",
    "around mid-March 2025",
    "around late March 2025",
];

pub const ISSUANCE_CONFLICT: &str = "During issuance, another issuance run registered the same medical institution or user ID, so this issuance was cancelled (no letters were made either). Run it again.";

// Announcement (the list page's announcement area, set with `admin announce`)
pub const ANNOUNCEMENT_TEXT_MISSING: &str = "Give the announcement's text with --text.";
pub fn announcement_text_too_long(max: usize) -> String {
    format!("Keep the announcement's text to {max} characters or fewer.")
}
pub const ANNOUNCEMENT_LINK_INCOMPLETE: &str =
    "To include a link, give both its text (--link-text) and its address (--link-url).";
pub fn announcement_link_text_too_long(max: usize) -> String {
    format!("Keep the link's text to {max} characters or fewer.")
}
pub const ANNOUNCEMENT_URL_NOT_ALLOWED: &str = "Give the link's address as an address starting with https:// or http://, or a path on this site starting with /, without spaces.";
pub const ANNOUNCEMENT_CLEAR_WITH_TEXT: &str =
    "--clear cannot be given with a text. To remove the announcement, give --clear alone.";

pub fn start_of_use_in_use(code: &str, user_id: &str) -> String {
    format!(
        "Medical institution code {code} has user ID {user_id} in use, so no user ID can be issued for the start-of-use notification. Check with the Regional Bureau."
    )
}
