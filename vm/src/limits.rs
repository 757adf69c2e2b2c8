//! Limits on a run: how large its GC heap may grow, how long it may run,
//! and cancellation from another thread.
//!
//! Compiled code notices a stop through Wasmtime's epoch interruption: a
//! check at function entries and loop back-edges that calls the run's
//! callback once the engine's epoch passes the run's deadline. Stopping a
//! run records why, bumps the engine's epoch (every run of the engine then
//! looks, and only the stopped one ends) and wakes the run's poller, in
//! case the program is waiting for a timer or a socket.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;
use wasmtime::Engine;

/// What a run may use. Nothing is limited by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// The most memory the program's GC heap may take, in bytes. The
    /// copying collector uses half the heap at a time, so the program's
    /// live data can reach about half of it. Exceeding it ends the run
    /// with [`Outcome::OutOfMemory`](crate::Outcome::OutOfMemory), as Go's
    /// `fatal error: runtime: out of memory`.
    pub max_memory: Option<u64>,
    /// How long the run may take, from its start; then it ends with
    /// [`Outcome::Timeout`](crate::Outcome::Timeout).
    pub timeout: Option<Duration>,
}

/// Why a run was stopped from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    Cancelled = 1,
    Timeout = 2,
}

impl std::fmt::Display for StopReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StopReason::Cancelled => "cancelled",
            StopReason::Timeout => "timed out",
        })
    }
}

impl std::error::Error for StopReason {}

/// Stops a run from any thread: [`CancelHandle::cancel`] ends it with
/// [`Outcome::Cancelled`](crate::Outcome::Cancelled), whether it is
/// computing or waiting. Give a clone to [`RunOptions::cancel`](crate::RunOptions::cancel);
/// cancelling before the run starts makes it end at once.
#[derive(Clone, Default)]
pub struct CancelHandle(Arc<Shared>);

#[derive(Default)]
struct Shared {
    /// 0 while running, else a `StopReason`.
    reason: AtomicU8,
    /// The running run's engine and the waker of its poller.
    run: Mutex<Option<(Engine, Wake)>>,
}

/// Wakes a run's poller.
pub type Wake = Box<dyn Fn() + Send + Sync>;

impl CancelHandle {
    pub fn new() -> CancelHandle {
        CancelHandle::default()
    }

    /// Ends the run (the one running, or the next to start with this
    /// handle). A run that already ended is not affected.
    pub fn cancel(&self) {
        self.stop(StopReason::Cancelled);
    }

    /// Whether the run was stopped, and why; the first stop wins.
    pub fn reason(&self) -> Option<StopReason> {
        match self.0.reason.load(Ordering::Acquire) {
            1 => Some(StopReason::Cancelled),
            2 => Some(StopReason::Timeout),
            _ => None,
        }
    }

    pub(crate) fn stop(&self, reason: StopReason) {
        if self
            .0
            .reason
            .compare_exchange(0, reason as u8, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return;
        }
        if let Some((engine, wake)) = &*self.0.run.lock().unwrap_or_else(|e| e.into_inner()) {
            engine.increment_epoch();
            wake();
        }
    }

    /// Connects the handle to a starting run; the returned guard
    /// disconnects it (and ends the run's deadline timer) when dropped.
    pub(crate) fn attach(
        &self,
        engine: &Engine,
        wake: Wake,
        timeout: Option<Duration>,
    ) -> Attached {
        *self.0.run.lock().unwrap_or_else(|e| e.into_inner()) = Some((engine.clone(), wake));
        let deadline = timeout.map(|t| {
            let (done, ended) = mpsc::channel::<()>();
            let handle = self.clone();
            std::thread::Builder::new()
                .name("gowasm-deadline".into())
                .spawn(move || {
                    if ended.recv_timeout(t) == Err(mpsc::RecvTimeoutError::Timeout) {
                        handle.stop(StopReason::Timeout);
                    }
                })
                .map(|_| done)
        });
        Attached {
            handle: self.clone(),
            _deadline: deadline,
        }
    }
}

/// A run's connection to its [`CancelHandle`].
pub(crate) struct Attached {
    handle: CancelHandle,
    /// Dropping the sender ends the deadline's thread.
    _deadline: Option<std::io::Result<mpsc::Sender<()>>>,
}

impl Drop for Attached {
    fn drop(&mut self) {
        *self.handle.0.run.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Caps the GC heap's growth (Wasmtime asks before growing it).
pub(crate) struct MemoryCap(pub Option<u64>);

impl wasmtime::ResourceLimiter for MemoryCap {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(self.0.is_none_or(|max| desired as u64 <= max))
    }

    fn table_growing(
        &mut self,
        _current: usize,
        _desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn the_first_stop_wins_and_wakes_the_run_once() {
        let engine = Engine::default();
        let woken = Arc::new(AtomicUsize::new(0));
        let handle = CancelHandle::new();
        let w = woken.clone();
        let attached = handle.attach(
            &engine,
            Box::new(move || {
                w.fetch_add(1, Ordering::SeqCst);
            }),
            None,
        );
        assert_eq!(handle.reason(), None);
        handle.stop(StopReason::Timeout);
        handle.cancel();
        assert_eq!(handle.reason(), Some(StopReason::Timeout));
        assert_eq!(woken.load(Ordering::SeqCst), 1);
        drop(attached);
    }

    #[test]
    fn a_deadline_stops_the_run() {
        let handle = CancelHandle::new();
        let _attached = handle.attach(
            &Engine::default(),
            Box::new(|| {}),
            Some(Duration::from_millis(10)),
        );
        let start = std::time::Instant::now();
        while handle.reason().is_none() {
            assert!(start.elapsed() < Duration::from_secs(60));
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(handle.reason(), Some(StopReason::Timeout));
    }

    #[test]
    fn a_run_that_ends_first_is_not_timed_out() {
        let handle = CancelHandle::new();
        drop(handle.attach(
            &Engine::default(),
            Box::new(|| {}),
            Some(Duration::from_millis(1)),
        ));
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(handle.reason(), None);
    }
}
