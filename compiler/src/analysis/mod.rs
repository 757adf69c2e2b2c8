//! Facts about the program derived from the IR before lowering, each a pass
//! of its own that lowering only reads:
//!
//! * [`blocking`]: which functions may block (and are compiled resumable),
//!   and which functions are called through func values;
//! * [`cfg`]: reverse postorder, dominators, loops and merge nodes of a
//!   function's control-flow graph (for structured emission and the
//!   dominator-based facts);
//! * [`checks`]: bounds and nil checks the program has already made;
//! * [`escape`]: local variables used only through loads and stores (which
//!   may then live in wasm locals);
//! * [`flat`]: struct values that can be held as their fields.

pub mod blocking;
pub mod cfg;
pub mod checks;
pub mod escape;
pub mod flat;
