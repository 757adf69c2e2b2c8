//! Support for the criterion micro-benchmarks (`cargo bench -p
//! micro-benches`): compiles the Go programs under `programs/` with the
//! gowasm compiler and runs them on the `vm` runtime. The benchmarks
//! themselves are in `benches/micro.rs`; whole-program comparisons with
//! native Go and Go's wasip1 port are `benches/run.sh`.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Compiles the Go file or package `target` (relative to the repository).
pub fn compile(target: &str) -> Result<Vec<u8>> {
    compiler::compile(&[format!("./{target}")], &repo())
}

/// Runs `program` with `args` and returns what it printed to stdout.
pub fn run(program: &vm::Program, args: &[&str]) -> Result<String> {
    let (stdout, buf) = vm::capture();
    let (stderr, errs) = vm::capture();
    let mut argv = vec!["bench".to_string()];
    argv.extend(args.iter().map(|a| a.to_string()));
    let outcome = program.run(vm::RunOptions {
        args: argv,
        stdout,
        stderr,
        ..vm::RunOptions::default()
    })?;
    if outcome != vm::Outcome::Exit(0) {
        bail!(
            "{outcome:?}: {}",
            String::from_utf8_lossy(&errs.lock().unwrap())
        );
    }
    let out = buf.lock().unwrap().clone();
    Ok(String::from_utf8(out)?)
}

/// Runs `programs/ops.go`'s operation `op` n times and returns the time
/// the program measured around its loop (start-up excluded).
pub fn time_op(ops: &vm::Program, op: &str, n: u64) -> Result<Duration> {
    let out = run(ops, &[op, &n.to_string()])?;
    let ns: u64 = out
        .trim()
        .parse()
        .with_context(|| format!("ops.go {op} printed {out:?}"))?;
    Ok(Duration::from_nanos(ns))
}

/// The operations `programs/ops.go` times.
pub const OPS: &[&str] = &[
    "chan_pingpong",
    "go_spawn",
    "map_str_update",
    "map_int_lookup",
    "iface_call",
    "closure_call",
    "alloc_struct",
    "append_byte",
    "string_concat",
];
