package main

import "strconv"

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

type Stringer interface{ String() string }

type Point struct{ X, Y int }

func (p Point) String() string { return "(" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + ")" }

type List []Stringer

func (l List) String() string {
	s := "["
	for i, e := range l {
		if i > 0 {
			s += " "
		}
		s += e.String()
	}
	return s + "]"
}

func main() {
	var rw ReadWriter = &Buffer{}
	rw.Write("hello")
	rw.Write("world")
	var r Reader = rw
	println(r.Read(), rw.Read(), rw.Read() == "")
	w, ok := r.(Writer)
	println(ok, w.Write("x"))
	l := List{Point{1, 2}, Point{3, 4}, List{Point{5, 6}}}
	println(l.String())
	var s Stringer = l
	println(s.String())
}
