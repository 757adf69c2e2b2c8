package main

func main() {
	m := map[any]int{}
	m[1] = 1
	var k any = []int{1}
	m[k] = 2
}
