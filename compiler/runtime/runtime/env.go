package runtime

import "unsafe"

// Arguments, environment and GODEBUG, from the host.

func hostStrings(count func() int32, nth func(int32) []byte) []string {
	out := make([]string, count())
	for i := range out {
		out[i] = string(nth(int32(i)))
	}
	return out
}

//go:linkname syscall_runtime_envs syscall.runtime_envs
func syscall_runtime_envs() []string {
	return hostStrings(hostEnvCount, hostEnv)
}

//go:linkname os_runtime_args os.runtime_args
func os_runtime_args() []string {
	return hostStrings(hostArgCount, hostArg)
}

// syscall keeps the environment the program sees; the runtime's own
// lookups go to the host at start-up, and a changed GODEBUG reaches
// internal/godebug as in gc.

//go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
func syscall_runtimeSetenv(key, value string) {
	if key == "GODEBUG" && godebugUpdate != nil {
		godebugUpdate("", value)
	}
}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(key string) {
	syscall_runtimeSetenv(key, "")
}

// gogetenv looks up an environment variable.
func gogetenv(key string) string {
	for _, kv := range syscall_runtime_envs() {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:]
		}
	}
	return ""
}

// godebugUpdate is internal/godebug's update function, called with the
// default GODEBUG (gowasm programs have none from go.mod) and the
// environment's, at start-up and when the program sets GODEBUG.
var godebugUpdate func(def, env string)

//go:linkname godebug_setUpdate internal/godebug.setUpdate
func godebug_setUpdate(update func(string, string)) {
	godebugUpdate = update
	update("", gogetenv("GODEBUG"))
}

//go:linkname godebug_registerMetric internal/godebug.registerMetric
func godebug_registerMetric(name string, read func() uint64) {}

//go:linkname godebug_setNewIncNonDefault internal/godebug.setNewIncNonDefault
func godebug_setNewIncNonDefault(newIncNonDefault func(string) func()) {}

//go:linkname syscall_Exit syscall.Exit
func syscall_Exit(code int) {
	exit(int32(code))
}

// write is gc's raw write, used by internal/godebug to report to stderr.
func write(fd uintptr, p unsafe.Pointer, n int32) int32 {
	return hostWrite(int32(fd), unsafe.Slice((*byte)(p), n))
}
