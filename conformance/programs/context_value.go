// Checks context.WithValue: lookups walk up the parent chain, inner values
// shadow outer ones, keys of distinct types never collide, missing keys give
// nil, and values are visible to goroutines started with the context.
// Prints with the builtin println (no fmt): looked-up values are formatted
// by a type switch as fmt's %v would, contexts through their String method.
package main

import (
	"context"
	"sort"
	"strconv"
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

type stringer interface{ String() string }

// show formats the values this program stores, as fmt's %v would.
func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "<nil>"
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case requestInfo:
		return "{" + v.path + " " + strconv.Itoa(v.retry) + "}"
	case stringer:
		return v.String()
	}
	return "?"
}

func handle(ctx context.Context, out chan<- string) {
	user, _ := ctx.Value(userKey).(string)
	trace, ok := ctx.Value(traceKey).(int)
	info := ctx.Value("info")
	out <- "user=" + user + " trace=" + strconv.Itoa(trace) + "/" + strconv.FormatBool(ok) + " info=" + show(info)
}

func main() {
	bg := context.Background()
	ctx := context.WithValue(bg, userKey, "alice")
	ctx = context.WithValue(ctx, traceKey, 1234)
	println("user:", show(ctx.Value(userKey)), "trace:", show(ctx.Value(traceKey)))

	// A key of a different type with the same underlying value is distinct.
	println("otherKey(0):", show(ctx.Value(otherKey(0))), "int 0:", show(ctx.Value(0)))

	// Shadowing in a child does not affect the parent.
	child := context.WithValue(ctx, userKey, "bob")
	println("child user:", show(child.Value(userKey)), "parent user:", show(ctx.Value(userKey)))
	println("child trace (inherited):", show(child.Value(traceKey)))

	// Struct values and cancellation wrapping keep values reachable.
	withInfo := context.WithValue(child, "info", requestInfo{"/api", 2})
	cctx, cancel := context.WithCancel(withInfo)
	defer cancel()
	ri := cctx.Value("info").(requestInfo)
	println("info:", ri.path, ri.retry)

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
		println(l)
	}

	// String forms of value contexts.
	println(show(context.WithValue(bg, "k", "v")))
	println(show(context.WithValue(bg, userKey, 7)))

	// nil key and uncomparable key panic.
	for _, k := range []any{nil, []int{1}} {
		func() {
			defer func() { println("panic:", show(recover())) }()
			context.WithValue(bg, k, 1)
		}()
	}
}
