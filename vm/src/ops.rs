//! The run's poller: blocking host operations (reads of stdin that would
//! wait) run on worker threads while the module keeps running goroutines, the
//! program's sockets are watched for readiness, and signals arrive from
//! the embedder; the module's scheduler collects all three through
//! `poll`, as Go's netpoller does. A run with sockets waits in one
//! `mio::Poll` (sockets registered edge-triggered; a finished operation or
//! a signal wakes it through a `Waker`); a run without waits on a condition
//! variable, which keeps the timers' precision (the poller counts whole
//! milliseconds). Either wait ends early when the run is stopped
//! (`interrupt_sink`).

use std::collections::{HashMap, VecDeque};
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A finished operation's result: the bytes read, or the error.
pub type Done = std::io::Result<Vec<u8>>;

/// The waker's token; a registered descriptor's token is its number.
const WAKE: mio::Token = mio::Token(usize::MAX);

/// The kinds of event `poll` reports (host-abi's `poll`): the kind is
/// the event word's bits 48 and up.
const KIND_READY: i64 = 1 << 48;
const KIND_SIGNAL: i64 = 2 << 48;

/// What other threads hand the run.
enum Arrival {
    /// A worker finished an operation.
    Op(i64, Done),
    /// The embedder delivered a signal the program asked for.
    Signal(i32),
}

pub struct Ops {
    next: i64,
    /// Operations started and not yet reported by `poll`.
    in_flight: usize,
    /// Descriptors registered with the poller.
    registered: usize,
    /// Whether the program asked for signals (then `poll` waits in the
    /// poller, where they arrive).
    signals: bool,
    poll: mio::Poll,
    events: mio::Events,
    /// What other threads hand the run, and how they wake it.
    shared: Arc<Shared>,
    /// Readiness events taken from the poller and not yet reported.
    ready: VecDeque<i64>,
    finished: HashMap<i64, Done>,
}

struct Shared {
    /// Operations finished by workers and signals delivered, not yet
    /// reported by `poll`.
    arrived: Mutex<VecDeque<Arrival>>,
    /// Signalled with each arrival, for a run waiting without the poller.
    arrival: Condvar,
    waker: mio::Waker,
    /// Set when the run is stopped: `poll` returns at once.
    interrupted: AtomicBool,
}

impl Shared {
    fn push(&self, arrival: Option<Arrival>) {
        let mut arrived = self.arrived.lock().unwrap_or_else(|e| e.into_inner());
        arrived.extend(arrival);
        self.arrival.notify_all();
        drop(arrived);
        // Fails only when the run's poller is gone: nobody waits.
        let _ = self.waker.wake();
    }
}

impl Ops {
    pub fn new() -> std::io::Result<Ops> {
        let poll = mio::Poll::new()?;
        let waker = mio::Waker::new(poll.registry(), WAKE)?;
        Ok(Ops {
            next: 0,
            in_flight: 0,
            registered: 0,
            signals: false,
            poll,
            events: mio::Events::with_capacity(256),
            shared: Arc::new(Shared {
                arrived: Mutex::default(),
                arrival: Condvar::new(),
                waker,
                interrupted: AtomicBool::new(false),
            }),
            ready: VecDeque::new(),
            finished: HashMap::new(),
        })
    }

    /// Starts `work` on a worker thread and returns its id.
    pub fn start(&mut self, work: impl FnOnce() -> Done + Send + 'static) -> i64 {
        let id = self.next;
        self.next += 1;
        self.in_flight += 1;
        let shared = self.shared.clone();
        std::thread::spawn(move || shared.push(Some(Arrival::Op(id, work()))));
        id
    }

    /// An operation that finished as it started (no worker needed): its
    /// id, which the next `poll` reports.
    pub fn finished(&mut self, done: Done) -> i64 {
        let id = self.next;
        self.next += 1;
        self.finished.insert(id, done);
        self.ready.push_back(id);
        id
    }

    /// Where the embedder's signals for this run go (`SignalRelay`).
    pub fn signal_sink(&self) -> crate::signals::Deliver {
        let shared = self.shared.clone();
        Box::new(move |sig| shared.push(Some(Arrival::Signal(sig))))
    }

    /// What stops the run's waiting, for good (`CancelHandle`).
    pub fn interrupt_sink(&self) -> crate::limits::Wake {
        let shared = self.shared.clone();
        Box::new(move || {
            shared.interrupted.store(true, Ordering::Release);
            shared.push(None);
        })
    }

    /// The program asked for a signal: from now on `poll` waits where
    /// signals arrive.
    pub fn watch_signals(&mut self) {
        self.signals = true;
    }

    /// Watches descriptor `fd` (the program's number) whose host
    /// descriptor is `raw` for readiness.
    pub fn register(&mut self, fd: i32, raw: RawFd) -> std::io::Result<()> {
        let token = mio::Token(usize::try_from(fd).map_err(|_| std::io::ErrorKind::InvalidInput)?);
        self.poll.registry().register(
            &mut mio::unix::SourceFd(&raw),
            token,
            mio::Interest::READABLE | mio::Interest::WRITABLE,
        )?;
        self.registered += 1;
        Ok(())
    }

    /// Stops watching a registered descriptor (before it is closed).
    pub fn deregister(&mut self, raw: RawFd) {
        if self
            .poll
            .registry()
            .deregister(&mut mio::unix::SourceFd(&raw))
            .is_ok()
        {
            self.registered -= 1;
        }
    }

    /// Waits up to `timeout` (None: no limit) for an operation to finish,
    /// a signal or a registered descriptor to become ready; returns the
    /// event (host-abi's `poll`). With nothing that could arrive it only
    /// sleeps (and returns at once when there is no limit); once the run
    /// is interrupted it returns at once.
    pub fn poll(&mut self, timeout: Option<Duration>) -> Option<i64> {
        let nothing_to_wait_for =
            self.in_flight == 0 && self.registered == 0 && !self.signals && self.ready.is_empty();
        if nothing_to_wait_for && timeout.is_none() {
            return None;
        }
        let deadline = timeout.map(|t| Instant::now() + t);
        // A poll without wait still asks the poller once: a program whose
        // goroutines keep the scheduler busy polls only so, and sockets
        // that became ready meanwhile must not wait until it idles (they
        // did, up to a second under load).
        let mut asked = false;
        loop {
            if self.shared.interrupted.load(Ordering::Acquire) {
                return None;
            }
            if let Some(ev) = self.ready.pop_front().or_else(|| self.take_arrived()) {
                return Some(ev);
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left == Some(Duration::ZERO) && (self.registered == 0 || asked) {
                return None;
            }
            if self.registered == 0 {
                self.wait_for_arrival(left);
                continue;
            }
            asked = true;
            match self.poll.poll(&mut self.events, left) {
                Ok(()) => {
                    for e in self.events.iter() {
                        if e.token() == WAKE {
                            continue;
                        }
                        let readable = e.is_readable() || e.is_read_closed() || e.is_error();
                        let writable = e.is_writable() || e.is_write_closed() || e.is_error();
                        let mask = i64::from(readable) | i64::from(writable) << 1;
                        self.ready
                            .push_back(KIND_READY | (e.token().0 as i64) << 8 | mask);
                    }
                    // Woken (perhaps for an operation already reported),
                    // timed out or interrupted: look again.
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return self.take_arrived(),
            }
        }
    }

    /// Sleeps until something arrives, the run is interrupted, or `left`
    /// (None: no limit) has passed.
    fn wait_for_arrival(&self, left: Option<Duration>) {
        let arrived = self
            .shared
            .arrived
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let waiting = |a: &mut VecDeque<Arrival>| {
            a.is_empty() && !self.shared.interrupted.load(Ordering::Acquire)
        };
        // A poisoned lock only means a worker panicked: wait no more.
        match left {
            Some(t) => drop(self.shared.arrival.wait_timeout_while(arrived, t, waiting)),
            None => drop(self.shared.arrival.wait_while(arrived, waiting)),
        }
    }

    /// The event of the next arrival: a finished operation (moved to
    /// `finished`) or a signal.
    fn take_arrived(&mut self) -> Option<i64> {
        let arrival = self
            .shared
            .arrived
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()?;
        Some(match arrival {
            Arrival::Op(id, done) => {
                self.in_flight -= 1;
                self.finished.insert(id, done);
                id
            }
            Arrival::Signal(sig) => KIND_SIGNAL | i64::from(sig),
        })
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
    fn operations_finished_at_once_are_polled_too() {
        let mut ops = Ops::new().unwrap();
        let id = ops.finished(Ok(b"now".to_vec()));
        assert_eq!(ops.poll(Some(Duration::ZERO)), Some(id));
        assert_eq!(ops.take(id).unwrap().unwrap(), b"now");
        assert_eq!(ops.poll(Some(Duration::ZERO)), None);
    }

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

    #[test]
    fn signals_arrive_through_poll() {
        let mut ops = Ops::new().unwrap();
        let sink = ops.signal_sink();
        ops.watch_signals();
        std::thread::spawn(move || sink(15));
        assert_eq!(ops.poll(None), Some(KIND_SIGNAL | 15));
    }

    #[test]
    fn an_interrupt_ends_any_wait_for_good() {
        let mut ops = Ops::new().unwrap();
        ops.watch_signals();
        let interrupt = ops.interrupt_sink();
        let t = std::thread::spawn(interrupt);
        // Waits for a signal that never comes, until the interrupt.
        assert_eq!(ops.poll(None), None);
        t.join().unwrap();
        let (_a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        use std::os::fd::AsRawFd;
        ops.register(3, b.as_raw_fd()).unwrap();
        assert_eq!(ops.poll(Some(Duration::from_secs(3600))), None);
    }

    #[test]
    fn registered_descriptors_report_readiness() {
        use std::io::Write;
        use std::os::fd::AsRawFd;
        let mut ops = Ops::new().unwrap();
        let (mut a, b) = std::os::unix::net::UnixStream::pair().unwrap();
        b.set_nonblocking(true).unwrap();
        ops.register(7, b.as_raw_fd()).unwrap();
        // A fresh socket is writable at once.
        assert_eq!(ops.poll(None), Some(KIND_READY | 7 << 8 | 2));
        assert_eq!(ops.poll(Some(Duration::ZERO)), None);
        a.write_all(b"x").unwrap();
        let ev = ops.poll(None).unwrap();
        assert_eq!(ev & !0xff, KIND_READY | 7 << 8);
        assert_eq!(ev & 1, 1, "readable");
        ops.deregister(b.as_raw_fd());
        assert_eq!(ops.poll(None), None);
    }
}
