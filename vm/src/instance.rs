//! Long-lived instances, reactor style: the embedder calls a program's
//! `//go:wasmexport` functions on one instance, again and again, and the
//! goroutines they start go on between calls (they run whenever a call
//! blocks, and those still runnable when a call returns run during the
//! next). `Program::instantiate` runs package initialization
//! (`_initialize`), not `main.main`.
//!
//! The instance lives on a thread of its own, whose stack holds
//! `RuntimeOptions::max_stack` as a run's does; calls are handed to it and
//! answered over channels, so an [`Instance`] may be used from any thread
//! (one call at a time). Dropping it ends the thread and frees the
//! instance.

use crate::host::{State, bytes_in, new_bytes};
use crate::{Ending, Outcome, Program, RunOptions, Value};
use std::sync::mpsc;
use std::thread::JoinHandle;
use wasmtime::{Store, Val, ValType};

/// Why a call of an exported function did not return its results.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// The module has no such `//go:wasmexport` function.
    #[error("the module exports no Go function {0:?}")]
    NoExport(String),
    /// The arguments do not have the function's types.
    #[error("{name}: {problem}")]
    Arguments { name: String, problem: String },
    /// The program ended, during this call or an earlier one (os.Exit, a
    /// panic, a fatal error, a trap, the memory cap, cancellation); what
    /// it printed about it went to its standard error.
    #[error("the program ended: {0:?}")]
    Ended(Outcome),
    /// The host failed (the instance could not be made, or its thread
    /// is gone).
    #[error("{0:#}")]
    Host(anyhow::Error),
}

struct Call {
    name: String,
    args: Vec<Value>,
    reply: mpsc::Sender<Result<Vec<Value>, CallError>>,
}

/// A program instantiated for calls of its exported functions.
pub struct Instance {
    calls: Option<mpsc::Sender<Call>>,
    thread: Option<JoinHandle<()>>,
}

impl Instance {
    /// Calls the exported function `name` with `args`: numbers
    /// ([`Value::I32`] for `bool` and integers up to 32 bits, and so on)
    /// and byte strings ([`Value::Bytes`] for `string` and `[]byte`), as
    /// for host functions. Returns its result, if any.
    pub fn call(&self, name: &str, args: &[Value]) -> Result<Vec<Value>, CallError> {
        let gone = || CallError::Host(anyhow::anyhow!("the instance's thread has ended"));
        let (reply, answer) = mpsc::channel();
        self.calls
            .as_ref()
            .ok_or_else(gone)?
            .send(Call {
                name: name.to_string(),
                args: args.to_vec(),
                reply,
            })
            .map_err(|_| gone())?;
        answer.recv().map_err(|_| gone())?
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.calls = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Program {
    /// Instantiates the program for calls of its `//go:wasmexport`
    /// functions ([`Instance::call`]) and runs its package initialization.
    /// A timeout does not apply to an instance (a cancel handle does).
    pub fn instantiate(&self, opts: RunOptions) -> Result<Instance, CallError> {
        if opts.limits.timeout.is_some() {
            return Err(CallError::Host(anyhow::anyhow!(
                "an instance has no time limit; cancel it instead"
            )));
        }
        if opts.cancel.is_some() && !self.interruptible {
            return Err(CallError::Host(anyhow::anyhow!(
                "an instance with a cancel handle needs an interruptible runtime (RuntimeOptions::interruptible)"
            )));
        }
        let (calls, requests) = mpsc::channel();
        let (ready, started) = mpsc::channel();
        let program = self.clone();
        let thread = std::thread::Builder::new()
            .name("gowasm-instance".into())
            .stack_size(self.max_stack + (16 << 20))
            .spawn(move || program.serve(opts, ready, requests))
            .map_err(|e| CallError::Host(e.into()))?;
        let instance = Instance {
            calls: Some(calls),
            thread: Some(thread),
        };
        match started.recv() {
            Ok(Ok(())) => Ok(instance),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(CallError::Host(anyhow::anyhow!(
                "the instance's thread ended while starting"
            ))),
        }
    }

    /// The instance's thread: makes it, then answers calls until the
    /// [`Instance`] is dropped.
    fn serve(
        &self,
        opts: RunOptions,
        ready: mpsc::Sender<Result<(), CallError>>,
        requests: mpsc::Receiver<Call>,
    ) {
        let _span = tracing::debug_span!("instance").entered();
        let ending = Ending::of(&opts);
        let mut store = match self.new_store(opts) {
            Ok(s) => s,
            Err(e) => {
                let _ = ready.send(Err(CallError::Host(e)));
                return;
            }
        };
        let failed = |e: anyhow::Error| {
            let _ = ready.send(Err(CallError::Host(e)));
        };
        let i = match self.instantiate_in(&mut store, &mut None) {
            Ok(i) => i,
            Err(e) => return failed(anyhow::anyhow!("{e:#}")),
        };
        let Ok(init) = i.get_typed_func::<(), ()>(&mut store, host_abi::INITIALIZE_EXPORT) else {
            return failed(anyhow::anyhow!(
                "the module exports no Go functions (//go:wasmexport)"
            ));
        };
        if let Err(e) = init.call(&mut store, ()) {
            let outcome = self.outcome(&e, &mut store, Some(i), &ending);
            let _ = ready.send(Err(CallError::Ended(outcome)));
            return;
        }
        if ready.send(Ok(())).is_err() {
            return;
        }
        let mut ended: Option<Outcome> = None;
        for call in requests {
            let answer = match &ended {
                Some(outcome) => Err(CallError::Ended(outcome.clone())),
                None => {
                    let _span = tracing::debug_span!("call", name = %call.name).entered();
                    match call_export(&mut store, &i, &call.name, &call.args) {
                        Err(Failure::Call(e)) => Err(e),
                        Err(Failure::Ended(e)) => {
                            let outcome = self.outcome(&e, &mut store, Some(i), &ending);
                            ended = Some(outcome.clone());
                            Err(CallError::Ended(outcome))
                        }
                        Ok(results) => Ok(results),
                    }
                }
            };
            let _ = call.reply.send(answer);
        }
    }
}

/// A call that failed before running, or a program that ended.
enum Failure {
    Call(CallError),
    Ended(wasmtime::Error),
}

fn call_export(
    store: &mut Store<State>,
    instance: &wasmtime::Instance,
    name: &str,
    args: &[Value],
) -> Result<Vec<Value>, Failure> {
    let no_export = || Failure::Call(CallError::NoExport(name.to_string()));
    if host_abi::is_host_export(name) {
        return Err(no_export());
    }
    let func = instance.get_func(&mut *store, name).ok_or_else(no_export)?;
    let ty = func.ty(&*store);
    let bad = |problem: String| {
        Failure::Call(CallError::Arguments {
            name: name.to_string(),
            problem,
        })
    };
    let host_error = |e: wasmtime::Error| Failure::Call(CallError::Host(anyhow::anyhow!("{e:#}")));
    let mut types = ty.params();
    let mut params = Vec::new();
    for (i, a) in args.iter().enumerate() {
        let t = types.next();
        let v = match (&t, a) {
            (Some(ValType::I32), Value::I32(x)) => Val::I32(*x),
            (Some(ValType::I64), Value::I64(x)) => Val::I64(*x),
            (Some(ValType::F32), Value::F32(x)) => Val::F32(x.to_bits()),
            (Some(ValType::F64), Value::F64(x)) => Val::F64(x.to_bits()),
            (Some(ValType::Ref(_)), Value::Bytes(b)) => {
                // (array, offset, length)
                types.next();
                types.next();
                let arr = new_bytes(store, b).map_err(host_error)?;
                params.push(Val::AnyRef(arr.map(|a| a.to_anyref())));
                params.push(Val::I32(0));
                Val::I32(b.len() as i32)
            }
            (None, _) => return Err(bad(format!("too many arguments ({})", args.len()))),
            (Some(t), v) => {
                return Err(bad(format!("argument {i} is {v:?}, but a {t} is expected")));
            }
        };
        params.push(v);
    }
    if types.next().is_some() {
        return Err(bad(format!("too few arguments ({})", args.len())));
    }
    let mut results: Vec<Val> = ty.results().map(|_| Val::I32(0)).collect();
    func.call(&mut *store, &params, &mut results)
        .map_err(Failure::Ended)?;
    results
        .into_iter()
        .map(|r| {
            Ok(match r {
                Val::I32(x) => Value::I32(x),
                Val::I64(x) => Value::I64(x),
                Val::F32(x) => Value::F32(f32::from_bits(x)),
                Val::F64(x) => Value::F64(f64::from_bits(x)),
                Val::AnyRef(r) => {
                    let arr = match r {
                        Some(r) => r.as_array(&*store).map_err(host_error)?,
                        None => None,
                    };
                    let len = match &arr {
                        Some(a) => a.len(&*store).map_err(host_error)? as i32,
                        None => 0,
                    };
                    Value::Bytes(
                        bytes_in(store, arr, 0, len)
                            .map_err(host_error)?
                            .unwrap_or_default(),
                    )
                }
                other => {
                    return Err(host_error(wasmtime::format_err!(
                        "unexpected result {other:?}"
                    )));
                }
            })
        })
        .collect()
}
