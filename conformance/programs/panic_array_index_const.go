package main

type S struct{ arr [4]int }

func get(s *S, i int) int { return s.arr[i] }

func main() {
	s := &S{}
	println(get(s, 3))
	println(get(s, -1))
}
