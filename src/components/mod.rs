//! Reusable pieces of the interface. They wire signals to markup; the rules live in
//! `todoke_core` and in `crate::components::form`'s plain types.

pub mod error_summary;
pub mod fields;
pub mod filing;
pub mod form;
pub mod header;
pub mod notice;
pub mod page;
pub mod page_chunk;
pub mod public_request;
pub mod request_decision;
pub mod timeout_dialog;
