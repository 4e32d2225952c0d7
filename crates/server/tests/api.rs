//! Integration tests of the API, zero2prod style: every test gets a fresh SQLite database in a
//! temporary directory and a manual clock, and drives the real router with `oneshot` (no socket).

mod api {
    pub mod helpers;

    mod admin;
    mod csrf;
    mod documents;
    mod drafts;
    mod errors;
    mod forms;
    mod instances;
    mod issuance;
    mod lifecycle;
    mod openapi;
    mod password_change;
    mod reissue_requests;
    mod review_queue;
    mod server;
    mod service_hours;
    mod session;
    mod start_of_use_requests;
    mod static_files;
    mod tls;
}
