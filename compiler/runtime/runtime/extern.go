package runtime

// Caller reports no caller information: gowasm does not keep program
// counter tables in the module.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	return 0, "", 0, false
}

// Callers fills nothing, for the same reason.
func Callers(skip int, pc []uintptr) int {
	return 0
}

// A Func represents a Go function in the running binary.
type Func struct {
	name string
}

// FuncForPC returns nil: there are no program counter tables.
func FuncForPC(pc uintptr) *Func {
	return nil
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr { return 0 }

// FileLine returns the file name and line number of pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) { return "", 0 }

// Frames is an iterator over call frames; gowasm records none.
type Frames struct{}

// Frame is a call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames returns an iterator with no frames.
func CallersFrames(callers []uintptr) *Frames { return &Frames{} }

// Next reports that there are no more frames.
func (ci *Frames) Next() (frame Frame, more bool) { return Frame{}, false }

// AddCleanup is accepted and ignored: the engine's collector does not
// report object death.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup { return Cleanup{} }

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct{}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {}
