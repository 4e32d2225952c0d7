//! English text, one file per area of the product, with the same names, types and signatures
//! as the Japanese text in `super::ja`. Messages say what to do, not only what is wrong. Every
//! item is re-exported here, so callers name `en::LOGIN_TITLE` whatever file holds it; the form
//! engine's and the operator's texts keep their own namespaces (`en::forms`, `en::issuance`).

mod account;
mod filings;
mod general;
mod manual;
mod reissue;
mod service;
mod start_of_use;
mod wizard;

pub mod forms;
pub mod issuance;

pub use account::*;
pub use filings::*;
pub use general::*;
pub use manual::*;
pub use reissue::*;
pub use service::*;
pub use start_of_use::*;
pub use wizard::*;
