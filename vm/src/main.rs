//! `gowasm-run [OPTIONS] <MODULE.wasm> [ARGS...]`: runs a module built by
//! `gowasm`, in the spirit of `wasmtime run`.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "gowasm-run", version, about = "Run a gowasm module")]
struct Cli {
    /// Set an environment variable for the program (repeatable); the
    /// program sees only these.
    #[arg(long = "env", value_name = "KEY=VALUE")]
    env: Vec<String>,
    /// Do not use the compiled-module cache ($GOWASM_CACHE/modules, by
    /// default ~/.cache/gowasm/modules).
    #[arg(long)]
    no_cache: bool,
    /// The module to run.
    module: PathBuf,
    /// Arguments passed to the program.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    vm::init_logging();
    let cli = Cli::parse();
    let path = cli.module.display().to_string();
    let fail = |msg: String| {
        eprintln!("gowasm-run: {path}: {msg}");
        ExitCode::from(1)
    };
    let bytes = match std::fs::read(&cli.module) {
        Ok(b) => b,
        Err(e) => return fail(e.to_string()),
    };
    let mut env = Vec::new();
    for kv in &cli.env {
        match kv.split_once('=') {
            Some((k, v)) => env.push((k.to_string(), v.to_string())),
            None => return fail(format!("--env {kv}: expected KEY=VALUE")),
        }
    }
    let runtime = if cli.no_cache {
        vm::Runtime::new()
    } else {
        vm::Runtime::with_cache(&vm::cache_dir().join("modules"))
    };
    let runtime = match runtime {
        Ok(r) => r,
        Err(e) => return fail(format!("{e:#}")),
    };
    let program = match runtime.load(&bytes) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    let mut args = vec![path.clone()];
    args.extend(cli.args);
    match program.run(vm::RunOptions {
        args,
        env,
        stdout: vm::Output::Inherit,
        stderr: vm::Output::Inherit,
    }) {
        Ok(outcome) => ExitCode::from(outcome.exit_code as u8),
        Err(e) => fail(format!("{e:#}")),
    }
}
