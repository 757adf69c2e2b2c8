package main

import "math"

func main() {
	a, b := 0.1, 0.2
	println(a+b, a*b, a/b, a-b)
	var f32 float32 = 0.1
	println(f32, f32*3, float64(f32))
	inf := math.Inf(1)
	nan := math.NaN()
	println(inf, -inf, nan, inf-inf, 1/inf)
	println(nan == nan, nan != nan, nan < 1, inf > 1e308)
	z := 0.0
	nz := -z
	println(z, nz, 1/nz, z == nz, math.Signbit(nz))
	p, q, big := 3.99, -3.99, 1e40
	println(int(p), int(q), int64(1e18), uint8(255.0), float32(big) > 1e38)
	println(float64(int64(1<<53+1)), float32(16777217))
	x := 1e21
	println(x, 1e20, 123456789.0, 0.000001, 1e-7)
	println(math.MaxFloat64, math.SmallestNonzeroFloat64, float32(math.MaxFloat32))
	var h float64 = 2.5
	println(math.Floor(h), math.Ceil(h), math.Trunc(-h), math.Round(h), math.Abs(-h))
	println(math.Mod(7, 3), math.Sqrt(16), math.Pow(2, 0.5), math.Exp(1), math.Log(10))
	println(math.Sin(1), math.Cos(1), math.Atan2(1, 1), math.Hypot(3, 4))
	println(math.Float64bits(1.5), math.Float64frombits(0x4000000000000000), math.Float32bits(1))
}
