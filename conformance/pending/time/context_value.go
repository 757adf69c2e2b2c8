// Checks context.WithValue: lookups walk up the parent chain, inner values
// shadow outer ones, keys of distinct types never collide, missing keys give
// nil, and values are visible to goroutines started with the context.
package main

import (
	"context"
	"fmt"
	"sort"
)

type ctxKey int

const (
	userKey ctxKey = iota
	traceKey
)

type otherKey int

type requestInfo struct {
	path  string
	retry int
}

func handle(ctx context.Context, out chan<- string) {
	user, _ := ctx.Value(userKey).(string)
	trace, ok := ctx.Value(traceKey).(int)
	info := ctx.Value("info")
	out <- fmt.Sprintf("user=%s trace=%d/%v info=%v", user, trace, ok, info)
}

func main() {
	bg := context.Background()
	ctx := context.WithValue(bg, userKey, "alice")
	ctx = context.WithValue(ctx, traceKey, 1234)
	fmt.Println("user:", ctx.Value(userKey), "trace:", ctx.Value(traceKey))

	// A key of a different type with the same underlying value is distinct.
	fmt.Println("otherKey(0):", ctx.Value(otherKey(0)), "int 0:", ctx.Value(0))

	// Shadowing in a child does not affect the parent.
	child := context.WithValue(ctx, userKey, "bob")
	fmt.Println("child user:", child.Value(userKey), "parent user:", ctx.Value(userKey))
	fmt.Println("child trace (inherited):", child.Value(traceKey))

	// Struct values and cancellation wrapping keep values reachable.
	withInfo := context.WithValue(child, "info", requestInfo{"/api", 2})
	cctx, cancel := context.WithCancel(withInfo)
	defer cancel()
	ri := cctx.Value("info").(requestInfo)
	fmt.Println("info:", ri.path, ri.retry)

	// Goroutines see the values of the context they receive.
	out := make(chan string, 3)
	go handle(ctx, out)
	go handle(child, out)
	go handle(cctx, out)
	var lines []string
	for i := 0; i < 3; i++ {
		lines = append(lines, <-out)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}

	// String forms of value contexts.
	fmt.Println(context.WithValue(bg, "k", "v"))
	fmt.Println(context.WithValue(bg, userKey, 7))

	// nil key and uncomparable key panic.
	for _, k := range []any{nil, []int{1}} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			context.WithValue(bg, k, 1)
		}()
	}
}
