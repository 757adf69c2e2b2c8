// reflect assignability and convertibility between named and unnamed types
// of every kind (database/sql converts driver bytes into user-defined
// byte slices this way), and a Convert into a named slice type.

package main

import (
	"fmt"
	"reflect"
)

type userDefinedBytes []byte

func main() {
	v := []byte("foo")
	var u userDefinedBytes
	sv := reflect.ValueOf(v)
	dv := reflect.ValueOf(&u).Elem()
	fmt.Println(sv.Type().ConvertibleTo(dv.Type()), sv.Type().AssignableTo(dv.Type()))
	dv.Set(sv.Convert(dv.Type()))
	fmt.Println(&u[0] == &v[0], string(u))
	u2 := userDefinedBytes(v)
	fmt.Println(&u2[0] == &v[0])
}

type named []byte
type namedInt int
type fn func(int) int
type st struct{ A int }

func init() {
	pairs := [][2]any{{[]byte(nil), named(nil)}, {named(nil), []byte(nil)}, {namedInt(0), 0}, {0, namedInt(0)},
		{func(int) int { return 0 }, fn(nil)}, {struct{ A int }{}, st{}}, {st{}, struct{ A int }{}}, {struct{ B int }{}, st{}},
		{map[string]int{}, map[string]namedInt{}}, {[2]int{}, [2]namedInt{}}, {make(chan int), (<-chan int)(nil)}, {named(nil), userDefinedBytes(nil)}}
	for _, p := range pairs {
		a, b := reflect.TypeOf(p[0]), reflect.TypeOf(p[1])
		fmt.Println(a, b, a.AssignableTo(b), a.ConvertibleTo(b))
	}
}
