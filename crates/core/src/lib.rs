//! Domain rules of Todoke, shared by the browser app and the server.
//!
//! Every check the browser makes, the server makes again by calling the same function here,
//! so the two can never disagree. Nothing in this crate does I/O; it builds for wasm32 and native.

pub mod announcement;
pub mod api;
pub mod calendar;
pub mod era;
pub mod forms;
pub mod institution;
pub mod lifecycle;
pub mod password;
pub mod service_hours;
pub mod text;
pub mod user_id;
pub mod width;

pub use api::{ApiError, ErrorCode, FieldErrors};
pub use institution::{
    FeeScheduleClass, InstitutionCode, InstitutionCodeError, Prefecture, RegionalBureau,
};
pub use password::{PasswordPolicy, PasswordRule};
pub use service_hours::{ServiceHours, ServiceState};
pub use user_id::UserId;
