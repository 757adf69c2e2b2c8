// The Go side of vm/examples/embed.rs: a program that calls host
// functions its embedder provides, declared with //go:wasmimport.
package main

import (
	"bufio"
	"fmt"
	"os"
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

func main() {
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
