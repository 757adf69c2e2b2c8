package main

func main() {
	s := []int{1, 2}
	a := [2]int(s)
	println(a[0], a[1])
	b := [3]int(s)
	println(b[0])
}
