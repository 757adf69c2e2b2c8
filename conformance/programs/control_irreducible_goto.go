package main

func f(c bool, n int) int {
	i := 0
	if c {
		goto B
	}
A:
	i++
B:
	i += 2
	if i < n {
		goto A
	}
	return i
}

func main() {
	println(f(true, 10), f(false, 10), f(true, 0))
}
