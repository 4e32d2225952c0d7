//! What an operator command can fail with. `Display` is the Japanese message the command prints
//! on stderr; nothing here is an HTTP answer (the API has its own `AppError`).

use todoke_core::text::ja;
use todoke_core::text::ja::issuance as t;

use super::import::ImportReport;
use crate::accounts::AccountError;

#[derive(Debug, thiserror::Error)]
pub enum OperatorError {
    /// The database, a file the command writes, or a worker failed; `0` is the detail.
    #[error("{}", ja::account_storage_failed(.0))]
    Storage(String),
    #[error("{}", t::import_file_unreadable(.0))]
    ImportFileUnreadable(String),
    /// The file was read but refused row by row: nothing was written.
    #[error("{0}")]
    ImportRejected(ImportReport),
    #[error("{}", t::claim_month_invalid(.0))]
    ClaimMonthInvalid(String),
    #[error("{}", t::letter_font_unreadable(.path, .detail))]
    LetterFontUnreadable { path: String, detail: String },
    #[error("{}", t::letter_output_failed(.0))]
    LetterOutput(String),
    /// Another run issued one of the same institutions or user IDs meanwhile.
    #[error("{}", t::ISSUANCE_CONFLICT)]
    IssuanceConflict,
    #[error("{}", t::account_not_found(.0))]
    AccountNotFound(String),
    #[error("{}", t::account_already_ended(.0))]
    AccountAlreadyEnded(String),
    #[error("{}", t::reissue_not_applicant(.0))]
    NotAnApplicant(String),
    #[error("{}", t::institution_address_missing(.0))]
    InstitutionAddressMissing(String),
    #[error("{}", t::end_of_use_filing_without_date(.0))]
    EndOfUseWithoutDate(String),
    #[error("{}", t::END_USE_TARGET_MISSING)]
    EndUseTargetMissing,
    #[error("{}", t::REISSUE_TARGET_MISSING)]
    ReissueTargetMissing,
    /// A 利用開始届出's code and class already has an account in use.
    #[error("{}", t::start_of_use_in_use(.code, .user_id))]
    StartOfUseInUse { code: String, user_id: String },
    #[error("{}", ja::BUREAU_UNKNOWN)]
    BureauUnknown,
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Announcement(#[from] todoke_core::announcement::AnnouncementError),
    #[error("{}", t::ANNOUNCEMENT_CLEAR_WITH_TEXT)]
    AnnouncementClearWithText,
}

/// A storage failure with `e` as its detail.
pub(crate) fn storage(e: impl std::fmt::Display) -> OperatorError {
    OperatorError::Storage(e.to_string())
}

impl From<sqlx::Error> for OperatorError {
    fn from(e: sqlx::Error) -> Self {
        storage(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_the_japanese_texts() {
        assert_eq!(
            OperatorError::AccountNotFound("ABC".into()).to_string(),
            t::account_not_found("ABC")
        );
        assert_eq!(
            OperatorError::IssuanceConflict.to_string(),
            t::ISSUANCE_CONFLICT
        );
        assert_eq!(
            storage("disk full").to_string(),
            ja::account_storage_failed("disk full")
        );
    }
}
