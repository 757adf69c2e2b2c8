// Checks runtime.Gosched yielding: goroutines take turns via a shared atomic
// turn counter, spinning with Gosched until it is their turn, so the output
// order is fixed regardless of GOMAXPROCS.
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	var turn atomic.Int32
	var wg sync.WaitGroup
	var log []string // appended only by the goroutine whose turn it is
	names := []string{"ping", "pong"}
	for id := 0; id < 2; id++ {
		wg.Go(func() {
			for round := 0; round < 5; round++ {
				for turn.Load()%2 != int32(id) {
					runtime.Gosched()
				}
				log = append(log, names[id])
				turn.Add(1)
			}
		})
	}
	wg.Wait()
	for i, s := range log {
		println(i, s)
	}

	// Three-way rotation with per-goroutine counters.
	const players = 3
	var next atomic.Int32
	counts := make([]int, players)
	seq := make([]int, 0, 30)
	for id := 0; id < players; id++ {
		wg.Go(func() {
			for {
				n := next.Load()
				if n >= 30 {
					return
				}
				if int(n)%players != id {
					runtime.Gosched()
					continue
				}
				counts[id]++
				seq = append(seq, id)
				next.Store(n + 1)
			}
		})
	}
	wg.Wait()
	for _, id := range seq {
		print(id)
	}
	println()
	println("counts:", counts[0], counts[1], counts[2])

	// Gosched in a single goroutine program is a no-op that returns.
	for i := 0; i < 3; i++ {
		runtime.Gosched()
	}
	println("gosched returned")

	// Yielding lets a started goroutine run before main continues polling.
	var flag atomic.Bool
	go func() { flag.Store(true) }()
	spins := 0
	for !flag.Load() {
		runtime.Gosched()
		spins++
	}
	println("flag observed:", flag.Load())
}
