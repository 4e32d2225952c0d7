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

// Dates and times (Japan time; the era is shown beside the Western year)
/// “08:00”
pub fn time_of_day(hour: u8, minute: u8) -> String {
    format!("{hour:02}:{minute:02}")
}
/// “Thu 26 November, 08:00”; `weekday` 0 = Monday.
pub fn month_day_weekday_time(month: u8, day: u8, weekday: usize, time: &str) -> String {
    format!(
        "{} {day} {}, {time}",
        WEEKDAY_SHORT[weekday % 7],
        month_name(month)
    )
}
/// “25 November 2026, 12:30”
pub fn date_and_time(year: i32, month: u8, day: u8, time: &str) -> String {
    format!("{day} {} {year}, {time}", month_name(month))
}
/// Era names from newest to oldest.
pub const ERA_NAMES: [&str; 4] = ["Reiwa", "Heisei", "Showa", "Taisho"];
/// “Reiwa 6”, “Reiwa 1” for the first year.
pub fn era_year(era: &str, year: i32) -> String {
    format!("{era} {year}")
}
/// “18 November 2024 (Reiwa 6)”; `era_year` may be empty (before Taisho).
pub fn calendar_date(year: i32, era_year: &str, month: u8, day: u8) -> String {
    let era = if era_year.is_empty() {
        String::new()
    } else {
        format!(" ({era_year})")
    };
    format!("{day} {} {year}{era}", month_name(month))
}
/// The era beside a date field as it is typed: “(Reiwa 6)”.
pub fn era_aside(era_year: &str) -> String {
    format!("({era_year})")
}
/// “Monday to Saturday”
pub fn day_range(first: &str, last: &str) -> String {
    format!("{first} to {last}")
}
/// Between days that are not a range: “Monday, Wednesday”.
pub const DAY_LIST_SEPARATOR: &str = ", ";

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u8) -> &'static str {
    MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)]
}
