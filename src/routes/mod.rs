//! One module per page; `chunks` says which of them load on demand.

pub mod chunks;
pub mod connection_check;
pub mod login;
pub mod manual;
pub mod not_found;
pub mod notices;
pub mod password;
pub mod procedures;
pub mod reissue_request;
pub mod reissue_review;
pub mod review;
pub mod service_closed;
pub mod start_of_use_request;
pub mod start_of_use_review;
pub mod submission;
pub mod submissions;
pub mod wizard;
