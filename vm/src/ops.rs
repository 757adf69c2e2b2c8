//! Blocking host operations (reads of stdin) run on worker threads while the
//! module keeps running goroutines; the module's scheduler collects them
//! through `poll`, as Go's netpoller does. The run waits in one `mio::Poll`:
//! a finished operation wakes it through a `Waker`, and sockets will be
//! registered with the same poller (docs/design.md, "Networking").

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A finished operation's result: the bytes read, or the error.
pub type Done = std::io::Result<Vec<u8>>;

/// The waker's token (the only event source so far).
const WAKE: mio::Token = mio::Token(0);

pub struct Ops {
    next: i64,
    /// Operations started and not yet reported by `poll`.
    in_flight: usize,
    poll: mio::Poll,
    events: mio::Events,
    waker: Arc<mio::Waker>,
    /// Operations finished by workers and not yet reported by `poll`.
    arrived: Arc<Mutex<VecDeque<(i64, Done)>>>,
    finished: HashMap<i64, Done>,
}

impl Ops {
    pub fn new() -> std::io::Result<Ops> {
        let poll = mio::Poll::new()?;
        let waker = Arc::new(mio::Waker::new(poll.registry(), WAKE)?);
        Ok(Ops {
            next: 0,
            in_flight: 0,
            poll,
            events: mio::Events::with_capacity(16),
            waker,
            arrived: Arc::default(),
            finished: HashMap::new(),
        })
    }

    /// Starts `work` on a worker thread and returns its id.
    pub fn start(&mut self, work: impl FnOnce() -> Done + Send + 'static) -> i64 {
        let id = self.next;
        self.next += 1;
        self.in_flight += 1;
        let (arrived, waker) = (self.arrived.clone(), self.waker.clone());
        std::thread::spawn(move || {
            let done = work();
            arrived
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push_back((id, done));
            // Fails only when the run's poller is gone: nobody waits.
            let _ = waker.wake();
        });
        id
    }

    /// Waits up to `timeout` (None: no limit) for an operation to finish;
    /// returns its id. Without operations in flight it only sleeps (and
    /// returns at once when there is no limit).
    pub fn poll(&mut self, timeout: Option<Duration>) -> Option<i64> {
        if self.in_flight == 0 {
            // A plain sleep keeps the timers' precision (the poller
            // counts whole milliseconds).
            if let Some(t) = timeout {
                std::thread::sleep(t);
            }
            return None;
        }
        loop {
            if let Some(id) = self.take_arrived() {
                return Some(id);
            }
            // Woken (perhaps for an operation already reported) or
            // interrupted: look again; timed out: give up.
            match self.poll.poll(&mut self.events, timeout) {
                Ok(()) if self.events.is_empty() => return self.take_arrived(),
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return self.take_arrived(),
            }
        }
    }

    /// Moves the next operation the workers finished to `finished`.
    fn take_arrived(&mut self) -> Option<i64> {
        let (id, done) = self
            .arrived
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()?;
        self.in_flight -= 1;
        self.finished.insert(id, done);
        Some(id)
    }

    /// The result of a finished operation (once).
    pub fn take(&mut self, id: i64) -> Option<Done> {
        self.finished.remove(&id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_finish_through_poll() {
        let mut ops = Ops::new().unwrap();
        assert_eq!(ops.poll(Some(Duration::ZERO)), None);
        let id = ops.start(|| Ok(b"hi".to_vec()));
        assert_eq!(ops.poll(None), Some(id));
        assert_eq!(ops.take(id).unwrap().unwrap(), b"hi");
        assert!(ops.take(id).is_none());
    }

    #[test]
    fn poll_without_operations_or_limit_returns_at_once() {
        assert_eq!(Ops::new().unwrap().poll(None), None);
    }

    #[test]
    fn operations_started_by_many_workers_all_arrive() {
        let mut ops = Ops::new().unwrap();
        let ids: Vec<i64> = (0..50)
            .map(|i| ops.start(move || Ok(vec![i as u8])))
            .collect();
        let mut seen = Vec::new();
        while seen.len() < ids.len() {
            let id = ops.poll(None).expect("an operation");
            assert_eq!(ops.take(id).unwrap().unwrap(), vec![id as u8]);
            seen.push(id);
        }
        seen.sort();
        assert_eq!(seen, ids);
    }
}
