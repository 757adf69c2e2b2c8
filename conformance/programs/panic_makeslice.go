package main

func main() {
	n := -1
	defer func() {
		println("recovered:", recover().(error).Error())
		m := 5
		_ = make([]int, m, 2)
	}()
	_ = make([]int, n)
}
