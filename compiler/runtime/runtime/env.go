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
	if key != "GODEBUG" {
		return
	}
	godebugEnv, godebugEnvSet = value, true
	if godebugUpdate != nil {
		godebugUpdate("", value)
	}
}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(key string) {
	syscall_runtimeSetenv(key, "")
}

//go:linkname syscall_runtimeClearenv syscall.runtimeClearenv
func syscall_runtimeClearenv(env map[string]int) {
	if _, ok := env["GODEBUG"]; ok {
		syscall_runtimeSetenv("GODEBUG", "")
	}
}

// Getpagesize is WebAssembly's page size, as in gc's wasm ports.
//
//go:linkname syscall_Getpagesize syscall.Getpagesize
func syscall_Getpagesize() int { return 65536 }

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
// environment's when it registers (before it reads its first setting) and
// when the program sets GODEBUG.
var godebugUpdate func(def, env string)

// godebugEnv is $GODEBUG as the program last set it, once it has
// (godebugEnvSet); the host's until then.
var (
	godebugEnv    string
	godebugEnvSet bool
)

// godebug returns the value of the runtime's own GODEBUG setting key (the
// last key=value of $GODEBUG for it, as gc parses it), or "".
func godebug(key string) string {
	env := godebugEnv
	if !godebugEnvSet {
		env = gogetenv("GODEBUG")
	}
	value := ""
	for env != "" {
		field, rest := env, ""
		for i := 0; i < len(env); i++ {
			if env[i] == ',' {
				field, rest = env[:i], env[i+1:]
				break
			}
		}
		if len(field) > len(key) && field[len(key)] == '=' && field[:len(key)] == key {
			value = field[len(key)+1:]
		}
		env = rest
	}
	return value
}

//go:linkname godebug_setUpdate internal/godebug.setUpdate
func godebug_setUpdate(update func(string, string)) {
	godebugUpdate = update
	if !godebugEnvSet {
		godebugEnv = gogetenv("GODEBUG")
	}
	update("", godebugEnv)
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
