package main

import "math"

func main() {
	println(math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16)
	println(math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64)
	println(uint64(math.MaxUint64), math.MaxUint32, math.MaxUint16, math.MaxUint8)
	var x int64 = math.MinInt64
	println(x/-1, x%-1, -x, x-1)
	var y int32 = math.MinInt32
	println(y/-1, y%-1)
	println(min(3, 1, 2), max(3, 1, 2), min(2.5, -1.0), max("a", "b", "ab"))
	println(min(math.NaN(), 1), max(-0.0, 0.0), min(-0.0, 0.0))
	var u uintptr = 12345
	println(u, u*2)
}
