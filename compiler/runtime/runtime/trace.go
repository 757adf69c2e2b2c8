package runtime

// Execution tracing (runtime/trace) is not provided: StartTrace fails,
// the user annotations record nothing.

// StartTrace reports that tracing is not supported.
func StartTrace() error {
	return plainError("runtime: execution tracing is not supported by gowasm")
}

// StopTrace has no trace to stop.
func StopTrace() {}

// ReadTrace returns no data: there is no trace.
func ReadTrace() []byte { return nil }

//go:linkname trace_userTaskCreate runtime/trace.userTaskCreate
func trace_userTaskCreate(id, parentID uint64, taskType string) {}

//go:linkname trace_userTaskEnd runtime/trace.userTaskEnd
func trace_userTaskEnd(id uint64) {}

//go:linkname trace_userRegion runtime/trace.userRegion
func trace_userRegion(id, mode uint64, regionType string) {}

//go:linkname trace_userLog runtime/trace.userLog
func trace_userLog(id uint64, category, message string) {}

//go:linkname trace_clockUnitsPerSecond runtime/trace.runtime_traceClockUnitsPerSecond
func trace_clockUnitsPerSecond() uint64 { return 1e9 }

// traceAdvance and traceClockNow are pulled by runtime/trace.
func traceAdvance(stopTrace bool) {}

func traceClockNow() uint64 { return uint64(nanotime()) }

//go:linkname trace_readTrace runtime/trace.runtime_readTrace
func trace_readTrace() []byte { return nil }
