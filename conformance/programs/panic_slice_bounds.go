package main

func main() {
	s := "hello"
	n := 10
	println(s[2:n])
}
