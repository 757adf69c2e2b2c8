package main

func modify(a [3]int) [3]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[3]int) { a[0] = 100 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	println(a[1], b[1])
	c := modify(a)
	println(a[0], c[0])
	modifyPtr(&a)
	println(a[0])
	println(a == [3]int{100, 2, 3}, a != b, len(a))
	var grid [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			grid[i][j] = i * j
		}
	}
	row := grid[2]
	row[2] = -1
	println(grid[2][2], row[2])
	for i, v := range a {
		print(i, v, " ")
	}
	println()
	p := &a
	for i := range p {
		p[i]++
	}
	println(a[0], a[1], a[2], len(p))
	s := a[1:]
	s[0] = 77
	println(a[1])
	type pair [2]string
	ps := map[pair]int{{"a", "b"}: 1}
	println(ps[pair{"a", "b"}], ps[pair{"b", "a"}])
}
