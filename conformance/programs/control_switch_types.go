package main

type Animal interface{ Sound() string }
type Dog struct{}
type Cat struct{ name string }
type Fish struct{}

func (Dog) Sound() string    { return "woof" }
func (c *Cat) Sound() string { return "meow " + c.name }

func kind(x any) string {
	switch v := x.(type) {
	case Dog:
		return "dog:" + v.Sound()
	case *Cat:
		return "cat:" + v.Sound()
	case Animal:
		return "animal"
	case int, uint:
		return "number"
	case nil:
		return "nothing"
	case func() int:
		return "func"
	case map[string]int:
		return "map"
	case error:
		return "error " + v.Error()
	}
	return "unknown"
}

func main() {
	xs := []any{Dog{}, &Cat{"tom"}, Cat{}, 1, uint(2), nil, func() int { return 1 }, map[string]int{}, Fish{}, 3.5}
	for _, x := range xs {
		println(kind(x))
	}
	var a Animal = Dog{}
	switch a.(type) {
	case *Cat:
		println("cat")
	default:
		println("not a cat")
	}
}
