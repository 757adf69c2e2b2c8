package main

func main() {
	a := complex(1, 2)
	b := 3 - 4i
	println(a+b, a-b, a*b, a/b)
	println(real(a), imag(b), a == b, a != b)
	var c64 complex64 = complex64(a)
	println(c64, c64*c64, real(c64))
	z := complex(0, 0)
	println(a / z)
	var c complex128
	for i := 0; i < 4; i++ {
		c += complex(float64(i), -float64(i))
	}
	println(c, -c)
}
