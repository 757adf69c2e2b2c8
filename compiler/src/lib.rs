//! The gowasm compiler: Go source to a WebAssembly GC module.
//!
//! The pipeline is: [`frontend`] (a Go program using go/types and x/tools
//! SSA, built and cached on first use) writes the reachable program as
//! [`ir`]; [`analysis`] derives facts from it (which functions may block,
//! checks already made, locals that do not escape, struct values held as
//! fields); [`lower`] turns the SSA into wasm code and GC types, reading
//! those facts; [`emit`] assembles and validates the module. The `gowasm` binary (src/main.rs)
//! wraps this in a go-tool-like CLI.

pub mod analysis;
pub mod emit;
pub mod frontend;
pub mod ir;
pub mod lower;
#[cfg(test)]
mod testir;

use anyhow::Result;
use std::path::Path;

/// Compiles the Go main package named by `pattern` (a directory, an import
/// path, or .go files) to a validated wasm module.
pub fn compile(patterns: &[String], workdir: &Path) -> Result<Vec<u8>> {
    compile_ir(&frontend::run(patterns, workdir, false)?)
}

/// Compiles the test binary of one package (its `_test.go` files and the
/// go command's generated test main) to a validated wasm module; fails
/// with [`frontend::NoTestFiles`] when it has none.
pub fn compile_test(package: &str, workdir: &Path) -> Result<Vec<u8>> {
    compile_ir(&frontend::run(&[package.to_string()], workdir, true)?)
}

fn compile_ir(ir_bytes: &[u8]) -> Result<Vec<u8>> {
    let program = {
        let _span = tracing::debug_span!("parse_ir").entered();
        ir::Program::parse(ir_bytes)?
    };
    // Lowering recurses along dominator trees and type structure: give it
    // a stack deep enough for very large functions.
    let wasm = std::thread::Builder::new()
        .name("lower".into())
        .stack_size(512 << 20)
        .spawn(move || {
            let _span = tracing::debug_span!("lower").entered();
            lower::lower(program)
        })?
        .join()
        .map_err(|_| anyhow::anyhow!("internal compiler error: the back end panicked"))??;
    if let Err(e) = emit::validate::validate(&wasm) {
        // Debugging aid: keep the invalid module for inspection.
        if let Some(path) = std::env::var_os("GOWASM_DUMP_INVALID") {
            std::fs::write(&path, &wasm)?;
        }
        return Err(e);
    }
    Ok(wasm)
}
