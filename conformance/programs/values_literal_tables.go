// Composite-literal tables, appends of listed values, and struct variables
// read after their source changes: the shapes the back end compiles
// specially (tables as data, appends without Go's varargs array, struct
// variables that share their source's object while nothing writes).
package main

type mixed struct {
	b   bool
	i8  int8
	u16 uint16
	i32 int32
	u64 uint64
	f32 float32
	f64 float64
}

type withArray struct {
	lo, hi uint32
	delta  [3]rune
	scale  float64
}

type pair struct {
	k string
	v int
}

var mixedTable = []mixed{
	{true, -128, 65535, -2147483648, 18446744073709551615, 1.5, -2.25},
	{false, 127, 0, 2147483647, 0, -0.125, 1e300},
	{i8: -1, f64: 3.5},
	{},
	{b: true, u64: 1 << 63, f32: 3.4e38},
}

var caseTable = [...]withArray{
	{0x41, 0x5a, [3]rune{0, 32, 0}, 1},
	{0x61, 0x7a, [3]rune{-32, 0, -32}, 0.5},
	{lo: 0xb5, delta: [3]rune{743, 0, 743}},
	{lo: 1, hi: 2},
}

var powers = [...][2]uint64{
	{0x1732c869cd60e453, 0xfa8fd5a0081c0288},
	{0x0e7fbf42ff61d5ce, 0x9c99e58405118198},
	{0, 1},
	{18446744073709551615, 0},
}

var bytesTable = [][4]int8{{-1, 2, -3, 4}, {5, -6, 7, -8}}

var floats = [3][2]float32{{1.25, -0.5}, {3e-38, 1e38}, {}}

// A table in a function: built on every call, each call its own.
func local() []mixed {
	return []mixed{{i8: 1}, {i8: 2}, {i8: 3}}
}

// Slices whose capacities are printed escape (gc backs non-escaping
// appends with a stack buffer, which changes cap).
var (
	b  []byte
	s  []string
	a  []any
	fs []float64
	zs []int
)

func appends() {
	for i := 0; i < 40; i++ {
		b = append(b, byte('a'+i%26))
		println(len(b), cap(b))
	}
	println(string(b))
	s = append(s, "x")
	s = append(s, "y", "z")
	s = append(s, s...)
	s = append(s[:2], "w")
	println(len(s), cap(s), s[0], s[1], s[2])
	a = append(a, 1, "two", 3.0, nil, []int{4})
	println(len(a), cap(a), a[0].(int), a[1].(string), a[2].(float64), a[3] == nil, a[4].([]int)[0])
	fs = make([]float64, 2, 3)
	g := append(fs, 1.5)
	h := append(fs, 2.5) // shares g's array
	println(g[2], h[2], len(g), cap(g))
	fs = append(g, 7, 8, 9, 10, 11, 12, 13, 14)
	println(len(fs), cap(fs), fs[10])
	var bs []bool
	bs = append(bs, true, false, true)
	println(len(bs), bs[0], bs[1], bs[2])
	var ps []pair
	ps = append(ps, pair{"a", 1}, pair{"b", 2})
	println(len(ps), ps[1].k, ps[1].v)
	var pp []*pair
	pp = append(pp, &ps[0], nil)
	pp[0].v = 10
	println(ps[0].v, pp[1] == nil)
	x := []int{1, 2, 3}
	x = append(x, x...)
	y := append([]int(nil), x[1:3]...)
	y = append(y, 9)
	println(len(x), x[3], len(y), y[0], y[2])
	zs = append([]int(nil), 5)
	println(len(zs), cap(zs), zs[0])
}

func structVars() {
	arr := []pair{{"a", 1}, {"b", 2}, {"c", 3}}
	for i := range arr {
		p := arr[i]
		arr[i].v = 100 // p keeps the old value
		println(p.k, p.v, arr[i].v)
	}
	for _, p := range arr {
		if p.v > 50 {
			arr[0].v = -1
			println(p.v)
		}
	}
	q := pair{"q", 1}
	r := q
	q.v = 2
	println(r.v, q.v)
	m := mixedTable[0]
	mixedTable[0].i8 = 0
	println(m.i8, mixedTable[0].i8)
	t := caseTable[0]
	caseTable[0].delta[1] = 99
	println(t.delta[1], caseTable[0].delta[1])
}

func main() {
	for _, m := range mixedTable {
		println(m.b, m.i8, m.u16, m.i32, m.u64, m.f32, m.f64)
	}
	for _, c := range caseTable {
		println(c.lo, c.hi, c.delta[0], c.delta[1], c.delta[2], c.scale)
	}
	for _, p := range powers {
		println(p[0], p[1])
	}
	println(bytesTable[0][0], bytesTable[0][3], bytesTable[1][1], bytesTable[1][2])
	println(floats[0][0], floats[0][1], floats[1][0], floats[1][1], floats[2][1])
	l1, l2 := local(), local()
	l1[0].i8 = 9
	println(l1[0].i8, l2[0].i8, l2[2].i8)
	appends()
	structVars()
}
