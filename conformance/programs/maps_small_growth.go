// Maps around the size where they get buckets: inserts, deletes, lookups,
// re-inserts and mutation during iteration at every size from empty to a
// few dozen entries, with string, int and struct keys.
package main

import "sort"

type key struct {
	a int8
	b string
}

func check(n int) {
	ms := map[string]int{}
	mi := make(map[int64]int, n)
	mk := map[key]int{}
	for i := 0; i < n; i++ {
		ms[string(rune('a'+i%26))+string(rune('A'+i/26))] = i
		mi[int64(i*i)] = i
		mk[key{int8(i), "k"}] = i
	}
	// Delete every third, then look everything up.
	for i := 0; i < n; i += 3 {
		delete(ms, string(rune('a'+i%26))+string(rune('A'+i/26)))
		delete(mi, int64(i*i))
		delete(mk, key{int8(i), "k"})
	}
	found := 0
	for i := 0; i < n; i++ {
		if v, ok := ms[string(rune('a'+i%26))+string(rune('A'+i/26))]; ok && v == i {
			found++
		}
		if v, ok := mi[int64(i*i)]; ok && v == i {
			found++
		}
		if v, ok := mk[key{int8(i), "k"}]; ok && v == i {
			found++
		}
	}
	// Re-insert what was deleted, with new values.
	for i := 0; i < n; i += 3 {
		mi[int64(i*i)] = -i
	}
	sum := 0
	for k, v := range mi {
		sum += int(k) + v
	}
	// Mutate while iterating: the entry just produced is deleted and a new
	// one inserted (which iteration may or may not produce: the loop stops
	// after 2n rounds either way).
	seen := 0
	for k := range ms {
		seen++
		delete(ms, k)
		ms["new"+k] = 1
		if seen >= 2*n {
			break
		}
	}
	var keys []string
	for k := range ms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	first := ""
	if len(keys) > 0 {
		first = keys[0]
	}
	println(n, len(ms) > 0 || n == 0, len(mi), len(mk), found, sum, seen > 0 || n == 0, first != "" || n == 0)
}

func main() {
	for n := 0; n <= 40; n++ {
		check(n)
	}
	m := map[int]int{}
	for i := 0; i < 9; i++ {
		m[i] = i
	}
	for i := 0; i < 9; i++ {
		delete(m, i)
	}
	println(len(m))
	for i := 0; i < 20; i++ {
		m[i%10]++
	}
	total := 0
	for _, v := range m {
		total += v
	}
	println(len(m), total)
	clear(m)
	m[3] = 3
	println(len(m), m[3], m[4])
}
