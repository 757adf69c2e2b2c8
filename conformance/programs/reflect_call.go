// reflect.Value.Call and CallSlice: results of every kind, variadic
// packing, interface parameters, pointers, closures, std functions, and
// gc's panic for a wrong argument count.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Point struct{ X, Y int }

func add(a, b int) int                  { return a + b }
func swap(a, b string) (string, string) { return b, a }
func sum(base float64, xs ...int) float64 {
	for _, x := range xs {
		base += float64(x)
	}
	return base
}
func describe(v any) string      { return fmt.Sprintf("%T:%v", v, v) }
func mkErr(s string) error       { return errors.New(s) }
func move(p Point, dx int) Point { return Point{p.X + dx, p.Y} }
func nothing()                   {}
func ptr(p *Point) *Point        { p.X++; return p }

func main() {
	call := func(f any, args ...any) {
		in := make([]reflect.Value, len(args))
		for i, a := range args {
			in[i] = reflect.ValueOf(a)
		}
		out := reflect.ValueOf(f).Call(in)
		var parts []string
		for _, o := range out {
			parts = append(parts, fmt.Sprintf("%v(%s)", o.Interface(), o.Type()))
		}
		fmt.Println(strings.Join(parts, " "))
	}
	call(add, 2, 3)
	call(swap, "a", "b")
	call(sum, 1.5)
	call(sum, 1.5, 1, 2, 3)
	call(describe, 42)
	call(describe, Point{1, 2})
	call(mkErr, "boom")
	call(move, Point{1, 2}, 10)
	call(nothing)
	p := &Point{5, 6}
	call(ptr, p)
	fmt.Println(p.X)
	call(strings.ToUpper, "hello")
	call(func(x int) (int, error) { return x * 2, nil }, 21)
	sl := reflect.ValueOf(sum).CallSlice([]reflect.Value{reflect.ValueOf(0.5), reflect.ValueOf([]int{4, 5})})
	fmt.Println(sl[0].Float())
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(add).Call([]reflect.Value{reflect.ValueOf(1)})
}
