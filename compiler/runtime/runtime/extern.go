package runtime

// Program counters, function names, files and lines come from the
// host, which walks the engine's stack and reads the line table the
// compiler put in the module (docs/abi.md). A program counter is
// (wasm function index + 1) << 32 | (offset of the call in its body + 1):
// like gc's, a return address, one past the call.

//go:wasmimport gowasm callers
func hostCallers(buf []byte) int32

//go:wasmimport gowasm pc_name
func hostPCName(pc int64) []byte

//go:wasmimport gowasm pc_file
func hostPCFile(pc int64) []byte

//go:wasmimport gowasm pc_line
func hostPCLine(pc int64) int32

// Caller reports the function, file and line of the call skip frames up
// from Caller's caller.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	var pcs [1]uintptr
	if Callers(skip+2, pcs[:]) == 0 {
		return 0, "", 0, false
	}
	pc = pcs[0]
	return pc, string(hostPCFile(int64(pc - 1))), int(hostPCLine(int64(pc - 1))), true
}

// Callers fills pc with the program counters of the calling goroutine's
// stack, skipping skip frames (0: Callers itself), and reports how many
// it wrote.
func Callers(skip int, pc []uintptr) int {
	if skip < 0 || len(pc) == 0 {
		return 0
	}
	n := len(pc) + skip
	pan := panicFrames()
	if pan != nil {
		n = maxFrames
	}
	frames := withPanicFrames(stackPCs(n), pan)
	if skip >= len(frames) {
		return 0
	}
	return copy(pc, frames[skip:])
}

// maxFrames is the most frames the engine's backtraces hold (vm's
// wasm_backtrace_max_frames).
const maxFrames = 256

// stackPCs returns the program counters of up to n frames of the stack
// of stackPCs's caller, that caller's first, without the frames of the
// runtime's deferred-call machinery (hiddenFrame).
func stackPCs(n int) []uintptr {
	for want := n + 8; ; want = min(2*want, maxFrames) {
		buf := make([]byte, 8*(want+1))
		got := min(int(hostCallers(buf)), want+1)
		// hostCallers has no frame: frame 0 is this function's.
		pcs := make([]uintptr, 0, max(got-1, 0))
		for i := 1; i < got; i++ {
			b := buf[8*i:]
			pc := uintptr(b[0]) | uintptr(b[1])<<8 | uintptr(b[2])<<16 | uintptr(b[3])<<24 |
				uintptr(b[4])<<32 | uintptr(b[5])<<40 | uintptr(b[6])<<48 | uintptr(b[7])<<56
			if !hiddenFrame(pc) {
				pcs = append(pcs, pc)
			}
		}
		if len(pcs) >= n || got <= want || want == maxFrames {
			return pcs[:min(len(pcs), n)]
		}
	}
}

// hiddenFrame reports whether pc is in the runtime's deferred-call
// machinery (rundefers, panicHandler), which gc does not have: it calls
// deferred functions from the deferring function itself (open-coded
// defers) or from gopanic. Known per function after one name lookup.
func hiddenFrame(pc uintptr) bool {
	fn := pc >> 32
	hidden, known := hiddenFuncs[fn]
	if !known {
		name := string(hostPCName(int64(pc - 1)))
		hidden = name == "runtime.rundefers" || name == "runtime.panicHandler"
		if hiddenFuncs == nil {
			hiddenFuncs = map[uintptr]bool{}
		}
		hiddenFuncs[fn] = hidden
	}
	return hidden
}

var hiddenFuncs map[uintptr]bool

// panicFrames is the stack recorded by the panic whose deferred calls
// are running, if any (see withPanicFrames).
func panicFrames() []uintptr {
	if p := curPanic; p != nil {
		return p.pcs
	}
	return nil
}

// withPanicFrames is the stack cur of a call made while a panic's deferred
// calls run, as gc has it: gc runs them on top of the panicking frames,
// which the exception has unwound here and gopanic recorded (pan). The
// two share their bottom frames (the function running the deferred calls
// and its callers, matched by function: the program counters differ);
// above those, cur's frames (the deferred call's) come before all of
// pan's, which start at gopanic.
func withPanicFrames(cur, pan []uintptr) []uintptr {
	if len(pan) == 0 {
		return cur
	}
	i, j := len(cur), len(pan)
	for i > 0 && j > 0 && cur[i-1]>>32 == pan[j-1]>>32 {
		i--
		j--
	}
	return append(cur[:i:i], pan...)
}

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC describes the function holding pc, or returns nil.
func FuncForPC(pc uintptr) *Func {
	name := hostPCName(int64(pc))
	if name == nil {
		return nil
	}
	// One Func per function, as gc's: callers compare them.
	entry := pc &^ (1<<32 - 1)
	if f := funcs[entry]; f != nil {
		return f
	}
	f := &Func{name: string(name), entry: entry}
	if funcs == nil {
		funcs = map[uintptr]*Func{}
	}
	funcs[entry] = f
	return f
}

// funcs holds the Funcs FuncForPC made, by entry program counter.
var funcs map[uintptr]*Func

// funcEntry returns the entry program counter of a func value's function;
// the compiler supplies it.
func funcEntry(f any) uintptr

// reflect_funcPC is reflect's Value.Pointer of a func: its function's
// entry program counter where the module has a line table (FuncForPC
// names it then), else 0.
func reflect_funcPC(f any) uintptr {
	if callersRecorded() {
		return funcEntry(f)
	}
	return 0
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	if f == nil {
		return 0
	}
	return f.entry
}

// FileLine returns the file name and line number of pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	return string(hostPCFile(int64(pc))), int(hostPCLine(int64(pc)))
}

// Frames iterates over the call frames of program counters from Callers.
type Frames struct {
	callers []uintptr
}

// Frame is a call frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// CallersFrames returns an iterator over the frames of callers.
func CallersFrames(callers []uintptr) *Frames { return &Frames{callers: callers} }

// Next returns the next frame and whether there are more.
func (ci *Frames) Next() (frame Frame, more bool) {
	for len(ci.callers) > 0 {
		pc := ci.callers[0]
		ci.callers = ci.callers[1:]
		f := FuncForPC(pc - 1)
		if f == nil {
			continue
		}
		frame = Frame{PC: pc, Func: f, Function: f.name, Entry: f.entry}
		frame.File, frame.Line = f.FileLine(pc - 1)
		return frame, len(ci.callers) > 0
	}
	return Frame{}, false
}

// AddCleanup is accepted and ignored: the engine's collector does not
// report object death.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup { return Cleanup{} }

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct{}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {}

// blockUntilEmptyCleanupQueue reports at once that no cleanup is queued:
// none ever is (AddCleanup). For the tests of sync and unique, as gc's.
func blockUntilEmptyCleanupQueue(timeout int64) bool { return true }

//go:linkname sync_test_runtime_blockUntilEmptyCleanupQueue sync_test.runtime_blockUntilEmptyCleanupQueue
func sync_test_runtime_blockUntilEmptyCleanupQueue(timeout int64) bool {
	return blockUntilEmptyCleanupQueue(timeout)
}

//go:linkname unique_runtime_blockUntilEmptyCleanupQueue unique.runtime_blockUntilEmptyCleanupQueue
func unique_runtime_blockUntilEmptyCleanupQueue(timeout int64) bool {
	return blockUntilEmptyCleanupQueue(timeout)
}
