// Goroutine creation cost: N short-lived goroutines, started in batches
// and awaited with a sync.WaitGroup, each doing trivial work. N is read by
// benches/goroutines.sh from here.
package main

import "sync"

const N = 1000000

const batch = 1000

func main() {
	results := make([]int, batch)
	sum := 0
	for b := 0; b < N/batch; b++ {
		var wg sync.WaitGroup
		wg.Add(batch)
		for i := 0; i < batch; i++ {
			go func(i int) {
				results[i] = (b*batch + i) ^ 0x5a5a
				wg.Done()
			}(i)
		}
		wg.Wait()
		for _, r := range results {
			sum += r
		}
	}
	println("spawn", N, sum)
}
