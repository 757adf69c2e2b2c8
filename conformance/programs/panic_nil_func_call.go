package main

type T struct{ f func() int }

func main() {
	var t T
	println("calling")
	println(t.f())
}
