// A worker-pool pipeline: a generator goroutine feeds jobs over a buffered
// channel to a pool of workers (each hashes its job), whose results go
// through a second pool stage and a collector. sync.WaitGroup closes each
// stage's channel when its workers are done. Checksum: the count and an
// order-independent sum of the results.
package main

import "sync"

const (
	jobs    = 1000000
	workers = 8
	work    = 64 // hash rounds per job
)

type result struct {
	id, value uint64
}

func hash(x uint64) uint64 {
	for i := 0; i < work; i++ {
		x ^= x >> 31
		x *= 0x7fb5d329728ea185
		x ^= x >> 27
	}
	return x
}

func main() {
	in := make(chan uint64, 64)
	mid := make(chan result, 64)
	out := make(chan result, 64)

	go func() {
		for i := uint64(0); i < jobs; i++ {
			in <- i
		}
		close(in)
	}()

	var stage1 sync.WaitGroup
	for w := 0; w < workers; w++ {
		stage1.Add(1)
		go func() {
			defer stage1.Done()
			for id := range in {
				mid <- result{id, hash(id)}
			}
		}()
	}
	go func() {
		stage1.Wait()
		close(mid)
	}()

	var stage2 sync.WaitGroup
	for w := 0; w < workers/2; w++ {
		stage2.Go(func() {
			for r := range mid {
				if r.value%3 != 0 {
					r.value = hash(r.value ^ r.id)
				}
				out <- r
			}
		})
	}
	go func() {
		stage2.Wait()
		close(out)
	}()

	var count, sum, xor uint64
	for r := range out {
		count++
		sum += r.value
		xor ^= r.value * (r.id | 1)
	}
	println("worker-pool", count, sum, xor)
}
