//! Signals for a running program. The embedder owns the process's signal
//! handling (gowasm-run installs handlers; a Rust service may forward its
//! own) and offers each signal to the run through a [`SignalRelay`]; the
//! program's `signal.Notify` (the ABI's `signal_action`) decides whether
//! it takes the signal, ignores it, or leaves it to its default action,
//! which the embedder then carries out.

use std::sync::{Arc, Mutex};

/// What a program does with a signal, as its `os/signal` calls set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Not asked for: the embedder takes the default action (gowasm-run
    /// ends the process as a Go program ends on that signal).
    Default,
    /// Delivered to the program (`signal.Notify`).
    Notified,
    /// Dropped (`signal.Ignore`).
    Ignored,
}

/// The largest signal number a program can ask for (Go's `numSig` - 1).
const MAX_SIGNAL: usize = 64;

/// Where delivered signals go: the run's poller.
pub(crate) type Deliver = Box<dyn Fn(i32) + Send>;

#[derive(Default)]
struct Relay {
    actions: Vec<Disposition>,
    deliver: Option<Deliver>,
}

/// Offers signals to a run (`RunOptions::signals`). Clones share one
/// relay; it serves one run at a time.
#[derive(Clone, Default)]
pub struct SignalRelay {
    inner: Arc<Mutex<Relay>>,
}

impl SignalRelay {
    pub fn new() -> SignalRelay {
        SignalRelay::default()
    }

    /// Offers signal `sig` (the numbering of Go's syscall package for
    /// wasip1, which is Linux's for SIGHUP, SIGINT, SIGQUIT, SIGUSR1,
    /// SIGUSR2, SIGPIPE, SIGALRM and SIGTERM) to the program and says what
    /// became of it.
    pub fn deliver(&self, sig: i32) -> Disposition {
        let relay = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let action = usize::try_from(sig)
            .ok()
            .and_then(|s| relay.actions.get(s))
            .copied()
            .unwrap_or(Disposition::Default);
        match (action, &relay.deliver) {
            (Disposition::Notified, Some(deliver)) => {
                deliver(sig);
                Disposition::Notified
            }
            (Disposition::Notified, None) => Disposition::Default,
            (other, _) => other,
        }
    }

    /// Connects the relay to a starting run (forgetting an earlier run's
    /// choices).
    pub(crate) fn attach(&self, deliver: Deliver) {
        let mut relay = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        relay.actions = vec![Disposition::Default; MAX_SIGNAL + 1];
        relay.deliver = Some(deliver);
    }

    /// Disconnects the relay from a run that ended: signals get their
    /// default action again.
    pub(crate) fn detach(&self) {
        let mut relay = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        relay.actions.clear();
        relay.deliver = None;
    }

    /// The program's choice for a signal (the ABI's `signal_action`:
    /// 0 default, 1 notify, 2 ignore); false for an unknown signal or
    /// action.
    pub(crate) fn set_action(&self, sig: i32, action: i32) -> bool {
        let action = match action {
            0 => Disposition::Default,
            1 => Disposition::Notified,
            2 => Disposition::Ignored,
            _ => return false,
        };
        let mut relay = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        match usize::try_from(sig)
            .ok()
            .filter(|&s| s > 0)
            .and_then(|s| relay.actions.get_mut(s))
        {
            Some(slot) => {
                *slot = action;
                true
            }
            None => false,
        }
    }
}

/// The signals a command-line host offers the program (`signal.Notify`).
const RELAYED: [i32; 6] = [
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGTERM,
];

/// For command-line hosts (gowasm-run, `gowasm run`): takes this
/// process's signals that a Go program may ask for, on a thread of its
/// own, and offers each to every run one of the `count` returned relays is
/// given to (replicas of a program); one that no program asked for gets
/// the action Go's runtime gives it. Call it once per process.
pub fn relay_process_signals(count: usize) -> std::io::Result<Vec<SignalRelay>> {
    let relays: Vec<SignalRelay> = (0..count).map(|_| SignalRelay::new()).collect();
    let mut signals = signal_hook::iterator::Signals::new(RELAYED)?;
    let offered = relays.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let taken: Vec<Disposition> = offered.iter().map(|r| r.deliver(sig)).collect();
            if taken.iter().all(|&d| d == Disposition::Default) {
                default_action(sig);
            }
        }
    });
    Ok(relays)
}

/// What Go's runtime does on a signal the program did not ask for:
/// SIGQUIT prints its name and exits with status 2; SIGUSR1 and SIGUSR2
/// are ignored; the others kill the process by that signal (status 128+n
/// in a shell), or, where it cannot (PID 1 of a container ignores
/// default-action signals), exit with status 128+n.
fn default_action(sig: i32) {
    use signal_hook::consts::{SIGQUIT, SIGUSR1, SIGUSR2};
    match sig {
        SIGUSR1 | SIGUSR2 => {}
        SIGQUIT => {
            eprintln!("SIGQUIT: quit");
            std::process::exit(2);
        }
        _ => die_by_signal(sig),
    }
}

/// Ends this process by signal `sig` (its default action), or, where it
/// cannot (PID 1 of a container ignores default-action signals), with
/// status 128 + sig. For command-line hosts.
pub fn die_by_signal(sig: i32) -> ! {
    // SAFETY: gives the signal its default action and raises it on this
    // thread.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
    std::process::exit(128 + sig);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_follow_the_program_choices() {
        let relay = SignalRelay::new();
        assert_eq!(relay.deliver(15), Disposition::Default);
        let got = Arc::new(Mutex::new(Vec::new()));
        let sink = got.clone();
        relay.attach(Box::new(move |s| sink.lock().unwrap().push(s)));
        assert_eq!(relay.deliver(15), Disposition::Default);
        assert!(relay.set_action(15, 1));
        assert!(relay.set_action(1, 2));
        assert!(!relay.set_action(0, 1));
        assert!(!relay.set_action(65, 1));
        assert!(!relay.set_action(2, 7));
        assert_eq!(relay.deliver(15), Disposition::Notified);
        assert_eq!(relay.deliver(1), Disposition::Ignored);
        assert_eq!(relay.deliver(2), Disposition::Default);
        assert_eq!(relay.deliver(-3), Disposition::Default);
        assert_eq!(*got.lock().unwrap(), vec![15]);
        relay.detach();
        assert_eq!(relay.deliver(15), Disposition::Default);
    }
}
