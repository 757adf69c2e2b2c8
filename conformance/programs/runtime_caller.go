// runtime.Caller, Callers, CallersFrames and FuncForPC: function names,
// files and lines of the calling goroutine's frames, as log.Lshortfile
// and testing use them.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

type T struct{ n int }

func (t T) Value() string { return here(1) }

func (t *T) Pointer() string { return here(1) }

// here describes the frame skip levels above its caller.
func here(skip int) string {
	pc, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return "no caller"
	}
	return fmt.Sprintf("%s %s:%d abs=%v", runtime.FuncForPC(pc).Name(), filepath.Base(file), line,
		filepath.IsAbs(file))
}

// stack lists the main package's frames from its caller outwards.
func stack() []string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		fr, more := frames.Next()
		if strings.HasPrefix(fr.Function, "main.") {
			out = append(out, fmt.Sprintf("%s:%d", fr.Function, fr.Line))
		}
		if !more {
			return out
		}
	}
}

func Generic[E any](e E) string { return here(0) }

func recursive(n int) []string {
	if n == 0 {
		return stack()
	}
	return recursive(n - 1)
}

func deferred() (s string) {
	defer func() {
		s = here(0)
	}()
	return ""
}

func main() {
	fmt.Println(here(0))
	fmt.Println(T{}.Value())
	fmt.Println((&T{}).Pointer())
	fmt.Println(func() string { return here(0) }())
	fmt.Println(func() string {
		return func() string { return here(1) }()
	}())
	fmt.Println(Generic(3))
	fmt.Println(Generic("x"))
	fmt.Println(deferred())
	f := T{}.Value
	fmt.Println(f())
	fmt.Println(strings.Join(recursive(3), " "))
	fmt.Println(strings.Join(stack(), " "))

	_, _, _, ok := runtime.Caller(1000)
	fmt.Println("deep caller ok:", ok)
	fmt.Println("callers into empty slice:", runtime.Callers(0, nil))

	log.SetFlags(log.Lshortfile)
	log.SetOutput(os.Stdout)
	log.Println("logged with its line")
	fmt.Println(runtime.FuncForPC(0) == nil)
}
