package runtime

import "unsafe"

// String operations called by generated code. Strings and byte slices share
// the engine's byte array type, so unsafe.String / unsafe.Slice views cost
// nothing.

func unsafestring(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// concatstring2, 3 and 4 concatenate two to four strings (the compiler
// joins chains like a + "/" + b into one call): one allocation, none when
// all parts but one are empty.
func concatstring2(a, b string) string {
	return concatstring4(a, b, "", "")
}

func concatstring3(a, b, c string) string {
	return concatstring4(a, b, c, "")
}

func concatstring4(a, b, c, d string) string {
	n := len(a) + len(b) + len(c) + len(d)
	switch n {
	case len(a):
		return a
	case len(b):
		return b
	case len(c):
		return c
	case len(d):
		return d
	}
	buf := make([]byte, n)
	i := copy(buf, a)
	i += copy(buf[i:], b)
	i += copy(buf[i:], c)
	copy(buf[i:], d)
	return unsafestring(buf)
}

func cmpstring(a, b string) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		ca, cb := a[i], b[i]
		if ca < cb {
			return -1
		}
		if ca > cb {
			return +1
		}
	}
	if len(a) < len(b) {
		return -1
	}
	if len(a) > len(b) {
		return +1
	}
	return 0
}

func eqstring(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func slicebytetostring(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	buf := make([]byte, len(b))
	copy(buf, b)
	return unsafestring(buf)
}

func stringtoslicebyte(s string) []byte {
	buf := make([]byte, len(s))
	copy(buf, s)
	return buf
}

func stringtoslicerune(s string) []rune {
	n := 0
	for range s {
		n++
	}
	a := make([]rune, n)
	n = 0
	for _, r := range s {
		a[n] = r
		n++
	}
	return a
}

func slicerunetostring(a []rune) string {
	size := 0
	for _, r := range a {
		size += runeLen(r)
	}
	buf := make([]byte, size)
	n := 0
	for _, r := range a {
		n += encoderune(buf[n:], r)
	}
	return unsafestring(buf[:n])
}

func runeLen(r rune) int {
	switch {
	case r < 0:
		return 3
	case r <= rune1Max:
		return 1
	case r <= rune2Max:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return 3
	case r <= rune3Max:
		return 3
	case r <= maxRune:
		return 4
	}
	return 3
}

func intstring(v int64) string {
	var buf [4]byte
	r := rune(v)
	if int64(r) != v {
		r = runeError
	}
	n := encoderune(buf[:], r)
	return slicebytetostring(buf[:n])
}
