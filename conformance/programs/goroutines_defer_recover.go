// Checks defer and recover inside goroutines: each goroutine recovers its
// own panic (custom values, runtime errors, re-panics) and reports through a
// channel; results are gathered by index so output is deterministic.
package main

import (
	"errors"
	"runtime"
	"strconv"
	"sync"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return "code " + strconv.Itoa(e.code) }

func describe(r any) string {
	switch v := r.(type) {
	case nil:
		return "no panic"
	case runtime.Error:
		return "runtime.Error: " + v.Error()
	case error:
		return "error: " + v.Error()
	case string:
		return "string: " + v
	case int:
		return "int: " + strconv.Itoa(v)
	default:
		return "other"
	}
}

func safeRun(id int, f func(), out []string, wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() {
		out[id] = strconv.Itoa(id) + " " + describe(recover())
	}()
	f()
}

func main() {
	var arr []int
	var m map[string]int
	var ip *int
	idx := 5
	tasks := []func(){
		func() {},
		func() { panic("plain string") },
		func() { panic(42) },
		func() { panic(codeErr{7}) },
		func() { _ = arr[idx] },
		func() { m["x"] = 1 },
		func() { _ = *ip },
		func() {
			defer func() { panic(errors.New("replaced in defer")) }()
			panic("original")
		},
		func() {
			defer func() {
				r := recover()
				panic("re-panic of " + r.(string))
			}()
			panic("inner")
		},
		func() {
			zero := 0
			_ = 10 / zero
		},
	}
	out := make([]string, len(tasks))
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		go safeRun(i, t, out, &wg)
	}
	wg.Wait()
	for _, s := range out {
		println(s)
	}

	// Deferred calls in a goroutine run in LIFO order before recovery
	// returns control to the caller of the recovering function.
	order := make(chan string, 10)
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		defer func() { order <- "recover: " + recover().(string) }()
		for i := 0; i < 3; i++ {
			defer func() { order <- "defer " + strconv.Itoa(i) }()
		}
		panic("boom")
	}()
	<-done
	close(order)
	for s := range order {
		println(s)
	}

	// recover only works in the deferred function itself, not nested calls.
	res := make(chan string)
	go func() {
		defer func() {
			r := recover()
			res <- "outer got: " + describe(r)
		}()
		defer func() {
			helper := func() any { return recover() }
			res <- "nested helper got: " + describe(helper())
		}()
		panic("only outer recovers")
	}()
	println(<-res)
	println(<-res)
}
