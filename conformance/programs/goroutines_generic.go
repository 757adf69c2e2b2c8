// Checks generic functions and methods of generic types used as goroutine
// targets, and generic channel helpers (parallel map, merge, reduce).
package main

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

type Number interface {
	~int | ~int64 | ~float64
}

func ParallelMap[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	var wg sync.WaitGroup
	for i, v := range in {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(v)
		}()
	}
	wg.Wait()
	return out
}

func SumTo[T Number](vals []T, out chan<- T) {
	var s T
	for _, v := range vals {
		s += v
	}
	out <- s
}

func Emit[T any](vals []T) <-chan T {
	ch := make(chan T)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

type Box[T any] struct {
	mu    sync.Mutex
	items []T
}

func (b *Box[T]) Put(v T, wg *sync.WaitGroup) {
	defer wg.Done()
	b.mu.Lock()
	b.items = append(b.items, v)
	b.mu.Unlock()
}

type Celsius float64

func main() {
	squares := ParallelMap([]int{1, 2, 3, 4, 5}, func(n int) int { return n * n })
	println("squares:", squares[0], squares[1], squares[2], squares[3], squares[4])
	labels := ParallelMap([]int{7, 8, 9}, func(n int) string { return "#" + strconv.Itoa(n) })
	println("labels:", strings.Join(labels, ","))

	ints := make(chan int)
	go SumTo([]int{1, 2, 3, 4}, ints)
	println("int sum:", <-ints)
	temps := make(chan Celsius)
	go SumTo[Celsius]([]Celsius{20.5, 21.5, 3}, temps)
	println("celsius sum:", float64(<-temps) == 45)
	big := make(chan int64, 1)
	go SumTo([]int64{1 << 40, 1 << 40}, big)
	println("int64 sum:", <-big)

	var words []string
	for w := range Emit([]string{"go", "wasm", "gc"}) {
		words = append(words, strings.ToUpper(w))
	}
	println("emitted:", strings.Join(words, " "))

	// Generic method values as go targets.
	var b Box[string]
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go b.Put("item"+strconv.Itoa(i), &wg)
	}
	wg.Wait()
	slices.Sort(b.items)
	println("box:", strings.Join(b.items, " "))

	var pairs Box[[2]int]
	put := pairs.Put
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go put([2]int{i, i * i}, &wg)
	}
	wg.Wait()
	total := 0
	for _, p := range pairs.items {
		total += p[0] + p[1]
	}
	println("pairs:", len(pairs.items), "total:", total)
}
