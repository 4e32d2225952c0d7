//! Service hours and the signed-in pages' frame.

// ---- Service hours --------------------------------------------------------------------------
pub const SERVICE_ALWAYS: &str = "24 hours a day, every day";
pub const WEEKDAY_LONG: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub const WEEKDAY_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const SERVICE_CLOSED_TITLE: &str = "The service is closed now";

pub fn service_hours(days: &str, opens: &str, closes: &str) -> String {
    format!("{days}, {opens} to {closes} (Japan time)")
}

pub fn service_closed(hours: &str, resumes: &str) -> String {
    format!(
        "The service is outside its hours, so you cannot use it now. Service hours are {hours}. You can use it again from {resumes}."
    )
}

// ---- Signed-in pages ------------------------------------------------------------------------
pub const SUBMISSIONS_TITLE: &str = "Notifications and applications";
pub const SUBMISSIONS_EMPTY: &str = "You have no notifications or applications yet.";
pub const SUBMISSIONS_EMPTY_HINT: &str = "Drafts (saved but not sent) and everything you have submitted are listed here. For what you have submitted, you can see how far reception and review have got.";
pub const HEADER_INSTITUTION_CODE: &str = "Medical institution code";
pub const HEADER_CLASS: &str = "Fee-schedule class";
pub const HEADER_LAST_LOGIN: &str = "Last login";
pub const HEADER_FIRST_LOGIN: &str = "This is your first login";
pub const HEADER_BUREAU: &str = "Bureau";
pub const ACCOUNT_INFO_LABEL: &str = "Signed-in user";
