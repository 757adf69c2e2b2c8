package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
)

type Flags uint8

const (
	F1 Flags = 1 << iota
	F2
	F3
)

const huge = 1 << 100
const pi = 3.14159265358979323846264338327950288419716939937510582097494459

func main() {
	println(Sunday, Monday, Tuesday, Thursday)
	println(KB, MB, GB)
	println(a, b, c, d)
	println(F1, F2, F3, F1|F3, F3&^F1)
	println(huge>>98, pi, float32(pi))
	const s = "con" + "cat"
	println(s, len(s), s[1])
	var r rune = 'Ω'
	var by byte = 'A' + 2
	println(r, by, string(r), string(rune(by)))
	println(7/2, 7.0/2, -7/2, 7%-2, 1e3)
	println(int64(^uint32(0)), ^0, ^uint8(0), -(-128))
}
