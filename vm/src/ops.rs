//! Blocking host operations (reads of stdin) run on worker threads while the
//! module keeps running goroutines; the module's scheduler collects them
//! through `poll`, as Go's netpoller does.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// A finished operation's result: the bytes read, or the error.
pub type Done = std::io::Result<Vec<u8>>;

pub struct Ops {
    next: i64,
    in_flight: usize,
    tx: Sender<(i64, Done)>,
    rx: Receiver<(i64, Done)>,
    finished: HashMap<i64, Done>,
}

impl Default for Ops {
    fn default() -> Ops {
        let (tx, rx) = channel();
        Ops {
            next: 0,
            in_flight: 0,
            tx,
            rx,
            finished: HashMap::new(),
        }
    }
}

impl Ops {
    /// Starts `work` on a worker thread and returns its id.
    pub fn start(&mut self, work: impl FnOnce() -> Done + Send + 'static) -> i64 {
        let id = self.next;
        self.next += 1;
        self.in_flight += 1;
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            // The receiver is gone only when the run has ended.
            let _ = tx.send((id, work()));
        });
        id
    }

    /// Waits up to `timeout` (None: no limit) for an operation to finish;
    /// returns its id. Without operations in flight it only sleeps.
    pub fn poll(&mut self, timeout: Option<Duration>) -> Option<i64> {
        if self.in_flight == 0 {
            if let Some(t) = timeout {
                std::thread::sleep(t);
            }
            return None;
        }
        let (id, done) = match timeout {
            None => self.rx.recv().ok()?,
            Some(t) => match self.rx.recv_timeout(t) {
                Ok(r) => r,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            },
        };
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
        let mut ops = Ops::default();
        assert_eq!(ops.poll(Some(Duration::ZERO)), None);
        let id = ops.start(|| Ok(b"hi".to_vec()));
        assert_eq!(ops.poll(None), Some(id));
        assert_eq!(ops.take(id).unwrap().unwrap(), b"hi");
        assert!(ops.take(id).is_none());
    }
}
