//! One module per page.

pub mod login;
pub mod manual;
pub mod not_found;
pub mod password;
pub mod service_closed;
pub mod submissions;
