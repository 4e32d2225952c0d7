//! Every SQL statement on filings: drafts, submissions, the audit log (`filing_events`),
//! notices, the arrival and acceptance counters, and end-of-use records. Rows are decoded into
//! domain types here (statuses as `FilingStatus`, times as Unix seconds), so callers never
//! parse what the database holds. Statements take a connection (`&mut Conn`, a transaction
//! borrowed as one) so that the lifecycle decides what runs in one transaction.

mod drafts;
mod log;
mod submissions;

pub use drafts::*;
pub use log::*;
pub use submissions::*;

use sha2::{Digest, Sha256};
use time::Date;

use crate::error::AppError;

pub(crate) fn json_text<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(format!("json: {e}")))
}

/// Hex SHA-256 of the answers as stored.
pub fn content_sha256(stored_answers: &str) -> String {
    hex::encode(Sha256::digest(stored_answers.as_bytes()))
}

pub(crate) fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}
