//! Embedding gowasm in a Rust program: host functions that Go calls
//! through `//go:wasmimport`, the program's stdin from a reader, its
//! output captured, a memory cap and a deadline, and how the run ended.
//!
//! ```sh
//! gowasm build -o greeter.wasm ./vm/examples/greeter
//! cargo run --release -p vm --example embed -- greeter.wasm
//! ```

use std::sync::{Arc, Mutex};
use std::time::Duration;
use vm::{Limits, Outcome, RunOptions, Runtime, Value, ValueType};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: embed MODULE.wasm"))?;
    let recorded = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = recorded.clone();
    let runtime = Runtime::builder()
        // A deadline needs compiled-in interruption checks.
        .interruptible(true)
        .host_func(
            "app",
            "greeting",
            &[ValueType::Bytes],
            &[ValueType::Bytes],
            |args| {
                let [Value::Bytes(lang)] = args else {
                    anyhow::bail!("expected a language");
                };
                let text = match lang.as_slice() {
                    b"en" => "Hello",
                    _ => "Hi",
                };
                Ok(vec![Value::Bytes(text.into())])
            },
        )
        .host_func(
            "app",
            "add",
            &[ValueType::I64, ValueType::I64],
            &[ValueType::I64],
            |args| match args {
                [Value::I64(a), Value::I64(b)] => Ok(vec![Value::I64(a + b)]),
                _ => anyhow::bail!("expected two integers"),
            },
        )
        .host_func(
            "app",
            "scale",
            &[ValueType::F64, ValueType::F32],
            &[ValueType::F64],
            |args| match args {
                [Value::F64(x), Value::F32(by)] => Ok(vec![Value::F64(x * f64::from(*by))]),
                _ => anyhow::bail!("expected two floats"),
            },
        )
        .host_func(
            "app",
            "record",
            &[ValueType::Bytes, ValueType::I32],
            &[ValueType::I32],
            move |args| {
                let [Value::Bytes(line), Value::I32(_last)] = args else {
                    anyhow::bail!("expected a line and a flag");
                };
                let mut log = log.lock().unwrap();
                log.push(String::from_utf8_lossy(line).into_owned());
                Ok(vec![Value::I32(log.len() as i32)])
            },
        )
        .build()?;
    let program = runtime.load(&std::fs::read(&path)?)?;
    let (stdout, out) = vm::capture();
    let outcome = program.run(RunOptions {
        args: vec!["greeter".into()],
        stdin: vm::Input::reader(&b"Ada\nGrace\n"[..]),
        stdout,
        limits: Limits {
            max_memory: Some(64 << 20),
            timeout: Some(Duration::from_secs(60)),
        },
        ..RunOptions::default()
    })?;
    print!("{}", String::from_utf8_lossy(&out.lock().unwrap()));
    println!("recorded: {:?}", recorded.lock().unwrap());
    match outcome {
        Outcome::Exit(0) => println!("ok"),
        other => anyhow::bail!("the program ended with {other:?}"),
    }
    Ok(())
}
