// gc's texts for run-time errors that depend on more than the failing
// check: unsigned indexes and bounds are printed unsigned, a bound past an
// array's end is reported against its length (a slice's: its capacity),
// and a value method called through a nil pointer names the method. Also:
// blank fields keep no value from a composite literal, and reflection
// reports the main package's path as "main".
package main

import (
	"fmt"
	"reflect"
)

type T int

func (T) F() {}

type I interface{ F() }

// In globals, as gc would otherwise devirtualize the call and report a
// nil dereference.
var (
	nilT *T
	viaI I = nilT
)

type blanks struct{ a, _, c int }

type named struct{ hidden int }

func try(label string, f func()) {
	defer func() {
		fmt.Println(label, recover())
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	var arr [3]int
	str := "abc"
	u := ^uint(0)
	u8 := uint8(200)
	i := -1
	try("slice index unsigned", func() { _ = s[u] })
	try("array index unsigned", func() { _ = arr[u8] })
	try("string index unsigned", func() { _ = str[u] })
	try("slice index negative", func() { _ = s[i] })
	try("array slice high", func() { n := 4; _ = arr[:n] })
	try("array slice high unsigned", func() { _ = arr[:u] })
	try("slice slice high", func() { n := 4; _ = s[:n] })
	try("slice slice low unsigned", func() { _ = s[u:] })
	try("array slice3 max", func() { n := 5; _ = arr[0:1:n] })
	try("slice slice3 max unsigned", func() { _ = s[0:1:u] })
	try("string slice high", func() { n := 9; _ = str[:n] })
	try("nil pointer wrapper", func() { viaI.F() })
	b := blanks{1, 2, 3}
	fmt.Println(reflect.ValueOf(b).Field(1).Int(), b == blanks{1, 5, 3})
	fmt.Println(reflect.TypeOf(named{}).Field(0).PkgPath, reflect.TypeOf(named{}).PkgPath())
}
