// Checks context.WithCancel trees: cancelling a child leaves the parent and
// siblings alone, cancelling the parent cancels all descendants, Err values,
// WithCancelCause/Cause, AfterFunc, WithoutCancel, and context String forms.
// Prints with the builtin println (no fmt): contexts through their String
// method, errors through Error (nil errors as "<nil>").
package main

import (
	"context"
	"errors"
	"strconv"
	"sync"
)

type stringer interface{ String() string }

// str returns a context's String form, as fmt's %v would print it.
func str(ctx context.Context) string {
	if s, ok := ctx.(stringer); ok {
		return s.String()
	}
	return "?"
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func state(ctx context.Context) string {
	select {
	case <-ctx.Done():
		return "done(" + ctx.Err().Error() + ")"
	default:
		return "live(err=" + errString(ctx.Err()) + ")"
	}
}

func main() {
	bg := context.Background()
	println(str(bg), str(context.TODO()), bg.Done() == nil, errString(bg.Err()))

	root, cancelRoot := context.WithCancel(bg)
	a, cancelA := context.WithCancel(root)
	b, cancelB := context.WithCancel(root)
	a1, cancelA1 := context.WithCancel(a)
	defer cancelB()
	defer cancelA1()
	println(str(root))

	cancelA()
	println("after cancel a: root", state(root), "a", state(a), "a1", state(a1), "b", state(b))
	cancelA() // idempotent
	println("a err is Canceled:", errors.Is(a.Err(), context.Canceled))

	// Goroutines waiting on b are released by cancelling the root.
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range results {
		wg.Go(func() {
			<-b.Done()
			results[i] = "waiter " + strconv.Itoa(i) + ": " + b.Err().Error()
		})
	}
	cancelRoot()
	wg.Wait()
	for _, r := range results {
		println(r)
	}
	println("after cancel root: root", state(root), "b", state(b))

	// A child created from an already-cancelled parent is born cancelled.
	late, cancelLate := context.WithCancel(root)
	defer cancelLate()
	println("late child:", state(late))

	// Cancel causes.
	errDisk := errors.New("disk full")
	cc, cancelCause := context.WithCancelCause(bg)
	child, cancelChild := context.WithCancel(cc)
	defer cancelChild()
	cancelCause(errDisk)
	println("Err:", errString(cc.Err()), "Cause:", errString(context.Cause(cc)), "child Cause:", errString(context.Cause(child)))
	cancelCause(errors.New("ignored second cause"))
	println("Cause unchanged:", errString(context.Cause(cc)))
	plain, cancelPlain := context.WithCancel(bg)
	cancelPlain()
	println("Cause without cause:", errString(context.Cause(plain)), "Cause of live:", errString(context.Cause(bg)))

	// context.AfterFunc runs after cancellation; stop prevents it.
	ctx, cancel := context.WithCancel(bg)
	ran := make(chan string, 2)
	context.AfterFunc(ctx, func() { ran <- "after func ran" })
	stop := context.AfterFunc(ctx, func() { ran <- "stopped func ran" })
	println("stop returned:", stop())
	cancel()
	println(<-ran)
	println("stop after cancel:", stop())

	// WithoutCancel is not cancelled with its parent but keeps values.
	type key string
	vctx, cancelV := context.WithCancel(context.WithValue(bg, key("user"), "gopher"))
	detached := context.WithoutCancel(vctx)
	cancelV()
	user, _ := detached.Value(key("user")).(string)
	println("detached:", state(detached), user, "parent:", state(vctx))
}
