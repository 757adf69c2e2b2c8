package runtime

import (
	"internal/strconv"
	"unsafe"
)

// The print/println builtins compile to calls of these functions, as with
// gc. Output goes to standard error, unbuffered.

func gwrite(b []byte) {
	if printCapture != nil {
		*printCapture = append(*printCapture, b...)
	}
	writeErr(b)
}

// printCapture, when set, also receives what print writes: the message of
// an unrecovered panic, which the host is given as well (hostAbort).
var printCapture *[]byte

func bytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func printlock()   {}
func printunlock() {}

func printsp() {
	printstring(" ")
}

func printnl() {
	printstring("\n")
}

func printbool(v bool) {
	if v {
		printstring("true")
	} else {
		printstring("false")
	}
}

// float64 requires 1+17+1+1+1+3 = 24 bytes max.
const float64Bytes = 24

func printfloat64(v float64) {
	var buf [float64Bytes]byte
	gwrite(strconv.AppendFloat(buf[:0], v, 'g', -1, 64))
}

const float32Bytes = 15

func printfloat32(v float32) {
	var buf [float32Bytes]byte
	gwrite(strconv.AppendFloat(buf[:0], float64(v), 'g', -1, 32))
}

const complex128Bytes = 2*float64Bytes + 3

func printcomplex128(c complex128) {
	var buf [complex128Bytes]byte
	gwrite(strconv.AppendComplex(buf[:0], c, 'g', -1, 128))
}

const complex64Bytes = 2*float32Bytes + 3

func printcomplex64(c complex64) {
	var buf [complex64Bytes]byte
	gwrite(strconv.AppendComplex(buf[:0], complex128(c), 'g', -1, 64))
}

func printuint(v uint64) {
	var buf [20]byte
	gwrite(itoa(buf[:], v))
}

func printint(v int64) {
	if v < 0 {
		gwrite([]byte{'-'})
		v = -v
	}
	printuint(uint64(v))
}

func printhexopts(include0x bool, mindigits int, v uint64) {
	var buf [100]byte
	digits := hexDigits(buf[2:], v, mindigits)
	if include0x {
		i := len(buf) - len(digits) - 2
		buf[i], buf[i+1] = '0', 'x'
		digits = buf[i:]
	}
	gwrite(digits)
}

// hexDigits formats v in lower-case hexadecimal, at least mindigits
// digits, at the end of buf, and returns them.
func hexDigits(buf []byte, v uint64, mindigits int) []byte {
	i := len(buf)
	for i--; i > 0; i-- {
		buf[i] = "0123456789abcdef"[v%16]
		if v < 16 && len(buf)-i >= mindigits {
			break
		}
		v /= 16
	}
	return buf[i:]
}

func printhex(v uint64) {
	printhexopts(true, 0, v)
}

// printpointer prints a pointer. Objects have no addresses under
// WebAssembly GC: nil prints as 0x0 and any other pointer as a stable
// non-zero placeholder.
func printpointer(isNil bool) {
	if isNil {
		printhex(0)
	} else {
		printhex(0xc000010000)
	}
}

func printuintptr(p uintptr) {
	printhex(uint64(p))
}

func printstring(s string) {
	gwrite(bytes(s))
}

func printslice(isNil bool, n, c int) {
	print("[", n, "/", c, "]")
	printpointer(isNil)
}

func printeface(e any) {
	print("(")
	printpointer(efaceType(e) == nil)
	print(",")
	printpointer(efaceType(e) == nil)
	print(")")
}
