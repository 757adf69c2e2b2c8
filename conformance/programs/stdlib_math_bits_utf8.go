package main

import (
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

func main() {
	println(bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.OnesCount64(0xff00ff), bits.Len(255))
	println(bits.RotateLeft32(1, -1), bits.Reverse8(1), bits.ReverseBytes16(0x1234))
	sum, carry := bits.Add64(math.MaxUint64, 1, 0)
	println(sum, carry)
	hi, lo := bits.Mul64(1<<40, 1<<40)
	println(hi, lo)
	q, r := bits.Div64(1, 0, 3)
	println(q, r)
	println(math.MaxInt64, math.Pi, math.E, math.Cbrt(27), math.Log2(1024))
	println(math.IsInf(math.Inf(-1), -1), math.Signbit(-1))
	fr, ex := math.Frexp(10)
	println(fr, ex, math.Ldexp(0.5, 4))
	ip, fp := math.Modf(3.75)
	println(ip, fp, math.Remainder(10, 3), math.Copysign(3, -1))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	println(n, buf[0], buf[1], buf[2])
	rr, size := utf8.DecodeRuneInString("€uro")
	println(rr, size, utf8.RuneLen('a'), utf8.RuneLen('世'))
	println(utf8.ValidString("ok"), utf8.ValidString("\xff"), utf8.RuneCountInString("日本語"))
	lr, ls := utf8.DecodeLastRuneInString("añ")
	println(lr, ls, utf8.FullRune([]byte{0xe2, 0x82}))
	println(unicode.IsUpper('A'), unicode.IsLetter('é'), unicode.IsDigit('٣'), unicode.IsSpace('\t'))
	println(unicode.ToUpper('ß'), unicode.ToLower('Ä'), unicode.IsPunct('!'))
}
