// runtime.Stack and runtime/debug.Stack list the calling goroutine's
// frames: function and file:line of each of this package's frames are
// printed (argument values, offsets and the runtime's frames are gc's
// own), in plain code, in a goroutine, and in a deferred call run by a
// panic, where the panicking frames are still listed.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

type W struct{ a []int }

func (w W) Get(i int) int { return w.a[i] }

func show(label string, trace []byte) {
	lines := strings.Split(string(trace), "\n")
	var out []string
	for i := 0; i+1 < len(lines); i++ {
		fn, _, ok := strings.Cut(lines[i], "(")
		if !ok || !strings.HasPrefix(fn, "main.") {
			continue
		}
		loc := strings.TrimSpace(lines[i+1])
		if sp := strings.IndexByte(loc, ' '); sp >= 0 {
			loc = loc[:sp]
		}
		out = append(out, fn+" "+filepath.Base(loc))
	}
	fmt.Println(label, strings.Join(out, " | "))
}

func stack() []byte {
	buf := make([]byte, 8192)
	return buf[:runtime.Stack(buf, false)]
}

func inner() { show("plain", stack()) }

func outer() { inner() }

func main() {
	outer()
	show("debug", debug.Stack())
	done := make(chan bool)
	go func() {
		show("goroutine", stack())
		done <- true
	}()
	<-done
	func() {
		defer func() {
			recover()
			show("panic", debug.Stack())
		}()
		w := W{a: []int{1, 2}}
		_ = w.Get(1)
		_ = w.Get(2)
	}()
}
