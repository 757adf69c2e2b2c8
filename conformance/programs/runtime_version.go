// runtime.Version is the toolchain's version, as gc's linker records it.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func main() {
	fmt.Println(runtime.Version())
	fmt.Println(strings.HasPrefix(runtime.Version(), "go1."))
}
