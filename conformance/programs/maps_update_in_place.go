// Read-modify-write of map entries (m[k]++, m[k] += v, m[k] =
// append(m[k], v)): the back end updates the entry the lookup found. The
// entry must still be the key's when the update happens.
package main

import (
	"maps"
	"slices"
)

type point struct{ x, y int }

func main() {
	words := []string{"a", "b", "a", "c", "b", "a", "dd", "", "dd"}
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		println(k, counts[k])
	}

	lists := map[string][]int{}
	for i, w := range words {
		lists[w] = append(lists[w], i)
	}
	for _, k := range slices.Sorted(maps.Keys(lists)) {
		println(k, len(lists[k]), lists[k][0])
	}

	sums := map[int64]float64{}
	for i := int64(0); i < 20; i++ {
		sums[i%3] += float64(i) / 2
	}
	println(sums[0], sums[1], sums[2], len(sums))

	// The update's key differs from the lookup's: no sharing.
	m := map[string]int{"x": 1}
	m["y"] = m["x"] + 1
	println(m["x"], m["y"], len(m))

	// The map changes between the lookup and the update.
	d := map[string]int{"k": 5}
	v := d["k"]
	delete(d, "k")
	d["k"] = v + 1
	println(d["k"], len(d))

	grow := map[string]int{"a": 1}
	old := grow["a"]
	for i := 0; i < 100; i++ {
		grow[string(rune('A'+i%26))+string(rune('a'+i/26))] = i
	}
	grow["a"] = old + 10
	println(grow["a"], len(grow))

	z := map[string]int{"z": 7}
	n := z["z"]
	clear(z)
	z["z"] = n + 1
	println(z["z"], len(z))

	// Struct values: the lookup's copy is independent of the entry.
	pts := map[string]point{"p": {1, 2}}
	p := pts["p"]
	p.x = 10
	pts["p"] = point{p.x, pts["p"].y + 1}
	println(pts["p"].x, pts["p"].y)

	// Interface values and string concatenation.
	anys := map[string]any{}
	anys["s"] = "x"
	anys["s"] = anys["s"].(string) + "y"
	println(anys["s"].(string))
	strs := map[int64]string{}
	for i := int64(0); i < 5; i++ {
		strs[i%2] += "ab"[i%2 : i%2+1]
	}
	println(strs[0], strs[1])

	// Keys converted from byte slices: looked up without a copy, copied
	// when inserted.
	buf := []byte("abcabd")
	seen := map[string]int{}
	for i := 0; i+3 <= len(buf); i++ {
		seen[string(buf[i:i+3])]++
	}
	buf[0] = 'x'
	seen[string(buf[:3])]++
	seen[string(buf[3:])] += 5
	if _, ok := seen[string(buf[1:4])]; ok {
		println("found bca")
	}
	for _, k := range slices.Sorted(maps.Keys(seen)) {
		println(k, seen[k])
	}

	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	var nilMap map[string]int
	println(nilMap["q"])
	nilMap["q"]++
}
