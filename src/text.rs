//! The app's strings. All user-facing text lives in `todoke_core::text`, one module per
//! language; switching language means changing this one re-export.
pub use todoke_core::text::ja::*;
