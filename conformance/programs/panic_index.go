package main

func main() {
	a := []int{1, 2, 3}
	i := 5
	println("start")
	println(a[i])
}
