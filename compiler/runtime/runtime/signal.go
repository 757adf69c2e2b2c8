package runtime

// os/signal's hooks. A program that calls signal.Notify asks the host to
// deliver the signal (signal_action); the host reports it through poll
// and signal_recv hands it to os/signal's loop. Signals the program has
// not asked for keep their default action, taken by the host: the
// process ends as gc's does on that signal.

//go:wasmimport gowasm signal_action
func hostSignalAction(sig int32, action int32) int32

// The actions of signal_action.
const (
	sigDefault = 0
	sigNotify  = 1
	sigIgnore  = 2
)

var (
	// sigPending holds the signals delivered and not yet received, in
	// order (gc's sigsend counts them per signal; repeats of one not yet
	// received coalesce there as here).
	sigPending []uint32
	// sigWaiter is os/signal's loop, parked in signal_recv.
	sigWaiter *g
	// signalWaiters is 1 while it waits: the scheduler then waits in the
	// host's poll rather than reporting a deadlock (gc's signal loop
	// waits in the kernel).
	signalWaiters int
	// sigActions holds the program's choice for each signal.
	sigActions [65]int32
	// sigDeliveredHook is sigDelivered once the program has asked for a
	// signal (programs that never do not carry it).
	sigDeliveredHook func(sig uint32)
)

func setSignalAction(sig uint32, action int32) {
	if sig >= uint32(len(sigActions)) {
		return
	}
	hostSignalAction(int32(sig), action)
	sigActions[sig] = action
	sigDeliveredHook = sigDelivered
	hostEventHook = hostEvent
}

//go:linkname signal_enable os/signal.signal_enable
func signal_enable(sig uint32) { setSignalAction(sig, sigNotify) }

//go:linkname signal_disable os/signal.signal_disable
func signal_disable(sig uint32) { setSignalAction(sig, sigDefault) }

//go:linkname signal_ignore os/signal.signal_ignore
func signal_ignore(sig uint32) { setSignalAction(sig, sigIgnore) }

//go:linkname signal_ignored os/signal.signal_ignored
func signal_ignored(sig uint32) bool {
	return sig < uint32(len(sigActions)) && sigActions[sig] == sigIgnore
}

// sigHandled reports whether the program asked for sig or to ignore it.
func sigHandled(sig uint32) bool {
	return sig < uint32(len(sigActions)) && sigActions[sig] != sigDefault
}

//go:linkname signal_recv os/signal.signal_recv
func signal_recv() uint32 {
	for len(sigPending) == 0 {
		sigWaiter = curg
		signalWaiters = 1
		park("signal wait")
	}
	sig := sigPending[0]
	sigPending = sigPending[1:]
	return sig
}

// sigDelivered takes up a signal the host delivered.
func sigDelivered(sig uint32) {
	for _, s := range sigPending {
		if s == sig {
			return
		}
	}
	sigPending = append(sigPending, sig)
	if sigWaiter != nil {
		gp := sigWaiter
		sigWaiter, signalWaiters = nil, 0
		goready(gp)
	}
}

//go:linkname signalWaitUntilIdle os/signal.signalWaitUntilIdle
func signalWaitUntilIdle() {
	// os/signal calls this after disabling a signal (Stop, Reset) so that
	// none of it is still on its way to the loop: run the loop until it
	// has taken every delivered signal.
	for len(sigPending) > 0 {
		Gosched()
	}
}
