package main

type Grid [3][3]int

func (g *Grid) Set(i, j, v int) { g[i][j] = v }

func main() {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	p := (*[4]int)(s[2:])
	p[0] = 20
	p[3] = 50
	println(s[2], s[5], len(p), &s[2] == &p[0])
	a := [4]int(s[4:])
	a[0] = -1
	println(s[4], a[0])
	var g Grid
	g.Set(1, 2, 7)
	row := &g[1]
	row[0] = 9
	println(g[1][0], g[1][2])
	pa := &g
	cp := *pa
	cp[0][0] = 100
	println(g[0][0], cp[0][0])
	*pa = Grid{{1, 2, 3}}
	println(g[0][2], row[0])
	var e []int
	pe := (*[0]int)(e)
	println(pe == nil)
	arrs := []*[2]string{{"a", "b"}, {"c", "d"}}
	arrs[1][0] = "x"
	println(arrs[1][0], arrs[0][1])
	m := map[*[2]string]int{arrs[0]: 1}
	println(m[arrs[0]], m[arrs[1]])
	var ip any = arrs[0]
	println(ip.(*[2]string)[1], ip == any(arrs[0]))
	for i, v := range p {
		print(i, v, " ")
	}
	println()
	sub := p[1:3]
	sub[0] = 77
	println(s[3])
}
