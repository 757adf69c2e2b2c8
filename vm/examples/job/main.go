// The Go side of vm/examples/pool.rs: a small job, one run per argument.
package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strconv"
)

func main() {
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sum := sha256.Sum256([]byte(strconv.Itoa(n * n)))
	fmt.Printf("%d %x\n", n, sum[:4])
}
