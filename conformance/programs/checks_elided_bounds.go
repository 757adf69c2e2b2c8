// Index checks the compiler drops (a byte index into a 256-entry table, an
// index guarded by a loop condition past an inner loop) next to ones it must
// keep (a byte index into a shorter table, an index reached around the
// guard).
package main

var table [256]uint8

var short [100]uint8

func recovered(name string, f func()) {
	defer func() {
		println(name, "recovered:", recover() != nil)
	}()
	f()
}

func byteTable(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += int(table[s[i]])
	}
	return n
}

func byteTablePtr(t *[256]uint8, b byte) uint8 { return t[b] }

func shortTable(b byte) uint8 { return short[b] }

// afterInner writes v[i] after a loop nested in the range over v.
func afterInner(v, u []int) {
	for i := range v {
		s := 0
		for j := range u {
			s += u[j] * (i + 1)
		}
		v[i] = s
	}
}

// aroundGuard reaches v[k] both from inside the loop (k < len(v)) and from
// its exit (k == len(v)): the check must stay.
func aroundGuard(v []int, stop int) int {
	k := 0
	for k < len(v) {
		if k == stop {
			break
		}
		k++
	}
	return v[k]
}

func main() {
	for i := range table {
		table[i] = uint8(i * 7)
	}
	for i := range short {
		short[i] = uint8(i)
	}
	s := ""
	for i := 0; i < 256; i++ {
		s += string(rune(i))
	}
	println("byteTable", byteTable(s), byteTable("hello, world"))
	var sum int
	for b := 0; b < 256; b++ {
		sum += int(byteTablePtr(&table, byte(b)))
	}
	println("byteTablePtr", sum)
	println("shortTable", shortTable(99))
	recovered("shortTable(100)", func() { println(shortTable(100)) })
	recovered("nil table", func() { println(byteTablePtr(nil, 3)) })
	v := make([]int, 5)
	afterInner(v, []int{1, 2, 3})
	println("afterInner", v[0], v[1], v[4])
	afterInner(nil, []int{1})
	println("aroundGuard", aroundGuard(v, 2))
	recovered("aroundGuard past the end", func() { println(aroundGuard(v, -1)) })
}
