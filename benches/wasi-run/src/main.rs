//! `wasi-run module.wasm [args...]`: runs a WASI preview 1 command module
//! (Go's `GOOS=wasip1 GOARCH=wasm` output) on Wasmtime 48, the engine
//! version gowasm-run uses, so that benches/run.sh compares like with like.
//!
//! Stdio and the environment are inherited, the arguments are passed on
//! (the module path is argv[0], as `wasmtime run` does), and the exit status
//! of `proc_exit` is propagated. No directories are granted. The engine uses
//! Wasmtime's (Cranelift's) defaults, as `vm::Runtime` does; like
//! gowasm-run today, the module is compiled on every start (no cache) unless
//! `WASI_RUN_CACHE=dir` names a directory for Wasmtime's on-disk cache of
//! compiled modules.
use std::process::ExitCode;
use wasmtime::error::Context as _;
use wasmtime::{Cache, CacheConfig, Config, Engine, Linker, Module, Result, Store, bail};
use wasmtime_wasi::I32Exit;
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::{self, WasiP1Ctx};

fn main() -> ExitCode {
    match run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("wasi-run: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<u8> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        bail!("usage: wasi-run module.wasm [args...]");
    };

    let mut config = Config::new();
    if let Some(dir) = std::env::var_os("WASI_RUN_CACHE").filter(|d| !d.is_empty()) {
        let mut cache = CacheConfig::new();
        cache.with_directory(dir);
        config.cache(Some(Cache::new(cache)?));
    }
    let engine = Engine::new(&config)?;
    let module = Module::from_file(&engine, path).with_context(|| format!("loading {path}"))?;

    let mut linker: Linker<WasiP1Ctx> = Linker::new(&engine);
    p1::add_to_linker_sync(&mut linker, |cx| cx)?;
    let ctx = WasiCtxBuilder::new()
        .inherit_stdio()
        .inherit_env()
        .args(&args)
        .build_p1();
    let mut store = Store::new(&engine, ctx);
    let instance = linker.instantiate(&mut store, &module)?;
    let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
    match start.call(&mut store, ()) {
        Ok(()) => Ok(0),
        Err(e) => match e.downcast_ref::<I32Exit>() {
            // Exit statuses are 0..=255 on Unix; Go exits with 0..=125 or 2.
            Some(exit) => Ok(exit.0 as u8),
            None => Err(e.context("running _start")),
        },
    }
}
