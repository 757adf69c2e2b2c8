package main

type Greeter interface{ Greet(name string) string }

type English struct{ excl bool }

func (e English) Greet(n string) string {
	if e.excl {
		return "Hello, " + n + "!"
	}
	return "Hello, " + n
}

type Counter struct{ n int }

func (c *Counter) Next() int { c.n++; return c.n }

func main() {
	var g Greeter = English{true}
	f := g.Greet
	g = English{false}
	println(f("bob"), g.Greet("al"))
	h := Greeter.Greet
	println(h(English{}, "cy"))
	c := &Counter{}
	var next func() int = c.Next
	next()
	next()
	println(c.n)
	fs := map[string]func(string) string{"en": English{true}.Greet}
	println(fs["en"]("x"))
	type Nexter interface{ Next() int }
	var nx Nexter = c
	nf := nx.Next
	println(nf(), c.n)
}
