// Methods through reflection: Value.Method, MethodByName, NumMethod and
// calling them (value and pointer receivers, interface values), and
// text/template calling methods with arguments.
package main

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"text/template"
)

type User struct {
	Name string
	Age  int
}

func (u User) Greeting(prefix string) string { return prefix + ", " + u.Name }
func (u *User) Birthday() int                { u.Age++; return u.Age }
func (u User) IsAdult() bool                 { return u.Age >= 18 }
func (u User) private() string               { return "hidden" }

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64  { return s.S * s.S }
func (s Sq) String() string { return fmt.Sprintf("Sq(%g)", s.S) }

func main() {
	u := &User{"Ann", 17}
	v := reflect.ValueOf(u)
	fmt.Println(v.NumMethod(), v.Elem().NumMethod())
	for i := 0; i < v.NumMethod(); i++ {
		m := v.Method(i)
		fmt.Println(i, m.Type(), m.Kind())
	}
	out := v.MethodByName("Greeting").Call([]reflect.Value{reflect.ValueOf("Hi")})
	fmt.Println(out[0])
	fmt.Println(v.MethodByName("Birthday").Call(nil)[0].Int(), u.Age)
	fmt.Println(v.Elem().MethodByName("IsAdult").Call(nil)[0].Bool())
	fmt.Println(v.MethodByName("private").IsValid(), v.MethodByName("Nope").IsValid())
	var s Shape = Sq{3}
	sv := reflect.ValueOf(&s).Elem()
	fmt.Println(sv.Kind(), sv.MethodByName("Area").Call(nil)[0].Float())
	tmpl := template.Must(template.New("t").Parse(
		"{{.Name}} {{.Greeting \"Hello\"}} adult={{.IsAdult}} {{range .List}}[{{.Area}} {{.}}]{{end}}\n"))
	err := tmpl.Execute(os.Stdout, map[string]any{
		"Name": "x", "List": []Shape{Sq{1}, Sq{2}},
	})
	fmt.Println(err != nil)
	err = tmpl.Execute(os.Stdout, struct {
		*User
		List []Shape
	}{u, []Shape{Sq{1.5}}})
	fmt.Println(err)
	fmt.Println(strings.Repeat("-", 3))
}
