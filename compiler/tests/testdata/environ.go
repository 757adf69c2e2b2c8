// Prints the program's environment, sorted (gowasm-run's --env options).
package main

import (
	"fmt"
	"os"
	"sort"
)

func main() {
	env := os.Environ()
	sort.Strings(env)
	fmt.Println(env)
}
