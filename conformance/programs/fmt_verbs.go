package main

import (
	"errors"
	"fmt"
	"os"
)

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type Point struct {
	X, Y int
	name string
}

type Shape interface{ Area() float64 }

type Rect struct {
	Min, Max Point
	Tags     []string
	Meta     map[string]int
	Fill     *Color
	S        Shape
	err      error
}

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func main() {
	fmt.Println("hello", 42, -7, 3.5, true, 'x', "str", nil)
	fmt.Printf("%d %5d %-5d| %x %X %o %b %c %q %U\n", 42, 42, 42, 255, 255, 8, 5, 'A', 'B', 0x1F600)
	fmt.Printf("%f %.2f %e %g %8.3f %v\n", 3.14159, 2.5, 12345.678, 0.000012, 1.5, float32(0.1))
	fmt.Printf("%s %q %x %10s|%-10s|\n", "go", "quote\"d", "hex", "right", "left")
	fmt.Printf("%t %v %p\n", false, true, nil)
	fmt.Printf("%v %d %s\n", Green, Green, Red)
	p := Point{1, 2, "p"}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%T %T %T %T\n", p, &p, []int{}, map[string]bool{})
	c := Green
	r := Rect{Min: p, Max: Point{3, 4, "q"}, Tags: []string{"a", "b"}, Meta: map[string]int{"z": 1, "a": 2, "m": 3}, Fill: &c, S: Circle{2}, err: errors.New("bad")}
	fmt.Printf("%v\n", r.Min)
	fmt.Printf("%+v\n", r.Tags)
	fmt.Println(r.Meta)
	fmt.Printf("%v %+v\n", r.S, r.S)
	fmt.Println(r.err)
	fmt.Println([]int{1, 2, 3}, [3]string{"x", "y", "z"}, []byte("hi"))
	fmt.Printf("%s %x %X % x\n", []byte("hi"), []byte("hi"), "hi", []byte{1, 2, 255})
	fmt.Println(map[int]string{3: "c", 1: "a", 2: "b"})
	fmt.Println(map[Color]bool{Green: true, Red: false})
	var e error = &MyErr{7}
	fmt.Println(e)
	fmt.Printf("%v|%s|%d\n", e, e, []int(nil))
	wrapped := fmt.Errorf("wrap: %w", e)
	fmt.Println(wrapped)
	var me *MyErr
	fmt.Println(errors.As(wrapped, &me), me.Code, errors.Is(wrapped, e), errors.Unwrap(wrapped) == e)
	s := fmt.Sprintf("%08.3f|%+d|%x|%#x|%#o", 3.14159, 5, -255, 255, 8)
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0))
	fmt.Printf("%v %v\n", complex(1, 2), complex64(complex(-1.5, 0.5)))
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Printf("%!d %d\n", 1)
	fmt.Printf("%d\n", "str")
	fmt.Printf("%v %v\n", struct{}{}, struct{ A, B int }{1, 2})
	fmt.Printf("%v\n", [][]int{{1}, {2, 3}})
	fmt.Printf("%v %+v\n", []Point{{1, 2, "a"}}, []*int{nil})
	type inner struct {
		A int
		B []string
	}
	fmt.Printf("%#v\n", inner{1, []string{"x"}})
	fmt.Printf("%#v %#v %#v\n", []int{1}, map[string]int{"a": 1}, "s")
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	var ip *int
	fmt.Println(ip == nil, fmt.Sprint(ip))
	fmt.Printf("%v\n", &p)
	fmt.Printf("%v %v\n", int8(-5), uint64(1<<63))
	fmt.Printf("%x %v\n", "héllo", []rune("hé"))
	fmt.Printf("%08b %3c|\n", 5, 'z')
	fmt.Printf("%v\n", [2]bool{true, false})
	fmt.Printf("%.3s|%.0f|%5.1e\n", "abcdef", 2.5, 1234.5)
	var iface any = 3
	fmt.Printf("%v %T\n", iface, iface)
	fmt.Println(fmt.Sprintf("%v", []any{1, "a", nil, 2.5, Point{}}))
}
