package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

type NamedShape interface {
	Shape
	Named
}

type Rect struct{ W, H float64 }
type Square struct{ Rect }
type Circle struct{ R float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Name() string       { return "rect" }
func (s Square) Name() string     { return "square" }
func (c *Circle) Area() float64   { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 {
	return 6 * c.R
}
func (c *Circle) Name() string { return "circle" }

type Stringer interface{ String() string }
type Temp float64

func (t Temp) String() string {
	if t < 0 {
		return "cold"
	}
	return "warm"
}

func describe(s NamedShape) {
	println(s.Name(), s.Area(), s.Perimeter())
}

func main() {
	shapes := []NamedShape{Rect{2, 3}, Square{Rect{2, 2}}, &Circle{1}}
	for _, s := range shapes {
		describe(s)
	}
	var sh Shape = shapes[2]
	println(sh.Area())
	var st Stringer = Temp(-3)
	println(st.String(), Temp(5).String())
	var n Named = Square{}
	if ns, ok := n.(NamedShape); ok {
		println("also shape", ns.Area())
	}
	c := &Circle{2}
	var s2 Shape = c
	c.R = 3
	println(s2.Area())
}
