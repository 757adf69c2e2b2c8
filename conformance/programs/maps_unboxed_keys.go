// Maps with string and 64-bit integer keys, which the runtime holds
// unboxed: inserts through every path (assignment, read-modify-write, a
// key viewing a byte slice), iteration with and without keys, deletes
// while iterating, clear, maps.Clone, named key types, and an
// interface-keyed map holding such keys next to them.
package main

import (
	"maps"
	"slices"
	"strconv"
)

type name string

type id uint64

func sortedKeys[K ~string, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}

func main() {
	m := map[string]int{}
	for i := 0; i < 40; i++ {
		m["k"+strconv.Itoa(i%25)] += i
	}
	buf := []byte("k7")
	m[string(buf)] += 1000
	buf[1] = 'x'
	m[string(buf)]++
	println("len", len(m), m["k7"], m["kx"], m["k24"], m["missing"])
	keys := sortedKeys(m)
	println("keys", len(keys), keys[0], keys[len(keys)-1])

	sum := 0
	for _, v := range m {
		sum += v
	}
	n := 0
	for range m {
		n++
	}
	println("sum", sum, "n", n)

	for k := range m {
		if len(k) == 3 {
			delete(m, k)
		}
	}
	println("after delete", len(m), sortedKeys(m)[0])

	c := maps.Clone(m)
	c["k0"] = -1
	c["new"] = 5
	println("clone", len(c), c["k0"], m["k0"], c["new"], c["k1"])

	named := map[name][]string{}
	for _, w := range []string{"b", "a", "b", "c", "a", "b"} {
		named[name(w)] = append(named[name(w)], w+strconv.Itoa(len(named[name(w)])))
	}
	for _, k := range sortedKeys(named) {
		println("named", k, len(named[k]), named[k][len(named[k])-1])
	}

	anyKeys := map[any]int{"s": 1, 2: 2, name("s"): 3}
	anyKeys["s"] += 10
	println("any", anyKeys["s"], anyKeys[2], anyKeys[name("s")], len(anyKeys))

	clear(m)
	m["again"] = 1
	for k, v := range m {
		println("cleared", k, v, len(m))
	}
	ints := map[int]int{}
	for i := -20; i < 20; i++ {
		ints[i*(1<<40)] += i
		ints[i%3]++
	}
	isum, icount := 0, 0
	for k, v := range ints {
		isum += k/(1<<20) + v
		icount++
	}
	println("ints", len(ints), ints[-19*(1<<40)], ints[0], ints[-2], isum, icount)
	for k := range ints {
		if k < 0 {
			delete(ints, k)
		}
	}
	ic := maps.Clone(ints)
	ic[1<<62]++
	println("ints after", len(ints), len(ic), ic[1<<62], ic[2])
	ids := map[id]string{1<<64 - 1: "max", 0: "zero", 1 << 63: "top"}
	ids[1<<64-1] += "!"
	for _, k := range slices.Sorted(maps.Keys(ids)) {
		println("id", uint64(k), ids[k])
	}
	mixed := map[any]bool{int64(5): true, 5: true, id(5): true}
	println("mixed", len(mixed), mixed[int64(5)], mixed[uint64(5)])

	var nilMap map[string]bool
	for k := range nilMap {
		println("never", k)
	}
	println("nil", nilMap["x"], len(nilMap))
}
