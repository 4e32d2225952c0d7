//! Tracking and review: statuses, actions, history, notices, the lists and their search.

// ---- Tracking and review ---------------------------------------------------------------------
pub const STATUS_RECEIVED: &str = "Received";
pub const STATUS_UNDER_REVIEW: &str = "Under review";
pub const STATUS_RETURNED: &str = "Returned for correction";
pub const STATUS_ACCEPTED: &str = "Accepted";
pub const STATUS_REJECTED: &str = "Rejected";
pub const STATUS_WITHDRAWN: &str = "Withdrawn";

pub const ACTION_SUBMIT: &str = "Submit";
/// History entry when the operator processed an accepted 利用終了届出.
pub const ACTION_END_USE: &str = "End of use processed";
pub const OPERATOR_LABEL: &str = "System operator";
pub const END_USE_DONE: &str = "The use of the user ID was ended by this notification.";
pub const END_USE_ALREADY_DONE: &str =
    "The use of this user ID had already ended before this notification was processed.";
pub const ACTION_WITHDRAW: &str = "Withdraw";
pub const ACTION_RESUBMIT: &str = "Resubmit";
pub const ACTION_COPY_TO_NEW_DRAFT: &str = "Copy to a new draft";
pub const ACTION_RECEIVE: &str = "Receive";
pub const ACTION_START_REVIEW: &str = "Start review";
pub const ACTION_RETURN: &str = "Return for correction";
pub const ACTION_ACCEPT: &str = "Accept";
pub const ACTION_REJECT: &str = "Reject";

pub const ACTOR_APPLICANT: &str = "Applicant (insurance medical institution)";
pub const ACTOR_REVIEWER: &str = "Regional Bureau of Health and Welfare";
pub const NEXT_ACTOR_NONE: &str = "No one (the procedure has ended)";

/// An action taken by the wrong role.
pub fn transition_wrong_actor(action: &str, who: &str) -> String {
    format!("“{action}” can only be done by: {who}. You cannot do this.")
}

/// An action on a filing whose status is final.
pub fn transition_final(status: &str, action: &str) -> String {
    format!(
        "This notification or application is “{status}” and its procedure has ended, so “{action}” is not possible."
    )
}

/// An action in a status it does not start from.
pub fn transition_wrong_status(status: &str, action: &str, allowed_from: &[&str]) -> String {
    let from: Vec<String> = allowed_from.iter().map(|s| format!("“{s}”")).collect();
    format!(
        "The current status is “{status}”, so “{action}” is not possible. “{action}” is possible only when the status is {}. Refresh the page to see the latest status.",
        from.join(" or ")
    )
}

pub const REJECTION_REASON_REQUIRED: &str = "Enter the reason for rejection.";
pub const RETURN_COMMENT_REQUIRED: &str = "Enter the reason (comment) for returning it.";
pub const FIELD_COMMENT_INCOMPLETE: &str =
    "For each item comment, enter both the item and the comment.";
pub const FIELD_COMMENT_NO_SUCH_ITEM: &str =
    "The item you commented on is not in this notification. Choose an item that is in its content.";
pub const COMMENT_TOO_LONG: &str = "Enter the comment in 2000 characters or fewer.";
pub const RETURN_DEADLINE_PAST: &str = "Enter today or a later date as the resubmission deadline.";
pub const SEARCH_DATE_INVALID: &str = "Enter the submission date as a Western year, month and day, such as “2026-04-01” or “2026/4/1”.";
pub const SEARCH_DATE_HINT: &str = "For example: 2026-04-01, 2026/4/1";
pub const SEARCH_STATUS_UNKNOWN: &str = "The status given is not valid.";
pub const SEARCH_SORT_UNKNOWN: &str = "The sort order given is not valid.";
pub const SEARCH_PAGE_INVALID: &str =
    "Give a page of 1 or more, and from 1 to 100 results per page.";

/// Header row of the review queue's CSV export.
pub const CSV_HEADER: [&str; 10] = [
    "Arrival number",
    "Submitted on",
    "Procedure",
    "Status",
    "Medical institution code",
    "Medical institution name",
    "Prefecture",
    "Acceptance number",
    "Effective date",
    "Next to act",
];

/// Notice to the applicant that a filing's status changed.
pub fn notice_status_changed(title: &str, arrival_number: &str, status: &str) -> String {
    format!("The status of “{title}” (arrival number {arrival_number}) is now “{status}”.")
}

// Japanese public holidays (国民の祝日に関する法律), by their official English names.
pub const HOLIDAY_NEW_YEAR: &str = "New Year's Day";
pub const HOLIDAY_COMING_OF_AGE: &str = "Coming of Age Day";
pub const HOLIDAY_FOUNDATION: &str = "National Foundation Day";
pub const HOLIDAY_EMPEROR: &str = "The Emperor's Birthday";
pub const HOLIDAY_VERNAL_EQUINOX: &str = "Vernal Equinox Day";
pub const HOLIDAY_SHOWA: &str = "Showa Day";
pub const HOLIDAY_CONSTITUTION: &str = "Constitution Memorial Day";
pub const HOLIDAY_GREENERY: &str = "Greenery Day";
pub const HOLIDAY_CHILDREN: &str = "Children's Day";
pub const HOLIDAY_MARINE: &str = "Marine Day";
pub const HOLIDAY_MOUNTAIN: &str = "Mountain Day";
pub const HOLIDAY_RESPECT_AGED: &str = "Respect for the Aged Day";
pub const HOLIDAY_AUTUMNAL_EQUINOX: &str = "Autumnal Equinox Day";
pub const HOLIDAY_SPORTS: &str = "Sports Day";
pub const HOLIDAY_HEALTH_SPORTS: &str = "Health and Sports Day";
pub const HOLIDAY_CULTURE: &str = "Culture Day";
pub const HOLIDAY_LABOUR_THANKSGIVING: &str = "Labor Thanksgiving Day";
pub const HOLIDAY_ENTHRONEMENT: &str = "Day of the Emperor's Enthronement";
pub const HOLIDAY_ENTHRONEMENT_CEREMONY: &str = "Day of the Enthronement Ceremony";
pub const HOLIDAY_SUBSTITUTE: &str = "Holiday (substitute holiday)";
pub const HOLIDAY_CITIZENS: &str = "Holiday (citizens' holiday)";

// ---- Filing list search (SPA) -------------------------------------------------------------------
pub const SEARCH_HEADING: &str = "Search conditions";
pub const SEARCH_BUTTON: &str = "Search";
pub const SEARCH_CLEAR: &str = "Clear conditions";
pub const ALL_OPTION: &str = "All";
pub const SUBMITTED_FROM: &str = "Submitted on or after";
pub const SUBMITTED_TO: &str = "Submitted on or before";
pub const SORT_LABEL: &str = "Sort by";
pub const SORT_NEWEST: &str = "Newest submission first";
pub const SORT_OLDEST: &str = "Oldest submission first";
pub const SORT_ARRIVAL: &str = "Arrival number";
pub const NO_MATCH: &str = "No notifications or applications match these conditions. Change the conditions and search again.";
pub const PREV_PAGE: &str = "Previous page";
pub const NEXT_PAGE: &str = "Next page";
pub const PAGINATION_LABEL: &str = "Pages";
pub const NEXT_ACTOR: &str = "Next to act";

pub fn result_range(total: u64, first: u64, last: u64) -> String {
    format!("Showing {first}–{last} of {total}")
}
pub const DOCUMENTS_HEADING: &str = "Documents (PDF)";
pub const DOCUMENTS_LEAD: &str = "PDFs to keep or print as your official record. They are tagged, so screen readers can read them.";
pub const RECEIPT_PDF_LINK: &str = "Receipt of arrival (your copy)";
pub const ACCEPTANCE_NOTICE_PDF_LINK: &str = "Notice of acceptance";
pub const PDF_LINK_SUFFIX: &str = " (PDF, saved as a new file)";
pub const RECEIPT_TITLE: &str = "Receipt of arrival (your copy)";
pub const RECEIPT_LEAD: &str = "The application or notification below reached the electronic application and notification system at the time shown. The digest lets you confirm that this copy and what the Regional Bureau received are the same.";
pub const RECEIPT_CONTENT_HEADING: &str = "What you sent";
pub const ACCEPTANCE_NOTICE_TITLE: &str = "Notice of acceptance";
pub const ACCEPTANCE_NOTICE_LEAD: &str =
    "We notify you that the application or notification below has been accepted.";
pub const ACCEPTED_ON: &str = "Accepted on";
pub const DOCUMENT_ISSUED_BY: &str = "Issued by";
pub const DOCUMENT_ISSUED_ON: &str = "Made on";
pub const DOCUMENT_ADDRESSEE: &str = "To";
pub const DOCUMENT_GENERATED_NOTE: &str = "The system made this document from its records. You can see the same details on the filing's page in the system.";
pub const ACCEPTANCE_NUMBER: &str = "Acceptance number";
pub const EFFECTIVE_DATE: &str = "Billing start date (effective date)";
pub const REJECTION_REASON: &str = "Reason for rejection";
pub const RETURN_HEADING: &str = "Why it was returned";
pub const RETURN_DEADLINE: &str = "Resubmission deadline";
pub const FIELD_COMMENT: &str = "Comment from the reviewer: ";
pub const CHANGED_SINCE_LAST: &str = "Changed since the last submission";
pub const DIGEST: &str = "Content check value (SHA-256 hash)";
pub const DIGEST_HINT: &str = "Use this value to confirm that your printed copy and the bureau's record have the same content.";
pub const HISTORY_HEADING: &str = "History";
pub const HISTORY_AT: &str = "Date and time";
pub const HISTORY_ACTOR: &str = "By";
pub const HISTORY_ACTION: &str = "Action";
pub const HISTORY_COMMENT: &str = "Comment";
pub const ACTIONS_HEADING: &str = "What you can do with this notification or application";
pub const WITHDRAW: &str = "Withdraw";
pub const WITHDRAW_CONFIRM_HEADING: &str = "Do you really want to withdraw it?";
pub const WITHDRAW_CONFIRM_BODY: &str = "If you withdraw it, this notification or application will not be reviewed. To file the same content after withdrawing, copy it and create a new one.";
pub const WITHDRAW_COMMENT: &str = "Reason for withdrawal";
pub const WITHDRAW_CONFIRM: &str = "Confirm withdrawal";
pub const CANCEL: &str = "Cancel";
pub const REVISE: &str = "Correct and resubmit";
pub const COPY_TO_NEW: &str = "Copy and create a new one";
pub const ACTION_DONE: &str = "Your action has been accepted.";
pub const CSV_DOWNLOAD: &str = "Download the search results as CSV";
pub const REVIEW_PAGE_TITLE: &str = "Review notifications and applications";
pub const RECEIVE: &str = "Receive";
pub const START_REVIEW: &str = "Start review";
pub const ACCEPT: &str = "Accept";
pub const RETURN_ACTION: &str = "Return for correction";
pub const REJECT_ACTION: &str = "Reject";
pub const RETURN_COMMENT_LABEL: &str = "Reason for returning it (comment to the applicant)";
pub const FIELD_COMMENT_TARGET: &str = "Item to comment on";
pub const FIELD_COMMENT_TEXT: &str = "Comment on that item";
pub const ADD_FIELD_COMMENT: &str = "Add a comment on an item";
pub const REMOVE_FIELD_COMMENT: &str = "Remove this comment";
pub const REJECT_REASON_REQUIRED: &str = "Enter the reason for rejection.";
pub const INSTITUTION: &str = "Medical institution";
pub const APP_CRASHED: &str = "Something went wrong while showing this page. Please reload the page. Your saved drafts have not been lost.";
pub const NOTICES_TITLE: &str = "Notices";
pub const NOTICES_EMPTY: &str = "You have no notices.";
pub const NOTICE_UNREAD: &str = "Unread";
pub const NOTICE_READ: &str = "Read";
pub const NOTICE_OPEN: &str = "View the notification or application";
pub const NOTICE_COMMENT: &str = "Comment from the bureau";
/// The heading of the operator's announcement on the list page.
pub const ANNOUNCEMENT_HEADING: &str = "Announcement";
pub const NOTICE_FIELD_COMMENTS: &str = "Items commented on";

pub fn notices_link(unread: u64) -> String {
    if unread == 0 {
        NOTICES_TITLE.to_string()
    } else {
        format!("{NOTICES_TITLE} ({unread} unread)")
    }
}
