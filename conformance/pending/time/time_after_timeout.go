// Checks time.After in select as a timeout: a slow operation times out, a
// fast one wins, and a loop with a shared deadline channel stops in time.
package main

import (
	"fmt"
	"time"
)

func slowSquare(n int, delay time.Duration) <-chan int {
	ch := make(chan int, 1)
	go func() {
		time.Sleep(delay)
		ch <- n * n
	}()
	return ch
}

func fetch(n int, delay, timeout time.Duration) string {
	select {
	case v := <-slowSquare(n, delay):
		return fmt.Sprintf("result %d", v)
	case <-time.After(timeout):
		return fmt.Sprintf("timeout after %v", timeout)
	}
}

func main() {
	fmt.Println("fast:", fetch(7, 0, 100*time.Millisecond))
	fmt.Println("slow:", fetch(8, 150*time.Millisecond, 20*time.Millisecond))

	// A channel returned by time.After delivers a time no earlier than
	// the call plus the duration.
	before := time.Now()
	t := <-time.After(15 * time.Millisecond)
	fmt.Println("After value not early:", !t.Before(before.Add(15*time.Millisecond)))

	// Producer with a deadline shared across loop iterations: four values
	// arrive quickly, then the producer goes quiet.
	data := make(chan int)
	go func() {
		for i := 0; i < 4; i++ {
			data <- i
		}
		select {}
	}()
	deadline := time.After(60 * time.Millisecond)
	received := 0
loop:
	for {
		select {
		case v := <-data:
			received++
			fmt.Println("received", v)
		case <-deadline:
			fmt.Println("deadline reached")
			break loop
		}
	}
	fmt.Println("received before deadline:", received)

	// Nothing ready, zero timeout: time.After(0) fires almost immediately.
	never := make(chan int)
	select {
	case <-never:
		fmt.Println("impossible")
	case <-time.After(0):
		fmt.Println("zero timeout fired")
	}
}
