//! Signing in, the password change, sessions and access, and the operator's account commands with
//! the demo accounts.

// ---- Login ----------------------------------------------------------------------------------
pub const LOGIN_TITLE: &str = "Log in";
pub const LOGIN_LEAD: &str = "Enter the user ID and password from the “Notice of user ID and initial password” (ユーザID・初期パスワード通知) mailed to you.";
pub const USER_ID_LABEL: &str = "User ID";
pub const USER_ID_HINT: &str = "Letters and digits as printed on the mailed notice (for example, H3K9PQ7RW2). Full-width characters are changed to half-width.";
pub const PASSWORD_LABEL: &str = "Password";
pub const LOGIN_BUTTON: &str = "Log in";
pub const LOGGING_IN: &str = "Logging in…";
pub const PASSWORD_REQUIRED: &str = "Enter your password.";
pub const PASSWORD_TOO_LONG_FOR_LOGIN: &str = "The password is too long. Enter the password printed on the mailed notice, or the password you changed it to.";
pub const INVALID_CREDENTIALS: &str =
    "The user ID or password is not correct. Check what you entered and try again.";

pub fn account_locked(minutes: u64) -> String {
    format!(
        "Login with this user ID has been paused because of repeated failed attempts. Wait about {minutes} minutes and try again."
    )
}

pub const LOGGED_OUT_NOTICE: &str = "You have logged out.";
pub const SESSION_EXPIRED_NOTICE: &str =
    "You were logged out for security because nothing was done for a while. Log in again.";
pub const LOGIN_HELP_HEADING: &str = "If you cannot log in";
pub const LOGIN_HELP_LOST: &str = "If your “Notice of user ID and initial password” is lost or has not arrived, you can request a new one without logging in.";
pub const NOSCRIPT: &str = "To use this system, turn on JavaScript in your browser. If the login button does not work, JavaScript may be turned off.";

// ---- Password change ------------------------------------------------------------------------
pub const PASSWORD_CHANGE_TITLE: &str = "Change password";
pub const PASSWORD_CHANGE_LEAD: &str = "The first time you log in, change the initial password to a new password. You cannot use the other pages until you have changed it.";
pub const CURRENT_PASSWORD_LABEL: &str = "Current password";
pub const CURRENT_PASSWORD_HINT: &str =
    "Enter the password you logged in with (the initial password).";
pub const NEW_PASSWORD_LABEL: &str = "New password";
pub const NEW_PASSWORD_CONFIRMATION_LABEL: &str = "New password (again)";
pub const NEW_PASSWORD_CONFIRMATION_HINT: &str =
    "Enter the new password once more, to make sure it is right.";
pub const PASSWORD_CHANGE_BUTTON: &str = "Change password";
pub const PASSWORD_CHANGING: &str = "Changing…";
pub const PASSWORD_RULES_HEADING: &str = "Rules for the new password";
pub const PASSWORD_CHANGED_NOTICE: &str =
    "Your password has been changed. From next time, log in with the new password.";
pub const PASSWORD_RULE_HALF_WIDTH: &str = "Use only half-width (ordinary) letters, digits and symbols (no full-width characters or spaces)";
pub const PASSWORD_RULE_UPPER: &str = "At least one upper-case letter (A to Z)";
pub const PASSWORD_RULE_LOWER: &str = "At least one lower-case letter (a to z)";
pub const PASSWORD_RULE_DIGIT: &str = "At least one digit (0 to 9)";
pub const PASSWORD_RULE_SYMBOL: &str = "At least one symbol (such as ! # $ % &)";
pub const PASSWORD_RULE_EXTRA: &str = "You cannot use your current password, a password containing your user ID, or one that is easy to guess (such as Password1!).";

pub fn password_rule_length(min: usize, max: usize) -> String {
    format!("{min} to {max} characters")
}

pub const PASSWORD_KIND_UPPER: &str = "an upper-case letter";
pub const PASSWORD_KIND_LOWER: &str = "a lower-case letter";
pub const PASSWORD_KIND_DIGIT: &str = "a digit";
pub const PASSWORD_KIND_SYMBOL: &str = "a symbol";
pub const PASSWORD_CURRENT_REQUIRED: &str = "Enter your current password.";
pub const PASSWORD_CURRENT_WRONG: &str =
    "The current password is not correct. Enter the password you logged in with.";
pub const PASSWORD_NEW_REQUIRED: &str = "Enter a new password.";
pub const PASSWORD_NOT_HALF_WIDTH: &str = "Enter the new password in half-width (ordinary) letters, digits and symbols. Full-width characters and spaces cannot be used.";
pub const PASSWORD_SAME_AS_CURRENT: &str =
    "Enter a new password that is different from your current password.";
pub const PASSWORD_CONTAINS_USER_ID: &str = "Do not include your user ID in the new password.";
pub const PASSWORD_TOO_COMMON: &str = "This new password is too easy to guess. Common words, place names, service names and keyboard patterns (such as password, tokyo, todoke, qwerty) stay easy to guess even if you swap letters for symbols or digits or add a year, digits or symbols. Enter a different password made of unrelated words or characters.";
pub const PASSWORD_CONFIRMATION_REQUIRED: &str = "Enter the new password again.";
pub const PASSWORD_CONFIRMATION_MISMATCH: &str =
    "The two new passwords you entered are different. Enter the same password in both boxes.";

pub fn password_too_short(min: usize, len: usize) -> String {
    format!("The new password must be at least {min} characters (it is now {len}).")
}

pub fn password_too_long(max: usize, len: usize) -> String {
    format!("The new password must be at most {max} characters (it is now {len}).")
}

pub fn password_missing_kinds(kinds: &[&str]) -> String {
    format!(
        "Include at least one of each of these in the new password: {}.",
        kinds.join(", ")
    )
}

// ---- Sessions and access --------------------------------------------------------------------
pub const UNAUTHENTICATED: &str = "You are not logged in, or your login has expired. Log in again.";
pub const PASSWORD_CHANGE_REQUIRED: &str = "Change your initial password before using the system.";
pub const FORBIDDEN: &str = "You do not have permission to do this.";
pub const CSRF_REJECTED: &str = "The request was stopped because it did not come from this system's pages. Reload the page and try again.";
pub const UNSUPPORTED_MEDIA_TYPE: &str = "The request is in the wrong format (send it as JSON).";
pub const MALFORMED_JSON: &str = "The request could not be read. Check the JSON format.";
pub const PAYLOAD_TOO_LARGE: &str = "The request is too large. Send less content and try again.";
pub const NOT_FOUND: &str = "What you asked for was not found. Check the address.";
pub const METHOD_NOT_ALLOWED: &str = "This action cannot be used at this address.";
pub const INTERNAL: &str = "Something went wrong in the system. Wait a while and try again.";
pub const DOCUMENT_NOT_ISSUED: &str = "An acceptance notice exists only for an accepted filing. Once it is accepted, you can download it from this page.";
pub const DOCUMENTS_UNAVAILABLE: &str = "The document (PDF) could not be made. You can print this page with “Print this page”. Try again later, and contact the help desk if it keeps happening.";
/// The client certificate of the online billing network (mutual TLS) was not presented.
pub const CLIENT_CERTIFICATE_REQUIRED: &str = "We cannot connect because no client certificate was found. Close all browser windows, start the browser again, and on the certificate selection screen choose the certificate that includes “Online Billing NW Common Root CA”.";
pub const CLIENT_CERTIFICATE_PAGE_TITLE: &str = "Your certificate could not be checked";
pub const CLIENT_CERTIFICATE_PAGE_INTRO: &str = "To use this system you need a client certificate issued by the common certificate authority for the online billing network systems (オンライン請求ネットワーク関連システム共通認証局). No certificate was chosen, so the connection failed.";
pub const CLIENT_CERTIFICATE_PAGE_STEPS_HEADING: &str = "How to choose the certificate again";
pub const CLIENT_CERTIFICATE_PAGE_STEPS: [&str; 3] = [
    "1. Close all open browser windows and start the browser again.",
    "2. Open this system's address again.",
    "3. When the certificate selection screen appears, choose the certificate that includes “Online Billing NW Common Root CA”.",
];
pub const CLIENT_CERTIFICATE_PAGE_NOTE: &str = "If the certificate selection screen does not appear, or the certificate does not say “Online Billing NW Common Root CA”, check that the certificate is installed by following the user manual of the common certificate authority for the online billing network systems (オンライン請求ネットワーク関連システム共通認証局ユーザーマニュアル).";
pub const TIMEOUT_DIALOG_TITLE: &str = "You will be logged out soon";

pub fn timeout_dialog_body(seconds: u64) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let left = if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    };
    format!(
        "Because nothing has been done for a while, you will be logged out automatically in about {left}. To keep working, press “Stay logged in”."
    )
}

pub const TIMEOUT_EXTEND: &str = "Stay logged in";
pub const TIMEOUT_LOGOUT_NOW: &str = "Log out";

// ---- Account issuance (operator CLI) --------------------------------------------------------
pub const FEE_SCHEDULE_CLASS_UNKNOWN: &str =
    "Give the fee-schedule class as medical, dental or pharmacy (or as “医科”, “歯科” or “調剤”).";
pub const PREFECTURE_UNKNOWN: &str =
    "Give the prefecture by its name, such as “広島県” (Hiroshima), or by its number, 01 to 47.";

pub fn prefecture_mismatch(code_prefecture: &str, given: &str) -> String {
    format!(
        "The first 2 digits of the medical institution code mean {code_prefecture}, but the prefecture given is {given}. Check the medical institution code and the prefecture."
    )
}

pub const INSTITUTION_NAME_REQUIRED: &str = "Enter the name of the medical institution.";
pub const INSTITUTION_NAME_TOO_LONG: &str =
    "Enter the name of the medical institution in 100 characters or fewer.";
pub const DISPLAY_NAME_REQUIRED: &str =
    "Enter a display name (for example, 関東信越厚生局 審査担当).";
pub const BUREAU_UNKNOWN: &str = "Give the Regional Bureau of Health and Welfare by an identifier such as kanto_shinetsu, or by a name such as “関東信越厚生局”.";
pub const ACCOUNT_ALREADY_ISSUED: &str = "A user account has already been issued for this medical institution code and fee-schedule class. To issue it again, first end the use of the existing account.";
pub const USER_ID_TAKEN: &str = "This user ID is already in use. Give a different user ID.";

pub fn initial_password_rejected(problems: &[String]) -> String {
    format!(
        "The initial password does not meet the password rules. {}",
        problems.join(" ")
    )
}

pub fn account_storage_failed(detail: &str) -> String {
    format!(
        "The account could not be saved. Check the database setting (TODOKE_DATABASE_URL). Details: {detail}"
    )
}

pub fn server_start_failed(detail: &str) -> String {
    format!("The server could not start. Check the settings. Details: {detail}")
}

// ---- Demo data ------------------------------------------------------------------------------
pub const DEMO_MEDICAL_NAME: &str = "Todoke Internal Medicine Clinic";
pub const DEMO_DENTAL_NAME: &str = "Todoke Dental Clinic";
pub const DEMO_PHARMACY_NAME: &str = "Todoke Pharmacy";
pub const DEMO_REVIEWER_NAME: &str =
    "Kanto-Shinetsu Regional Bureau of Health and Welfare, review staff";
pub const DEMO_MEDICAL_DESCRIPTION: &str =
    "Medical: Todoke Internal Medicine Clinic (medical institution code 1310100019, Tokyo)";
pub const DEMO_DENTAL_DESCRIPTION: &str =
    "Dental: Todoke Dental Clinic (medical institution code 1330100023, Tokyo)";
pub const DEMO_PHARMACY_DESCRIPTION: &str =
    "Pharmacy: Todoke Pharmacy (pharmacy code 1340100039, Tokyo)";
pub const DEMO_REVIEWER_DESCRIPTION: &str =
    "Review staff: Kanto-Shinetsu Regional Bureau of Health and Welfare";
pub const DEMO_HEADING: &str =
    "Demo accounts (for demonstration only; never use them in production):";
pub const DEMO_CREATED_NOTE: &str =
    "You will be asked to change the password after the first login.";
pub const DEMO_EXISTING_NOTE: &str = "The database already has accounts, so no demo accounts were created. Below are the demo accounts' initial passwords (if a password has been changed, log in with the changed one).";

pub fn demo_account_line(user_id: &str, password: &str, description: &str) -> String {
    format!("  User ID {user_id}  Initial password {password}  {description}")
}

pub fn server_listening(url: &str) -> String {
    format!("Listening on {url}. Open it in your browser (press Ctrl+C to stop).")
}
pub const STATUS_DRAFT: &str = "Draft";
pub const STATUS_SUBMITTED: &str = "Submitted";
pub const DRAFT_CONFLICT: &str = "This notification has been updated on another screen. What you entered is still on this page. Check the latest content, then save again.";
pub const FORM_NOT_AVAILABLE: &str =
    "This procedure is not available for the fee-schedule class you are logged in with.";
pub const HEADER_INSTITUTION_NAME: &str = "Medical institution name";
pub const NAV_LABEL: &str = "User menu";
