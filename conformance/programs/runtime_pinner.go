// runtime.Pinner outside host calls: pinning and unpinning objects of
// every pointer representation, nil pointers, and the panics for what
// cannot be pinned.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type point struct{ x, y int }

func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", what, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", what)
}

func main() {
	var p runtime.Pinner
	pt := &point{1, 2}
	arr := &[4]byte{1, 2, 3, 4}
	buf := make([]byte, 8)
	n := new(int64)
	try("struct", func() { p.Pin(pt) })
	try("field", func() { p.Pin(&pt.y) })
	try("array", func() { p.Pin(arr) })
	try("element", func() { p.Pin(&buf[3]) })
	try("scalar", func() { p.Pin(n) })
	try("twice", func() { p.Pin(n) })
	try("unsafe", func() { p.Pin(unsafe.Pointer(n)) })
	try("nil pointer", func() { p.Pin((*int)(nil)) })
	try("unpin", func() { p.Unpin() })
	try("unpin again", func() { p.Unpin() })
	try("not a pointer", func() { p.Pin(42) })
	try("nil", func() { p.Pin(nil) })
	var zero runtime.Pinner
	try("zero unpin", func() { zero.Unpin() })
	*n = 7
	fmt.Println(pt.x, pt.y, arr[2], buf[3], *n)
}
