// recover in a function the deferred call reaches through wrappers gc
// hides: bound method values, method expressions, interface method
// values, and reflect's method values, method expressions and MakeFunc.
// A function such a wrapper's target calls still cannot recover.
package main

import (
	"fmt"
	"reflect"
)

type T struct{ name string }

func (t T) M() {
	fmt.Println(t.name, "recovered:", recover())
}

func (t *T) P() {
	fmt.Println(t.name, "pointer method recovered:", recover())
}

// N does not recover itself: the helper it calls is not called directly
// by the deferred call, so its recover returns nil.
func (t T) N() {
	helper(t.name)
}

func helper(name string) {
	fmt.Println(name, "helper recovered:", recover())
}

type I interface{ M() }

func run(name string, body func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "not recovered by the deferred call:", r)
		}
	}()
	body()
}

func main() {
	run("bound", func() {
		f := T{"bound"}.M
		defer f()
		panic(1)
	})
	run("pointer bound", func() {
		f := (&T{"pointer bound"}).P
		defer f()
		panic(2)
	})
	run("method expression", func() {
		f := T.M
		defer f(T{"method expression"})
		panic(3)
	})
	run("interface method value", func() {
		var i I = T{"interface method value"}
		f := i.M
		defer f()
		panic(4)
	})
	run("interface method expression", func() {
		f := I.M
		defer f(T{"interface method expression"})
		panic(5)
	})
	run("bound without recover", func() {
		f := T{"bound without recover"}.N
		defer f()
		panic(6)
	})
	run("reflect method value", func() {
		f := reflect.ValueOf(T{"reflect method value"}).Method(0).Interface().(func())
		defer f()
		panic(7)
	})
	run("reflect method expression", func() {
		f := reflect.TypeOf(T{}).Method(0).Func.Interface().(func(T))
		defer f(T{"reflect method expression"})
		panic(8)
	})
	run("reflect pointer method value", func() {
		f := reflect.ValueOf(&T{"reflect pointer method value"}).MethodByName("P").Interface().(func())
		defer f()
		panic(9)
	})
	run("MakeFunc", func() {
		f := reflect.MakeFunc(reflect.TypeOf(func(int) {}), func(args []reflect.Value) []reflect.Value {
			fmt.Println("MakeFunc", args[0].Int(), "recovered:", recover())
			return nil
		}).Interface().(func(int))
		defer f(10)
		panic(10)
	})
	run("MakeFunc calling another", func() {
		inner := reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value {
			fmt.Println("inner made func recovered:", recover())
			return nil
		}).Interface().(func())
		outer := reflect.MakeFunc(reflect.TypeOf(func(func()) {}), func(args []reflect.Value) []reflect.Value {
			args[0].Interface().(func())()
			return nil
		}).Interface().(func(func()))
		defer outer(inner)
		panic(11)
	})
}
