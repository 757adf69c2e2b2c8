package main

func main() {
	s := make([]int, 3, 5)
	lo, hi, max := 1, 4, 6
	println(len(s[lo:hi]))
	println(len(s[lo:hi:max]))
}
