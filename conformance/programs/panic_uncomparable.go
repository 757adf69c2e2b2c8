package main

func main() {
	var a, b any = map[int]int{}, map[int]int{}
	println(a == b)
}
