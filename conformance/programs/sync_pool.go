// Checks basic sync.Pool use: New is called when the pool is empty, Get
// without New returns nil, and pooled buffers reused across goroutines give
// correct results. Reuse counts are not printed (the pool may drop items).
package main

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

type buffer struct {
	data []byte
}

var created atomic.Int32

var bufPool = sync.Pool{
	New: func() any {
		created.Add(1)
		return &buffer{data: make([]byte, 0, 64)}
	},
}

func render(n int) string {
	b := bufPool.Get().(*buffer)
	b.data = b.data[:0]
	for i := 0; i < n; i++ {
		if i > 0 {
			b.data = append(b.data, ',')
		}
		b.data = strconv.AppendInt(b.data, int64(i*n), 10)
	}
	s := string(b.data)
	bufPool.Put(b)
	return s
}

func main() {
	var empty sync.Pool
	println("Get on empty pool without New is nil:", empty.Get() == nil)

	first := bufPool.Get()
	println("first Get created:", created.Load(), "cap:", cap(first.(*buffer).data))
	bufPool.Put(first)

	println(render(3))
	println(render(5))
	println(render(1))

	var wg sync.WaitGroup
	results := make([]string, 64)
	for i := range results {
		wg.Go(func() {
			results[i] = render(i % 7)
		})
	}
	wg.Wait()
	ok := true
	for i, r := range results {
		n := i % 7
		want := make([]string, n)
		for j := range want {
			want[j] = strconv.Itoa(j * n)
		}
		if r != strings.Join(want, ",") {
			ok = false
			println("bad result", i, r)
		}
	}
	println("concurrent results ok:", ok)
	c := created.Load()
	println("created at least 1:", c >= 1, "at most one per Get:", c <= 1+3+64)

	// A pool of different value kinds.
	var p sync.Pool
	p.Put("hello")
	v := p.Get()
	println("got back hello or nothing:", v == nil || v.(string) == "hello")
	p.New = func() any { return 42 }
	x := p.Get()
	println("New or pooled value:", x == 42 || x == "hello")
	p.Put(7)
	p.Put(8)
	y := p.Get()
	println("Get after two Puts is one of them or New:", y == 7 || y == 8 || y == 42)
}
