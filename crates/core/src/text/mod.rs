//! Every user-facing string, one module per language. The Japanese text is the product's;
//! an English translation adds `en.rs` with the same names.

pub mod ja;
