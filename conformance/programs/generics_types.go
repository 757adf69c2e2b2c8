package main

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s Stack[T]) Len() int { return len(s.items) }

type List[T comparable] struct {
	head *node[T]
	size int
}

type node[T comparable] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Add(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Contains(v T) bool {
	for n := l.head; n != nil; n = n.next {
		if n.val == v {
			return true
		}
	}
	return false
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Point struct{ X, Y int }

func main() {
	var s Stack[int]
	for i := 0; i < 4; i++ {
		s.Push(i * i)
	}
	v, ok := s.Pop()
	println(v, ok, s.Len())
	var ss Stack[string]
	ss.Push("a")
	a, _ := ss.Pop()
	_, ok = ss.Pop()
	println(a, ok)
	var l List[Point]
	l.Add(Point{1, 2})
	l.Add(Point{3, 4})
	println(l.Contains(Point{3, 4}), l.Contains(Point{0, 0}), l.size)
	p := MakePair("k", 3.5)
	println(p.Key, p.Val)
	ps := []Pair[string, int]{{"a", 1}, {"b", 2}}
	println(ps[1].Key, ps[1].Val)
}
