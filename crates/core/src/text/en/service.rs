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

// ---- Connection self-check (the notice's section 【3】) ---------------------------------------
pub const CHECK_TITLE: &str = "Connection check";
pub const CHECK_INTRO: &str = "If you cannot log in, or pages do not show correctly, this page checks step by step whether this system works on your computer and browser. You do not need to log in.";
pub const CHECK_LINK: &str = "If you cannot log in, try the connection check";
pub const CHECK_RUNNING: &str = "Checking…";
pub const CHECK_OK: &str = "No problem";
pub const CHECK_PROBLEM: &str = "Problem found";
pub const CHECK_SKIPPED: &str = "Could not be checked";
pub const CHECK_AGAIN: &str = "Check again";
pub const CHECK_SCRIPT: &str = "JavaScript and WebAssembly";
pub const CHECK_SCRIPT_OK: &str = "JavaScript and WebAssembly are running.";
pub const CHECK_COOKIES: &str = "Cookies";
pub const CHECK_COOKIES_OK: &str = "Cookies can be stored.";
pub const CHECK_COOKIES_FAILED: &str = "Cookies cannot be stored. Allow cookies for this site in your browser's settings (private browsing may not store them).";
pub const CHECK_SERVER: &str = "Connection to the server";
pub const CHECK_SERVER_OK: &str = "The server can be reached.";
pub const CHECK_SERVER_FAILED: &str = "The server cannot be reached. Check your internet connection and your proxy or security software settings. On a clinic network, ask the administrator whether connections to this site are allowed.";
pub const CHECK_HOURS: &str = "Service hours";
pub fn check_hours_open(hours: &str) -> String {
    format!("The service is open ({hours}).")
}
pub const CHECK_CERTIFICATE: &str = "Client certificate";
pub const CHECK_CERTIFICATE_OK: &str =
    "No client certificate is needed, or yours was presented correctly.";
pub const CHECK_CERTIFICATE_FAILED: &str = "No client certificate was presented. Install the electronic certificate for online billing on this computer, restart the browser, and when it asks for a certificate, choose the one issued by “Online Billing NW Common Root CA”.";
pub const CHECK_CLOCK: &str = "Computer clock";
pub const CHECK_CLOCK_OK: &str = "The computer's clock shows the right time.";
pub fn check_clock_off(minutes: i64) -> String {
    format!(
        "The computer's clock is about {minutes} minutes off. Set it to adjust the time automatically. A wrong clock makes times such as when your session ends show incorrectly."
    )
}
pub const CHECK_NEEDS_SERVER: &str = "Not checked, because the server cannot be reached.";
pub const CHECK_DONE_OK: &str = "The check is finished. No problems were found.";
pub fn check_done_problems(count: usize) -> String {
    format!("The check is finished. Problems found: {count}. See what to do under each item.")
}
