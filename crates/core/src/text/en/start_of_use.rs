//! English text of the start-of-use notification (Form 1, FAQ A9): the public page that files
//! it, and the bureau's page that decides it.

// ---- The request (no sign-in) ----------------------------------------------------------------

pub const START_TITLE: &str = "Start-of-use notification (Form 1)";
pub const START_LINK: &str =
    "Starting to use the system, or your institution code etc. changes (start-of-use notification)";
pub const START_LEAD: &str = "If you are starting to use this system, or need a new user ID because your medical institution code or fee-schedule class changes or you move, you can file the start-of-use notification here. You do not need to log in.";
pub const START_HOW: &str = "For a change of code or class, or a move, also log in with your current user ID and file the “End-of-use notification (Form 5)”. When the Regional Bureau has accepted both, a new user ID is issued as the current one ends, and a notice with its initial password is posted to the address you enter. The bureau can still read what you filed under the current user ID.";
pub const START_REASON: &str = "Reason";
pub const START_REASON_NEW: &str = "New (no user ID until now)";
pub const START_REASON_CODE_CHANGE: &str = "Change of medical institution code";
pub const START_REASON_CLASS_CHANGE: &str = "Change of fee-schedule class";
pub const START_REASON_RELOCATION: &str = "Relocation";
pub const START_REASON_REQUIRED: &str = "Choose the reason.";
pub const START_PREVIOUS_USER_ID: &str = "Current user ID";
pub const START_PREVIOUS_HINT: &str = "Enter it unless the reason is New. It is on your current “Notice of user ID and initial password”.";
pub const START_PREVIOUS_REQUIRED: &str = "Unless the reason is New, enter your current user ID.";
pub const START_PREVIOUS_SHAPE: &str =
    "Enter the current user ID in 4 to 32 half-width letters, digits and hyphens.";
pub const START_CODE_HINT: &str = "The 10-digit medical institution code you will use (pharmacy code for pharmacies). For example, 0110113719. Full-width digits are changed to half-width.";
pub const START_ADDRESS: &str = "Address";
pub const START_ADDRESS_HINT: &str = "From the prefecture to the building. The notice is posted to this address. For example, 東京都千代田区霞が関1-2-2";
pub const START_POSTAL_HINT: &str =
    "The postal code of the address the notice is posted to. For example, 100-0013";
pub const START_SUBMIT: &str = "File the start-of-use notification";
pub const START_DONE_TITLE: &str = "Your start-of-use notification has been received";
pub const START_DONE_BODY: &str = "The Regional Bureau checks it. Once it is accepted, a notice with your new user ID and initial password is posted to the address you entered. For a change of code or class, or a move, it is issued after the end-of-use notification of your current user ID has been accepted and its last day of use has passed.";

// ---- The bureau's page -------------------------------------------------------------------------

pub const START_REVIEW_TITLE: &str = "Start-of-use notifications";
pub fn start_review_nav(waiting: u64) -> String {
    if waiting == 0 {
        "Start-of-use notifications".to_string()
    } else {
        format!("Start-of-use notifications ({waiting} waiting)")
    }
}
pub const START_REVIEW_LEAD: &str = "Start-of-use notifications from institutions in your region. Check and accept them. For a change of code or class, or a move, accept the end-of-use notification of the current user ID first. For an accepted notification the operator's run ends the current user ID and issues the new one together, and posts the notice.";
pub const START_REVIEW_EMPTY: &str = "There are no start-of-use notifications.";
pub const START_PREVIOUS_LABEL: &str = "Current user ID";
pub const START_PREVIOUS_NOT_FOUND: &str = "(no user is registered with this user ID)";
pub const START_PREVIOUS_ENDED: &str = "Use ended";
pub const START_PREVIOUS_IN_USE: &str = "In use";
pub const START_END_OF_USE_LABEL: &str = "End-of-use notification";
pub const START_END_OF_USE_NONE: &str = "(not filed)";
pub fn start_end_of_use_line(arrival_number: &str, status: &str, last_day: &str) -> String {
    if last_day.is_empty() {
        format!("Arrival number {arrival_number} ({status})")
    } else {
        format!("Arrival number {arrival_number} ({status}, last day of use {last_day})")
    }
}
pub const START_ISSUED_LABEL: &str = "User ID issued";
pub const START_ACCEPT: &str = "Accept (issue a user ID)";
pub const START_ACCEPTED_FLASH: &str =
    "Accepted. The operator's run issues the new user ID and posts the notice.";
pub const START_BLOCKED_IN_USE: &str = "A user ID is in use for this code and class, so this cannot be accepted. If the notice was lost, point to the reissue request and reject this notification.";
pub const START_BLOCKED_NO_PREVIOUS: &str = "No user is registered with the current user ID given, so this cannot be accepted. Check it, and reject it if it is wrong.";
pub const START_BLOCKED_NO_END_OF_USE: &str = "No end-of-use notification (Form 5) has been filed for the current user ID, so this cannot be accepted yet. Ask the institution to file one.";
pub const START_BLOCKED_END_NOT_ACCEPTED: &str = "The end-of-use notification (Form 5) of the current user ID has not been accepted yet. Review and accept it first, then accept this notification.";

// ---- History across user IDs (the bureau's filing detail) -------------------------------------

pub const LINKED_ACCOUNTS_HEADING: &str = "Other user IDs of the same institution";
pub const LINKED_PREDECESSOR: &str = "Earlier user ID";
pub const LINKED_SUCCESSOR: &str = "Later user ID";
pub const LINKED_NO_FILINGS: &str = "Nothing was filed under this user ID.";
