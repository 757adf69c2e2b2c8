//! Validates every emitted module with `wasmparser`, using exactly the
//! feature set the `vm` enables, so a module that builds is a module
//! `gowasm-run` accepts.

use anyhow::{Result, anyhow};
use wasmparser::{Name, Parser, Payload};

pub fn validate(wasm: &[u8]) -> Result<()> {
    let mut validator = wasmparser::Validator::new_with_features(vm::wasm_features());
    validator.validate_all(wasm).map(|_| ()).map_err(|e| {
        let func = function_at(wasm, e.offset())
            .map(|f| format!(" in {f}"))
            .unwrap_or_default();
        anyhow!(
            "internal compiler error: emitted module is invalid: {} (at offset {:#x}{func})",
            e.message(),
            e.offset()
        )
    })
}

/// The name (or index) of the function whose body holds `offset`.
fn function_at(wasm: &[u8], offset: usize) -> Option<String> {
    let mut imported = 0u32;
    let mut found = None;
    let mut defined = 0u32;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            Payload::ImportSection(s) => {
                for imp in s.into_imports() {
                    if matches!(imp.ok()?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                if body.range().contains(&offset) {
                    found = Some(imported + defined);
                }
                defined += 1;
            }
            Payload::CustomSection(c) => {
                if let (Some(index), wasmparser::KnownCustom::Name(names)) = (found, c.as_known()) {
                    for name in names {
                        if let Name::Function(map) = name.ok()? {
                            for n in map {
                                let n = n.ok()?;
                                if n.index == index {
                                    return Some(n.name.to_string());
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    found.map(|i| format!("function {i}"))
}
