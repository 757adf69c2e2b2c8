package main

import (
	"errors"
	"strings"
)

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q *Sq) Area() float64 { return q.s * q.s }

type Matrix [2][2]float64

func (m Matrix) Mul(o Matrix) (r Matrix) {
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return
}

type Queue struct {
	items []int
	head  int
}

func (q *Queue) Push(v int) { q.items = append(q.items, v) }
func (q *Queue) Pop() (int, error) {
	if q.head >= len(q.items) {
		return 0, errors.New("empty")
	}
	v := q.items[q.head]
	q.head++
	return v, nil
}

func fib() func() int {
	a, b := 0, 1
	return func() int { a, b = b, a+b; return a }
}

func main() {
	shapes := map[string]Shape{"a": &Sq{2}, "b": &Sq{3}}
	total := 0.0
	for _, k := range []string{"a", "b"} {
		total += shapes[k].Area()
	}
	println(total)
	m := Matrix{{1, 1}, {1, 0}}
	r := m
	for i := 0; i < 5; i++ {
		r = r.Mul(m)
	}
	println(r[0][0], r[0][1], m[0][0])
	q := &Queue{}
	for i := 0; i < 3; i++ {
		q.Push(i * i)
	}
	for {
		v, err := q.Pop()
		if err != nil {
			println(err.Error())
			break
		}
		print(v, " ")
	}
	f := fib()
	for i := 0; i < 10; i++ {
		f()
	}
	println(f())
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		sb.WriteString(strings.Repeat("*", i))
		sb.WriteByte('\n')
	}
	print(sb.String())
	words := strings.Fields("the cat sat on the mat the end")
	freq := map[string]int{}
	maxw, maxc := "", 0
	for _, w := range words {
		freq[w]++
		if freq[w] > maxc {
			maxw, maxc = w, freq[w]
		}
	}
	println(maxw, maxc, len(freq))
	type node struct {
		val         int
		left, right *node
	}
	var insert func(n *node, v int) *node
	insert = func(n *node, v int) *node {
		if n == nil {
			return &node{val: v}
		}
		if v < n.val {
			n.left = insert(n.left, v)
		} else {
			n.right = insert(n.right, v)
		}
		return n
	}
	var root *node
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80} {
		root = insert(root, v)
	}
	var walk func(n *node)
	walk = func(n *node) {
		if n != nil {
			walk(n.left)
			print(n.val, " ")
			walk(n.right)
		}
	}
	walk(root)
	println()
}
