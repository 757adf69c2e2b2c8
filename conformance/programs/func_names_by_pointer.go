// runtime.FuncForPC of reflect's Pointer of a func value names the
// function (a common way to name handlers), gives one *Func per function,
// and its Entry is that program counter; FileLine of the entry is the
// declaration's line (single-line functions: gc's optimizer may move the
// entry's line elsewhere in longer ones).
package main

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
)

func handler() {}

func add(a, b int) int { return a + b }

type router map[string]func()

func main() {
	f := func() {}
	fns := []any{handler, add, main, f, strings.ToUpper, filepath.Base}
	for _, fn := range fns {
		pc := reflect.ValueOf(fn).Pointer()
		rf := runtime.FuncForPC(pc)
		fmt.Println(rf.Name(), rf.Entry() == pc, runtime.FuncForPC(pc) == rf)
	}
	for _, fn := range []any{handler, add, f} {
		pc := reflect.ValueOf(fn).Pointer()
		file, line := runtime.FuncForPC(pc).FileLine(pc)
		fmt.Println(filepath.Base(file), line)
	}
	r := router{"/": handler, "/x": f}
	for _, path := range []string{"/", "/x"} {
		fmt.Println(path, runtime.FuncForPC(reflect.ValueOf(r[path]).Pointer()).Name())
	}
	var none func()
	fmt.Println(reflect.ValueOf(none).Pointer())
}
