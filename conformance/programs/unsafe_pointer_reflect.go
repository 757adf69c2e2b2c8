// unsafe.Pointer values through reflection: nil checks, the type's name,
// and text/template's truth test.
package main

import (
	"fmt"
	"os"
	"reflect"
	"text/template"
	"unsafe"
)

func main() {
	var p unsafe.Pointer
	x := 3
	q := unsafe.Pointer(&x)
	fmt.Println(reflect.ValueOf(p).IsNil(), reflect.ValueOf(q).IsNil(), reflect.TypeOf(p))
	t := template.Must(template.New("t").Parse("{{if .}}set{{else}}unset{{end}}\n"))
	t.Execute(os.Stdout, p)
	t.Execute(os.Stdout, q)
}
