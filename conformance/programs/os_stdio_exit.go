// The os package on standard streams: os.Stdout and os.Stderr writes,
// buffered output, os.Args, an unset variable, and os.Exit (which skips
// deferred calls) with its status.
package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

func main() {
	defer os.Stdout.WriteString("deferred: not printed (os.Exit skips it)\n")
	os.Stdout.WriteString("to stdout\n")
	os.Stderr.WriteString("to stderr\n")
	w := bufio.NewWriter(os.Stdout)
	for i := 0; i < 3; i++ {
		w.WriteString("buffered line " + strconv.Itoa(i) + "\n")
	}
	w.Flush()
	println("args:", len(os.Args), "program name set:", os.Args[0] != "")
	v, ok := os.LookupEnv("GOWASM_CONFORMANCE_SURELY_UNSET")
	println("unset variable:", v == "", ok)
	n, err := os.Stdout.Write([]byte(strings.Repeat("x", 5) + "\n"))
	println("write:", n, err == nil)
	os.Exit(3)
}
