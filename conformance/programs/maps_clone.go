// maps.Clone: the copy holds the same entries and is independent of the
// original afterwards; a nil map clones to nil.
package main

import (
	"maps"
	"slices"
)

type point struct{ x, y int }

func main() {
	var nilMap map[string]int
	c0 := maps.Clone(nilMap)
	println(c0 == nil, len(c0))

	m := map[string]int{}
	for i := 0; i < 20; i++ {
		m[string(rune('a'+i))] = i
	}
	delete(m, "c")
	delete(m, "q")
	c := maps.Clone(m)
	c["a"] = 100
	delete(c, "b")
	c["new"] = 7
	m["z"] = -1
	println(len(m), len(c), m["a"], c["a"], m["b"], c["b"], c["new"], m["new"], c["z"])
	keys := slices.Sorted(maps.Keys(c))
	println(len(keys), keys[0], keys[len(keys)-1])

	small := map[int]point{1: {1, 2}, 2: {3, 4}}
	sc := maps.Clone(small)
	p := sc[1]
	p.x = 9
	sc[1] = p
	println(small[1].x, sc[1].x, len(sc))

	anys := map[any]any{1: "one", "two": 2, point{1, 1}: nil}
	ac := maps.Clone(anys)
	println(len(ac), ac[1].(string), ac["two"].(int), ac[point{1, 1}] == nil)
	println(maps.Equal(m, c), maps.Equal(small, map[int]point{1: {1, 2}, 2: {3, 4}}))
}
