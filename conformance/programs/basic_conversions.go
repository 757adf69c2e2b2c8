package main

import "math"

type Celsius float64
type ID uint16

func main() {
	f := 3.7
	println(int(f), int(-f), uint8(f), int64(f*1e10))
	i := 1<<40 + 5
	println(float64(i), float32(i), int32(i), uint16(i))
	var id ID = 65535
	id++
	println(id, int(id), ID(70000%65536))
	c := Celsius(36.6)
	println(float64(c)*2, int(c))
	var u8 uint8 = 255
	println(int8(u8), int16(u8), uint32(int8(u8)))
	var i32 int32 = -1
	println(uint32(i32), uint64(i32), int64(uint32(i32)))
	println(float32(math.Pi), float64(float32(math.Pi)) == math.Pi)
	b := byte('a')
	r := rune(b) + 1
	println(b, r, string(r))
	var big uint64 = math.MaxUint64
	println(float64(big), uint32(big), int8(big))
	h := 0.5
	println(int(h), int(-h), int(math.Round(-h)))
	neg := -7
	println(uint(neg)%10, uint8(neg))
}
