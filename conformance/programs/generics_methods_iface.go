package main

type Container[T any] interface {
	Put(T)
	Get() T
	Size() int
}

type Queue[T any] struct{ items []T }

func (q *Queue[T]) Put(v T) { q.items = append(q.items, v) }
func (q *Queue[T]) Get() T {
	v := q.items[0]
	q.items = q.items[1:]
	return v
}
func (q *Queue[T]) Size() int { return len(q.items) }

func Drain[T any](c Container[T]) []T {
	var out []T
	for c.Size() > 0 {
		out = append(out, c.Get())
	}
	return out
}

type Num interface{ ~int | ~float64 }

func SumMap[K comparable, V Num](m map[K]V) V {
	var s V
	for _, v := range m {
		s += v
	}
	return s
}

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

func main() {
	q := &Queue[string]{}
	q.Put("a")
	q.Put("b")
	var c Container[string] = q
	c.Put("c")
	out := Drain(c)
	println(len(out), out[0], out[2])
	println(SumMap(map[string]int{"a": 1, "b": 2}), SumMap(map[int]float64{1: 0.5, 2: 0.25}))
	println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil, Zero[[2]int]()[1])
	p := Ptr(42)
	*p++
	println(*p, *Ptr("s"))
}
