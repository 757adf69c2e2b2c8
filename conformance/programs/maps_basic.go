package main

import "sort"

func keys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	println(len(m), m["two"], m["four"])
	m["four"] = 4
	v, ok := m["four"]
	println(v, ok)
	delete(m, "one")
	delete(m, "nope")
	_, ok = m["one"]
	println(ok, len(m))
	for _, k := range keys(m) {
		print(k, "=", m[k], " ")
	}
	println()
	m2 := make(map[int][]string)
	m2[1] = append(m2[1], "a")
	m2[1] = append(m2[1], "b")
	println(len(m2[1]), m2[1][1], len(m2[2]))
	counts := map[rune]int{}
	for _, r := range "hello world" {
		counts[r]++
	}
	println(counts['l'], counts['o'], counts['z'])
	var nilMap map[string]int
	println(nilMap["x"], len(nilMap))
	clear(m)
	println(len(m))
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i*7] = i
	}
	sum := 0
	for k, v := range big {
		sum += k - v
	}
	println(len(big), sum, big[693])
	for k := range big {
		if k%2 == 0 {
			delete(big, k)
		}
	}
	println(len(big))
}
