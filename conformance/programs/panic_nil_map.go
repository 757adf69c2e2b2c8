package main

func main() {
	var m map[string][]int
	println(len(m["x"]))
	m["x"] = nil
}
