// Command sleeper handles no signal: it says it is ready, sleeps, and
// says it is done (conformance/tests/servers.rs signals it meanwhile).
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("ready")
	time.Sleep(2 * time.Second)
	fmt.Println("done")
}
