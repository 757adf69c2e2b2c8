// Panics raised by deferred calls while an older panic is being handled:
// recovered inside the deferred call (the older panic, recovered before,
// still ends its frame normally), or escaping it (the older panic is
// aborted and a later recovery discards both), and the panic chain that
// an unrecovered sequence prints.

package main

import "fmt"

func sequentialRecoveredInside() (r string) {
	defer func() { r += fmt.Sprint(" after:", recover()) }()
	defer func() {
		r += fmt.Sprint("first:", recover())
		defer func() { r += fmt.Sprint(" second:", recover()) }()
		panic(3)
	}()
	panic(2)
}

func escapesDeferredCall() (r string) {
	defer func() { r = fmt.Sprint("outer:", recover()) }()
	func() {
		defer func() {
			panic("replacement")
		}()
		panic("original")
	}()
	return "not reached"
}

func recoverThenEscape() (r string) {
	defer func() { r = fmt.Sprint("outer:", recover()) }()
	func() {
		defer func() {
			fmt.Println("inner recovered:", recover())
			panic("after recovery")
		}()
		panic("first")
	}()
	return "not reached"
}

func deep(n int) (r string) {
	defer func() {
		if v := recover(); v != nil {
			r = fmt.Sprint("deep ", n, " recovered ", v)
			if n > 0 {
				r += " / " + deep(n-1)
			}
		}
	}()
	defer func() {
		if n%2 == 0 {
			panic(fmt.Sprint("even ", n))
		}
	}()
	panic(n)
}

// deferredRecover: `defer recover()` acts as a recover of the function
// deferring it, made when it runs: it stops the panic that function was run
// for, but not a newer panic of the function itself.
func deferredRecover(order int) (r string) {
	defer func() { r += fmt.Sprint(" outer:", recover()) }()
	defer func() {
		switch order {
		case 0:
			defer recover()
		case 1:
			defer recover()
			defer func() { r += fmt.Sprint("inner:", recover()) }()
			panic("inner")
		case 2:
			defer func() { r += fmt.Sprint("inner:", recover()) }()
			defer recover()
			panic("inner")
		}
	}()
	panic(fmt.Sprint("panic ", order))
}

func main() {
	for i := range 3 {
		fmt.Println(deferredRecover(i))
	}
	defer recover()
	fmt.Println(sequentialRecoveredInside())
	fmt.Println(escapesDeferredCall())
	fmt.Println(recoverThenEscape())
	fmt.Println(deep(4))
	defer func() {
		defer func() {
			panic("third")
		}()
		recover()
		panic("second")
	}()
	panic("first")
}
