package main

func shl(x int32, s uint) int32  { return x << s }
func shr(x int32, s uint) int32  { return x >> s }
func ushr(x uint8, s int) uint8  { return x >> s }
func shl64(x int64, s int) int64 { return x << s }

func main() {
	for _, s := range []uint{0, 1, 7, 31, 32, 33, 64, 100} {
		println(s, shl(1, s), shr(-8, s), shr(8, s))
	}
	for _, s := range []int{0, 3, 8, 9} {
		println(ushr(200, s), shl64(3, s*8))
	}
	var x uint64 = 0xFFFF_0000_FFFF_0000
	println(x>>16, x<<8, int64(x)>>60)
	var k int8 = -1
	println(k<<7, k>>7, uint8(k)>>7)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	n := -1
	println(1 << n)
}
