//! `gowasm-run [OPTIONS] <MODULE.wasm | PROGRAM.cwasm> [ARGS...]`: runs a
//! module built by `gowasm`, in the spirit of `wasmtime run`;
//! `gowasm-run compile MODULE.wasm [-o PROGRAM.cwasm]` precompiles one,
//! as `wasmtime compile`.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gowasm-run",
    version,
    about = "Run a gowasm module",
    after_help = "`gowasm-run compile MODULE.wasm` precompiles a module (see `gowasm-run compile --help`)."
)]
struct Cli {
    /// Set an environment variable for the program (repeatable); KEY
    /// alone passes the host's value of KEY, if it has one. The program
    /// sees only these (and the host's with --inherit-env).
    #[arg(long = "env", value_name = "KEY[=VALUE]")]
    env: Vec<String>,
    /// Pass the host's whole environment to the program (--env entries
    /// still add to or override it).
    #[arg(long)]
    inherit_env: bool,
    /// Grant the program a host directory (repeatable): HOST, seen at the
    /// same path, or HOST::GUEST, seen at GUEST; append `:ro` for read
    /// only. Paths cannot leave it (`..`, absolute paths and symlinks are
    /// resolved inside). Without any, the program has no files.
    #[arg(long = "dir", value_name = "HOST[::GUEST][:ro]", value_parser = vm::DirGrant::parse)]
    dirs: Vec<vm::DirGrant>,
    /// Do not use the compiled-module cache ($GOWASM_CACHE/modules, by
    /// default ~/.cache/gowasm/modules).
    #[arg(long)]
    no_cache: bool,
    /// Initial size of the program's garbage-collected heap, in bytes or
    /// with a K, M or G suffix (default 16M). Larger means fewer
    /// collections for programs with much live data, and more resident
    /// memory for programs that allocate a lot.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    gc_heap_initial: Option<u64>,
    /// Cap the program's garbage-collected heap at SIZE (bytes, or with a
    /// K, M or G suffix). The collector uses half the heap at a time, so
    /// live data can reach about half of SIZE; a program that needs more
    /// ends with Go's "fatal error: runtime: out of memory", exit status 2.
    /// Default: the engine's ceiling (4G).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<u64>,
    /// End the program once it has run for DURATION (Go's syntax: 1h30m,
    /// 10s, 250ms; a bare number is seconds), with a message and the
    /// running goroutine's traceback on stderr, exit status 124.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    timeout: Option<std::time::Duration>,
    /// The most stack the program may use (default 256M); deeper
    /// recursion ends it with Go's "fatal error: stack overflow", exit
    /// status 2.
    #[arg(long, value_name = "SIZE", value_parser = parse_stack)]
    max_stack: Option<usize>,
    /// Run the scheduler in its stress mode (for tests): goroutines in
    /// random order, random yields at channel operations, a clock that
    /// jumps ahead. SEED is a non-zero number, or `random` (the seed is
    /// printed). Default: $GOWASM_SCHED_STRESS, else off.
    #[arg(long, value_name = "SEED", value_parser = vm::parse_sched_stress)]
    sched_stress: Option<std::num::NonZeroU64>,
    /// Allow the program every network operation (listening and
    /// connecting anywhere). Without it, only what --listen and --connect
    /// grant; anything else fails with "permission denied".
    #[arg(long)]
    net: bool,
    /// Allow listening on ADDR:PORT (repeatable). ADDR is an IP address,
    /// `[IPv6]`, or `*` or nothing for any; PORT a number, a range
    /// LOW-HIGH, or `*`. A program listening on all interfaces (`:8080`)
    /// listens on the granted address with that port.
    #[arg(long = "listen", value_name = "ADDR:PORT", value_parser = vm::Grant::parse)]
    listen: Vec<Vec<vm::Grant>>,
    /// Allow connecting (and sending datagrams) to HOST:PORT (repeatable):
    /// HOST an IP address, `[IPv6]`, a name (its addresses now), or `*`;
    /// PORT as for --listen.
    #[arg(long = "connect", value_name = "HOST:PORT", value_parser = vm::Grant::parse)]
    connect: Vec<Vec<vm::Grant>>,
    /// Run N instances of the program (default 1; `auto`: one per core),
    /// for stateless servers: each has its own memory and globals, as the
    /// processes of a pool do; they share their listening ports, over
    /// which the kernel spreads connections, and read no standard input.
    /// Signals reach every replica; the first non-zero exit status ends
    /// them all.
    #[arg(long, value_name = "N", value_parser = parse_replicas, default_value = "1")]
    replicas: usize,
    /// The module to run, then the arguments passed to the program — all
    /// of them, flags such as --help included: gowasm-run's own options go
    /// before the module.
    #[arg(
        value_name = "MODULE.wasm [ARGS]",
        required = true,
        num_args = 1..,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    command: Vec<String>,
}

/// `gowasm-run compile`.
#[derive(Parser)]
#[command(
    name = "gowasm-run compile",
    about = "Precompile a gowasm module for this gowasm-run: the program then runs without compiling (Wasmtime's compiled code, for this machine's architecture and this gowasm-run's version and settings)"
)]
struct CompileCli {
    /// Compile in the interruption checks that --timeout needs (slower
    /// code; a program precompiled without them cannot run with
    /// --timeout).
    #[arg(long)]
    interruptible: bool,
    /// The initial GC heap size the program will run with (a setting of
    /// the compiled code: runs must use the same --gc-heap-initial).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    gc_heap_initial: Option<u64>,
    /// Where to write the precompiled program (default: the module's name
    /// with .cwasm).
    #[arg(short = 'o', value_name = "PROGRAM.cwasm")]
    output: Option<PathBuf>,
    /// The module built by `gowasm build`.
    #[arg(value_name = "MODULE.wasm")]
    module: PathBuf,
}

fn main() -> ExitCode {
    vm::init_logging();
    if std::env::args_os().nth(1).is_some_and(|a| a == "compile") {
        let args = std::env::args_os().skip(2);
        return compile(CompileCli::parse_from(
            std::iter::once("gowasm-run compile".into()).chain(args),
        ));
    }
    let cli = Cli::parse();
    let (path, program_args) = cli.command.split_first().expect("clap requires the module");
    let path = path.clone();
    let fail = |msg: String| {
        eprintln!("gowasm-run: {path}: {msg}");
        ExitCode::from(1)
    };
    // First, so that a signal during the compilation ends the process as
    // it would end the program (a container's PID 1 ignores signals it
    // has no handler for).
    let signals = match vm::relay_process_signals(cli.replicas) {
        Ok(relays) => relays,
        Err(e) => return fail(format!("installing signal handlers: {e}")),
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => return fail(e.to_string()),
    };
    let env = program_env(cli.inherit_env, &cli.env);
    let sched_stress = match cli.sched_stress {
        Some(seed) => Some(seed),
        None => match vm::sched_stress_from_env() {
            Ok(seed) => seed,
            Err(e) => return fail(e),
        },
    };
    // A precompiled program needs no cache, and says whether it has the
    // interruption checks.
    let precompiled = vm::precompiled_interruptible(&bytes);
    let runtime = vm::Runtime::with_options(vm::RuntimeOptions {
        cache: (!cli.no_cache && precompiled.is_none())
            .then(|| vm::cache_dir().join("modules"))
            .filter(|dir| usable_cache(dir)),
        // A cap below the initial heap lowers the initial heap.
        gc_heap_initial: cli
            .gc_heap_initial
            .unwrap_or(vm::GC_HEAP_INITIAL)
            .min(cli.max_memory.unwrap_or(u64::MAX)),
        max_stack: cli.max_stack.unwrap_or(vm::MAX_STACK),
        interruptible: cli.timeout.is_some() || precompiled == Some(true),
    });
    let runtime = match runtime {
        Ok(r) => r,
        Err(e) => return fail(format!("{e:#}")),
    };
    let program = match runtime.load(&bytes) {
        Ok(p) => p,
        Err(e) => return fail(e.to_string()),
    };
    let mut args = vec![path.clone()];
    args.extend_from_slice(program_args);
    let replicas = signals.len();
    let opts = |signals: vm::SignalRelay| vm::RunOptions {
        args: args.clone(),
        env: env.clone(),
        stdin: match replicas {
            1 => vm::Input::Inherit,
            _ => vm::Input::Empty,
        },
        sched_stress,
        dirs: cli.dirs.clone(),
        net: vm::NetPolicy {
            all: cli.net,
            listen: cli.listen.iter().flatten().cloned().collect(),
            connect: cli.connect.iter().flatten().cloned().collect(),
            share_ports: replicas > 1,
        },
        signals: Some(signals),
        limits: vm::Limits {
            max_memory: cli.max_memory,
            timeout: cli.timeout,
        },
        ..vm::RunOptions::default()
    };
    // Each replica on a thread of its own; the first to end with a
    // non-zero status (or by a signal) ends the process with it.
    let (ended, outcomes) = std::sync::mpsc::channel();
    for relay in signals {
        let (program, opts, ended) = (program.clone(), opts(relay), ended.clone());
        std::thread::spawn(move || {
            let _ = ended.send(program.run(opts));
        });
    }
    drop(ended);
    let mut status = ExitCode::SUCCESS;
    for outcome in outcomes {
        match outcome {
            Ok(vm::Outcome::Signal(sig)) => vm::die_by_signal(sig),
            Ok(outcome) if outcome.exit_code() != 0 => {
                return ExitCode::from(outcome.exit_code() as u8);
            }
            Ok(_) => {}
            Err(e) => status = fail(format!("{e:#}")),
        }
    }
    status
}

/// The number of replicas: a positive number, or `auto` for one per core.
fn parse_replicas(s: &str) -> Result<usize, String> {
    match s {
        "auto" => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        _ => match s.parse() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("{s:?}: expected a positive number or `auto`")),
        },
    }
}

/// `gowasm-run compile`: writes the precompiled program.
fn compile(cli: CompileCli) -> ExitCode {
    let fail = |msg: String| {
        eprintln!("gowasm-run compile: {}: {msg}", cli.module.display());
        ExitCode::from(1)
    };
    let bytes = match std::fs::read(&cli.module) {
        Ok(b) => b,
        Err(e) => return fail(e.to_string()),
    };
    let runtime = vm::Runtime::with_options(vm::RuntimeOptions {
        gc_heap_initial: cli.gc_heap_initial.unwrap_or(vm::GC_HEAP_INITIAL),
        interruptible: cli.interruptible,
        ..vm::RuntimeOptions::default()
    });
    let precompiled = match runtime.map(|r| r.precompile(&bytes)) {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => return fail(e.to_string()),
        Err(e) => return fail(format!("{e:#}")),
    };
    let out = cli
        .output
        .clone()
        .unwrap_or_else(|| cli.module.with_extension("cwasm"));
    match std::fs::write(&out, precompiled) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(format!("writing {}: {e}", out.display())),
    }
}

/// Whether the module cache can be used: its directory exists or can be
/// made, and takes files. Otherwise (a read-only file system, a user
/// without a home, as in a locked-down container) the run goes on without
/// it, after one warning.
fn usable_cache(dir: &std::path::Path) -> bool {
    let probe = dir.join(format!(".probe-{}", std::process::id()));
    let usable = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&probe, b""));
    let _ = std::fs::remove_file(&probe);
    if let Err(e) = usable {
        eprintln!(
            "gowasm-run: warning: module cache {} unusable ({e}); compiling without it",
            dir.display()
        );
        return false;
    }
    true
}

/// The program's environment: the host's with `inherit`, then each
/// `--env` entry (KEY=VALUE, or KEY for the host's value) in order, a
/// later value of a key replacing an earlier one.
fn program_env(inherit: bool, entries: &[String]) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = if inherit {
        std::env::vars_os()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.to_string_lossy().into_owned(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    for entry in entries {
        let (key, value) = match entry.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => match std::env::var_os(entry) {
                Some(v) => (entry.clone(), v.to_string_lossy().into_owned()),
                None => continue,
            },
        };
        env.retain(|(k, _)| *k != key);
        env.push((key, value));
    }
    env
}

/// A size in bytes: a number with an optional K, M or G (binary) suffix.
fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, shift) = match s.strip_suffix(['K', 'k']) {
        Some(d) => (d, 10),
        None => match s.strip_suffix(['M', 'm']) {
            Some(d) => (d, 20),
            None => match s.strip_suffix(['G', 'g']) {
                Some(d) => (d, 30),
                None => (s, 0),
            },
        },
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size (bytes, or a number with K, M or G)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

/// A stack size: as `parse_size`, at least 64K and at most 4G (the
/// stack is a thread's, reserved up front).
fn parse_stack(s: &str) -> Result<usize, String> {
    let n = parse_size(s)?;
    if !(64 << 10..=4 << 30).contains(&n) {
        return Err(format!("{s:?}: a stack size is between 64K and 4G"));
    }
    usize::try_from(n).map_err(|e| e.to_string())
}

/// A duration in Go's syntax (`time.ParseDuration`: a sequence of decimal
/// numbers with units ns, us, ms, s, m, h, such as 1h30m or 2.5s); a bare
/// number is seconds.
fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let bad = || format!("{s:?} is not a duration (such as 30s, 1m30s, 250ms)");
    if let Ok(secs) = s.parse::<f64>() {
        return std::time::Duration::try_from_secs_f64(secs).map_err(|_| bad());
    }
    if s.is_empty() {
        return Err(bad());
    }
    let mut rest = s;
    let mut total = 0f64;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .ok_or_else(bad)?;
        let value: f64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let nanos = match &rest[..unit] {
            "ns" => 1.0,
            "us" | "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return Err(bad()),
        };
        total += value * nanos;
        rest = &rest[unit..];
    }
    std::time::Duration::try_from_secs_f64(total / 1e9).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::{parse_duration, parse_size, parse_stack};
    use std::time::Duration;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1.5h"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("2us"), Ok(Duration::from_micros(2)));
        for bad in ["", "s", "10x", "1m30", "-1s", "1..2s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn stack_sizes() {
        assert_eq!(parse_stack("1M"), Ok(1 << 20));
        assert!(parse_stack("1K").is_err());
        assert!(parse_stack("8G").is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("128M"), Ok(128 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
