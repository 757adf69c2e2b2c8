//! Embedding gowasm in a Rust program: host functions that Go calls
//! through `//go:wasmimport` (numbers, strings, a `[]byte` filled in
//! place, pointers into a struct and a slice, a buffer pinned with
//! `runtime.Pinner` and filled after its call), the program's stdin from
//! a reader, its output captured, a memory cap and a deadline, and how
//! the run ended.
//!
//! ```sh
//! gowasm build -o greeter.wasm ./vm/examples/greeter
//! cargo run --release -p vm --example embed -- greeter.wasm
//! ```

use std::sync::{Arc, Mutex};
use std::time::Duration;
use vm::{ByteSlice, Limits, Outcome, RunOptions, Runtime, StaleHandle, Value, ValueType};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: embed MODULE.wasm"))?;
    let recorded = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = recorded.clone();
    // The buffer `deliver` handed over, filled by `complete`.
    let pending = Arc::new(Mutex::new(None::<ByteSlice>));
    let delivered = pending.clone();
    let runtime = Runtime::builder()
        // A deadline needs compiled-in interruption checks.
        .interruptible(true)
        .host_func(
            "app",
            "greeting",
            &[ValueType::Bytes],
            &[ValueType::Bytes],
            |_, args| {
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
            |_, args| match args {
                [Value::I64(a), Value::I64(b)] => Ok(vec![Value::I64(a + b)]),
                _ => anyhow::bail!("expected two integers"),
            },
        )
        .host_func(
            "app",
            "scale",
            &[ValueType::F64, ValueType::F32],
            &[ValueType::F64],
            |_, args| match args {
                [Value::F64(x), Value::F32(by)] => Ok(vec![Value::F64(x * f64::from(*by))]),
                _ => anyhow::bail!("expected two floats"),
            },
        )
        .host_func(
            "app",
            "record",
            &[ValueType::Bytes, ValueType::I32],
            &[ValueType::I32],
            move |_, args| {
                let [Value::Bytes(line), Value::I32(_last)] = args else {
                    anyhow::bail!("expected a line and a flag");
                };
                let mut log = log.lock().unwrap();
                log.push(String::from_utf8_lossy(line).into_owned());
                Ok(vec![Value::I32(log.len() as i32)])
            },
        )
        .host_func(
            "app",
            "banner",
            &[ValueType::ByteSlice],
            &[ValueType::I32],
            |call, args| {
                let [Value::Slice(buf)] = args else {
                    anyhow::bail!("expected a buffer");
                };
                let text = b"gowasm embedding example";
                let n = text.len().min(buf.len());
                call.write(*buf, 0, &text[..n])?;
                Ok(vec![Value::I32(n as i32)])
            },
        )
        .host_func(
            "app",
            "bump",
            &[ValueType::Pointer, ValueType::I32],
            &[ValueType::I64],
            |call, args| {
                let [Value::Pointer(p), Value::I32(by)] = args else {
                    anyhow::bail!("expected a pointer and an amount");
                };
                let Value::I64(old) = call.load(*p)? else {
                    anyhow::bail!("expected a pointer to a 64-bit integer");
                };
                call.store(*p, Value::I64(old + i64::from(*by)))?;
                Ok(vec![Value::I64(old)])
            },
        )
        .host_func(
            "app",
            "deliver",
            &[ValueType::ByteSlice],
            &[],
            move |_, args| {
                let [Value::Slice(buf)] = args else {
                    anyhow::bail!("expected a buffer");
                };
                *delivered.lock().unwrap() = Some(*buf);
                Ok(vec![])
            },
        )
        .host_func("app", "complete", &[], &[ValueType::I32], move |call, _| {
            let Some(buf) = pending.lock().unwrap().take() else {
                anyhow::bail!("no buffer delivered");
            };
            let text = b"filled later";
            match call.write(buf, 0, text) {
                Ok(()) => Ok(vec![Value::I32(text.len() as i32)]),
                Err(e) if e.is::<StaleHandle>() => Ok(vec![Value::I32(-1)]),
                Err(e) => Err(e),
            }
        })
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
