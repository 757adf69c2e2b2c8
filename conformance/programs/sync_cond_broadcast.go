// Checks sync.Cond.Broadcast waking every waiter, and a barrier built from a
// Cond that releases N goroutines per generation.
package main

import (
	"runtime"
	"sync"
)

type Barrier struct {
	mu      sync.Mutex
	cond    *sync.Cond
	n       int
	waiting int
	gen     int
}

func NewBarrier(n int) *Barrier {
	b := &Barrier{n: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Barrier) Await() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	gen := b.gen
	b.waiting++
	if b.waiting == b.n {
		b.waiting = 0
		b.gen++
		b.cond.Broadcast()
		return gen
	}
	for gen == b.gen {
		b.cond.Wait()
	}
	return gen
}

func main() {
	const n = 10
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	waiting := 0
	woken := 0
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Go(func() {
			mu.Lock()
			waiting++
			for !ready {
				cond.Wait()
			}
			woken++
			mu.Unlock()
		})
	}
	// Wait until every goroutine is inside Wait (it holds mu while it
	// increments waiting, and Wait releases mu atomically).
	for {
		mu.Lock()
		if waiting == n {
			break
		}
		mu.Unlock()
		runtime.Gosched()
	}
	println("waiting:", waiting, "woken before broadcast:", woken)
	ready = true
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	println("woken after broadcast:", woken)

	// Broadcast with no waiters is a no-op.
	cond.Broadcast()
	cond.Signal()
	println("broadcast without waiters ok")

	// Barrier: 5 goroutines x 4 phases; each phase's sum is recorded
	// only after everyone has finished the previous phase.
	const workers, phases = 5, 4
	b := NewBarrier(workers)
	var dataMu sync.Mutex
	perPhase := make([]int, phases)
	gens := make([]int, workers*phases)
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for p := 0; p < phases; p++ {
				dataMu.Lock()
				perPhase[p] += w + 1
				dataMu.Unlock()
				gens[w*phases+p] = b.Await()
				// After the barrier every worker sees the complete sum.
				dataMu.Lock()
				if perPhase[p] != 15 {
					println("incomplete phase", p)
				}
				dataMu.Unlock()
			}
		})
	}
	wg.Wait()
	for p, s := range perPhase {
		println("phase", p, "sum", s)
	}
	genOK := true
	for i, g := range gens {
		genOK = genOK && g == i%phases
	}
	println("generations ok:", genOK, "final gen:", b.gen)
}
