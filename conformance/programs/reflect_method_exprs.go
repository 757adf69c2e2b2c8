// Type.Method and MethodByName: the method expression's type (receiver
// first) and a Func value calling it, through Call, CallSlice and
// Interface, for value and pointer receivers and variadic methods.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) String() string    { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) Sum(xs ...int) (int, error) {
	s := p.X + p.Y
	for _, x := range xs {
		s += x
	}
	if s < 0 {
		return s, fmt.Errorf("negative %d", s)
	}
	return s, nil
}
func (p Point) hidden() {}

type Named string

func (n Named) Upper() string { return strings.ToUpper(string(n)) }

type Lookup interface {
	MethodByName(string) (reflect.Method, bool)
}

func describe(t reflect.Type) {
	fmt.Println(t, "NumMethod", t.NumMethod())
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Printf("  %d %s %v in=%d out=%d variadic=%v pkg=%q\n", m.Index, m.Name, m.Type, m.Type.NumIn(), m.Type.NumOut(), m.Type.IsVariadic(), m.PkgPath)
		fmt.Println("   ", m.Func.Kind(), m.Func.Type() == m.Type, m.Type.In(0) == t)
	}
}

func main() {
	describe(reflect.TypeOf(Point{}))
	describe(reflect.TypeOf(&Point{}))
	describe(reflect.TypeOf(Named("")))

	add, _ := reflect.TypeOf(Point{}).MethodByName("Add")
	out := add.Func.Call([]reflect.Value{reflect.ValueOf(Point{1, 2}), reflect.ValueOf(Point{10, 20})})
	fmt.Println(out[0].Interface())
	f := add.Func.Interface().(func(Point, Point) Point)
	fmt.Println(f(Point{3, 4}, Point{5, 6}))

	sum, ok := reflect.TypeOf(Point{}).MethodByName("Sum")
	fmt.Println(ok)
	res := sum.Func.Call([]reflect.Value{reflect.ValueOf(Point{-5, 1}), reflect.ValueOf(1), reflect.ValueOf(2)})
	fmt.Println(res[0].Int(), res[1].Interface())
	res = sum.Func.CallSlice([]reflect.Value{reflect.ValueOf(Point{5, 1}), reflect.ValueOf([]int{1, 2, 3})})
	fmt.Println(res[0].Int(), res[1].IsNil())

	p := &Point{2, 3}
	scale, _ := reflect.TypeOf(p).MethodByName("Scale")
	scale.Func.Call([]reflect.Value{reflect.ValueOf(p), reflect.ValueOf(10)})
	fmt.Println(*p)
	scale.Func.Interface().(func(*Point, int))(p, 2)
	fmt.Println(*p)

	_, ok = reflect.TypeOf(Point{}).MethodByName("Scale")
	fmt.Println("value type has Scale:", ok)
	_, ok = reflect.TypeOf(Point{}).MethodByName("hidden")
	fmt.Println("hidden found:", ok)

	var l Lookup = reflect.TypeOf(Named(""))
	up, _ := l.MethodByName("Upper")
	fmt.Println(up.Func.Interface().(func(Named) string)("gopher"))

	str, _ := reflect.TypeOf(Point{}).MethodByName("String")
	fmt.Println(str.Func.Call([]reflect.Value{reflect.ValueOf(Point{7, 8})})[0])
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.TypeOf(Point{}).Method(10)
}
