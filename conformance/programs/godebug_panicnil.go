// GODEBUG changed by the program: the runtime's own setting panicnil
// follows os.Setenv, os.Unsetenv and syscall.Clearenv, and a library
// setting (asynctimerchan, read by time.NewTimer) is read after it.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func nilPanic() (r any) {
	defer func() { r = recover() }()
	panic(nil)
}

func report(when string) {
	r := nilPanic()
	fmt.Printf("%s: %T %v\n", when, r, r)
}

func main() {
	report("default")
	os.Setenv("GODEBUG", "panicnil=1")
	report("panicnil=1")
	os.Setenv("GODEBUG", "panicnil=1,panicnil=0")
	report("panicnil=1,panicnil=0")
	os.Setenv("GODEBUG", "asynctimerchan=1,panicnil=1")
	report("asynctimerchan=1,panicnil=1")
	t := time.NewTimer(time.Millisecond)
	fmt.Println("timer fired:", (<-t.C).After(time.Time{}))
	os.Unsetenv("GODEBUG")
	report("unset")
	os.Setenv("GODEBUG", "panicnil=1")
	syscall.Clearenv()
	report("cleared")
}
