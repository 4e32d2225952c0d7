//! The app's strings: `todoke_core::text::current`, every catalogue item as a function that
//! answers in the language the user chose (see `crate::language`).
pub use todoke_core::text::current::*;
