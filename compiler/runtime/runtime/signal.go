package runtime

// os/signal's hooks. Signals are not delivered to programs yet: a
// goroutine receiving them waits forever, and a program whose other
// goroutines all wait too sleeps instead of reporting a deadlock, as gc's
// does (its signal loop waits in the kernel).

var signalWaiters int

//go:linkname signal_enable os/signal.signal_enable
func signal_enable(sig uint32) {}

//go:linkname signal_disable os/signal.signal_disable
func signal_disable(sig uint32) {}

//go:linkname signal_ignore os/signal.signal_ignore
func signal_ignore(sig uint32) {}

//go:linkname signal_ignored os/signal.signal_ignored
func signal_ignored(sig uint32) bool { return false }

//go:linkname signal_recv os/signal.signal_recv
func signal_recv() uint32 {
	signalWaiters++
	park("signal wait")
	panic(plainError("signal_recv woken"))
}

//go:linkname signalWaitUntilIdle os/signal.signalWaitUntilIdle
func signalWaitUntilIdle() {}
