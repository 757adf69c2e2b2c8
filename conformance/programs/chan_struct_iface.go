// Checks channels carrying structs (copied by value), interfaces (dynamic
// types preserved, type switches on received values), funcs, and errors.
package main

import (
	"errors"
	"strconv"
)

type Point struct {
	X, Y int
	Tags [2]string
}

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ W, H int }
type Square struct{ S int }

func (r Rect) Area() int       { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (s *Square) Area() int    { return s.S * s.S }
func (s *Square) Name() string { return "square" }

func main() {
	// Structs are copied into the channel buffer.
	pc := make(chan Point, 2)
	p := Point{X: 1, Y: 2, Tags: [2]string{"a", "b"}}
	pc <- p
	p.X = 100
	p.Tags[0] = "changed"
	got := <-pc
	println("struct copy:", got.X, got.Y, got.Tags[0], got.Tags[1])

	// Interfaces keep dynamic types; pointer receivers share state.
	sc := make(chan Shape)
	sq := &Square{S: 3}
	go func() {
		sc <- Rect{W: 2, H: 5}
		sc <- sq
		sc <- nil
		close(sc)
	}()
	for s := range sc {
		switch v := s.(type) {
		case nil:
			println("nil shape")
		case Rect:
			println(v.Name(), "area", v.Area(), "w", v.W)
		case *Square:
			println(v.Name(), "area", v.Area(), "same pointer:", v == sq)
		}
	}

	// chan any with mixed dynamic types.
	anyc := make(chan any, 6)
	anyc <- 42
	anyc <- "text"
	anyc <- 3.5
	anyc <- Point{X: 7}
	anyc <- errors.New("an error")
	anyc <- []int{1, 2, 3}
	close(anyc)
	for v := range anyc {
		switch x := v.(type) {
		case int:
			println("int", x)
		case string:
			println("string", x)
		case float64:
			println("float64", x == 3.5)
		case Point:
			println("Point", x.X)
		case error:
			println("error", x.Error())
		default:
			println("other, len", len(x.([]int)))
		}
	}

	// Channel of funcs: closures executed by a worker.
	work := make(chan func() string)
	results := make(chan string)
	go func() {
		for f := range work {
			results <- f()
		}
		close(results)
	}()
	go func() {
		for i := 0; i < 3; i++ {
			work <- func() string { return "task " + strconv.Itoa(i*i) }
		}
		close(work)
	}()
	for r := range results {
		println(r)
	}

	// Channel of errors with wrapping preserved.
	base := errors.New("base failure")
	errc := make(chan error, 2)
	errc <- wrap{"layer", base}
	errc <- nil
	e1, e2 := <-errc, <-errc
	println("errors.Is:", errors.Is(e1, base), "msg:", e1.Error(), "nil:", e2 == nil)

	// Zero-size struct channel.
	sig := make(chan struct{}, 3)
	sig <- struct{}{}
	sig <- struct{}{}
	println("struct{} len:", len(sig))
}

type wrap struct {
	msg string
	err error
}

func (w wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w wrap) Unwrap() error { return w.err }
