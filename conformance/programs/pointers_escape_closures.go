package main

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func makeCounters() []*int {
	var out []*int
	for i := 0; i < 3; i++ {
		v := i * 10
		out = append(out, &v)
	}
	return out
}

func main() {
	ps := makeCounters()
	*ps[0] = 99
	for _, p := range ps {
		print(*p, " ")
	}
	println()
	total := 0
	add := func(n int) { total += n }
	for i := 1; i <= 4; i++ {
		add(i)
	}
	println(total)
	cs := []Counter{{}, {}}
	for i := range cs {
		cs[i].Inc()
		cs[i].Inc()
	}
	c0 := &cs[0]
	c0.Inc()
	println(cs[0].n, cs[1].n)
	m := map[string]*Counter{"a": {}}
	m["a"].Inc()
	println(m["a"].n)
	var iptr *int
	func() {
		defer func() { println("recovered:", recover() != nil) }()
		println(*iptr)
	}()
	grid := [][]int{{1, 2}, {3, 4}}
	cell := &grid[1][0]
	*cell = 33
	println(grid[1][0])
	f := 2.5
	fp := &f
	*fp *= 2
	println(f)
	str := "abc"
	strp := &str
	*strp = (*strp)[1:]
	println(str)
}
