//! The last stage: peephole rewriting of function bodies, module assembly
//! and validation.

pub mod module;
pub mod peephole;
pub mod validate;
