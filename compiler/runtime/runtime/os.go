package runtime

// Runtime hooks of os and internal/poll (the poller's are in netpoll.go).

//go:linkname os_beforeExit os.runtime_beforeExit
func os_beforeExit(exitCode int) {}

// os_sigpipe: a write to a closed standard output or error ends a gc
// program by SIGPIPE (os calls this on EPIPE), unless it asked for the
// signal.
//
//go:linkname os_sigpipe os.sigpipe
func os_sigpipe() {
	if sigHandled(sigPIPE) {
		return
	}
	hostRaise(sigPIPE)
}

const sigPIPE = 13

//go:wasmimport gowasm raise
func hostRaise(sig int32)

//go:linkname poll_runtime_Semacquire internal/poll.runtime_Semacquire
func poll_runtime_Semacquire(sema *uint32) { semacquire(sema, "semacquire") }

//go:linkname poll_runtime_Semrelease internal/poll.runtime_Semrelease
func poll_runtime_Semrelease(sema *uint32) { semrelease(sema) }
