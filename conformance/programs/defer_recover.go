package main

import "errors"

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "myerr" }

func safeDiv(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return a / b, nil
}

func rethrow() (s string) {
	defer func() {
		r := recover()
		s = "got " + r.(string)
	}()
	defer func() {
		r := recover()
		panic(r.(string) + "+again")
	}()
	panic("first")
}

func notDeferred() any { return recover() }

func indirect() (r any) {
	defer func() {
		r = notDeferred()
	}()
	defer func() {
		recover()
	}()
	panic("x")
}

func customPanic() (code int) {
	defer func() {
		if e, ok := recover().(*MyErr); ok {
			code = e.Code
		}
	}()
	panic(&MyErr{42})
}

func panicInDefer() (msg string) {
	defer func() {
		msg = recover().(string)
	}()
	defer func() {
		panic("from defer")
	}()
	return "normal"
}

func noPanic() (v any) {
	defer func() { v = recover() }()
	return 5
}

func main() {
	println(safeDiv(10, 2))
	_, err := safeDiv(1, 0)
	println(err.Error())
	println(rethrow())
	println(notDeferred() == nil)
	println(indirect() == nil)
	println(customPanic())
	println(panicInDefer())
	println(noPanic() == nil)
	e := errors.New("wrapped")
	func() {
		defer func() {
			r := recover()
			println(r.(error) == e)
		}()
		panic(e)
	}()
	func() {
		defer func() {
			r := recover()
			println(r.(error).Error())
		}()
		var m map[string]int
		m["a"] = 1
	}()
	func() {
		defer func() {
			println(recover().(error).Error())
		}()
		a := []int{1, 2, 3}
		i := 5
		println(a[i])
	}()
	func() {
		defer func() {
			println(recover().(error).Error())
		}()
		panic(nil)
	}()
}
