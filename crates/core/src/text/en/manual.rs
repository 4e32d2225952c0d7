//! The user manual.

use super::super::{Faq, ManualSection};

// ---- User manual ----------------------------------------------------------------------------
pub const MANUAL_TITLE: &str = "Manual (user guide)";
pub const MANUAL_LEAD: &str = "How to log in to this system, how to change your password at first login, points to note when using it, and frequently asked questions.";
pub const MANUAL_CONTENTS: &str = "Contents";
pub const MANUAL_PDF_LINK: &str = "Manual (PDF)";
pub const MANUAL_PDF_HINT: &str =
    "The same content as this page is also available as a tagged PDF for printing.";
pub const MANUAL_FAQ_HEADING: &str = "Frequently asked questions";

pub const MANUAL_SECTIONS: &[ManualSection] = &[
    ManualSection {
        id: "login",
        heading: "Logging in",
        paragraphs: &[
            "Your user ID and initial password are in the letter mailed to you by the Ministry of Health, Labour and Welfare, the “Notice of user ID and initial password” (ユーザID・初期パスワード通知). User IDs and passwords do not expire.",
            "If your medical institution code or fee-schedule class (medical, dental or pharmacy) changes, or your institution moves, you need a new user ID and initial password. Submit a notification of end of use and a notification of start of use.",
        ],
        steps: &[
            "Open this system's address in your browser.",
            "Enter your “User ID” and “Password”. Letters and digits typed in full-width are changed to half-width (ordinary) characters.",
            "Press the “Log in” button.",
            "If login fails 5 times in a row, login is blocked for 15 minutes for security. Wait a while and try again.",
        ],
    },
    ManualSection {
        id: "password",
        heading: "Changing your password at first login",
        paragraphs: &[
            "The first time you log in, the “Change password” page is shown. You cannot use the other pages until you have changed your password. From your second login on, this page is not shown.",
            "The new password must be 10 to 20 characters long and contain at least one each of upper-case letter, lower-case letter, digit and symbol (all half-width). You cannot use your current password, a password containing your user ID, or one that is easy to guess.",
        ],
        steps: &[
            "In “Current password”, enter the password you logged in with (the initial password).",
            "In “New password”, enter a password that meets the rules. The list under the box shows which rules it meets.",
            "In “New password (again)”, enter the same password once more.",
            "Press the “Change password” button. The “Notifications and applications” list is shown.",
        ],
    },
    ManualSection {
        id: "session",
        heading: "Automatic logout and service hours",
        paragraphs: &[
            "If you do nothing for 30 minutes, you are logged out automatically for security. A message appears 2 minutes before; to keep working, press “Stay logged in”.",
            "Service hours are Monday to Saturday, 8:00 to 21:00 (Japan time). Outside service hours, a page tells you when the service reopens.",
            "You can use the browser's Back button. On a shared computer, always press “Log out” when you have finished.",
        ],
        steps: &[],
    },
];

pub const FAQ: &[Faq] = &[
    Faq {
        question: "The “Log in” button does not work, or I cannot log in. What should I do?",
        answer: "JavaScript may be turned off in your browser. Turn on JavaScript in the browser settings. If your clinic's network settings stop you from connecting, ask the company that set up the network or your billing-software (レセコン) vendor.",
    },
    Faq {
        question: "I have lost my “Notice of user ID and initial password”.",
        answer: "It can be issued again. On the login page, choose “Request a new notice if yours is lost” and enter the medical institution code, the fee-schedule class, the name, the postal code of the address and a contact. The Regional Bureau of Health and Welfare compares the request with its register and posts a new notice to the registered address. Once it is reissued, the old initial password no longer works.",
    },
    Faq {
        question: "Can I still file applications and notifications on paper?",
        answer: "Yes, you can.",
    },
    Faq {
        question: "If I file an application or notification in this system, do I also need to send the same content on paper?",
        answer: "No, you do not.",
    },
    Faq {
        question: "Is there a fee for using the system?",
        answer: "No, there is no fee.",
    },
    Faq {
        question: "Do I need a new electronic certificate?",
        answer: "No. If you have the electronic certificate issued for the online billing network, you do not need a new one.",
    },
    Faq {
        question: "What do I do if our medical institution code or fee-schedule class changes, or we move?",
        answer: "Log in with your current user ID and file the end-of-use notification (Form 5); then, from “Starting to use the system, or your institution code etc. changes (start-of-use notification)” on the login page, file the start-of-use notification (Form 1) with the new code, class and address. When the Regional Bureau has accepted both, a notice with your new user ID and initial password is issued on the day after the last day of use of the current ID and posted to the address you gave. The bureau can still read what you filed under the current user ID.",
    },
];
