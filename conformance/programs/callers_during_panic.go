// runtime.Callers in a deferred call run by a panic sees the frames from
// the panic down, as gc runs deferred calls on top of them: the panicking
// function at the panic's line, the functions between (some with deferred
// calls of their own, already run), and the caller of the deferring
// function. Only this package's frames are printed (gc's runtime frames
// differ: sigpanic, goPanicIndex).
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{ x int }

func frames(label string) {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(0, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := fs.Next()
		if strings.HasPrefix(f.Function, "main.") {
			out = append(out, fmt.Sprintf("%s:%d", f.Function, f.Line))
		}
		if !more {
			break
		}
	}
	fmt.Println(label, strings.Join(out, " "))
}

func catch(label string, f func()) {
	defer func() {
		r := recover()
		frames(label)
		fmt.Println(label, "recovered:", r)
	}()
	f()
}

func nilDeref(p *T) int {
	return p.x
}

func index(s []int, i int) int {
	return s[i]
}

func withOwnDefer() {
	defer fmt.Println("own deferred call ran")
	explicit()
}

func explicit() {
	panic("explicit")
}

func normalReturn() {
	defer frames("normal")
}

func main() {
	catch("nil", func() { nilDeref(nil) })
	catch("index", func() { index([]int{1}, 5) })
	catch("nested", withOwnDefer)
	normalReturn()
	catch("repanic", func() {
		defer func() {
			frames("inner")
			panic(fmt.Sprint("again after ", recover()))
		}()
		explicit()
	})
}
