// The process's identity as the host has it: os.Hostname is the host's
// name, os.Getpid and os.Getppid are real process ids.
package main

import (
	"fmt"
	"os"
)

func main() {
	name, err := os.Hostname()
	fmt.Println(name, err)
	fmt.Println(os.Getpid() > 1, os.Getppid() > 0, os.Getpid() != os.Getppid())
}
