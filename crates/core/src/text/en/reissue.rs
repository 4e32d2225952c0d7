//! English text of the reissue request (FAQ A6: when the letter is lost): the public page that
//! asks for it, and the bureau's page that decides it.

use crate::institution::FeeScheduleClass;

// ---- The request (no sign-in) ----------------------------------------------------------------

pub const REISSUE_TITLE: &str = "Request a new “Notice of user ID and initial password”";
pub const REISSUE_LINK: &str = "Request a new notice if yours is lost";
pub const REISSUE_LEAD: &str = "If your “Notice of user ID and initial password” is lost or has not arrived, you can request a new one here. You do not need to log in.";
pub const REISSUE_HOW: &str = "The Regional Bureau of Health and Welfare compares your request with its register. If it matches, a new notice with a new initial password is posted to the registered address (a password is never shown on screen or sent by email). When the new notice is issued, the previous password stops working.";
pub const REISSUE_CODE_HINT: &str = "The 10-digit medical institution code (pharmacy code for pharmacies). For example, 0110113719. Full-width digits are changed to half-width.";
pub const REISSUE_CLASS_HINT: &str =
    "If the third digit of the code is 1 it is medical, 3 dental, 4 pharmacy.";
pub const REISSUE_NAME_HINT: &str = "The official name under which the institution is designated. For example, とどけ内科クリニック";
pub const REISSUE_POSTAL_HINT: &str =
    "The postal code of the address registered for the institution. For example, 100-0001";
pub const REISSUE_CONTACT_HINT: &str = "The Regional Bureau may call to confirm the request.";
pub const REISSUE_SUBMIT: &str = "Request a new notice";
pub const REISSUE_SENDING: &str = "Sending…";
pub const REISSUE_DONE_TITLE: &str = "Your request has been received";
pub const REISSUE_NUMBER_LABEL: &str = "Reception number";
pub const REISSUE_RECEIVED_AT_LABEL: &str = "Received at";
pub const REISSUE_DONE_BODY: &str = "The Regional Bureau of Health and Welfare compares your request with its register. If it matches, a new notice with a new initial password is posted to the registered address. If the request does not match the register, nothing is posted.";
pub const REISSUE_DONE_CONTACT: &str = "If nothing has arrived after about two weeks, contact the Regional Bureau of Health and Welfare for your area and quote the reception number.";
pub const REISSUE_BACK_TO_LOGIN: &str = "Back to the login page";
pub const REISSUE_RATE_LIMITED: &str = "Too many requests have come for the same medical institution code or from the same connection, so this one cannot be accepted now. If you have already sent a request, wait for the notice by post. Otherwise, try again later.";

pub fn reissue_class_mismatch(code_class: FeeScheduleClass, chosen: FeeScheduleClass) -> String {
    format!(
        "The third digit of the medical institution code means {}, but {} is selected as the fee-schedule class. Check the code and the class.",
        code_class.label(),
        chosen.label()
    )
}

// ---- Status ------------------------------------------------------------------------------------

pub const REISSUE_STATUS_RECEIVED: &str = "Received";
pub const REISSUE_STATUS_ACCEPTED: &str = "Accepted (waiting to be issued)";
pub const REISSUE_STATUS_REJECTED: &str = "Rejected";
pub const REISSUE_STATUS_ISSUED: &str = "Issued";

// ---- The bureau's page -------------------------------------------------------------------------

pub const REISSUE_REVIEW_TITLE: &str = "Requests for a new notice";
pub fn reissue_review_nav(waiting: u64) -> String {
    match waiting {
        0 => "Reissue requests".to_string(),
        n => format!("Reissue requests ({n} waiting)"),
    }
}
pub const REISSUE_REVIEW_LEAD: &str = "Requests for a new notice from institutions in your area. Compare each request with the register and accept it when you have confirmed that it comes from the institution. For an accepted request, the operator's run posts a new notice to the registered address.";
pub const REISSUE_REVIEW_EMPTY: &str = "There are no reissue requests.";
pub const REISSUE_REQUEST_HEADING: &str = "Reception number";
pub const REISSUE_STATUS_LABEL: &str = "Status";
pub const REISSUE_TYPED_LABEL: &str = "As requested";
pub const REISSUE_REGISTERED_LABEL: &str = "As registered";
pub const REISSUE_NOT_REGISTERED: &str = "No user ID in use has this medical institution code and class. The request cannot be accepted: reject it.";
pub const REISSUE_COMPARE_CAPTION: &str = "The request compared with the register";
pub const REISSUE_NOT_ASKED: &str = "(not asked in the request)";
pub const REISSUE_DIFFERS: &str = " (differs from the register)";
pub const REISSUE_USER_ID_LABEL: &str = "User ID";
pub const REISSUE_ADDRESS_LABEL: &str = "Posted to (registered address)";
pub const REISSUE_CONTACT_LABEL: &str = "Contact person and phone";
pub const REISSUE_ACCEPT: &str = "Accept (issue a new notice)";
pub const REISSUE_REJECT: &str = "Reject";
pub const REISSUE_REASON_LABEL: &str = "Reason for rejection";
pub const REISSUE_REASON_HINT: &str = "Enter it when you reject. It is kept in the record.";
pub const REISSUE_REASON_REQUIRED: &str = "Enter the reason for rejection.";
pub const REISSUE_REASON_TOO_LONG: &str =
    "Enter the reason for rejection in 2,000 characters or fewer.";
pub const REISSUE_ACCEPTED_FLASH: &str =
    "Accepted. The operator's run posts the notice to the registered address.";
pub const REISSUE_REJECTED_FLASH: &str = "Rejected.";
pub const REISSUE_NO_ACCOUNT: &str = "No user ID in use has this medical institution code and class, so the request cannot be accepted. Reject it.";
pub const REISSUE_ALREADY_DECIDED: &str =
    "This request has already been decided. Reload the page to see where it stands.";
pub const REISSUE_NO_ADDRESS: &str = "The registered address to post the notice to is missing, so the request cannot be accepted yet. Ask the operator to import the institution's address, then accept.";
