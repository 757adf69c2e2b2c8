package main

func main() {
	var a int8 = 127
	a++
	println(a)
	var b uint8 = 0
	b--
	println(b)
	var c int16 = -32768
	c--
	println(c)
	var d uint16 = 65535
	d += 2
	println(d)
	var e int32 = 2147483647
	e += 10
	println(e)
	var f uint32 = 1 << 31
	f *= 2
	println(f)
	var g int64 = 9223372036854775807
	g++
	println(g)
	var h uint64 = 0
	h--
	println(h)
	var x int8 = -128
	println(-x, x/-1, x*x)
	var m uint8 = 200
	println(m+m, m*3, m<<1, m>>3)
	var n int = -7
	println(n/2, n%2, -n/2, (-n)%3, n>>1, uint(n)>>60)
	var u uint = 18446744073709551615
	println(u, u/3, u%1000)
	var s16 int16 = 300
	println(int8(s16), uint8(s16), int32(s16)*1000)
	var big int64 = 1 << 40
	println(int32(big), uint32(big+5), int16(big-1))
}
