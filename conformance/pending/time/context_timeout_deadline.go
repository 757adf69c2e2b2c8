// Checks context.WithTimeout and WithDeadline: expiry sets Err to
// DeadlineExceeded, Deadline() reports the deadline, a parent deadline
// bounds a child's, early cancel reports Canceled, and WithTimeoutCause.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func work(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	bg := context.Background()
	_, ok := bg.Deadline()
	fmt.Println("background has deadline:", ok)

	start := time.Now()
	ctx, cancel := context.WithTimeout(bg, 20*time.Millisecond)
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println("has deadline:", ok, "deadline after start:", dl.After(start))
	fmt.Println("err before expiry:", ctx.Err())
	<-ctx.Done()
	fmt.Println("waited >= 20ms:", time.Since(start) >= 20*time.Millisecond)
	err := ctx.Err()
	fmt.Println("err:", err, "is DeadlineExceeded:", errors.Is(err, context.DeadlineExceeded))
	var te interface{ Timeout() bool }
	fmt.Println("has Timeout method:", errors.As(err, &te), te.Timeout())
	fmt.Println("Cause:", context.Cause(ctx))

	// Work that finishes in time vs. work that does not.
	ctx2, cancel2 := context.WithTimeout(bg, 30*time.Millisecond)
	defer cancel2()
	fmt.Println("quick work:", work(ctx2, time.Millisecond))
	fmt.Println("slow work:", work(ctx2, time.Second))

	// A deadline in the past is already expired.
	past, cancelPast := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer cancelPast()
	fmt.Println("past deadline err:", past.Err())

	// A child cannot extend its parent's deadline.
	parent, cancelP := context.WithTimeout(bg, 15*time.Millisecond)
	defer cancelP()
	child, cancelC := context.WithTimeout(parent, time.Hour)
	defer cancelC()
	pdl, _ := parent.Deadline()
	cdl, _ := child.Deadline()
	fmt.Println("child deadline equals parent's:", cdl.Equal(pdl))
	<-child.Done()
	fmt.Println("child err:", child.Err())

	// Cancelling before the deadline gives Canceled.
	early, cancelEarly := context.WithTimeout(bg, time.Hour)
	cancelEarly()
	fmt.Println("early cancel err:", early.Err())

	// WithTimeoutCause and WithDeadlineCause.
	errSlow := errors.New("backend too slow")
	tc, cancelTC := context.WithTimeoutCause(bg, 5*time.Millisecond, errSlow)
	defer cancelTC()
	<-tc.Done()
	fmt.Println("timeout cause:", tc.Err(), "/", context.Cause(tc))
	dc, cancelDC := context.WithDeadlineCause(bg, time.Now().Add(-time.Millisecond), errSlow)
	defer cancelDC()
	fmt.Println("deadline cause:", dc.Err(), "/", context.Cause(dc))
	fmt.Println("DeadlineExceeded text:", context.DeadlineExceeded.Error())
}
