// Checks time.NewTicker ticking 5 times then Stop (no further ticks),
// Ticker.Reset changing the period, time.Tick, and the panic for a
// non-positive interval.
package main

import (
	"fmt"
	"time"
)

func main() {
	const period = 10 * time.Millisecond
	start := time.Now()
	tk := time.NewTicker(period)
	var prev time.Time
	increasing := true
	for i := 1; i <= 5; i++ {
		t := <-tk.C
		if !prev.IsZero() && !t.After(prev) {
			increasing = false
		}
		prev = t
		fmt.Println("tick", i)
	}
	tk.Stop()
	elapsed := time.Since(start)
	fmt.Println("ticks increasing:", increasing)
	fmt.Println("5 ticks took >= 50ms:", elapsed >= 5*period)

	// No ticks are delivered after Stop.
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(3 * period):
		fmt.Println("no tick after Stop")
	}

	// Reset restarts a stopped ticker with a new period.
	t0 := time.Now()
	tk.Reset(5 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	tk.Stop()
	fmt.Println("3 ticks after Reset took >= 15ms:", time.Since(t0) >= 15*time.Millisecond)

	// A slow receiver does not accumulate ticks: at most one is pending.
	slow := time.NewTicker(2 * time.Millisecond)
	time.Sleep(30 * time.Millisecond)
	got := 0
	for {
		select {
		case <-slow.C:
			got++
			continue
		default:
		}
		break
	}
	slow.Stop()
	fmt.Println("pending ticks after slow receiver <= 1:", got <= 1)

	// time.Tick returns a channel directly.
	c := time.Tick(3 * time.Millisecond)
	n := 0
	for range c {
		n++
		if n == 3 {
			break
		}
	}
	fmt.Println("time.Tick ticks:", n)
	fmt.Println("Tick(0) is nil:", time.Tick(0) == nil)

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	time.NewTicker(0)
}
