package main

func div(a, b int) int { return a / b }

func main() {
	println(div(10, 2))
	println(div(1, 0))
}
