// Checks time.NewTimer with Stop and Reset: Stop before firing prevents the
// value, Stop after firing returns false, Reset re-arms a stopped or expired
// timer, and Reset on an active timer postpones it (the delivered time is
// the postponed one). Prints with the builtin println (no fmt); timers that
// must still be active when stopped or reset have >= 150ms of slack.
package main

import "time"

func fired(t *time.Timer, wait time.Duration) bool {
	select {
	case <-t.C:
		return true
	case <-time.After(wait):
		return false
	}
}

func main() {
	t := time.NewTimer(5 * time.Millisecond)
	println("fired:", fired(t, 200*time.Millisecond))
	println("Stop after fire and receive:", t.Stop())

	t2 := time.NewTimer(200 * time.Millisecond)
	println("Stop before fire:", t2.Stop())
	println("Stop again:", t2.Stop())
	println("stopped timer fires:", fired(t2, 20*time.Millisecond))

	// Reset a stopped timer.
	t2.Reset(3 * time.Millisecond)
	println("after Reset fires:", fired(t2, 200*time.Millisecond))

	// Reset an expired (and drained) timer.
	wasActive := t2.Reset(3 * time.Millisecond)
	println("Reset of expired timer returned:", wasActive)
	println("fires again:", fired(t2, 200*time.Millisecond))

	// Reset on an active timer postpones it: it does not fire soon, and
	// the time it delivers is not before the postponed deadline.
	start := time.Now()
	t3 := time.NewTimer(150 * time.Millisecond)
	println("Reset active timer returned:", t3.Reset(220*time.Millisecond))
	println("fired within 20ms:", fired(t3, 20*time.Millisecond))
	when := <-t3.C
	println("fired before postponed time:", when.Before(start.Add(220*time.Millisecond)))
	println("fired after postponed time:", time.Since(start) >= 220*time.Millisecond)

	// Stop from another goroutine while main waits with a timeout.
	t4 := time.NewTimer(time.Hour)
	stopped := make(chan bool)
	go func() { stopped <- t4.Stop() }()
	println("stopped from goroutine:", <-stopped)
	println("hour timer fired:", fired(t4, 5*time.Millisecond))

	// Timer value carries the firing time.
	before := time.Now()
	t5 := time.NewTimer(5 * time.Millisecond)
	when = <-t5.C
	println("fire time not before start+5ms:", !when.Before(before.Add(5*time.Millisecond)))
}
