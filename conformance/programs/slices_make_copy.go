package main

func main() {
	s := make([]int, 5)
	println(len(s), cap(s), s[4])
	t := make([]string, 2, 8)
	println(len(t), cap(t), t[0] == "")
	n := copy(s, []int{1, 2, 3})
	println(n, s[0], s[2], s[3])
	n = copy(s[1:], s)
	println(n, s[0], s[1], s[2], s[3], s[4])
	b := make([]byte, 3)
	n = copy(b, "hello")
	println(n, string(b))
	var nilS []int
	println(nilS == nil, len(nilS), cap(nilS))
	empty := []int{}
	println(empty == nil, len(empty))
	sub := nilS[0:0]
	println(sub == nil)
	three := []int{0, 1, 2, 3, 4, 5}
	w := three[1:3:4]
	println(len(w), cap(w), w[0], w[1])
	w = append(w, 100)
	println(three[3])
	w = append(w, 200)
	println(three[4], len(w), cap(w))
	clear(three)
	println(three[0], three[5], len(three))
	m := [][]int{{1}, {2, 3}, {}}
	println(len(m), len(m[1]), m[1][1])
	m[2] = append(m[2], 9)
	println(m[2][0])
	arr := [5]int{1, 2, 3, 4, 5}
	sl := arr[1:4]
	sl[0] = 20
	println(arr[1], len(sl), cap(sl))
	arr2 := [2]int(three[2:4])
	arr2[0] = 7
	println(three[2], arr2[0], arr2[1])
}
