//! `gowasm`: builds Go programs to WebAssembly GC modules and runs them,
//! in the shape of the go tool.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use compiler::frontend::CompileErrors;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod gotest;

#[derive(Parser)]
#[command(
    name = "gowasm",
    version,
    about = "Compile Go to WebAssembly GC and run it"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a main package (a directory, import path or .go files) to a module.
    Build {
        /// Output file (default: the package or first file's name + .wasm).
        #[arg(short = 'o')]
        output: Option<PathBuf>,
        /// Package directory, import path, or .go files (default ".").
        packages: Vec<String>,
    },
    /// Compile and run a main package: `gowasm run [package | files.go] [args...]`.
    Run {
        /// Package or .go files, then the program's arguments.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Test packages as `go test` does:
    /// `gowasm test [-run re] [-v] [-bench re] [-count n] [packages] [-args ...]`.
    Test {
        /// go test flags, then packages (default ".").
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

fn main() -> ExitCode {
    vm::init_logging();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if let Some(ce) = e.downcast_ref::<CompileErrors>() {
                eprintln!("{ce}");
            } else {
                eprintln!("gowasm: {e:#}");
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let cwd = std::env::current_dir().context("reading the current directory")?;
    match cli.command {
        Command::Build { output, packages } => {
            let packages = if packages.is_empty() {
                vec![".".to_string()]
            } else {
                packages
            };
            let wasm = compiler::compile(&packages, &cwd)?;
            let out = output.unwrap_or_else(|| default_output(&packages[0], &cwd));
            std::fs::write(&out, &wasm).with_context(|| format!("writing {}", out.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Run { args } => {
            let split = if args.first().is_some_and(|a| a.ends_with(".go")) {
                args.iter().take_while(|a| a.ends_with(".go")).count()
            } else {
                1.min(args.len())
            };
            let (packages, prog_args) = args.split_at(split);
            let packages = if packages.is_empty() {
                vec![".".to_string()]
            } else {
                packages.to_vec()
            };
            let wasm = compiler::compile(&packages, &cwd)?;
            let runtime = vm::Runtime::with_cache(&vm::cache_dir().join("modules"))?;
            let program = runtime.load(&wasm)?;
            let name = default_output(&packages[0], &cwd);
            let mut argv = vec![name.with_extension("").display().to_string()];
            argv.extend(prog_args.iter().cloned());
            // As `go run`: the program works in the current directory and
            // the temporary directory, and finds the time zone database
            // (gowasm-run grants nothing unasked).
            let tmp = std::env::temp_dir();
            let granted: Vec<&Path> = if cwd.starts_with(&tmp) {
                vec![&tmp]
            } else if tmp.starts_with(&cwd) {
                vec![&cwd]
            } else {
                vec![&cwd, &tmp]
            };
            let dirs = granted
                .into_iter()
                .map(|d| vm::DirGrant {
                    host: d.to_path_buf(),
                    guest: d.display().to_string(),
                    read_only: false,
                })
                .chain(vm::DirGrant::zoneinfo())
                .collect();
            let mut env: Vec<(String, String)> =
                std::env::vars().filter(|(k, _)| k != "PWD").collect();
            env.push(("PWD".into(), cwd.display().to_string()));
            let outcome = program.run(vm::RunOptions {
                args: argv,
                env,
                sched_stress: vm::sched_stress_from_env().map_err(anyhow::Error::msg)?,
                dirs,
                // As `go run`: the program may use the network.
                net: vm::NetPolicy::allow_all(),
                signals: vm::relay_process_signals(1)?.pop(),
                ..vm::RunOptions::default()
            })?;
            if let vm::Outcome::Signal(sig) = outcome {
                vm::die_by_signal(sig);
            }
            Ok(ExitCode::from(outcome.exit_code() as u8))
        }
        Command::Test { args } => gotest::run(&args, &cwd),
    }
}

/// go build's default output name, with .wasm.
fn default_output(package: &str, cwd: &Path) -> PathBuf {
    let name = if package.ends_with(".go") {
        Path::new(package)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
    } else if package == "." {
        cwd.file_name().map(|s| s.to_string_lossy().into_owned())
    } else {
        package
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .map(str::to_string)
    };
    PathBuf::from(format!("{}.wasm", name.unwrap_or_else(|| "main".into())))
}
