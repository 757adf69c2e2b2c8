package main

type Point struct{ X, Y int }

type Line struct {
	A, B  Point
	Label string
}

func move(p Point) Point {
	p.X += 10
	return p
}

func movePtr(p *Point) { p.X += 10 }

func main() {
	p := Point{1, 2}
	q := p
	q.X = 5
	println(p.X, q.X)
	r := move(p)
	println(p.X, r.X)
	movePtr(&p)
	println(p.X)
	l := Line{A: Point{1, 1}, B: Point{2, 2}, Label: "l"}
	l2 := l
	l2.A.X = 100
	println(l.A.X, l2.A.X)
	pa := &l.A
	pa.Y = 7
	println(l.A.Y, l2.A.Y)
	arr := [2]Point{{1, 2}, {3, 4}}
	arr2 := arr
	arr2[0].X = 9
	println(arr[0].X, arr2[0].X)
	ps := []Point{{1, 1}, {2, 2}}
	for _, pt := range ps {
		pt.X = 100
	}
	println(ps[0].X)
	for i := range ps {
		ps[i].X = 100
	}
	println(ps[0].X, ps[1].X)
	m := map[string]Point{"a": {1, 2}}
	v := m["a"]
	v.X = 50
	println(m["a"].X, v.X)
	anon := struct {
		N int
		S string
	}{3, "x"}
	println(anon.N, anon.S)
	println(p == Point{11, 2}, l == l2, Point{} == Point{0, 0})
	var zero Line
	println(zero.A.X, zero.Label == "")
}
