package main

type Vec struct{ X, Y float64 }

func (v Vec) Add(o Vec) Vec       { return Vec{v.X + o.X, v.Y + o.Y} }
func (v Vec) Scale(k float64) Vec { return Vec{v.X * k, v.Y * k} }
func (v *Vec) Normalize() {
	l := v.X*v.X + v.Y*v.Y
	if l > 0 {
		v.X /= l
		v.Y /= l
	}
}

type Grid struct {
	cells [3][3]int
	name  string
}

func (g *Grid) Set(i, j, v int) { g.cells[i][j] = v }
func (g Grid) Get(i, j int) int { return g.cells[i][j] }
func (g Grid) Sum() (s int) {
	for _, row := range g.cells {
		for _, v := range row {
			s += v
		}
	}
	return
}

type Adder interface{ Add(Vec) Vec }

func main() {
	v := Vec{1, 2}
	w := v.Add(Vec{3, 4}).Scale(2)
	println(w.X, w.Y)
	w.Normalize()
	println(w.X > 0, w.Y > w.X)
	var g Grid
	g.Set(1, 1, 5)
	g.Set(2, 0, 7)
	gc := g
	gc.Set(0, 0, 100)
	println(g.Get(1, 1), g.Sum(), gc.Sum())
	var a Adder = v
	println(a.Add(v).X)
	pv := &v
	println(pv.Add(v).Y)
	var a2 Adder = pv
	pv.X = 10
	println(a2.Add(Vec{}).X)
	gs := []Grid{{}, {}}
	gs[1].Set(0, 0, 3)
	println(gs[1].Get(0, 0), gs[0].Get(0, 0))
	type inner struct{ n [2]int }
	type outer struct{ in inner }
	o := outer{}
	o.in.n[1] = 4
	o2 := o
	o2.in.n[1] = 5
	println(o.in.n[1], o2.in.n[1], o == o2)
}
