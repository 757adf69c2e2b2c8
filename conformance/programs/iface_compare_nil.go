package main

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func mayFail(fail bool) error {
	var e *E
	if fail {
		e = &E{"bad"}
	}
	return e
}

func main() {
	err := mayFail(false)
	println(err == nil, err != nil)
	var e2 error
	println(e2 == nil)
	var a, b any = 1, 1
	println(a == b, a != 2, a == any(int64(1)))
	var c, d any = "x", "x"
	println(c == d)
	x := &E{"a"}
	var i1, i2 error = x, x
	println(i1 == i2, i1 == error(&E{"a"}))
	type P struct{ A, B int }
	var p1, p2 any = P{1, 2}, P{1, 2}
	println(p1 == p2, p1 == any(P{2, 1}))
	var f1, f2 any = 1.5, 1.5
	println(f1 == f2)
	var arr1, arr2 any = [2]int{1, 2}, [2]int{1, 2}
	println(arr1 == arr2)
	defer func() { println("panic:", recover().(error).Error()) }()
	var s1, s2 any = []int{1}, []int{1}
	println(s1 == s2)
}
