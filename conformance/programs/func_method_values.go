package main

type Counter struct{ n int }

func (c *Counter) Inc()         { c.n++ }
func (c Counter) Get() int      { return c.n }
func (c Counter) Add(k int) int { return c.n + k }

type Op func(int, int) int

func (o Op) apply(a, b int) int { return o(a, b) }

func main() {
	c := &Counter{}
	inc := c.Inc
	inc()
	inc()
	get := c.Get
	c.Inc()
	println(c.n, get(), c.Get())
	f := (*Counter).Inc
	f(c)
	g := Counter.Add
	println(g(*c, 10))
	h := (*Counter).Get
	println(h(c))
	var add Op = func(a, b int) int { return a + b }
	println(add.apply(2, 3))
	m := add.apply
	println(m(4, 5))
	var nilf func()
	println(nilf == nil, inc != nil)
}
