// Command frontend is the Go half of the gowasm compiler. It loads a Go
// program with go/packages against a synthesized GOROOT (the real standard
// library with gowasm's runtime packages swapped in), type-checks it, builds
// SSA with generics instantiated, prunes it to what is reachable, and writes
// the program as JSON IR for the Rust back end (compiler/src/ir.rs mirrors
// the schema in ir.go).
//
// Users never run it: the gowasm binary builds and caches it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
)

func main() {
	runtimeDir := flag.String("runtime", "", "directory holding gowasm's replacement packages, laid out by import path")
	cacheDir := flag.String("cache", "", "directory for the synthesized GOROOT")
	out := flag.String("o", "", "output IR file")
	test := flag.Bool("test", false, "compile the package's test binary")
	flag.Parse()
	if *runtimeDir == "" || *cacheDir == "" || *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: frontend -runtime DIR -cache DIR -o out.json packages...")
		os.Exit(2)
	}
	goroot, err := synthesizeGOROOT(runtime.GOROOT(), *runtimeDir, *cacheDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gowasm:", err)
		os.Exit(1)
	}
	realGOROOT, syntheticGOROOT = runtime.GOROOT(), goroot
	prog, ok := load(goroot, flag.Args(), *test)
	if !ok {
		os.Exit(1)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gowasm:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := json.NewEncoder(w).Encode(prog); err != nil {
		fmt.Fprintln(os.Stderr, "gowasm: writing IR:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gowasm: writing IR:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gowasm: writing IR:", err)
		os.Exit(1)
	}
}
