// Checks sync.Map: Store/Load/LoadOrStore/LoadAndDelete/Delete/Swap,
// CompareAndSwap/CompareAndDelete, Range (sorted before printing), Clear,
// and concurrent use from many goroutines.
package main

import (
	"slices"
	"strconv"
	"sync"
)

func dump(label string, m *sync.Map) {
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(string)+"="+strconv.Itoa(v.(int)))
		return true
	})
	slices.Sort(keys)
	print(label, ":")
	for _, k := range keys {
		print(" ", k)
	}
	println()
}

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	m.Store("c", 3)
	v, ok := m.Load("b")
	println("load b:", v.(int), ok)
	v, ok = m.Load("zz")
	println("load zz:", v == nil, ok)

	actual, loaded := m.LoadOrStore("a", 100)
	println("LoadOrStore a:", actual.(int), loaded)
	actual, loaded = m.LoadOrStore("d", 4)
	println("LoadOrStore d:", actual.(int), loaded)

	prev, loaded := m.Swap("c", 30)
	println("Swap c:", prev.(int), loaded)
	prev, loaded = m.Swap("e", 5)
	println("Swap e:", prev == nil, loaded)

	println("CAS b 2->20:", m.CompareAndSwap("b", 2, 20))
	println("CAS b 2->21:", m.CompareAndSwap("b", 2, 21))
	println("CAS missing:", m.CompareAndSwap("q", nil, 1))
	println("CAD d 5:", m.CompareAndDelete("d", 5))
	println("CAD d 4:", m.CompareAndDelete("d", 4))

	v, loaded = m.LoadAndDelete("e")
	println("LoadAndDelete e:", v.(int), loaded)
	v, loaded = m.LoadAndDelete("e")
	println("LoadAndDelete e again:", v == nil, loaded)
	m.Delete("nothing")
	dump("after ops", &m)

	// Range stops when f returns false.
	visited := 0
	m.Range(func(k, v any) bool {
		visited++
		return false
	})
	println("range visited with early stop:", visited)

	m.Clear()
	dump("after Clear", &m)

	// Concurrent writers on disjoint and shared keys.
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 100; i++ {
				key := "k" + strconv.Itoa(i%10)
				for {
					old, _ := m.LoadOrStore(key, 0)
					if m.CompareAndSwap(key, old, old.(int)+1) {
						break
					}
				}
				m.Store("g"+strconv.Itoa(g), i)
			}
		})
	}
	wg.Wait()
	dump("concurrent", &m)

	// Keys of different dynamic types are distinct.
	var mixed sync.Map
	mixed.Store(1, "int one")
	mixed.Store(int64(1), "int64 one")
	mixed.Store("1", "string one")
	for _, k := range []any{1, int64(1), "1", uint(1)} {
		v, ok := mixed.Load(k)
		if ok {
			println("mixed:", v.(string))
		} else {
			println("mixed: missing")
		}
	}
}
