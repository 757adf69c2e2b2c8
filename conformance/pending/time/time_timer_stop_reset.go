// Checks time.NewTimer with Stop and Reset: Stop before firing prevents the
// value, Stop after firing returns false, Reset re-arms a stopped or expired
// timer, and Reset on an active timer postpones it.
package main

import (
	"fmt"
	"time"
)

func fired(t *time.Timer, wait time.Duration) bool {
	select {
	case <-t.C:
		return true
	case <-time.After(wait):
		return false
	}
}

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	fmt.Println("fired:", fired(t, 200*time.Millisecond))
	fmt.Println("Stop after fire and receive:", t.Stop())

	t2 := time.NewTimer(50 * time.Millisecond)
	fmt.Println("Stop before fire:", t2.Stop())
	fmt.Println("Stop again:", t2.Stop())
	fmt.Println("stopped timer fires:", fired(t2, 80*time.Millisecond))

	// Reset a stopped timer.
	t2.Reset(5 * time.Millisecond)
	fmt.Println("after Reset fires:", fired(t2, 200*time.Millisecond))

	// Reset an expired (and drained) timer.
	wasActive := t2.Reset(5 * time.Millisecond)
	fmt.Println("Reset of expired timer returned:", wasActive)
	fmt.Println("fires again:", fired(t2, 200*time.Millisecond))

	// Reset on an active timer postpones it: it has not fired at the
	// original time.
	t3 := time.NewTimer(15 * time.Millisecond)
	start := time.Now()
	fmt.Println("Reset active timer returned:", t3.Reset(60*time.Millisecond))
	fmt.Println("fired at original time:", fired(t3, 30*time.Millisecond))
	<-t3.C
	fmt.Println("fired after postponed time:", time.Since(start) >= 60*time.Millisecond)

	// Stop from another goroutine while main waits with a timeout.
	t4 := time.NewTimer(time.Hour)
	stopped := make(chan bool)
	go func() { stopped <- t4.Stop() }()
	fmt.Println("stopped from goroutine:", <-stopped)
	fmt.Println("hour timer fired:", fired(t4, 5*time.Millisecond))

	// Timer value carries the firing time.
	before := time.Now()
	t5 := time.NewTimer(5 * time.Millisecond)
	when := <-t5.C
	fmt.Println("fire time not before start+5ms:", !when.Before(before.Add(5*time.Millisecond)))
}
