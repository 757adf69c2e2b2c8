package main

type Op func(a, b int) int

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return g(f(x)) }
}

func curry(op Op) func(int) func(int) int {
	return func(a int) func(int) int {
		return func(b int) int { return op(a, b) }
	}
}

func apply(ops map[string]Op, name string, a, b int) int {
	if f, ok := ops[name]; ok {
		return f(a, b)
	}
	return -1
}

func memo(f func(int) int) func(int) int {
	cache := map[int]int{}
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n)
		cache[n] = v
		return v
	}
}

func main() {
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	println(compose(inc, dbl)(5), compose(dbl, inc)(5))
	add := curry(func(a, b int) int { return a + b })
	println(add(3)(4))
	ops := map[string]Op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	println(apply(ops, "add", 2, 3), apply(ops, "mul", 2, 3), apply(ops, "div", 1, 1))
	calls := 0
	slow := func(n int) int { calls++; return n * n }
	fast := memo(slow)
	println(fast(4), fast(4), fast(5), calls)
	var nilOp Op
	println(nilOp == nil)
	fns := [3]func() string{func() string { return "a" }, func() string { return "b" }}
	println(fns[0](), fns[1](), fns[2] == nil)
	defer func() { println("recovered:", recover().(error).Error()) }()
	nilOp(1, 2)
}
