//! The last stage: module assembly and validation.

pub mod module;
pub mod peephole;
pub mod validate;
