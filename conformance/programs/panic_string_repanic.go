package main

func main() {
	defer func() {
		r := recover()
		panic(r.(string) + " again")
	}()
	panic("multi\nline")
}
