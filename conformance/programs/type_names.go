// Type names as gc's runtime prints them: byte and rune as uint8 and
// int32, func types without parameter names.
package main

import "fmt"

type B byte

func main() {
	fmt.Printf("%T %T %T %T %T\n", []byte{}, 'x', map[rune]byte{}, func(b byte) rune { return 0 }, B(1))
	fmt.Printf("%#v %#v\n", []byte{1}, [2]rune{})
}
