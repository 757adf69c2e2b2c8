package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}

func apply(fs []func(int) int, v int) int {
	for _, f := range fs {
		v = f(v)
	}
	return v
}

func main() {
	c1, c2 := counter(), counter()
	println(c1(), c1(), c1(), c2())
	add5 := adder(5)
	println(add5(1), adder(10)(1))
	double := func(x int) int { return x * 2 }
	println(apply([]func(int) int{add5, double, add5}, 1))
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	println(x)
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	println(fib(20))
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { print(i, " ") })
	}
	for _, v := range []string{"a", "b"} {
		fs = append(fs, func() { print(v, " ") })
	}
	for _, f := range fs {
		f()
	}
	println()
}
