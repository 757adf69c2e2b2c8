package main

type T struct{ x int }

func main() {
	var p *T
	println("before")
	println(p.x)
}
