package main

import "sort"

func main() {
	m := map[int]bool{}
	for i := 0; i < 20; i++ {
		m[i] = true
	}
	seen := 0
	for k := range m {
		seen++
		delete(m, k)
		delete(m, 19-k)
	}
	println(seen <= 20, len(m))
	counts := map[string]int{}
	text := "the quick brown fox jumps over the lazy dog the end"
	word := ""
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			counts[word]++
			word = ""
		} else {
			word += string(text[i])
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		print(k, ":", counts[k], " ")
	}
	println()
	nested := map[string]map[string]int{}
	add := func(a, b string) {
		if nested[a] == nil {
			nested[a] = map[string]int{}
		}
		nested[a][b]++
	}
	add("x", "y")
	add("x", "y")
	add("x", "z")
	println(nested["x"]["y"], nested["x"]["z"], len(nested["q"]))
	type pt struct{ x, y int }
	visited := map[pt]bool{}
	for i := 0; i < 5; i++ {
		visited[pt{i % 3, i % 2}] = true
	}
	println(len(visited), visited[pt{1, 1}], visited[pt{2, 1}])
	ms := map[string][]int{}
	ms["a"] = append(ms["a"], 1, 2)
	sl := ms["a"]
	sl[0] = 100
	println(ms["a"][0])
}
