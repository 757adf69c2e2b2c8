package main

import "cmp"

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~float32 | ~float64 | ~string
}

func SortSlice[T Ordered](s []T) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

type Celsius float64

type Shower interface{ Show() string }

type Num int

func (n Num) Show() string { return "num" }

func ShowAll[T Shower](xs []T) string {
	out := ""
	for _, x := range xs {
		out += x.Show() + ";"
	}
	return out
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return Set[T]{} }

func MaxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

type Tree[T cmp.Ordered] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func main() {
	xs := []int{5, 3, 9, 1}
	SortSlice(xs)
	println(xs[0], xs[3])
	cs := []Celsius{3.5, -1, 2}
	SortSlice(cs)
	println(cs[0], cs[2])
	ss := []string{"b", "c", "a"}
	SortSlice(ss)
	println(ss[0], ss[2])
	println(ShowAll([]Num{1, 2}))
	s := NewSet[string]()
	s.Add("x")
	println(s.Has("x"), s.Has("y"), len(s))
	println(MaxOf(3, 9, 2), MaxOf("a", "zz", "m"), MaxOf(1.5, -2.5))
	var t *Tree[int]
	for _, v := range []int{5, 2, 8, 1, 9, 3} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { print(v, " ") })
	println()
}
