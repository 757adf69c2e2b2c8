package main

func main() {
	for _, a := range []int{7, -7} {
		for _, b := range []int{2, -2, 3} {
			print(a/b, " ", a%b, " | ")
		}
	}
	println()
	var x uint32 = 1
	for i := 0; i < 40; i++ {
		x *= 3
	}
	println(x)
	var y int16 = 1
	for i := 0; i < 20; i++ {
		y = y*3 + 1
	}
	println(y)
	var z int64 = 1
	for i := 0; i < 70; i++ {
		z *= 2
	}
	println(z)
	h := uint64(0xcbf29ce484222325)
	for _, c := range []byte("hash me") {
		h ^= uint64(c)
		h *= 0x100000001b3
	}
	println(h)
	var acc uint8
	for i := 0; i < 1000; i++ {
		acc += uint8(i)
	}
	println(acc)
	a, b := 17, 5
	a, b = b, a%b
	println(a, b, a&^b, a|b<<2, -a>>1, ^a)
}
