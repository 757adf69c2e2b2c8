package main

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

type Event struct {
	name     string
	handlers []func(string) string
}

func (e *Event) On(h func(string) string) { e.handlers = append(e.handlers, h) }
func (e *Event) Fire() {
	for i, h := range e.handlers {
		println(i, h(e.name))
	}
}

func main() {
	f := fibGen()
	for i := 0; i < 10; i++ {
		print(f(), " ")
	}
	println()
	e := &Event{name: "click"}
	prefix := "on-"
	e.On(func(s string) string { return prefix + s })
	prefix = "ON-"
	count := 0
	e.On(func(s string) string { count++; return s + "!" })
	e.Fire()
	e.Fire()
	println(count)
	acc := []func() int{}
	for i := range 3 {
		j := i * 10
		acc = append(acc, func() int { return i + j })
	}
	for _, a := range acc {
		print(a(), " ")
	}
	println()
	x := 0
	func() {
		x := 5
		x++
		_ = x
	}()
	println(x)
}
