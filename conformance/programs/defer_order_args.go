package main

func trace(s string) string {
	println("enter", s)
	return s
}

func un(s string) { println("leave", s) }

func nested() {
	defer un(trace("nested"))
	println("in nested")
}

func loop() {
	for i := 0; i < 3; i++ {
		defer println("deferred", i)
	}
}

func counter() (n int) {
	defer func() { n *= 2 }()
	defer func() { n += 3 }()
	return 1
}

func argsEval() {
	x := 1
	defer println("x at defer:", x)
	x = 2
	defer func() { println("x in closure:", x) }()
	x = 3
}

type T struct{ name string }

func (t T) Close()   { println("close", t.name) }
func (t *T) PClose() { println("pclose", t.name) }

func methods() {
	t := T{"a"}
	defer t.Close()
	defer t.PClose()
	t.name = "b"
}

func main() {
	nested()
	loop()
	println(counter())
	argsEval()
	methods()
	var fs []func()
	defer func() {
		for _, f := range fs {
			f()
		}
	}()
	fs = append(fs, func() { println("late") })
}
