// Integers and booleans in interfaces, which gowasm carries as i31
// references when they fit in 31 bits and boxes otherwise: values on both
// sides of the boundary for every integer type, equality and hashing
// across the two forms, map keys and values, type switches and named
// types.
package main

type celsius int16

type flags uint64

func describe(v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "bool true"
		}
		return "bool false"
	case int8, int16, int32, int64, int:
		return "signed"
	case uint8, uint16, uint32, uint64, uint, uintptr:
		return "unsigned"
	case celsius:
		return "celsius"
	case flags:
		return "flags"
	}
	return "other"
}

func main() {
	const lim = 1 << 30
	values := []any{
		true, false,
		int8(-128), int8(127), uint8(255), int16(-32768), uint16(65535),
		int32(-lim - 1), int32(-lim), int32(lim - 1), int32(lim), int32(-1 << 31), int32(1<<31 - 1),
		uint32(lim - 1), uint32(lim), uint32(1<<32 - 1),
		int64(-lim - 1), int64(-lim), int64(lim - 1), int64(lim), int64(-1 << 63), int64(1<<63 - 1),
		uint64(lim - 1), uint64(lim), uint64(1<<64 - 1),
		int(-1), uint(7), uintptr(lim), rune('é'), celsius(-40), flags(1 << 40),
	}
	for i, v := range values {
		println(i, describe(v), v == values[i])
	}
	for _, v := range values {
		switch x := v.(type) {
		case int32:
			println("int32", x, x+1)
		case int64:
			println("int64", x, x-1)
		case uint32:
			println("uint32", x, x+1)
		case uint64:
			println("uint64", x, x/3)
		}
	}

	// Equal values made separately, in and out of the i31 range.
	a, b := int64(lim-1), int64(lim)
	var x1, x2 any = a, a
	var y1, y2 any = b, b
	println("equal", x1 == x2, y1 == y2, x1 == y1, any(int32(5)) == any(int64(5)))

	counts := map[any]int{}
	for i := 0; i < 3; i++ {
		counts[int64(lim-1)]++
		counts[int64(lim)]++
		counts[uint8(200)]++
		counts[true]++
		counts[celsius(3)]++
	}
	println("counts", len(counts), counts[int64(lim-1)], counts[int64(lim)], counts[uint8(200)], counts[true], counts[celsius(3)], counts[int(3)])

	m := map[string]int{}
	for i := 0; i < 100; i++ {
		m["k"]++
		m["big"] += 1 << 29
	}
	println("map values", m["k"], m["big"])

	neg := map[int]int64{}
	for i := -3; i <= 3; i++ {
		neg[i] = int64(i) * (1 << 31)
	}
	println("neg", neg[-3], neg[0], neg[3])

	var zero any = int64(0)
	n, ok := zero.(int64)
	println("zero", n, ok)
	u, ok := values[4].(uint8)
	println("uint8", u, ok)
	_, ok = values[2].(int8)
	println("not int8", ok)
}
