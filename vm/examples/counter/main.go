// The Go side of vm/examples/reactor.rs: a program whose functions the
// embedder calls, again and again, on one long-lived instance
// (//go:wasmexport), with goroutines that go on between calls.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var (
	total int64
	// A worker goroutine, started by package initialization, counts the
	// words of the lines count_words hands it.
	lines  = make(chan string)
	counts = make(chan int)
	words  = map[string]int{}
	// Goroutines spawn starts; they run while calls block.
	wg       sync.WaitGroup
	progress int32
)

func init() {
	go func() {
		for line := range lines {
			fields := strings.Fields(line)
			for _, w := range fields {
				words[strings.ToLower(w)]++
			}
			counts <- len(fields)
		}
	}()
}

//go:wasmexport add
func add(n int64) int64 {
	total += n
	return total
}

// countWords blocks on the worker goroutine, which runs meanwhile.
//
//go:wasmexport count_words
func countWords(line string) int32 {
	lines <- line
	return int32(<-counts)
}

//go:wasmexport top
func top(n int32) string {
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Slice(keys, func(i, j int) bool {
		if words[keys[i]] != words[keys[j]] {
			return words[keys[i]] > words[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	for i, w := range keys {
		if int32(i) == n {
			break
		}
		fmt.Fprintf(&b, "%s=%d ", w, words[w])
	}
	return strings.TrimSpace(b.String())
}

// spawn starts n goroutines and returns at once.
//
//go:wasmexport spawn
func spawn(n int32) {
	for i := int32(0); i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			progress++
		}()
	}
}

// wait waits for the goroutines spawn started.
//
//go:wasmexport wait
func wait() int32 {
	wg.Wait()
	return progress
}

//go:wasmexport checksum
func checksum(data []byte, scale float64, negate bool) float64 {
	sum := 0.0
	for _, b := range data {
		sum += float64(b)
	}
	if negate {
		sum = -sum
	}
	return sum * scale
}

//go:wasmexport fail
func fail(why string) {
	panic("fail: " + why)
}

func main() {}
