// Reads a line from stdin on one goroutine while another keeps printing:
// the read must not stop the other goroutine (the test sends the line only
// after it has seen "tick").
package main

import (
	"bufio"
	"os"
	"time"
)

func main() {
	done := make(chan string)
	go func() {
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil {
			done <- "error " + err.Error()
			return
		}
		done <- line
	}()
	for ticks := 1; ; ticks++ {
		select {
		case line := <-done:
			print("read: ", line)
			return
		default:
			println("tick", ticks)
			time.Sleep(5 * time.Millisecond)
		}
	}
}
