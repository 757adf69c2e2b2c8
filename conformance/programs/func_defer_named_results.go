package main

import "errors"

func f1() (x int) {
	defer func() { x++ }()
	return 10
}

func f2() (x int, err error) {
	defer func() {
		if err != nil {
			x = -1
		}
	}()
	return 5, errors.New("fail")
}

func f3() (s string) {
	s = "start"
	defer func() { s += "+defer" }()
	s = "middle"
	return s + "+ret"
}

func f4() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func f5() (out []int) {
	for i := 0; i < 3; i++ {
		defer func() { out = append(out, i) }()
	}
	return nil
}

func main() {
	println(f1())
	x, err := f2()
	println(x, err.Error())
	println(f3())
	println(f4())
	o := f5()
	println(len(o), o[0], o[2])
}
