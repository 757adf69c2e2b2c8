// Checks context.WithCancel trees: cancelling a child leaves the parent and
// siblings alone, cancelling the parent cancels all descendants, Err values,
// WithCancelCause/Cause, AfterFunc, WithoutCancel, and context String forms.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func state(ctx context.Context) string {
	select {
	case <-ctx.Done():
		return "done(" + ctx.Err().Error() + ")"
	default:
		return fmt.Sprint("live(err=", ctx.Err(), ")")
	}
}

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Done() == nil, bg.Err())

	root, cancelRoot := context.WithCancel(bg)
	a, cancelA := context.WithCancel(root)
	b, cancelB := context.WithCancel(root)
	a1, cancelA1 := context.WithCancel(a)
	defer cancelB()
	defer cancelA1()
	fmt.Println(root)

	cancelA()
	fmt.Println("after cancel a: root", state(root), "a", state(a), "a1", state(a1), "b", state(b))
	cancelA() // idempotent
	fmt.Println("a err is Canceled:", errors.Is(a.Err(), context.Canceled))

	// Goroutines waiting on b are released by cancelling the root.
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range results {
		wg.Go(func() {
			<-b.Done()
			results[i] = fmt.Sprint("waiter ", i, ": ", b.Err())
		})
	}
	cancelRoot()
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
	fmt.Println("after cancel root: root", state(root), "b", state(b))

	// A child created from an already-cancelled parent is born cancelled.
	late, cancelLate := context.WithCancel(root)
	defer cancelLate()
	fmt.Println("late child:", state(late))

	// Cancel causes.
	errDisk := errors.New("disk full")
	cc, cancelCause := context.WithCancelCause(bg)
	child, cancelChild := context.WithCancel(cc)
	defer cancelChild()
	cancelCause(errDisk)
	fmt.Println("Err:", cc.Err(), "Cause:", context.Cause(cc), "child Cause:", context.Cause(child))
	cancelCause(errors.New("ignored second cause"))
	fmt.Println("Cause unchanged:", context.Cause(cc))
	plain, cancelPlain := context.WithCancel(bg)
	cancelPlain()
	fmt.Println("Cause without cause:", context.Cause(plain), "Cause of live:", context.Cause(bg))

	// context.AfterFunc runs after cancellation; stop prevents it.
	ctx, cancel := context.WithCancel(bg)
	ran := make(chan string, 2)
	context.AfterFunc(ctx, func() { ran <- "after func ran" })
	stop := context.AfterFunc(ctx, func() { ran <- "stopped func ran" })
	fmt.Println("stop returned:", stop())
	cancel()
	fmt.Println(<-ran)
	fmt.Println("stop after cancel:", stop())

	// WithoutCancel is not cancelled with its parent but keeps values.
	type key string
	vctx, cancelV := context.WithCancel(context.WithValue(bg, key("user"), "gopher"))
	detached := context.WithoutCancel(vctx)
	cancelV()
	fmt.Println("detached:", state(detached), detached.Value(key("user")), "parent:", state(vctx))
}
