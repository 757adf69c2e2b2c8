package main

type Temp float64

func main() {
	defer func() {
		r := recover()
		println(r.(Temp))
		panic(Temp(-2.5))
	}()
	panic(1.25)
}
