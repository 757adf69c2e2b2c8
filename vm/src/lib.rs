//! The gowasm runtime: loads modules compiled by `gowasm`, checks that they
//! speak this host's ABI (`host-abi`), links the host functions and runs
//! them on Wasmtime with WebAssembly GC and exceptions.
//!
//! Embedders use [`Runtime`] (one engine, cheap to clone, `Send + Sync`) to
//! [`Runtime::load`] a [`Program`], then [`Program::run`] it as many times as
//! they like, from any thread; each run gets a fresh store and instance.
//! A run's [`RunOptions`] say what the program may touch: granted
//! directories, the network ([`NetPolicy`], nothing by default), the
//! signals the embedder offers it ([`SignalRelay`]), its [`Limits`] (GC
//! heap size, time) and a [`CancelHandle`] to stop it from another thread.
//! A run ends with an [`Outcome`] that tells an exit from a panic, a trap,
//! a timeout, running out of memory and a cancellation.
//! The `gowasm-run` binary is a thin CLI over this crate.

mod ending;
mod fs;
mod handles;
mod host;
mod hostfuncs;
mod instance;
mod limits;
mod lines;
mod net;
mod ops;
mod precompiled;
mod signals;

use anyhow::Context;
use std::collections::HashMap;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use thiserror::Error;
use wasmtime::{Config, Engine, Module, Store};

pub use fs::DirGrant;
pub use handles::{ByteSlice, HostCall, Pointer, StaleHandle};
pub use host::{Input, Output};
pub use hostfuncs::{HostFn, Value, ValueType};
pub use instance::{CallError, Instance};
pub use limits::{CancelHandle, Limits};
pub use net::{Grant, NetPolicy};
pub use signals::{Disposition, SignalRelay, die_by_signal, relay_process_signals};

/// The WebAssembly features gowasm modules use. The engine enables exactly
/// these, and the compiler validates every module it emits against them.
pub fn wasm_features() -> wasmparser::WasmFeatures {
    use wasmparser::WasmFeatures as F;
    F::MUTABLE_GLOBAL
        | F::SATURATING_FLOAT_TO_INT
        | F::SIGN_EXTENSION
        | F::MULTI_VALUE
        | F::BULK_MEMORY
        | F::REFERENCE_TYPES
        | F::FLOATS
        | F::GC_TYPES
        | F::GC
        | F::FUNCTION_REFERENCES
        | F::EXCEPTIONS
        | F::TAIL_CALL
        | F::EXTENDED_CONST
}

/// Why a module cannot be run.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("not a WebAssembly module")]
    NotWasm,
    #[error("not a gowasm module (no {} section)", host_abi::VERSION_SECTION)]
    NotGowasm,
    #[error(
        "module was built for gowasm ABI version {found}; this gowasm-run implements version {}",
        host_abi::VERSION
    )]
    AbiMismatch { found: String },
    #[error("module imports unknown host function {module}.{name}")]
    UnknownImport { module: String, name: String },
    #[error("module imports {0} with a signature that does not match the host ABI")]
    ImportSignature(String),
    #[error("module imports host function {name} as {module}, but the host's function is {host}")]
    HostFuncSignature {
        name: String,
        module: String,
        host: String,
    },
    #[error("module has no `{0}` export")]
    NoExport(&'static str),
    #[error("invalid module: {0}")]
    Invalid(String),
    #[error("precompiled program cannot run here: {0}")]
    Precompiled(String),
}

/// Default stack available to a program's WebAssembly code: goroutines
/// run on it in turn (a parked goroutine's frames are heap objects), so it
/// bounds the recursion depth of one goroutine, as Go's 1 GB stack limit
/// does (`RuntimeOptions::max_stack`).
pub const MAX_STACK: usize = 256 << 20;

/// Default initial size of a program's GC heap. Wasmtime collects before
/// it grows the heap, so a small heap means a collection every few
/// allocations (each walks the stack and every global); the memory is
/// reserved, and committed only as it is used. Wasmtime 48 grows the heap
/// only when a collection leaves the live data filling the semi-space, so
/// a program whose live data nears the heap's size collects often (see
/// `RuntimeOptions::gc_heap_initial`).
pub const GC_HEAP_INITIAL: u64 = 16 << 20;

/// How a `Runtime` is configured.
#[derive(Debug, Clone)]
pub struct RuntimeOptions {
    /// Where Wasmtime's compiled-module cache lives (created if missing);
    /// None: every load compiles.
    pub cache: Option<PathBuf>,
    /// The GC heap's initial size in bytes. Larger trades resident memory
    /// (a program that allocates more than half of it touches all of it)
    /// for fewer collections when the live data is large (docs/status.md
    /// has measurements).
    pub gc_heap_initial: u64,
    /// The most stack a program's code may use, in bytes (default
    /// [`MAX_STACK`]); deeper recursion ends the run with Go's `fatal
    /// error: stack overflow`. Each run's thread reserves this much
    /// address space (committed only as it is used).
    pub max_stack: usize,
    /// Whether runs can be stopped while they compute: compiled code
    /// checks for a stop at function entries and loop back-edges
    /// (Wasmtime's epoch interruption). Needed for [`Limits::timeout`] and
    /// [`RunOptions::cancel`]; off by default because the checks cost up
    /// to 80 % on tight numeric loops (docs/design.md, "Limits").
    pub interruptible: bool,
}

impl Default for RuntimeOptions {
    fn default() -> Self {
        RuntimeOptions {
            cache: None,
            gc_heap_initial: GC_HEAP_INITIAL,
            max_stack: MAX_STACK,
            interruptible: false,
        }
    }
}

/// Builds a [`Runtime`]: `Runtime::builder().interruptible(true)
/// .host_func(...).build()`.
#[derive(Default)]
pub struct RuntimeBuilder {
    options: RuntimeOptions,
    host_funcs: Vec<hostfuncs::HostFunc>,
}

impl RuntimeBuilder {
    /// All the options at once.
    pub fn options(mut self, options: RuntimeOptions) -> Self {
        self.options = options;
        self
    }

    /// [`RuntimeOptions::cache`].
    pub fn cache(mut self, dir: impl Into<PathBuf>) -> Self {
        self.options.cache = Some(dir.into());
        self
    }

    /// [`RuntimeOptions::gc_heap_initial`].
    pub fn gc_heap_initial(mut self, bytes: u64) -> Self {
        self.options.gc_heap_initial = bytes;
        self
    }

    /// [`RuntimeOptions::max_stack`].
    pub fn max_stack(mut self, bytes: usize) -> Self {
        self.options.max_stack = bytes;
        self
    }

    /// [`RuntimeOptions::interruptible`].
    pub fn interruptible(mut self, yes: bool) -> Self {
        self.options.interruptible = yes;
        self
    }

    /// Registers a host function that Go code declares as
    /// `//go:wasmimport module name` (any module but `gowasm`), with the
    /// types its Go signature lowers to ([`ValueType`]). A module that
    /// imports it with other types is refused when it is loaded, naming
    /// both signatures.
    pub fn host_func(
        mut self,
        module: &str,
        name: &str,
        params: &[ValueType],
        results: &[ValueType],
        f: impl Fn(&mut HostCall<'_>, &[Value]) -> anyhow::Result<Vec<Value>> + Send + Sync + 'static,
    ) -> Self {
        self.host_funcs.push(hostfuncs::HostFunc {
            module: module.into(),
            name: name.into(),
            params: params.to_vec(),
            results: results.to_vec(),
            call: Arc::new(f),
        });
        self
    }

    pub fn build(self) -> anyhow::Result<Runtime> {
        if let Some(f) = self.host_funcs.iter().find(|f| {
            f.results
                .iter()
                .any(|t| matches!(t, ValueType::ByteSlice | ValueType::Pointer))
        }) {
            anyhow::bail!(
                "host function {}.{}: a result cannot be a byte slice view or a pointer",
                f.module,
                f.name
            );
        }
        if let Some(f) = self
            .host_funcs
            .iter()
            .find(|f| f.module == host_abi::MODULE)
        {
            anyhow::bail!(
                "host function {}.{}: the {} module is gowasm's own",
                f.module,
                f.name,
                host_abi::MODULE
            );
        }
        Runtime::from_builder(self)
    }
}

/// An engine configured for gowasm modules.
#[derive(Clone)]
pub struct Runtime {
    max_stack: usize,
    interruptible: bool,
    /// The embedder's host functions.
    host_funcs: Arc<[hostfuncs::HostFunc]>,
    engine: Engine,
    /// The same configuration without Cranelift inlining, for modules with
    /// a line table: an inlined call loses its frame and its location in
    /// the engine's backtraces, which runtime.Callers reads.
    engine_for_lines: Engine,
}

/// A loaded, compiled module, ready to run.
#[derive(Clone)]
pub struct Program {
    max_stack: usize,
    interruptible: bool,
    host_funcs: Arc<[hostfuncs::HostFunc]>,
    engine: Engine,
    module: Module,
    lines: Option<Arc<lines::LineTable>>,
    /// The gowasm.names section's payload (host_abi::names), decoded only
    /// to print a trap's backtrace.
    names: Option<Arc<[u8]>>,
    /// The Go signatures of the module's imports of host functions.
    go_signatures: Arc<HashMap<(String, String), hostfuncs::GoSignature>>,
}

/// How a run is set up.
#[derive(Clone)]
pub struct RunOptions {
    /// Command-line arguments; the first is the program name.
    pub args: Vec<String>,
    /// The environment the program sees (`KEY`, `VALUE`).
    pub env: Vec<(String, String)>,
    pub stdin: Input,
    pub stdout: Output,
    pub stderr: Output,
    /// Runs the scheduler in its stress mode with this seed: goroutines
    /// in random order, random yields at channel operations, a clock that
    /// jumps ahead (docs/design.md). For tests that look for scheduling
    /// bugs; a seed replays its choices.
    pub sched_stress: Option<NonZeroU64>,
    /// Directories the program may use (none by default: no files).
    pub dirs: Vec<DirGrant>,
    /// What the program may do on the network (nothing by default).
    pub net: NetPolicy,
    /// Where the embedder's signals reach the program (none by default:
    /// `signal.Notify` then waits for nothing).
    pub signals: Option<SignalRelay>,
    /// How much memory and time the run may take (unlimited by default).
    pub limits: Limits,
    /// Stops the run from another thread.
    pub cancel: Option<CancelHandle>,
}

impl Default for RunOptions {
    /// No arguments, an empty environment, the process's standard
    /// streams, nothing else.
    fn default() -> Self {
        RunOptions {
            args: Vec::new(),
            env: Vec::new(),
            stdin: Input::Inherit,
            stdout: Output::Inherit,
            stderr: Output::Inherit,
            sched_stress: None,
            dirs: Vec::new(),
            net: NetPolicy::default(),
            signals: None,
            limits: Limits::default(),
            cancel: None,
        }
    }
}

/// The variable the CLIs read a stress-mode seed from when no option gives
/// one (`gowasm run`, `gowasm-run`).
pub const SCHED_STRESS_ENV: &str = "GOWASM_SCHED_STRESS";

/// The stress-mode seed `$GOWASM_SCHED_STRESS` asks for, if any.
pub fn sched_stress_from_env() -> Result<Option<NonZeroU64>, String> {
    std::env::var(SCHED_STRESS_ENV)
        .ok()
        .map(|v| parse_sched_stress(&v).map_err(|e| format!("{SCHED_STRESS_ENV}: {e}")))
        .transpose()
}

/// Reads a stress-mode seed as the CLIs take it: a non-zero number, or
/// `random` for one picked from the clock — printed on stderr, so that a
/// failing run can be replayed.
pub fn parse_sched_stress(s: &str) -> Result<NonZeroU64, String> {
    if s == "random" {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let seed = NonZeroU64::new(nanos % 1_000_000_007 + 1).expect("non-zero");
        eprintln!("gowasm: scheduler stress seed {seed} (replay with {SCHED_STRESS_ENV}={seed})");
        return Ok(seed);
    }
    s.parse()
        .map_err(|_| format!("scheduler stress seed {s:?}: expected a non-zero number or `random`"))
}

/// How a run ended. Whatever the program or the host printed about it
/// (Go's panic report, `fatal error: ...` and the goroutine traceback) has
/// gone to the run's standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// `main` returned (status 0) or the program called `os.Exit`.
    Exit(i32),
    /// An unrecovered panic: `message` is Go's `panic: ...` lines,
    /// `traceback` the goroutine trace after them.
    Panic { message: String, traceback: String },
    /// A fatal runtime error (`fatal error: ...`: a deadlock, a misused
    /// lock), or a trap of the engine such as a stack overflow.
    Fatal { message: String, traceback: String },
    /// The program ended by a signal: SIGPIPE on a write to a closed
    /// standard output it did not handle, or the default action of a
    /// signal the embedder relayed. A command-line host raises it.
    Signal(i32),
    /// [`Limits::max_memory`] (or the engine's ceiling) was reached.
    OutOfMemory,
    /// [`Limits::timeout`] passed.
    Timeout,
    /// [`CancelHandle::cancel`] stopped the run.
    Cancelled,
}

impl Outcome {
    /// The exit status a process running the program reports: the
    /// program's own, 2 for a panic or fatal error (as Go), 128 + the
    /// signal, 124 for a timeout (as `timeout(1)`), 130 for a cancelled
    /// run (as a shell for an interrupted command).
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Exit(code) => *code,
            Outcome::Panic { .. } | Outcome::Fatal { .. } | Outcome::OutOfMemory => 2,
            Outcome::Signal(sig) => 128 + sig,
            Outcome::Timeout => 124,
            Outcome::Cancelled => 130,
        }
    }
}

/// gowasm's cache directory: $GOWASM_CACHE, else $XDG_CACHE_HOME/gowasm,
/// else ~/.cache/gowasm. The compiler keeps its front end there, the
/// runtime compiled modules (`modules/`).
pub fn cache_dir() -> PathBuf {
    // An empty variable counts as unset (as Go's GOCACHE= does not mean
    // the current directory).
    let set = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(d) = set("GOWASM_CACHE") {
        return PathBuf::from(d);
    }
    if let Some(d) = set("XDG_CACHE_HOME") {
        return PathBuf::from(d).join("gowasm");
    }
    let home = std::env::var_os("HOME").unwrap_or_else(|| ".".into());
    PathBuf::from(home).join(".cache").join("gowasm")
}

impl Runtime {
    /// A runtime that compiles every module it loads.
    pub fn new() -> anyhow::Result<Runtime> {
        Self::with_options(RuntimeOptions::default())
    }

    /// A runtime with Wasmtime's compiled-module cache in `dir` (created if
    /// missing): loading a module compiled before skips Cranelift.
    pub fn with_cache(dir: &Path) -> anyhow::Result<Runtime> {
        Self::with_options(RuntimeOptions {
            cache: Some(dir.to_path_buf()),
            ..RuntimeOptions::default()
        })
    }

    /// A runtime configured by `opts`.
    pub fn with_options(opts: RuntimeOptions) -> anyhow::Result<Runtime> {
        Self::builder().options(opts).build()
    }

    /// A builder for a runtime: its options and the embedder's host
    /// functions.
    pub fn builder() -> RuntimeBuilder {
        RuntimeBuilder::default()
    }

    fn from_builder(b: RuntimeBuilder) -> anyhow::Result<Runtime> {
        let opts = b.options;
        Ok(Runtime {
            host_funcs: b.host_funcs.into(),
            max_stack: opts.max_stack,
            interruptible: opts.interruptible,
            engine: Engine::new(&Self::config(&opts, true)?)?,
            engine_for_lines: Engine::new(&Self::config(&opts, false)?)?,
        })
    }

    fn config(opts: &RuntimeOptions, inlining: bool) -> anyhow::Result<Config> {
        let mut config = Config::new();
        if let Some(dir) = &opts.cache {
            let dir = std::path::absolute(dir)?;
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("creating module cache {}", dir.display()))?;
            let mut cc = wasmtime::CacheConfig::new();
            cc.with_directory(dir);
            config.cache(Some(wasmtime::Cache::new(cc)?));
        }
        config
            .wasm_features(wasm_features(), true)
            .collector(wasmtime::Collector::Copying)
            .max_wasm_stack(opts.max_stack)
            .epoch_interruption(opts.interruptible)
            .gc_heap_initial_size(opts.gc_heap_initial)
            // Go code is many small functions (accessors, helpers the
            // compiler generates): let Cranelift inline them. Costs cold
            // compile time (hello world 38 -> 100 ms), which the module
            // cache pays once; a smaller size limit (500) lost the gains.
            .compiler_inlining(if inlining {
                wasmtime::Inlining::Yes
            } else {
                wasmtime::Inlining::No
            })
            // Not used (no async), but Wasmtime requires it to be larger.
            .async_stack_size(opts.max_stack + (1 << 20))
            .wasm_backtrace_details(wasmtime::WasmBacktraceDetails::Disable)
            // runtime.Callers walks the stack through the engine; gc's
            // tracebacks show up to 100 frames, testing asks for 50.
            .wasm_backtrace_max_frames(std::num::NonZeroUsize::new(256));
        if address_space_limited() {
            // The default reservation (4 GiB and two 32 MiB guards, which
            // let the compiled code skip some bounds checks) does not fit:
            // reserve as the heap grows, moving it when it must. Measured
            // 10-30 % slower on the compute benchmarks (docs/design.md).
            config
                .gc_heap_reservation(0)
                .gc_heap_reservation_for_growth(64 << 20)
                .gc_heap_guard_size(64 << 10)
                .gc_heap_may_move(true);
        }
        if let Some(dir) = std::env::var_os("GOWASM_EMIT_CLIF") {
            // Cranelift's IR of every compiled function, for reading what
            // the engine made of the code.
            config.emit_clif(Path::new(&dir));
        }
        if std::env::var_os("GOWASM_PERFMAP").is_some() {
            // /tmp/perf-<pid>.map names the compiled functions for `perf`.
            config.profiler(wasmtime::ProfilingStrategy::PerfMap);
        }
        Ok(config)
    }

    /// Checks and compiles a module, or loads a program precompiled by
    /// [`Runtime::precompile`] (with the same gowasm and settings).
    ///
    /// A precompiled program is machine code that is trusted as it is:
    /// load only those you made (as Wasmtime's `Module::deserialize`).
    pub fn load(&self, bytes: &[u8]) -> Result<Program, LoadError> {
        let _span = tracing::debug_span!("load", bytes = bytes.len()).entered();
        if bytes.starts_with(precompiled::MAGIC) {
            return self.load_precompiled(bytes);
        }
        let sections = check(bytes, &self.host_funcs)?;
        let engine = self.engine_for(&sections);
        let module = compile(engine, bytes)?;
        self.program(engine, module, sections)
    }

    /// Compiles a module ahead of time for this runtime's engine and
    /// settings: the bytes [`Runtime::load`] takes to run it without
    /// compiling (`gowasm-run compile`).
    pub fn precompile(&self, bytes: &[u8]) -> Result<Vec<u8>, LoadError> {
        let _span = tracing::debug_span!("precompile", bytes = bytes.len()).entered();
        let sections = check(bytes, &self.host_funcs)?;
        let engine = self.engine_for(&sections);
        let module = compile(engine, bytes)?;
        let code = module
            .serialize()
            .map_err(|e| LoadError::Invalid(format!("{e:#}")))?;
        // The checks `load` makes, before anything is written.
        self.program(engine, module, sections.clone())?;
        Ok(precompiled::Parts {
            abi: host_abi::VERSION,
            interruptible: self.interruptible,
            imported_funcs: sections.imported_funcs,
            bodies: sections.bodies,
            lines: sections.lines.as_deref(),
            names: sections.names.as_deref(),
            host_funcs: sections.host_funcs.as_deref(),
            code: &code,
        }
        .encode())
    }

    fn load_precompiled(&self, bytes: &[u8]) -> Result<Program, LoadError> {
        let parts = precompiled::Parts::decode(bytes).ok_or(LoadError::Precompiled(
            "malformed, or from another version of gowasm-run".into(),
        ))?;
        if parts.abi != host_abi::VERSION {
            return Err(LoadError::AbiMismatch {
                found: parts.abi.to_string(),
            });
        }
        if parts.interruptible != self.interruptible {
            return Err(LoadError::Precompiled(match parts.interruptible {
                true => "compiled with interruption checks; run it on an interruptible runtime".into(),
                false => "compiled without interruption checks, which a timeout or a cancel handle needs: precompile it with them (gowasm-run compile --interruptible)".into(),
            }));
        }
        let sections = Sections {
            lines: parts.lines.map(<[u8]>::to_vec),
            names: parts.names.map(<[u8]>::to_vec),
            host_funcs: parts.host_funcs.map(<[u8]>::to_vec),
            imported_funcs: parts.imported_funcs,
            bodies: parts.bodies,
        };
        let engine = self.engine_for(&sections);
        // SAFETY: the code is trusted as Wasmtime's serialized modules are
        // (see `load`); Wasmtime checks that it was made by this engine
        // version, for this target, with these settings.
        let module = unsafe { Module::deserialize(engine, parts.code) }
            .map_err(|e| LoadError::Precompiled(format!("{e:#}")))?;
        self.program(engine, module, sections)
    }

    /// The engine for a module: without inlining when it has a line table.
    fn engine_for(&self, sections: &Sections) -> &Engine {
        match sections.lines {
            Some(_) => &self.engine_for_lines,
            None => &self.engine,
        }
    }

    /// A compiled module as a program, once its imports and exports are
    /// the host ABI's.
    fn program(
        &self,
        engine: &Engine,
        module: Module,
        sections: Sections,
    ) -> Result<Program, LoadError> {
        let go_signatures =
            hostfuncs::go_signatures(sections.host_funcs.as_deref().unwrap_or_default());
        for import in module.imports() {
            host::check_import_type(engine, &import, &self.host_funcs, &go_signatures)?;
        }
        for export in [
            host_abi::ENTRY_EXPORT,
            host_abi::BYTES_COPY_IN_EXPORT,
            host_abi::BYTES_SLICE_EXPORT,
        ] {
            if module.get_export(export).is_none() {
                return Err(LoadError::NoExport(export));
            }
        }
        let lines = sections
            .lines
            .as_deref()
            .and_then(|t| lines::LineTable::new(t, sections.imported_funcs, &sections.bodies));
        Ok(Program {
            max_stack: self.max_stack,
            interruptible: self.interruptible,
            host_funcs: self.host_funcs.clone(),
            engine: engine.clone(),
            module,
            lines: lines.map(Arc::new),
            names: sections.names.map(Arc::from),
            go_signatures: Arc::new(go_signatures),
        })
    }
}

/// Compiles a checked module (or finds it in the cache).
fn compile(engine: &Engine, bytes: &[u8]) -> Result<Module, LoadError> {
    let _span = tracing::debug_span!("compile").entered();
    Module::new(engine, bytes).map_err(|e| LoadError::Invalid(format!("{e:#}")))
}

/// Whether `bytes` are a precompiled program ([`Runtime::precompile`]),
/// and if so whether it was compiled with interruption checks.
pub fn precompiled_interruptible(bytes: &[u8]) -> Option<bool> {
    precompiled::Parts::decode(bytes).map(|p| p.interruptible)
}

/// Whether this process's address space is limited (`ulimit -v`) below
/// what the engine's default GC heap reservation needs with room to spare.
fn address_space_limited() -> bool {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit fills the struct it is given.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    ok && limit.rlim_cur != libc::RLIM_INFINITY && limit.rlim_cur < 8 << 30
}

/// What the host reads from a module besides the ABI version: its custom
/// sections' payloads, and where its functions are (for the line table).
#[derive(Clone)]
struct Sections {
    /// The gowasm.lines payload.
    lines: Option<Vec<u8>>,
    /// The gowasm.names payload.
    names: Option<Vec<u8>>,
    /// The gowasm.hostfuncs payload.
    host_funcs: Option<Vec<u8>>,
    imported_funcs: u32,
    /// Module offsets of the function bodies.
    bodies: Vec<std::ops::Range<u32>>,
}

/// Header checks that give clear errors before Wasmtime sees the module;
/// the same pass reads the module's line table and names.
fn check(bytes: &[u8], host_funcs: &[hostfuncs::HostFunc]) -> Result<Sections, LoadError> {
    if !bytes.starts_with(b"\0asm") {
        return Err(LoadError::NotWasm);
    }
    let mut version = None;
    let mut lines = None;
    let mut names = None;
    let mut host_funcs_list = None;
    let mut imported_funcs = 0u32;
    let mut bodies = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| LoadError::Invalid(e.to_string()))?;
        match payload {
            wasmparser::Payload::CustomSection(c) if c.name() == host_abi::VERSION_SECTION => {
                version = Some(c.data().to_vec());
            }
            wasmparser::Payload::CustomSection(c) if c.name() == host_abi::lines::SECTION => {
                lines = Some(c.data().to_vec());
            }
            wasmparser::Payload::CustomSection(c) if c.name() == host_abi::names::SECTION => {
                names = Some(c.data().to_vec());
            }
            wasmparser::Payload::CustomSection(c) if c.name() == host_abi::HOST_FUNCS_SECTION => {
                host_funcs_list = Some(c.data().to_vec());
            }
            wasmparser::Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    let import = import.map_err(|e| LoadError::Invalid(e.to_string()))?;
                    let known = match import.module {
                        host_abi::MODULE => host_abi::import(import.name).is_some(),
                        module => host_funcs
                            .iter()
                            .any(|f| f.module == module && f.name == import.name),
                    };
                    if !known {
                        return Err(LoadError::UnknownImport {
                            module: import.module.to_string(),
                            name: import.name.to_string(),
                        });
                    }
                    if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                        imported_funcs += 1;
                    }
                }
            }
            wasmparser::Payload::CodeSectionEntry(body) => {
                let range = body.range();
                bodies.push(range.start as u32..range.end as u32);
            }
            _ => {}
        }
    }
    let payload = version.ok_or(LoadError::NotGowasm)?;
    match host_abi::parse_version_payload(&payload) {
        Some(v) if v == host_abi::VERSION => Ok(Sections {
            lines,
            names,
            host_funcs: host_funcs_list,
            imported_funcs,
            bodies,
        }),
        Some(v) => Err(LoadError::AbiMismatch {
            found: v.to_string(),
        }),
        None => Err(LoadError::AbiMismatch {
            found: format!("{:?}", String::from_utf8_lossy(&payload)),
        }),
    }
}

impl Program {
    /// Runs the program to completion, on a thread of its own whose stack
    /// holds [`RuntimeOptions::max_stack`]. A timeout or a cancel handle
    /// needs a runtime made [`RuntimeOptions::interruptible`].
    pub fn run(&self, opts: RunOptions) -> anyhow::Result<Outcome> {
        if !self.interruptible && (opts.limits.timeout.is_some() || opts.cancel.is_some()) {
            anyhow::bail!(
                "a run with a timeout or a cancel handle needs an interruptible runtime (RuntimeOptions::interruptible)"
            );
        }
        std::thread::scope(|s| {
            std::thread::Builder::new()
                .name("gowasm-run".into())
                .stack_size(self.max_stack + (16 << 20))
                .spawn_scoped(s, || self.run_here(opts))?
                .join()
                .map_err(|_| anyhow::anyhow!("the program's thread panicked"))?
        })
    }

    fn run_here(&self, opts: RunOptions) -> anyhow::Result<Outcome> {
        let _span = tracing::debug_span!("run").entered();
        let ending = Ending::of(&opts);
        let mut store = self.new_store(opts)?;
        let mut instance = None;
        let ended = match store.data().cancel.reason() {
            Some(reason) => Err(wasmtime::Error::new(reason)),
            None => self.start(&mut store, &mut instance),
        };
        match ended {
            Ok(()) => Ok(Outcome::Exit(0)),
            Err(e) => Ok(self.outcome(&e, &mut store, instance, &ending)),
        }
    }

    /// A store for one run or instance, with its limits.
    fn new_store(&self, opts: RunOptions) -> anyhow::Result<Store<host::State>> {
        let state = host::State::new(&self.engine, opts, self.lines.clone(), self.names.clone())?;
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.memory_cap);
        if self.interruptible {
            store.epoch_deadline_callback(|c| match c.data().cancel.reason() {
                Some(reason) => Err(wasmtime::Error::new(reason)),
                None => Ok(wasmtime::UpdateDeadline::Continue(1)),
            });
            store.set_epoch_deadline(1);
        }
        Ok(store)
    }

    /// How the program ended, given the error that ended it, reported as
    /// Go would (ending.rs).
    fn outcome(
        &self,
        e: &wasmtime::Error,
        store: &mut Store<host::State>,
        instance: Option<wasmtime::Instance>,
        ending: &Ending,
    ) -> Outcome {
        let report = ending::Report {
            names: self.names.as_deref(),
            lines: self.lines.as_deref(),
            max_stack: self.max_stack,
            timeout: ending.timeout,
            tracebacks: ending.tracebacks,
            goroutine: instance.and_then(|i| running_goroutine(store, &i, self.interruptible)),
        };
        ending::outcome(e, &report, &ending.stderr)
    }

    /// Instantiates the module (into `instance`) and runs its entry point.
    fn start(
        &self,
        store: &mut Store<host::State>,
        instance: &mut Option<wasmtime::Instance>,
    ) -> wasmtime::Result<()> {
        let i = self.instantiate_in(store, instance)?;
        let start = i.get_typed_func::<(), ()>(&mut *store, host_abi::ENTRY_EXPORT)?;
        start.call(&mut *store, ())
    }

    /// Links and instantiates the module into `instance` (set as soon as
    /// it exists, for the report of a failure after that) and finds the
    /// exports the host uses.
    fn instantiate_in(
        &self,
        store: &mut Store<host::State>,
        instance: &mut Option<wasmtime::Instance>,
    ) -> wasmtime::Result<wasmtime::Instance> {
        let mut linker = host::linker(&self.engine)?;
        for f in self.host_funcs.iter() {
            // Only the functions the module imports (checked at load).
            if let Some(go) = self.go_signatures.get(&(f.module.clone(), f.name.clone())) {
                f.link(&self.engine, &mut linker, go)?;
            }
        }
        let i = {
            let _span = tracing::debug_span!("instantiate").entered();
            *instance.insert(linker.instantiate(&mut *store, &self.module)?)
        };
        let copies = host::ByteCopies::of(store, &i)?;
        store.data_mut().set_byte_copies(copies);
        handles::Handles::find_accessors(store, &i);
        Ok(i)
    }
}

/// What reporting a run's end needs from its options.
struct Ending {
    stderr: Output,
    timeout: Option<std::time::Duration>,
    tracebacks: bool,
}

impl Ending {
    fn of(opts: &RunOptions) -> Ending {
        Ending {
            stderr: opts.stderr.clone(),
            timeout: opts.limits.timeout,
            tracebacks: ending::tracebacks(&opts.env),
        }
    }
}

/// The goroutine that was running when the run ended, from the module.
fn running_goroutine(
    store: &mut Store<host::State>,
    instance: &wasmtime::Instance,
    interruptible: bool,
) -> Option<i64> {
    if interruptible {
        // The run's stop (if that is how it ended) must not stop this call.
        store.set_epoch_deadline(u64::MAX / 2);
    }
    let id = instance
        .get_typed_func::<(), i64>(&mut *store, host_abi::GOROUTINE_ID_EXPORT)
        .ok()?;
    id.call(&mut *store, ()).ok()
}

/// Sends `tracing` output to stderr, filtered by `$GOWASM_LOG` (e.g.
/// `debug`: a line at the end of each load, compile, instantiate, run and
/// host call, with its duration), when that variable is set. Used by both
/// CLIs.
pub fn init_logging() {
    if std::env::var_os("GOWASM_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_env("GOWASM_LOG"))
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            // A span's end, with its time: load, compile, instantiate,
            // run, host calls.
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .init();
    }
}

/// Captured output of a run, for embedders and tests.
pub fn capture() -> (Output, Arc<Mutex<Vec<u8>>>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    (Output::Capture(buf.clone()), buf)
}

#[cfg(test)]
mod tests;
