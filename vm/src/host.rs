//! The host functions of `host_abi::IMPORTS`, linked by name: an ABI entry
//! without an implementation here is an error when the linker is built.

use crate::fs;
use crate::handles::{self, Handles};
use crate::hostfuncs::{GoSignature, HostFunc};
use crate::limits::{Attached, CancelHandle, MemoryCap};
use crate::lines::LineTable;
use crate::net::{self, NetPolicy, Socket};
use crate::signals::SignalRelay;
use crate::{LoadError, RunOptions};
use host_abi::AbiType;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wasmtime::{
    AnyRef, ArrayRef, ArrayRefPre, ArrayType, AsContext, AsContextMut, Caller, Engine, ExternType,
    FieldType, FuncType, ImportType, Instance, Linker, Mutability, Rooted, StorageType, Store,
    TypedFunc, ValType,
};

/// Where a program's standard output or error goes.
#[derive(Clone)]
pub enum Output {
    /// Straight to this process's stream, unbuffered.
    Inherit,
    /// Appended to a shared buffer.
    Capture(Arc<Mutex<Vec<u8>>>),
    /// To the embedder's writer, flushed after each write; its errors are
    /// the program's (a broken pipe is EPIPE).
    Writer(Arc<Mutex<dyn Write + Send>>),
}

impl Output {
    /// Output to `w`.
    pub fn writer(w: impl Write + Send + 'static) -> Output {
        Output::Writer(Arc::new(Mutex::new(w)))
    }

    /// Writes diagnostics (this is the standard error stream).
    pub(crate) fn write(&self, bytes: &[u8]) {
        let _ = self.write_fd(2, bytes);
    }

    fn write_fd(&self, fd: i32, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Output::Inherit if fd == 1 => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)?;
                out.flush()
            }
            Output::Inherit => std::io::stderr().lock().write_all(bytes),
            Output::Capture(buf) => {
                buf.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend_from_slice(bytes);
                Ok(())
            }
            Output::Writer(w) => {
                let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                w.write_all(bytes)?;
                w.flush()
            }
        }
    }
}

/// Where a program's standard input comes from.
#[derive(Clone)]
pub enum Input {
    /// This process's standard input.
    Inherit,
    /// Nothing: the program reads end of input at once.
    Empty,
    /// The embedder's reader. Reads run on a worker thread while the
    /// program's other goroutines go on, as reads of a process's stdin.
    Reader(Arc<Mutex<dyn Read + Send>>),
}

impl Input {
    /// Input from `r`.
    pub fn reader(r: impl Read + Send + 'static) -> Input {
        Input::Reader(Arc::new(Mutex::new(r)))
    }

    /// Reads up to `len` bytes, blocking until some arrive.
    fn read(&self, len: usize) -> std::io::Result<Vec<u8>> {
        let mut buf = vec![0u8; len];
        let n = match self {
            // The descriptor itself, not Rust's buffered stdin: `read_now`
            // asks the descriptor whether bytes are waiting.
            Input::Inherit => {
                let stdin = std::mem::ManuallyDrop::new(
                    // SAFETY: fd 0 stays open for the process's life;
                    // ManuallyDrop never closes it.
                    unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(0) },
                );
                (&*stdin).read(&mut buf)?
            }
            Input::Empty => 0,
            Input::Reader(r) => r.lock().unwrap_or_else(|e| e.into_inner()).read(&mut buf)?,
        };
        buf.truncate(n);
        Ok(buf)
    }

    /// Reads at once when that cannot block — nothing to read, or a
    /// descriptor with bytes waiting (a regular file always has) — so that
    /// a program reading a file or a full pipe needs no worker thread per
    /// read; None when the read must wait on a worker.
    fn read_now(&self, len: usize) -> Option<std::io::Result<Vec<u8>>> {
        match self {
            Input::Empty => Some(Ok(Vec::new())),
            Input::Inherit => {
                let mut fd = libc::pollfd {
                    fd: 0,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, no wait.
                let ready = unsafe { libc::poll(&mut fd, 1, 0) } == 1;
                ready.then(|| self.read(len))
            }
            Input::Reader(_) => None,
        }
    }
}

/// The error a run ends with when the program calls `exit`.
#[derive(Debug)]
pub struct Exit(pub i32);

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit status {}", self.0)
    }
}

impl std::error::Error for Exit {}

/// The error a run ends with when the program calls `raise`.
#[derive(Debug)]
pub struct Killed(pub i32);

impl std::fmt::Display for Killed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "killed by signal {}", self.0)
    }
}

impl std::error::Error for Killed {}

/// The error a run ends with when the program calls `abort`: Go's report
/// of an unrecovered panic or a fatal error, already printed.
#[derive(Debug)]
pub struct Aborted {
    pub panic: bool,
    pub message: String,
    pub traceback: String,
}

impl std::fmt::Display for Aborted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Aborted {}

/// Per-run host state.
pub struct State {
    args: Vec<String>,
    env: Vec<String>,
    stdout: Output,
    stderr: Output,
    stdin: Input,
    start: Instant,
    sched_stress: i64,
    bytes: Option<ArrayRefPre>,
    ops: crate::ops::Ops,
    /// The module's line table, when it has one.
    lines: Option<Arc<LineTable>>,
    /// The module's gowasm.names payload, when it has one.
    names: Option<Arc<[u8]>>,
    files: fs::Files,
    net: NetPolicy,
    signals: Option<SignalRelay>,
    /// The module's bulk byte copies (set once it is instantiated).
    copies: Option<ByteCopies>,
    /// Stops the run from outside (cancellation, the deadline).
    pub cancel: CancelHandle,
    /// Connects `cancel` to this run while it lasts.
    _attached: Attached,
    pub memory_cap: MemoryCap,
    /// Handles the embedder's host functions hold to Go memory.
    pub(crate) handles: Handles,
}

/// The module's exports that move bytes in bulk (host_abi's
/// BYTES_COPY_IN_EXPORT and BYTES_SLICE_EXPORT).
pub struct ByteCopies {
    copy_in: TypedFunc<(BytesArg, i32, BytesArg), ()>,
    slice: TypedFunc<(BytesArg, i32, i32), BytesArg>,
}

impl ByteCopies {
    pub fn of(store: &mut Store<State>, instance: &Instance) -> wasmtime::Result<ByteCopies> {
        Ok(ByteCopies {
            copy_in: instance.get_typed_func(&mut *store, host_abi::BYTES_COPY_IN_EXPORT)?,
            slice: instance.get_typed_func(&mut *store, host_abi::BYTES_SLICE_EXPORT)?,
        })
    }
}

impl State {
    pub fn set_byte_copies(&mut self, copies: ByteCopies) {
        self.copies = Some(copies);
    }
}

/// Below this many bytes, copying element by element costs less than a
/// call into the module.
const BULK_MIN: usize = 64;

impl Drop for State {
    fn drop(&mut self) {
        if let Some(relay) = &self.signals {
            relay.detach();
        }
    }
}

impl State {
    pub fn new(
        engine: &Engine,
        opts: RunOptions,
        lines: Option<Arc<LineTable>>,
        names: Option<Arc<[u8]>>,
    ) -> std::io::Result<State> {
        let ops = crate::ops::Ops::new()?;
        if let Some(relay) = &opts.signals {
            relay.attach(ops.signal_sink());
        }
        let cancel = opts.cancel.unwrap_or_default();
        let attached = cancel.attach(engine, ops.interrupt_sink(), opts.limits.timeout);
        Ok(State {
            cancel,
            _attached: attached,
            memory_cap: MemoryCap(opts.limits.max_memory),
            handles: Handles::default(),
            files: fs::Files::new(&opts.dirs)?,
            args: opts.args,
            env: opts
                .env
                .into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect(),
            stdin: opts.stdin,
            stdout: opts.stdout,
            stderr: opts.stderr,
            start: Instant::now(),
            sched_stress: opts.sched_stress.map_or(0, |s| s.get() as i64),
            bytes: None,
            ops,
            lines,
            names,
            net: opts.net,
            signals: opts.signals,
            copies: None,
        })
    }
}

// Errors are negative WASI errno values (the numbering of Go's syscall
// package for wasip1, which gowasm compiles).
const EBADF: i32 = -8;
const EINVAL: i32 = -28;
const EIO: i32 = -29;

fn bytes_type(engine: &Engine) -> ArrayType {
    ArrayType::new(engine, FieldType::new(Mutability::Var, StorageType::I8))
}

/// A fresh module byte array holding `data`.
pub(crate) fn new_bytes(
    c: &mut impl AsContextMut<Data = State>,
    data: &[u8],
) -> wasmtime::Result<Option<Rooted<ArrayRef>>> {
    let mut c = c.as_context_mut();
    let pre = match c.data_mut().bytes.take() {
        Some(pre) => pre,
        None => {
            let ty = bytes_type(c.engine());
            ArrayRefPre::new(&mut c, ty)
        }
    };
    let arr = ArrayRef::new_from_i8_slice(&mut c, &pre, data);
    c.data_mut().bytes = Some(pre);
    Ok(Some(arr?))
}

/// A byte range argument (array, offset, length): None (EINVAL) for a
/// null array or a range outside it.
fn range_in(
    c: impl AsContext,
    arr: Option<Rooted<ArrayRef>>,
    off: i32,
    len: i32,
) -> wasmtime::Result<Option<(Rooted<ArrayRef>, usize, usize)>> {
    let Some(arr) = arr else { return Ok(None) };
    let n = arr.len(&c)? as usize;
    let (Ok(off), Ok(len)) = (usize::try_from(off), usize::try_from(len)) else {
        return Ok(None);
    };
    Ok(off
        .checked_add(len)
        .is_some_and(|end| end <= n)
        .then_some((arr, off, len)))
}

/// Copies bytes into a program's byte array at off: small amounts element
/// by element, larger ones as a fresh array that the module copies into
/// place (Wasmtime's API has no bulk copy into part of a GC array).
pub(crate) fn fill(
    c: &mut impl AsContextMut<Data = State>,
    arr: &Rooted<ArrayRef>,
    off: usize,
    data: &[u8],
) -> wasmtime::Result<()> {
    let mut c = c.as_context_mut();
    if data.len() >= BULK_MIN
        && let Some(copy_in) = c.data().copies.as_ref().map(|f| f.copy_in.clone())
    {
        let src = new_bytes(&mut c, data)?;
        return copy_in.call(&mut c, (Some(*arr), off as i32, src));
    }
    for (i, &b) in data.iter().enumerate() {
        arr.set(&mut c, (off + i) as u32, wasmtime::Val::I32(b as i32))?;
    }
    Ok(())
}

/// The bytes of a range argument; None (EINVAL) for a null array (unless
/// the range is empty: an empty Go slice may have no array) or a range
/// outside it.
pub(crate) fn bytes_in(
    c: &mut impl AsContextMut<Data = State>,
    arr: Option<Rooted<ArrayRef>>,
    off: i32,
    len: i32,
) -> wasmtime::Result<Option<Vec<u8>>> {
    let mut c = c.as_context_mut();
    if arr.is_none() && len == 0 {
        return Ok(Some(Vec::new()));
    }
    let Some((arr, off, len)) = range_in(&c, arr, off, len)? else {
        return Ok(None);
    };
    let total = arr.len(&c)? as usize;
    if len < total / 2
        && total >= 4 * BULK_MIN
        && let Some(slice) = c.data().copies.as_ref().map(|f| f.slice.clone())
    {
        // Only the range, cut out by the module, rather than the whole
        // array (a small write from a large buffer).
        let part = slice
            .call(&mut c, (Some(arr), off as i32, len as i32))?
            .ok_or_else(|| wasmtime::format_err!("bytes_slice returned null"))?;
        let mut buf = vec![0u8; len];
        part.copy_to_i8_slice(&mut c, &mut buf)?;
        return Ok(Some(buf));
    }
    let mut buf = vec![0u8; total];
    arr.copy_to_i8_slice(&mut c, &mut buf)?;
    buf.truncate(off + len);
    buf.drain(..off);
    Ok(Some(buf))
}

/// An address record argument.
fn addr_in(
    c: &mut Caller<'_, State>,
    arr: BytesArg,
    off: i32,
    len: i32,
) -> wasmtime::Result<Result<std::net::SocketAddr, fs::Errno>> {
    Ok(match bytes_in(c, arr, off, len)? {
        Some(rec) => net::decode_addr(&rec),
        None => Err(fs::errno::EINVAL),
    })
}

/// Writes an address record into its argument range, which must hold one
/// exactly; 0 or a negative errno.
fn addr_out(
    c: &mut Caller<'_, State>,
    arr: BytesArg,
    off: i32,
    len: i32,
    addr: &socket2::SockAddr,
) -> wasmtime::Result<i32> {
    match range_in(&*c, arr, off, len)? {
        Some((arr, off, host_abi::SOCKADDR_SIZE)) => {
            fill(c, &arr, off, &net::encode_addr(addr))?;
            Ok(0)
        }
        _ => Ok(EINVAL),
    }
}

/// Runs a socket operation on descriptor fd with the run's policy.
fn on_socket<T>(
    c: &mut Caller<'_, State>,
    fd: i32,
    op: impl FnOnce(&Socket, &NetPolicy) -> Result<T, fs::Errno>,
) -> Result<T, fs::Errno> {
    let state = c.data_mut();
    op(state.files.socket(fd)?, &state.net)
}

/// A socket operation on an address (bind, connect).
type AddressOp = fn(&Socket, &NetPolicy, std::net::SocketAddr) -> Result<(), fs::Errno>;

/// The host function of a socket operation on an address argument (fd,
/// address record): 0 or a negative errno.
fn at_address(
    op: AddressOp,
) -> impl Fn(Caller<'_, State>, i32, BytesArg, i32, i32) -> wasmtime::Result<i32> + Send + Sync + 'static
{
    move |mut c, fd, arr, off, len| {
        let r = addr_in(&mut c, arr, off, len)?
            .and_then(|addr| on_socket(&mut c, fd, |s, p| op(s, p, addr)));
        Ok(status(r.map(|()| 0)) as i32)
    }
}

/// A socket operation with one number (listen's backlog, shutdown's how).
type NumberOp = fn(&Socket, i32) -> Result<(), fs::Errno>;

/// The host function of a socket operation on (fd, number): 0 or a
/// negative errno.
fn with_number(
    op: NumberOp,
) -> impl Fn(Caller<'_, State>, i32, i32) -> i32 + Send + Sync + 'static {
    move |mut c, fd, n| status(on_socket(&mut c, fd, |s, _| op(s, n)).map(|()| 0)) as i32
}

/// A result as the ABI returns it: the value, or the negative errno.
fn status<T: TryInto<i64>>(r: Result<T, fs::Errno>) -> i64 {
    match r {
        Ok(v) => v.try_into().unwrap_or(i64::MAX),
        Err(e) => -i64::from(e),
    }
}

/// Runs a file operation on (array, offset, length) arguments: `op` gets
/// the files and a buffer of the range's length holding its bytes, and
/// the bytes it reports are copied back into the array.
fn with_buffer(
    c: &mut Caller<'_, State>,
    arr: Option<Rooted<ArrayRef>>,
    off: i32,
    len: i32,
    op: impl FnOnce(&mut fs::Files, &mut Vec<u8>) -> Result<usize, fs::Errno>,
) -> wasmtime::Result<i32> {
    let Some((arr, off, len)) = range_in(&*c, arr, off, len)? else {
        return Ok(EINVAL);
    };
    let mut buf = vec![0u8; len];
    match op(&mut c.data_mut().files, &mut buf) {
        Ok(n) => {
            fill(c, &arr, off, &buf[..n])?;
            Ok(n as i32)
        }
        Err(e) => Ok(-e),
    }
}

/// Copies a stat record into a buffer that must hold it exactly.
fn put_stat(buf: &mut [u8], rec: [u8; fs::STAT_SIZE]) -> Result<usize, fs::Errno> {
    if buf.len() != fs::STAT_SIZE {
        return Err(fs::errno::EINVAL);
    }
    buf.copy_from_slice(&rec);
    Ok(fs::STAT_SIZE)
}

/// Runs a file operation on a path argument; 0 or a negative errno.
fn path_op(
    c: &mut Caller<'_, State>,
    arr: Option<Rooted<ArrayRef>>,
    off: i32,
    len: i32,
    op: impl FnOnce(&mut fs::Files, &[u8]) -> Result<(), fs::Errno>,
) -> wasmtime::Result<i32> {
    let Some(path) = bytes_in(c, arr, off, len)? else {
        return Ok(EINVAL);
    };
    Ok(status(op(&mut c.data_mut().files, &path).map(|()| 0)) as i32)
}

/// The host function of a file operation on one path argument
/// (dir, path): 0 or a negative errno.
fn one_path(
    op: fn(&mut fs::Files, i32, &[u8]) -> Result<(), fs::Errno>,
) -> impl Fn(Caller<'_, State>, i32, BytesArg, i32, i32) -> wasmtime::Result<i32> + Send + Sync + 'static
{
    move |mut c, dir, pa, po, pl| path_op(&mut c, pa, po, pl, |f, p| op(f, dir, p))
}

/// A file operation on (dir, path, newdir, newpath).
type TwoPathOp = fn(&mut fs::Files, i32, &[u8], i32, &[u8]) -> Result<(), fs::Errno>;

/// A byte array argument (ABI type Bytes).
type BytesArg = Option<Rooted<ArrayRef>>;

/// The host function of a file operation on two path arguments
/// (dir, path, newdir, newpath): 0 or a negative errno.
fn two_paths(
    op: TwoPathOp,
) -> impl Fn(
    Caller<'_, State>,
    i32,
    BytesArg,
    i32,
    i32,
    i32,
    BytesArg,
    i32,
    i32,
) -> wasmtime::Result<i32>
+ Send
+ Sync
+ 'static {
    move |mut c, dir, pa, po, pl, newdir, na, no, nl| {
        let Some(new) = bytes_in(&mut c, na, no, nl)? else {
            return Ok(EINVAL);
        };
        path_op(&mut c, pa, po, pl, |f, p| op(f, dir, p, newdir, &new))
    }
}

/// The host's name, as uname(2) gives it.
fn host_name() -> String {
    // SAFETY: uname fills the struct it is given.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return "localhost".into();
    }
    let name: Vec<u8> = u
        .nodename
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8_lossy(&name).into_owned()
}

fn nth(list: &[String], i: i32) -> Option<Vec<u8>> {
    usize::try_from(i)
        .ok()
        .and_then(|i| list.get(i))
        .map(|s| s.as_bytes().to_vec())
}

/// A linker with every host function of the ABI.
pub fn linker(engine: &Engine) -> wasmtime::Result<Linker<State>> {
    let mut linker = Linker::new(engine);
    let m = host_abi::MODULE;
    for import in host_abi::IMPORTS {
        match import.name {
            "arg_count" => linker.func_wrap(m, "arg_count", |c: Caller<'_, State>| {
                c.data().args.len() as i32
            })?,
            "arg" => linker.func_wrap(m, "arg", |mut c: Caller<'_, State>, i: i32| {
                match nth(&c.data().args, i) {
                    Some(b) => new_bytes(&mut c, &b),
                    None => Ok(None),
                }
            })?,
            "env_count" => linker.func_wrap(m, "env_count", |c: Caller<'_, State>| {
                c.data().env.len() as i32
            })?,
            "env" => linker.func_wrap(m, "env", |mut c: Caller<'_, State>, i: i32| {
                match nth(&c.data().env, i) {
                    Some(b) => new_bytes(&mut c, &b),
                    None => Ok(None),
                }
            })?,
            "write" => linker.func_wrap(
                m,
                "write",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    let Some(buf) = bytes_in(&mut c, arr, off, len)? else {
                        return Ok(EINVAL);
                    };
                    let out = match fd {
                        1 => c.data().stdout.clone(),
                        2 => c.data().stderr.clone(),
                        _ => return Ok(status(c.data_mut().files.write(fd, &buf, None)) as i32),
                    };
                    match out.write_fd(fd, &buf) {
                        Ok(()) => Ok(buf.len() as i32),
                        // EPIPE for a closed pipe: os then raises SIGPIPE.
                        Err(e) => Ok(-fs::errno_of(&e)),
                    }
                },
            )?,
            "read_start" => linker.func_wrap(
                m,
                "read_start",
                |mut c: Caller<'_, State>, fd: i32, len: i32| -> i64 {
                    let Ok(len) = usize::try_from(len) else {
                        return EINVAL as i64;
                    };
                    if fd != 0 {
                        return EBADF as i64;
                    }
                    let stdin = c.data().stdin.clone();
                    match stdin.read_now(len) {
                        Some(done) => c.data_mut().ops.finished(done),
                        None => c.data_mut().ops.start(move || stdin.read(len)),
                    }
                },
            )?,
            "op_finish" => linker.func_wrap(
                m,
                "op_finish",
                |mut c: Caller<'_, State>,
                 op: i64,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    let data = match c.data_mut().ops.take(op) {
                        Some(Ok(data)) => data,
                        Some(Err(e)) => return Ok(-fs::errno_of(&e)),
                        None => return Ok(EINVAL),
                    };
                    if data.is_empty() {
                        return Ok(0);
                    }
                    let Some((arr, off, len)) = range_in(&c, arr, off, len)? else {
                        return Ok(EINVAL);
                    };
                    let n = data.len().min(len);
                    fill(&mut c, &arr, off, &data[..n])?;
                    Ok(n as i32)
                },
            )?,
            "resolve_start" => linker.func_wrap(
                m,
                "resolve_start",
                |mut c: Caller<'_, State>,
                 na: BytesArg,
                 no: i32,
                 nl: i32,
                 what: i32|
                 -> wasmtime::Result<i64> {
                    let Some(name) = bytes_in(&mut c, na, no, nl)? else {
                        return Ok(EINVAL.into());
                    };
                    let state = c.data_mut();
                    if !state.net.may_resolve(what, &name) {
                        return Ok(-i64::from(fs::errno::EACCES));
                    }
                    Ok(state.ops.start(move || net::resolve(&name, what)))
                },
            )?,
            "random" => linker.func_wrap(
                m,
                "random",
                |mut c: Caller<'_, State>,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    if len == 0 {
                        // An empty slice may have no array.
                        return Ok(0);
                    }
                    let Some((arr, off, len)) = range_in(&c, arr, off, len)? else {
                        return Ok(EINVAL);
                    };
                    let mut buf = vec![0u8; len];
                    let urandom = std::fs::File::open("/dev/urandom")
                        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
                    if urandom.is_err() {
                        return Ok(EIO);
                    }
                    fill(&mut c, &arr, off, &buf)?;
                    Ok(0)
                },
            )?,
            "exit" => linker.func_wrap(m, "exit", |code: i32| -> wasmtime::Result<()> {
                Err(wasmtime::Error::new(Exit(code)))
            })?,
            "abort" => linker.func_wrap(
                m,
                "abort",
                |mut c: Caller<'_, State>,
                 kind: i32,
                 ma: Option<Rooted<ArrayRef>>,
                 mo: i32,
                 ml: i32,
                 ta: Option<Rooted<ArrayRef>>,
                 to: i32,
                 tl: i32|
                 -> wasmtime::Result<()> {
                    let mut text = |a, o, l| -> wasmtime::Result<String> {
                        let bytes = bytes_in(&mut c, a, o, l)?.unwrap_or_default();
                        Ok(String::from_utf8_lossy(&bytes).into_owned())
                    };
                    let message = text(ma, mo, ml)?;
                    let mut traceback = text(ta, to, tl)?;
                    if kind == 1 && c.data().lines.is_none() && !traceback.is_empty() {
                        // A fatal error in the running goroutine of a
                        // module without a line table, which could only
                        // name the goroutine: the engine has the frames,
                        // after the goroutine's header line.
                        let bt = wasmtime::WasmBacktrace::capture(&c);
                        let frames = crate::ending::frames(&bt, c.data().names.as_deref(), None);
                        let header = traceback.find('\n').map_or(traceback.len(), |i| i + 1);
                        traceback.insert_str(header, &frames);
                    }
                    c.data().stderr.write(traceback.as_bytes());
                    Err(wasmtime::Error::new(Aborted {
                        panic: kind == 0,
                        message,
                        traceback,
                    }))
                },
            )?,
            "raise" => linker.func_wrap(m, "raise", |sig: i32| -> wasmtime::Result<()> {
                Err(wasmtime::Error::new(Killed(sig)))
            })?,
            "clock_now" => linker.func_wrap(
                m,
                "clock_now",
                |c: Caller<'_, State>, clock: i32| match clock {
                    0 => std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_nanos() as i64)
                        .unwrap_or(0),
                    _ => c.data().start.elapsed().as_nanos() as i64,
                },
            )?,
            "poll" => linker.func_wrap(
                m,
                "poll",
                |mut c: Caller<'_, State>, timeout_ns: i64| -> wasmtime::Result<i64> {
                    let timeout = u64::try_from(timeout_ns).ok().map(Duration::from_nanos);
                    let event = c.data_mut().ops.poll(timeout);
                    // A stopped run ends here, not at its next loop.
                    match c.data().cancel.reason() {
                        Some(reason) => Err(wasmtime::Error::new(reason)),
                        None => Ok(event.unwrap_or(-1)),
                    }
                },
            )?,
            "sched_stress" => linker.func_wrap(m, "sched_stress", |c: Caller<'_, State>| {
                c.data().sched_stress
            })?,
            "fs_preopen" => {
                linker.func_wrap(m, "fs_preopen", |mut c: Caller<'_, State>, i: i32| match c
                    .data()
                    .files
                    .preopen(i)
                    .map(|p| p.as_bytes().to_vec())
                {
                    Some(b) => new_bytes(&mut c, &b),
                    None => Ok(None),
                })?
            }
            "path_open" => linker.func_wrap(
                m,
                "path_open",
                |mut c: Caller<'_, State>,
                 dir: i32,
                 pa: Option<Rooted<ArrayRef>>,
                 po: i32,
                 pl: i32,
                 oflags: i32,
                 access: i32,
                 perm: i32|
                 -> wasmtime::Result<i32> {
                    let Some(path) = bytes_in(&mut c, pa, po, pl)? else {
                        return Ok(EINVAL);
                    };
                    let r = c
                        .data_mut()
                        .files
                        .open(dir, &path, oflags, access, perm as u32);
                    Ok(status(r) as i32)
                },
            )?,
            "fd_close" => {
                linker.func_wrap(m, "fd_close", |mut c: Caller<'_, State>, fd: i32| {
                    let state = c.data_mut();
                    if let Ok(s) = state.files.socket(fd) {
                        state.ops.deregister(s.raw_fd());
                    }
                    status(state.files.close(fd).map(|()| 0)) as i32
                })?
            }
            "hostname" => linker.func_wrap(m, "hostname", |mut c: Caller<'_, State>| {
                let name = host_name();
                new_bytes(&mut c, name.as_bytes())
            })?,
            "process_id" => linker.func_wrap(m, "process_id", |which: i32| match which {
                0 => std::process::id() as i32,
                _ => std::os::unix::process::parent_id() as i32,
            })?,
            "signal_action" => linker.func_wrap(
                m,
                "signal_action",
                |mut c: Caller<'_, State>, sig: i32, action: i32| {
                    let state = c.data_mut();
                    let known = (1..=64).contains(&sig) && (0..=2).contains(&action);
                    if !known
                        || state
                            .signals
                            .as_ref()
                            .is_some_and(|r| !r.set_action(sig, action))
                    {
                        return EINVAL;
                    }
                    if action == 1 {
                        // Without a relay nothing arrives: the program
                        // waits for signals forever, as it would on a
                        // host that never sends one.
                        state.ops.watch_signals();
                    }
                    0
                },
            )?,
            "poll_open" => {
                linker.func_wrap(m, "poll_open", |mut c: Caller<'_, State>, fd: i32| {
                    let state = c.data_mut();
                    let r =
                        state.files.socket(fd).map(Socket::raw_fd).and_then(|raw| {
                            state.ops.register(fd, raw).map_err(|e| fs::errno_of(&e))
                        });
                    status(r.map(|()| 0)) as i32
                })?
            }
            "sock_open" => linker.func_wrap(
                m,
                "sock_open",
                |mut c: Caller<'_, State>, family: i32, sotype: i32, proto: i32| {
                    let r = Socket::open(family, sotype, proto)
                        .map(|s| c.data_mut().files.insert_socket(s));
                    status(r) as i32
                },
            )?,
            "sock_bind" => linker.func_wrap(m, "sock_bind", at_address(Socket::bind))?,
            "sock_listen" => linker.func_wrap(m, "sock_listen", with_number(Socket::listen))?,
            "sock_accept" => linker.func_wrap(
                m,
                "sock_accept",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: BytesArg,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    let (sock, peer) = match on_socket(&mut c, fd, |s, _| s.accept()) {
                        Ok(accepted) => accepted,
                        Err(e) => return Ok(-e),
                    };
                    let nfd = c.data_mut().files.insert_socket(sock);
                    let r = addr_out(&mut c, arr, off, len, &peer)?;
                    if r < 0 {
                        let _ = c.data_mut().files.close(nfd);
                        return Ok(r);
                    }
                    Ok(nfd)
                },
            )?,
            "sock_connect" => linker.func_wrap(m, "sock_connect", at_address(Socket::connect))?,
            "sock_addr" => linker.func_wrap(
                m,
                "sock_addr",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 peer: i32,
                 arr: BytesArg,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    match on_socket(&mut c, fd, |s, _| s.addr(peer != 0)) {
                        Ok(addr) => addr_out(&mut c, arr, off, len, &addr),
                        Err(e) => Ok(-e),
                    }
                },
            )?,
            "sock_getopt" => linker.func_wrap(
                m,
                "sock_getopt",
                |mut c: Caller<'_, State>, fd: i32, level: i32, name: i32| {
                    status(on_socket(&mut c, fd, |s, _| s.getopt(level, name)))
                },
            )?,
            "sock_setopt" => linker.func_wrap(
                m,
                "sock_setopt",
                |mut c: Caller<'_, State>, fd: i32, level: i32, name: i32, value: i32| {
                    let r = on_socket(&mut c, fd, |s, _| s.setopt(level, name, value));
                    status(r.map(|()| 0)) as i32
                },
            )?,
            "sock_recvfrom" => linker.func_wrap(
                m,
                "sock_recvfrom",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: BytesArg,
                 off: i32,
                 len: i32,
                 _flags: i32,
                 ra: BytesArg,
                 ro: i32,
                 rl: i32|
                 -> wasmtime::Result<i32> {
                    let Some((arr, off, len)) = range_in(&c, arr, off, len)? else {
                        return Ok(EINVAL);
                    };
                    let mut buf = vec![0u8; len];
                    let (n, from) = match on_socket(&mut c, fd, |s, _| s.recv_from(&mut buf)) {
                        Ok(got) => got,
                        Err(e) => return Ok(-e),
                    };
                    fill(&mut c, &arr, off, &buf[..n])?;
                    let r = addr_out(&mut c, ra, ro, rl, &from)?;
                    Ok(if r < 0 { r } else { n as i32 })
                },
            )?,
            "sock_sendto" => linker.func_wrap(
                m,
                "sock_sendto",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: BytesArg,
                 off: i32,
                 len: i32,
                 _flags: i32,
                 ra: BytesArg,
                 ro: i32,
                 rl: i32|
                 -> wasmtime::Result<i32> {
                    let Some(data) = bytes_in(&mut c, arr, off, len)? else {
                        return Ok(EINVAL);
                    };
                    let to = match (ra.is_some(), addr_in(&mut c, ra, ro, rl)?) {
                        (false, _) => None,
                        (true, Ok(to)) => Some(to),
                        (true, Err(e)) => return Ok(-e),
                    };
                    let r = on_socket(&mut c, fd, |s, p| s.send_to(p, &data, to));
                    Ok(status(r) as i32)
                },
            )?,
            "sock_shutdown" => {
                linker.func_wrap(m, "sock_shutdown", with_number(Socket::shutdown))?
            }
            "pin" => linker.func_wrap(
                m,
                "pin",
                |mut c: Caller<'_, State>, object: Option<Rooted<AnyRef>>| {
                    handles::pin(&mut c.as_context_mut(), object)
                },
            )?,
            "unpin" => linker.func_wrap(
                m,
                "unpin",
                |mut c: Caller<'_, State>, object: Option<Rooted<AnyRef>>| {
                    handles::unpin(&mut c.as_context_mut(), object)
                },
            )?,
            "fd_read" => linker.func_wrap(
                m,
                "fd_read",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    with_buffer(&mut c, arr, off, len, |f, buf| f.read(fd, buf, None))
                },
            )?,
            "fd_pread" => linker.func_wrap(
                m,
                "fd_pread",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32,
                 at: i64|
                 -> wasmtime::Result<i32> {
                    let Ok(at) = u64::try_from(at) else {
                        return Ok(EINVAL);
                    };
                    with_buffer(&mut c, arr, off, len, |f, buf| f.read(fd, buf, Some(at)))
                },
            )?,
            "fd_pwrite" => linker.func_wrap(
                m,
                "fd_pwrite",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32,
                 at: i64|
                 -> wasmtime::Result<i32> {
                    let (Some(buf), Ok(at)) = (bytes_in(&mut c, arr, off, len)?, u64::try_from(at))
                    else {
                        return Ok(EINVAL);
                    };
                    Ok(status(c.data_mut().files.write(fd, &buf, Some(at))) as i32)
                },
            )?,
            "fd_seek" => linker.func_wrap(
                m,
                "fd_seek",
                |mut c: Caller<'_, State>, fd: i32, offset: i64, whence: i32| {
                    status(c.data_mut().files.seek(fd, offset, whence))
                },
            )?,
            "fd_stat" => linker.func_wrap(
                m,
                "fd_stat",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    with_buffer(&mut c, arr, off, len, |f, buf| {
                        put_stat(buf, f.stat_fd(fd)?)
                    })
                    .map(|r| r.min(0))
                },
            )?,
            "path_stat" => linker.func_wrap(
                m,
                "path_stat",
                |mut c: Caller<'_, State>,
                 dir: i32,
                 pa: Option<Rooted<ArrayRef>>,
                 po: i32,
                 pl: i32,
                 follow: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    let Some(path) = bytes_in(&mut c, pa, po, pl)? else {
                        return Ok(EINVAL);
                    };
                    with_buffer(&mut c, arr, off, len, |f, buf| {
                        put_stat(buf, f.stat_path(dir, &path, follow != 0)?)
                    })
                    .map(|r| r.min(0))
                },
            )?,
            "fd_readdir" => linker.func_wrap(
                m,
                "fd_readdir",
                |mut c: Caller<'_, State>,
                 fd: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32,
                 cookie: i64|
                 -> wasmtime::Result<i32> {
                    with_buffer(&mut c, arr, off, len, |f, buf| {
                        f.read_dir(fd, buf, cookie as u64)
                    })
                },
            )?,
            "path_mkdir" => linker.func_wrap(
                m,
                "path_mkdir",
                |mut c: Caller<'_, State>,
                 dir: i32,
                 pa: Option<Rooted<ArrayRef>>,
                 po: i32,
                 pl: i32,
                 perm: i32|
                 -> wasmtime::Result<i32> {
                    path_op(&mut c, pa, po, pl, |f, p| f.mkdir(dir, p, perm as u32))
                },
            )?,
            "path_unlink" => linker.func_wrap(m, "path_unlink", one_path(fs::Files::unlink))?,
            "path_rmdir" => linker.func_wrap(m, "path_rmdir", one_path(fs::Files::rmdir))?,
            "path_rename" => linker.func_wrap(m, "path_rename", two_paths(fs::Files::rename))?,
            "path_link" => linker.func_wrap(m, "path_link", two_paths(fs::Files::link))?,
            "path_symlink" => linker.func_wrap(
                m,
                "path_symlink",
                |mut c: Caller<'_, State>,
                 ta: Option<Rooted<ArrayRef>>,
                 to: i32,
                 tl: i32,
                 dir: i32,
                 pa: Option<Rooted<ArrayRef>>,
                 po: i32,
                 pl: i32|
                 -> wasmtime::Result<i32> {
                    let Some(target) = bytes_in(&mut c, ta, to, tl)? else {
                        return Ok(EINVAL);
                    };
                    path_op(&mut c, pa, po, pl, |f, p| f.symlink(&target, dir, p))
                },
            )?,
            "path_readlink" => linker.func_wrap(
                m,
                "path_readlink",
                |mut c: Caller<'_, State>,
                 dir: i32,
                 pa: Option<Rooted<ArrayRef>>,
                 po: i32,
                 pl: i32,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    let Some(path) = bytes_in(&mut c, pa, po, pl)? else {
                        return Ok(EINVAL);
                    };
                    with_buffer(&mut c, arr, off, len, |f, buf| {
                        let target = f.readlink(dir, &path)?;
                        if target.len() > buf.len() {
                            return Err(fs::errno::ERANGE);
                        }
                        buf[..target.len()].copy_from_slice(&target);
                        Ok(target.len())
                    })
                },
            )?,
            "fd_truncate" => linker.func_wrap(
                m,
                "fd_truncate",
                |mut c: Caller<'_, State>, fd: i32, size: i64| {
                    let r = u64::try_from(size)
                        .map_err(|_| fs::errno::EINVAL)
                        .and_then(|size| c.data_mut().files.truncate(fd, size));
                    status(r.map(|()| 0)) as i32
                },
            )?,
            "fd_sync" => linker.func_wrap(m, "fd_sync", |mut c: Caller<'_, State>, fd: i32| {
                status(c.data_mut().files.sync(fd).map(|()| 0)) as i32
            })?,
            "callers" => linker.func_wrap(
                m,
                "callers",
                |mut c: Caller<'_, State>,
                 arr: Option<Rooted<ArrayRef>>,
                 off: i32,
                 len: i32|
                 -> wasmtime::Result<i32> {
                    let Some((arr, off, len)) = range_in(&c, arr, off, len)? else {
                        return Ok(EINVAL);
                    };
                    let Some(lines) = c.data().lines.clone() else {
                        return Ok(0);
                    };
                    let trace = wasmtime::WasmBacktrace::force_capture(&c);
                    let pcs: Vec<u8> = trace
                        .frames()
                        .iter()
                        .filter_map(|f| lines.pc(f.func_index(), f.module_offset()?))
                        .take(len / 8)
                        .flat_map(u64::to_le_bytes)
                        .collect();
                    fill(&mut c, &arr, off, &pcs)?;
                    Ok((pcs.len() / 8) as i32)
                },
            )?,
            "pc_name" => linker.func_wrap(m, "pc_name", |mut c: Caller<'_, State>, pc: i64| {
                let lines = c.data().lines.clone();
                match lines.as_deref().and_then(|l| l.name(pc)) {
                    Some(name) => new_bytes(&mut c, name.as_bytes()),
                    None => Ok(None),
                }
            })?,
            "pc_file" => linker.func_wrap(m, "pc_file", |mut c: Caller<'_, State>, pc: i64| {
                let lines = c.data().lines.clone();
                match lines.as_deref().and_then(|l| l.file(pc)) {
                    Some(file) => new_bytes(&mut c, file.as_bytes()),
                    None => Ok(None),
                }
            })?,
            "pc_line" => linker.func_wrap(m, "pc_line", |c: Caller<'_, State>, pc: i64| {
                c.data().lines.as_deref().map_or(0, |l| l.line(pc) as i32)
            })?,
            other => wasmtime::bail!("host ABI function {other} has no implementation"),
        };
    }
    Ok(linker)
}

pub(crate) fn abi_valtype(t: AbiType) -> ValType {
    match t {
        AbiType::I32 => ValType::I32,
        AbiType::I64 => ValType::I64,
        AbiType::F32 => ValType::F32,
        AbiType::F64 => ValType::F64,
        AbiType::Bytes => ValType::Ref(wasmtime::RefType::new(true, wasmtime::HeapType::Array)),
        AbiType::Object => ValType::Ref(wasmtime::RefType::new(true, wasmtime::HeapType::Any)),
    }
}

/// The function type the ABI gives an import.
pub fn abi_func_type(engine: &Engine, import: &host_abi::Import) -> FuncType {
    FuncType::new(
        engine,
        import.params.iter().map(|&t| abi_valtype(t)),
        import.results.iter().map(|&t| abi_valtype(t)),
    )
}

/// Checks that a module's import has the signature of the function it
/// names: the host ABI's, or a registered host function's.
pub fn check_import_type(
    engine: &Engine,
    import: &ImportType<'_>,
    host_funcs: &[HostFunc],
    go_signatures: &HashMap<(String, String), GoSignature>,
) -> Result<(), LoadError> {
    let name = format!("{}.{}", import.module(), import.name());
    let ExternType::Func(ft) = import.ty() else {
        return Err(LoadError::ImportSignature(name));
    };
    if import.module() != host_abi::MODULE {
        let f = host_funcs
            .iter()
            .find(|f| f.module == import.module() && f.name == import.name())
            .ok_or_else(|| LoadError::UnknownImport {
                module: import.module().into(),
                name: import.name().into(),
            })?;
        let go = go_signatures.get(&(import.module().to_string(), import.name().to_string()));
        let host = f.func_type(engine);
        return match go {
            Some(go) if f.matches(go) && FuncType::eq(&ft, &host) => Ok(()),
            Some(go) => Err(LoadError::HostFuncSignature {
                name,
                module: go.text().to_string(),
                host: f.describe(),
            }),
            // Not listed by the compiler: another gowasm made the module.
            None => Err(LoadError::HostFuncSignature {
                name,
                module: format!(
                    "{} (no Go signature listed)",
                    crate::hostfuncs::signature(&ft)
                ),
                host: f.describe(),
            }),
        };
    }
    let abi = host_abi::import(import.name()).ok_or_else(|| LoadError::UnknownImport {
        module: import.module().into(),
        name: import.name().into(),
    })?;
    match FuncType::eq(&ft, &abi_func_type(engine, abi)) {
        true => Ok(()),
        false => Err(LoadError::ImportSignature(name)),
    }
}
