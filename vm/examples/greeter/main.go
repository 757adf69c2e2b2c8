// The Go side of vm/examples/embed.rs: a program that calls host
// functions its embedder provides, declared with //go:wasmimport.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
)

// greeting returns the embedder's greeting for a language.
//
//go:wasmimport app greeting
func greeting(lang string) string

//go:wasmimport app add
func add(a, b int64) int64

//go:wasmimport app scale
func scale(x float64, by float32) float64

// record hands the embedder a line; it answers with the count so far.
//
//go:wasmimport app record
func record(line []byte, last bool) int32

// banner writes the embedder's banner into buf, in place, and returns
// its length.
//
//go:wasmimport app banner
func banner(buf []byte) int32

// bump adds by to the counter p points to, in place, and returns its old
// value.
//
//go:wasmimport app bump
func bump(p *int64, by int32) int64

// deliver hands the embedder a buffer to fill later (asynchronously, as
// a host's I/O would); complete fills it and returns how many bytes it
// wrote, or -1 when the buffer's handle was no longer valid.
//
//go:wasmimport app deliver
func deliver(buf []byte)

//go:wasmimport app complete
func complete() int32

type stats struct {
	name string
	hits int64
}

func main() {
	buf := make([]byte, 32)
	n := banner(buf)
	fmt.Println(string(buf[:n]))

	// Interior pointers: a struct's field and a slice's element.
	s := &stats{name: "greeter", hits: 40}
	counts := []int64{1, 2, 3}
	old := bump(&s.hits, 2)
	bump(&counts[1], 10)
	fmt.Println(s.name, old, s.hits, counts)

	// A pinned buffer stays the host's to fill after the call.
	var pinner runtime.Pinner
	later := make([]byte, 16)
	pinner.Pin(&later[0])
	deliver(later)
	n = complete()
	pinner.Unpin()
	fmt.Println(n, string(later[:n]))
	// Unpinned, the host's handle ends with the call.
	deliver(later)
	fmt.Println(complete())

	hello := greeting("en")
	sc := bufio.NewScanner(os.Stdin)
	var names []string
	for sc.Scan() {
		names = append(names, sc.Text())
	}
	for i, name := range names {
		n := record([]byte(name), i == len(names)-1)
		fmt.Printf("%s, %s! (%d)\n", hello, name, n)
	}
	fmt.Println(add(40, 2), scale(1.5, 2))
}
