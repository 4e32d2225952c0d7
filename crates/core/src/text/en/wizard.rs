//! The filing wizard, and drafts and submission as the server reports them.

// ---- Filing wizard ----------------------------------------------------------------------------
pub const PROCEDURES_TITLE: &str = "Create a notification or application";
pub const PROCEDURES_LEAD: &str = "Choose the procedure you want to file. What you enter is saved as a draft each time you move to another page, so you can finish it later.";
pub const NEW_FILING_LINK: &str = "Create a new notification or application";
pub const CREATING: &str = "Creating…";
pub const NEXT: &str = "Next";
pub const BACK: &str = "Back";
pub const TO_REVIEW: &str = "Go on to check your answers";
pub const SAVE_DRAFT: &str = "Save draft";
pub const SAVING: &str = "Saving…";
pub const CONFLICT_OVERWRITE: &str = "Save again with what is on this page";
pub const YEAR: &str = "Year";
pub const MONTH: &str = "Month";
pub const DAY: &str = "Day";
pub const DATE_HINT: &str =
    "Enter the year as a four-digit Western year (for example, year 2024, month 8, day 1).";
pub const COMPUTED_FORMULA: &str = "Formula";
pub const COMPUTED_INPUTS: &str = "Values used";
pub const COMPUTED_RESULT: &str = "Result";
pub const COMPUTED_THRESHOLD: &str = "Requirement";
pub const COMPUTED_MET: &str = "Meets the requirement";
pub const COMPUTED_NOT_MET: &str = "Does not meet the requirement";
pub const NORMALISED_NOTICE: &str = "We changed full-width digits, letters and symbols to half-width (ordinary) ones, and half-width katakana to full-width katakana.";
pub const REVIEW_TITLE: &str = "Check your answers";
pub const REVIEW_LEAD: &str = "Check the content and press “Submit”. To correct something, use “Change” next to the item to go back to its page.";
pub const CHANGE: &str = "Change";
pub const NOT_ENTERED: &str = "(not entered)";
pub const WARNINGS_HEADING: &str = "Points to check";
pub const WARNINGS_LEAD: &str =
    "The following points do not stop you from submitting, but check them before you submit.";
pub const WARNING_ACK: &str = "I have checked this";
pub const WARNING_ACK_REQUIRED: &str = "Check the points listed and tick the box.";
pub const REVIEW_HAS_ERRORS: &str =
    "There is a problem with what you entered. Use “Change” to go back to the page and correct it.";
pub const SUBMIT: &str = "Submit";
pub const SUBMITTING: &str = "Submitting…";
pub const COMPLETE_TITLE: &str = "Your submission is complete";
pub const SUBMISSION_TITLE: &str = "Submitted notification or application";
pub const ARRIVAL_NUMBER: &str = "Arrival number";
pub const SUBMITTED_AT: &str = "Submitted on";
pub const PROCEDURE: &str = "Procedure";
pub const FORM_VERSION: &str = "Form version";
pub const STATUS: &str = "Status";
pub const UPDATED_AT: &str = "Last updated";
pub const ACTIONS: &str = "Actions";
pub const NEXT_STEPS_HEADING: &str = "What happens next";
pub const NEXT_STEPS_BODY: &str = "The Regional Bureau of Health and Welfare will receive and review it. You can follow its progress in the “Notifications and applications” list. If something needs correcting, it will be returned to you with the reason. You do not need to send the same content on paper.";
pub const KEEP_RECORD: &str = "For your records, print this page or write down the arrival number.";
pub const PRINT: &str = "Print this page";
pub const SUBMITTED_CONTENT: &str = "What you submitted";
pub const CONTINUE_DRAFT: &str = "Continue";
pub const VIEW_SUBMISSION: &str = "View";
pub const FILINGS_CAPTION: &str = "Draft and submitted notifications and applications";

pub fn progress(current: usize, total: usize) -> String {
    format!("Page {current} of {total}")
}

pub fn add_row(row_label: &str) -> String {
    format!("Add {row_label}")
}

pub fn remove_row(row_label: &str, n: usize) -> String {
    format!("Remove {row_label} (row {n})")
}

pub fn row_heading(row_label: &str, n: usize) -> String {
    format!("{row_label} (row {n})")
}

pub fn saved_at(time: &str) -> String {
    format!("Draft saved ({time}).")
}

pub fn start_form(title: &str) -> String {
    format!("Create “{title}”")
}

pub fn continue_draft(title: &str) -> String {
    format!("Continue “{title}”")
}

// ---- Drafts and submission (server) ----------------------------------------------------------
pub const DRAFT_ALREADY_SUBMITTED: &str = "This notification has already been submitted. After submission it cannot be changed or deleted. You can see what you submitted in the notifications and applications list.";
/// Prefix of an unacknowledged warning in the server's 422 answer to a submission.
pub const SUBMIT_WARNING_NOT_ACKNOWLEDGED: &str =
    "Check the following point, tick “I have checked this”, and then submit: ";

/// A warning that was not acknowledged before submission, with its own message after the note.
pub fn submit_warning_not_acknowledged(message: &str) -> String {
    format!("{SUBMIT_WARNING_NOT_ACKNOWLEDGED}{message}")
}
pub const SELECT_PLACEHOLDER: &str = "Select";
