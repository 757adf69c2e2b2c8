//! How a run ended: the error its entry point returned becomes an
//! [`Outcome`]. The program reports its own panics and fatal errors (the
//! `abort` host function); for what it cannot report — a trap, the heap's
//! limit, a timeout — the host prints Go's report on the run's standard
//! error, with a traceback of the goroutine that was running, named from
//! the module's gowasm.names section and placed by its line table when it
//! has one.

use crate::Outcome;
use crate::host::{Aborted, Exit, Killed, Output};
use crate::limits::StopReason;
use crate::lines::LineTable;
use std::time::Duration;

/// What the host knows for its report of a trap.
pub struct Report<'a> {
    /// The module's gowasm.names payload.
    pub names: Option<&'a [u8]>,
    pub lines: Option<&'a LineTable>,
    pub max_stack: usize,
    pub timeout: Option<Duration>,
    /// The goroutine that was running (the module's goroutine_id export).
    pub goroutine: Option<i64>,
    /// Whether to print tracebacks (not with GOTRACEBACK=none).
    pub tracebacks: bool,
}

/// Whether the program's environment asks for tracebacks: GOTRACEBACK
/// other than none (0).
pub fn tracebacks(env: &[(String, String)]) -> bool {
    !env.iter()
        .rev()
        .find(|(k, _)| k == "GOTRACEBACK")
        .is_some_and(|(_, v)| v == "none" || v == "0")
}

/// The outcome of a run that ended with `e`; prints the report of what
/// the program could not report itself on `stderr`.
pub fn outcome(e: &wasmtime::Error, report: &Report, stderr: &Output) -> Outcome {
    if let Some(Exit(code)) = e.downcast_ref() {
        return Outcome::Exit(*code);
    }
    if let Some(Killed(sig)) = e.downcast_ref() {
        return Outcome::Signal(*sig);
    }
    if let Some(a) = e.downcast_ref::<Aborted>() {
        let (message, traceback) = (a.message.clone(), a.traceback.clone());
        return match a.panic {
            true => Outcome::Panic { message, traceback },
            false => Outcome::Fatal { message, traceback },
        };
    }
    if let Some(StopReason::Cancelled) = e.downcast_ref() {
        return Outcome::Cancelled;
    }
    let traceback = report.traceback(e);
    let (message, outcome) = if let Some(StopReason::Timeout) = e.downcast_ref() {
        let limit = report.timeout.unwrap_or_default();
        let message = format!("gowasm: the program ran longer than its time limit ({limit:?})");
        (message, Outcome::Timeout)
    } else if out_of_memory(e) {
        let message = "fatal error: runtime: out of memory".to_string();
        (message, Outcome::OutOfMemory)
    } else {
        let message = match e.downcast_ref::<wasmtime::Trap>() {
            Some(wasmtime::Trap::StackOverflow) => format!(
                "runtime: goroutine stack exceeds {}-byte limit\nfatal error: stack overflow",
                report.max_stack
            ),
            Some(trap) => format!("fatal error: {trap}"),
            None => format!("fatal error: {}", e.root_cause()),
        };
        let fatal = Outcome::Fatal {
            message: message.clone(),
            traceback: traceback.clone(),
        };
        (message, fatal)
    };
    let report = match traceback.is_empty() {
        true => format!("{message}\n"),
        false => format!("{message}\n\n{traceback}"),
    };
    stderr.write(report.as_bytes());
    outcome
}

/// Whether `e` is the GC heap's exhaustion: an allocation the heap could
/// not hold after collecting and growing as far as the limit allows.
fn out_of_memory(e: &wasmtime::Error) -> bool {
    e.downcast_ref::<wasmtime::GcHeapOutOfMemory<()>>()
        .is_some()
        || matches!(
            e.downcast_ref::<wasmtime::Trap>(),
            Some(wasmtime::Trap::AllocationTooLarge)
        )
}

impl Report<'_> {
    /// The running goroutine's traceback as gc prints it: its header,
    /// then its frames; nothing when no goroutine was running (the
    /// scheduler waited, or the module did not start).
    fn traceback(&self, e: &wasmtime::Error) -> String {
        let Some(id) = self.goroutine.filter(|&id| id > 0 && self.tracebacks) else {
            return String::new();
        };
        let mut s = format!("goroutine {id} [running]:\n");
        if let Some(bt) = e.downcast_ref::<wasmtime::WasmBacktrace>() {
            s.push_str(&frames(bt, self.names, self.lines));
        }
        s
    }
}

/// A backtrace's frames as gc lists them, innermost first: `name(...)`,
/// then `file:line` when the module has a line table; at most 100, as
/// gc.
pub fn frames(
    bt: &wasmtime::WasmBacktrace,
    names: Option<&[u8]>,
    lines: Option<&LineTable>,
) -> String {
    const MAX_FRAMES: usize = 100;
    let names: std::collections::HashMap<u32, String> = names
        .and_then(host_abi::names::decode)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let name = |f: &wasmtime::FrameInfo| {
        let name = names.get(&f.func_index()).map(String::as_str);
        name.or(f.func_name()).unwrap_or("?").to_string()
    };
    // The runtime's functions that end the program are not the error.
    let frames = bt
        .frames()
        .iter()
        .skip_while(|f| matches!(name(f).as_str(), "runtime.abort" | "runtime.crash"));
    let mut s = String::new();
    for f in frames.take(MAX_FRAMES) {
        s.push_str(&format!("{}(...)\n", name(f)));
        let pc = lines
            .zip(f.module_offset())
            .and_then(|(lines, offset)| Some((lines, lines.pc(f.func_index(), offset)?)));
        if let Some((lines, pc)) = pc {
            // A frame's pc is one past its instruction's first byte.
            let at = pc as i64 - 1;
            let file = lines.file(at).unwrap_or("?");
            s.push_str(&format!("\t{file}:{}\n", lines.line(at)));
        }
    }
    if bt.frames().len() > MAX_FRAMES {
        s.push_str("...additional frames elided...\n");
    }
    s
}
