package main

type I interface{ M() }

func main() {
	var x any = "str"
	_ = x.(int)
}
