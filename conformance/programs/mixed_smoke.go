package main

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

type P struct {
	X, Y int
	S    string
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = myErr("recovered")
		}
	}()
	q = a / b
	return
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for i, s := range shapes {
		println(i, s.Name(), s.Area())
	}
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	println(len(m), m["b"], m["zz"])
	delete(m, "a")
	v, ok := m["a"]
	println(v, ok)
	p := P{1, 2, "x"}
	q := p
	q.X = 10
	println(p.X, q.X, p == q, p == P{1, 2, "x"})
	pp := &p
	pp.Y = 20
	println(p.Y)
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	x, err := divide(7, 0)
	println(x, err.Error())
	x, err = divide(7, 2)
	println(x, err == nil)
	s := "héllo, 世界"
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	b := []byte(s)
	println(len(b), string(b[1:3]), s[7:])
	var e any = 42
	switch t := e.(type) {
	case string:
		println("string", t)
	case int:
		println("int", t)
	}
	n, ok2 := e.(string)
	println(n, ok2)
	arr := [3]int{1, 2, 3}
	sl := arr[:]
	sl[1] = 99
	println(arr[1], len(sl), cap(sl))
	ip := &arr[2]
	*ip = 7
	println(arr[2])
	defer println("deferred 1")
	defer println("deferred 2")
	var mm map[string]int
	mm["x"] = 1
}

type myErr string

func (e myErr) Error() string { return string(e) }
