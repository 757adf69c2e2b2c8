// Timers that are already due when a goroutine waits for them, each the
// only timer pending: zero and negative durations and timers that expire
// before their goroutine parks, on every timer path (After, NewTimer,
// Reset, AfterFunc, Ticker, Sleep, context.WithTimeout). The scheduler
// must run them, never report a deadlock.
package main

import (
	"context"
	"time"
)

// spin computes for d without blocking, so that a timer created before
// comes due before the goroutine parks on it.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func main() {
	never := make(chan int)
	select {
	case <-never:
	case <-time.After(0):
		println("After(0) fired")
	}
	select {
	case <-never:
	case <-time.After(-time.Second):
		println("After(-1s) fired")
	}
	after := time.After(time.Millisecond)
	spin(3 * time.Millisecond)
	select {
	case <-never:
	case <-after:
		println("After(1ms) due before select fired")
	}

	t := time.NewTimer(0)
	<-t.C
	println("NewTimer(0) fired")
	t = time.NewTimer(time.Millisecond)
	spin(3 * time.Millisecond)
	<-t.C
	println("NewTimer(1ms) due before receive fired")
	t.Reset(0)
	<-t.C
	println("Reset(0) fired")
	t.Reset(-time.Minute)
	<-t.C
	println("Reset(-1m) fired")

	done := make(chan string)
	time.AfterFunc(0, func() { done <- "AfterFunc(0) ran" })
	println(<-done)
	time.AfterFunc(-time.Hour, func() { done <- "AfterFunc(-1h) ran" })
	println(<-done)
	time.AfterFunc(time.Millisecond, func() { done <- "AfterFunc(1ms) due before receive ran" })
	spin(3 * time.Millisecond)
	println(<-done)

	tk := time.NewTicker(time.Millisecond)
	spin(3 * time.Millisecond)
	<-tk.C
	<-tk.C
	tk.Stop()
	println("Ticker due before receive ticked twice")

	time.Sleep(0)
	time.Sleep(-time.Second)
	println("Sleep(0) and Sleep(-1s) returned")

	ctx, cancel := context.WithTimeout(context.Background(), 0)
	<-ctx.Done()
	println("WithTimeout(0):", ctx.Err().Error())
	cancel()
	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	spin(3 * time.Millisecond)
	<-ctx.Done()
	println("WithTimeout(1ms) due before wait:", ctx.Err().Error())
	cancel()

	// The same from a goroutine while main waits on a channel.
	go func() {
		<-time.After(0)
		done <- "After(0) in a goroutine fired"
	}()
	println(<-done)
}
