package main

type resource struct{ name string }

func open(name string) *resource {
	println("open", name)
	return &resource{name}
}

func (r *resource) Close() error {
	println("close", r.name)
	return nil
}

func process(names []string) (n int) {
	for _, name := range names {
		r := open(name)
		defer r.Close()
		n++
	}
	return
}

func deferInClosure() {
	func() {
		defer println("inner defer")
		println("inner body")
	}()
	println("outer body")
}

func recursiveDefer(n int) {
	if n == 0 {
		return
	}
	defer println("unwind", n)
	recursiveDefer(n - 1)
}

func main() {
	println(process([]string{"a", "b", "c"}))
	deferInClosure()
	recursiveDefer(3)
	x := 10
	defer func(v int) { println("arg", v, "now", x) }(x)
	x = 20
}
