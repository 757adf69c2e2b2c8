package runtime

// Runtime hooks of os and internal/poll. File descriptors are never
// registered with a poller (pollOpen fails): internal/poll then treats them
// as blocking, and reads go through syscall.Read, which parks only the
// reading goroutine (time.go, syscall_runtimeRead).

//go:linkname os_beforeExit os.runtime_beforeExit
func os_beforeExit(exitCode int) {}

// os_sigpipe: a write to a closed pipe ends a gc program with SIGPIPE;
// the host reports the failed write instead.
//
//go:linkname os_sigpipe os.sigpipe
func os_sigpipe() {}

//go:linkname poll_runtime_Semacquire internal/poll.runtime_Semacquire
func poll_runtime_Semacquire(sema *uint32) { semacquire(sema, "semacquire") }

//go:linkname poll_runtime_Semrelease internal/poll.runtime_Semrelease
func poll_runtime_Semrelease(sema *uint32) { semrelease(sema) }

//go:linkname poll_runtime_pollServerInit internal/poll.runtime_pollServerInit
func poll_runtime_pollServerInit() {}

// errNoPoller is ENOSYS in syscall's (WASI) numbering.
const errNoPoller = 52

//go:linkname poll_runtime_pollOpen internal/poll.runtime_pollOpen
func poll_runtime_pollOpen(fd uintptr) (uintptr, int) { return 0, errNoPoller }

//go:linkname poll_runtime_pollClose internal/poll.runtime_pollClose
func poll_runtime_pollClose(ctx uintptr) {}

//go:linkname poll_runtime_pollWait internal/poll.runtime_pollWait
func poll_runtime_pollWait(ctx uintptr, mode int) int { return 0 }

//go:linkname poll_runtime_pollWaitCanceled internal/poll.runtime_pollWaitCanceled
func poll_runtime_pollWaitCanceled(ctx uintptr, mode int) {}

//go:linkname poll_runtime_pollReset internal/poll.runtime_pollReset
func poll_runtime_pollReset(ctx uintptr, mode int) int { return 0 }

//go:linkname poll_runtime_pollSetDeadline internal/poll.runtime_pollSetDeadline
func poll_runtime_pollSetDeadline(ctx uintptr, d int64, mode int) {}

//go:linkname poll_runtime_pollUnblock internal/poll.runtime_pollUnblock
func poll_runtime_pollUnblock(ctx uintptr) {}

//go:linkname poll_runtime_isPollServerDescriptor internal/poll.runtime_isPollServerDescriptor
func poll_runtime_isPollServerDescriptor(fd uintptr) bool { return false }
