// Checks time.NewTicker ticking 5 times then Stop (no further ticks),
// Ticker.Reset changing the period, time.Tick, and the panic for a
// non-positive interval. Prints with the builtin println (no fmt); the
// slow-receiver check uses a 20ms period so that a tick landing between
// two back-to-back receives is vanishingly unlikely even under load.
package main

import "time"

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
		println("tick", i)
	}
	tk.Stop()
	elapsed := time.Since(start)
	println("ticks increasing:", increasing)
	println("5 ticks took >= 50ms:", elapsed >= 5*period)

	// No ticks are delivered after Stop.
	select {
	case <-tk.C:
		println("tick after Stop")
	case <-time.After(3 * period):
		println("no tick after Stop")
	}

	// Reset restarts a stopped ticker with a new period.
	t0 := time.Now()
	tk.Reset(5 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	tk.Stop()
	println("3 ticks after Reset took >= 15ms:", time.Since(t0) >= 15*time.Millisecond)

	// A slow receiver does not accumulate ticks: at most one is pending
	// after missing two periods.
	slow := time.NewTicker(20 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
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
	println("pending ticks after slow receiver <= 1:", got <= 1)

	// time.Tick returns a channel directly.
	c := time.Tick(3 * time.Millisecond)
	n := 0
	for range c {
		n++
		if n == 3 {
			break
		}
	}
	println("time.Tick ticks:", n)
	println("Tick(0) is nil:", time.Tick(0) == nil)

	defer func() {
		r := recover()
		if s, ok := r.(string); ok {
			println("recovered:", s)
		} else {
			println("recovered: unexpected value")
		}
	}()
	time.NewTicker(0)
}
