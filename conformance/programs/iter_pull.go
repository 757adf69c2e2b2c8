// Checks iter.Pull and iter.Pull2 over generators: next/stop, early stop
// running the generator's defers, calls after stop, and panics propagating
// from the generator to the caller of next.
package main

import (
	"iter"
	"strings"
)

var log []string

func fib(limit int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer func() { log = append(log, "fib cleanup") }()
		a, b := 0, 1
		for a <= limit {
			if !yield(a) {
				log = append(log, "fib stopped early")
				return
			}
			a, b = b, a+b
		}
	}
}

func enumerate(words ...string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(fib(50))
	for {
		v, ok := next()
		if !ok {
			break
		}
		print(v, " ")
	}
	println()
	v, ok := next()
	println("after exhaustion:", v, ok)
	stop()
	println("log:", strings.Join(log, "; "))

	// Early stop: the generator sees yield return false and its defers run.
	log = nil
	next, stop = iter.Pull(fib(1000))
	for i := 0; i < 4; i++ {
		v, _ := next()
		print(v, " ")
	}
	println()
	println("log before stop:", len(log))
	stop()
	println("log after stop:", strings.Join(log, "; "))
	v, ok = next()
	println("next after stop:", v, ok)
	stop() // stop is idempotent

	// Zip two sequences with two pulls.
	na, sa := iter.Pull(fib(100))
	nb, sb := iter.Pull2(enumerate("zero", "one", "two", "three", "four"))
	defer sa()
	defer sb()
	for {
		f, ok1 := na()
		i, w, ok2 := nb()
		if !ok1 || !ok2 {
			println("zip ended:", ok1, ok2)
			break
		}
		println(i, w, f)
	}

	// The generator is only started on the first call to next.
	started := false
	lazy := func(yield func(int) bool) {
		started = true
		yield(1)
	}
	n2, s2 := iter.Pull(iter.Seq[int](lazy))
	println("started before next:", started)
	n2()
	println("started after next:", started)
	s2()

	// A panic inside the generator propagates out of next.
	bad := func(yield func(string) bool) {
		yield("fine")
		panic("generator exploded")
	}
	n3, s3 := iter.Pull(iter.Seq[string](bad))
	s, _ := n3()
	println("first:", s)
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		n3()
	}()
	s, ok = n3()
	println("after panic:", s == "", ok)
	s3()
}
