// Checks sync.Mutex protecting shared state incremented by 1000 goroutines,
// TryLock behaviour, and a mutex embedded in a struct with methods.
package main

import (
	"runtime"
	"sync"
)

type Counter struct {
	mu     sync.Mutex
	n      int
	byKind map[string]int
}

func (c *Counter) Inc(kind string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	c.byKind[kind]++
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func main() {
	c := &Counter{byKind: map[string]int{}}
	var wg sync.WaitGroup
	kinds := []string{"red", "green", "blue"}
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc(kinds[i%3])
			if i%10 == 0 {
				runtime.Gosched()
			}
			c.Inc("all")
		}(i)
	}
	wg.Wait()
	println("total:", c.Value())
	for _, k := range append(kinds, "all") {
		println(k, c.byKind[k])
	}

	// Unprotected read-modify-write split across a Gosched would race;
	// the mutex makes the interleaving irrelevant.
	var mu sync.Mutex
	shared := 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				mu.Lock()
				v := shared
				runtime.Gosched()
				shared = v + 1
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	println("shared:", shared)

	// TryLock.
	var m sync.Mutex
	println("trylock free:", m.TryLock())
	println("trylock held:", m.TryLock())
	held := make(chan bool)
	go func() {
		held <- m.TryLock()
	}()
	println("trylock from goroutine:", <-held)
	m.Unlock()
	println("trylock after unlock:", m.TryLock())
	m.Unlock()

	// Lock handed to another goroutine: unlock may happen on a different
	// goroutine than the one that locked.
	m.Lock()
	released := make(chan struct{})
	go func() {
		m.Unlock()
		close(released)
	}()
	<-released
	m.Lock()
	println("relocked after foreign unlock")
	m.Unlock()
}
