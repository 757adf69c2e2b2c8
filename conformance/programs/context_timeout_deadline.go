// Checks context.WithTimeout and WithDeadline: expiry sets Err to
// DeadlineExceeded, Deadline() reports the deadline, a parent deadline
// bounds a child's, early cancel reports Canceled, and WithTimeoutCause.
// Prints with the builtin println (no fmt; nil errors as "<nil>"). Work
// that must finish before a deadline has ~200ms of slack.
package main

import (
	"context"
	"errors"
	"time"
)

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

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
	println("background has deadline:", ok)

	start := time.Now()
	ctx, cancel := context.WithTimeout(bg, 20*time.Millisecond)
	defer cancel()
	dl, ok := ctx.Deadline()
	println("has deadline:", ok, "deadline after start:", dl.After(start))
	println("err before expiry:", errString(ctx.Err()))
	<-ctx.Done()
	println("waited >= 20ms:", time.Since(start) >= 20*time.Millisecond)
	err := ctx.Err()
	println("err:", errString(err), "is DeadlineExceeded:", errors.Is(err, context.DeadlineExceeded))
	var te interface{ Timeout() bool }
	println("has Timeout method:", errors.As(err, &te), te.Timeout())
	println("Cause:", errString(context.Cause(ctx)))

	// Work that finishes in time vs. work that does not.
	ctx2, cancel2 := context.WithTimeout(bg, 200*time.Millisecond)
	defer cancel2()
	println("quick work:", errString(work(ctx2, time.Millisecond)))
	println("slow work:", errString(work(ctx2, time.Second)))

	// A deadline in the past is already expired.
	past, cancelPast := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer cancelPast()
	println("past deadline err:", errString(past.Err()))

	// A child cannot extend its parent's deadline.
	parent, cancelP := context.WithTimeout(bg, 15*time.Millisecond)
	defer cancelP()
	child, cancelC := context.WithTimeout(parent, time.Hour)
	defer cancelC()
	pdl, _ := parent.Deadline()
	cdl, _ := child.Deadline()
	println("child deadline equals parent's:", cdl.Equal(pdl))
	<-child.Done()
	println("child err:", errString(child.Err()))

	// Cancelling before the deadline gives Canceled.
	early, cancelEarly := context.WithTimeout(bg, time.Hour)
	cancelEarly()
	println("early cancel err:", errString(early.Err()))

	// WithTimeoutCause and WithDeadlineCause.
	errSlow := errors.New("backend too slow")
	tc, cancelTC := context.WithTimeoutCause(bg, 5*time.Millisecond, errSlow)
	defer cancelTC()
	<-tc.Done()
	println("timeout cause:", errString(tc.Err()), "/", errString(context.Cause(tc)))
	dc, cancelDC := context.WithDeadlineCause(bg, time.Now().Add(-time.Millisecond), errSlow)
	defer cancelDC()
	println("deadline cause:", errString(dc.Err()), "/", errString(context.Cause(dc)))
	println("DeadlineExceeded text:", context.DeadlineExceeded.Error())
}
