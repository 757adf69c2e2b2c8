//! Validates every emitted module with `wasmparser`, using exactly the
//! feature set the `vm` enables, so a module that builds is a module
//! `gowasm-run` accepts.

use anyhow::{Result, anyhow};

pub fn validate(wasm: &[u8]) -> Result<()> {
    let mut validator = wasmparser::Validator::new_with_features(vm::wasm_features());
    validator.validate_all(wasm).map(|_| ()).map_err(|e| {
        anyhow!(
            "internal compiler error: emitted module is invalid: {} (at offset {:#x})",
            e.message(),
            e.offset()
        )
    })
}
