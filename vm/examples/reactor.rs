//! Calling Go from Rust: a program's `//go:wasmexport` functions called
//! again and again on one long-lived instance, with goroutines that go on
//! between calls, and a panic ending the instance.
//!
//! ```sh
//! gowasm build -o counter.wasm ./vm/examples/counter
//! cargo run --release -p vm --example reactor -- counter.wasm
//! ```

use vm::{CallError, Outcome, RunOptions, Runtime, Value};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: reactor MODULE.wasm"))?;
    let program = Runtime::new()?.load(&std::fs::read(&path)?)?;
    // Package initialization runs here (it starts a worker goroutine).
    let (stderr, errors) = vm::capture();
    let instance = program.instantiate(RunOptions {
        stderr,
        ..RunOptions::default()
    })?;
    for n in [1, 2, 39] {
        let sum = instance.call("add", &[Value::I64(n)])?;
        println!("add({n}) = {sum:?}");
    }
    for line in ["the quick brown fox", "The lazy dog and the fox"] {
        let n = instance.call("count_words", &[Value::Bytes(line.into())])?;
        println!("count_words({line:?}) = {n:?}");
    }
    let [Value::Bytes(top)] = &instance.call("top", &[Value::I32(2)])?[..] else {
        anyhow::bail!("top returned no string");
    };
    println!("top(2) = {}", String::from_utf8_lossy(top));
    instance.call("spawn", &[Value::I32(100)])?;
    instance.call("spawn", &[Value::I32(50)])?;
    println!("wait() = {:?}", instance.call("wait", &[])?);
    let sum = instance.call(
        "checksum",
        &[
            Value::Bytes(vec![1, 2, 3, 250]),
            Value::F64(0.5),
            Value::I32(1),
        ],
    )?;
    println!("checksum = {sum:?}");
    match instance.call("add", &[Value::I32(1)]) {
        Err(e @ CallError::Arguments { .. }) => println!("add(i32): {e}"),
        other => anyhow::bail!("add with an i32: {other:?}"),
    }
    match instance.call("fail", &[Value::Bytes("on purpose".into())]) {
        Err(CallError::Ended(Outcome::Panic { message, .. })) => {
            println!("fail: {}", message.trim_end())
        }
        other => anyhow::bail!("fail returned {other:?}"),
    }
    match instance.call("add", &[Value::I64(1)]) {
        Err(CallError::Ended(outcome)) => println!("after the panic: {outcome:?}"),
        other => anyhow::bail!("a call after the panic returned {other:?}"),
    }
    let errors = errors.lock().unwrap();
    let first = String::from_utf8_lossy(&errors);
    println!("stderr: {}", first.lines().next().unwrap_or_default());
    Ok(())
}
