// reflect's channel operations, Select, MakeFunc, and method values as
// func values (Interface), with text/template ranging over a channel.
package main

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"text/template"
)

type Temp float64

func (t Temp) String() string        { return fmt.Sprintf("%.1f°C", float64(t)) }
func (t Temp) Add(d float64) Temp    { return t + Temp(d) }
func (t *Temp) Scale(f float64) Temp { *t *= Temp(f); return *t }

func main() {
	// Channels made and used through reflect.
	ct := reflect.TypeOf(make(chan int))
	ch := reflect.MakeChan(ct, 2)
	fmt.Println(ch.Len(), ch.Cap(), ch.TrySend(reflect.ValueOf(1)), ch.TrySend(reflect.ValueOf(2)), ch.TrySend(reflect.ValueOf(3)))
	x, ok := ch.Recv()
	fmt.Println(x.Int(), ok, ch.Len())
	x, ok = ch.TryRecv()
	fmt.Println(x.Int(), ok)
	x, ok = ch.TryRecv()
	fmt.Println(x.IsValid(), ok)
	ch.Send(reflect.ValueOf(7))
	ch.Close()
	x, ok = ch.Recv()
	fmt.Println(x.Int(), ok)
	x, ok = ch.Recv()
	fmt.Println(x.Int(), ok, x.Type())
	native := ch.Interface().(chan int)
	_, open := <-native
	fmt.Println("open:", open)

	// A channel of an interface type, fed by a goroutine.
	errs := make(chan error)
	go func() {
		errs <- errors.New("first")
		errs <- nil
		close(errs)
	}()
	ev := reflect.ValueOf(errs)
	for {
		v, ok := ev.Recv()
		if !ok {
			fmt.Println("closed:", v.Kind(), v.IsNil())
			break
		}
		fmt.Println("received:", v.Kind(), v.IsNil(), v.Interface())
	}

	// Select: a ready receive, a ready send, and the default case.
	in := make(chan string, 1)
	out := make(chan string, 1)
	in <- "hello"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(in)},
		{Dir: reflect.SelectDefault},
	}
	chosen, v, ok := reflect.Select(cases)
	fmt.Println(chosen, v, ok)
	chosen, v, ok = reflect.Select(cases)
	fmt.Println(chosen, v.IsValid(), ok)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf((chan int)(nil))},
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(out), Send: reflect.ValueOf("sent")},
	})
	fmt.Println(chosen, <-out)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf((<-chan int)(nil)).Send(reflect.ValueOf(1))
	}()

	// Blocking Select, woken by another goroutine.
	done := make(chan int)
	go func() { done <- 42 }()
	chosen, v, ok = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(make(chan int))},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(done)},
	})
	fmt.Println(chosen, v.Int(), ok)

	// MakeFunc: a generic swap, and a func with an error result.
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	reflect.ValueOf(&intSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(intSwap), swap))
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	fn := reflect.MakeFunc(reflect.TypeOf(strSwap), swap)
	reflect.ValueOf(&strSwap).Elem().Set(fn)
	fmt.Println(strSwap("a", "b"))
	fmt.Println(fn.Call([]reflect.Value{reflect.ValueOf("c"), reflect.ValueOf("d")})[0])
	check := reflect.MakeFunc(reflect.TypeOf(func(string) error { return nil }), func(in []reflect.Value) []reflect.Value {
		if in[0].String() == "" {
			return []reflect.Value{reflect.ValueOf(errors.New("empty"))}
		}
		return []reflect.Value{reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())}
	}).Interface().(func(string) error)
	fmt.Println(check("x"), check(""))

	// Method values as func values.
	t := Temp(20)
	add := reflect.ValueOf(t).MethodByName("Add").Interface().(func(float64) Temp)
	fmt.Println(add(1.5), add(-30))
	str := reflect.ValueOf(t).Method(1).Interface().(func() string)
	fmt.Println(str())
	scale := reflect.ValueOf(&t).MethodByName("Scale").Interface().(func(float64) Temp)
	fmt.Println(scale(2), t)
	fmt.Println(reflect.TypeOf(reflect.ValueOf(t).MethodByName("Add").Interface()))

	// text/template ranges over a channel and calls a method value.
	temps := make(chan Temp, 3)
	for _, c := range []Temp{18.5, 21, 23.25} {
		temps <- c
	}
	close(temps)
	tmpl := template.Must(template.New("t").Parse("{{range $i, $t := .}}{{$i}}: {{$t}} ({{$t.Add 10}}) {{end}}\n"))
	if err := tmpl.Execute(os.Stdout, temps); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Repeat("-", 3))
}
