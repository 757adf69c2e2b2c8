package main

type Code int

type Err struct{ msg string }

func (e Err) Error() string { return "err: " + e.msg }

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(Code))
		defer func() {
			println("second", recover().(error).Error())
			panic(Code(7))
		}()
		panic(Err{"inner"})
	}()
	panic(Code(3))
}
