// Checks sync.WaitGroup: Add/Done/Wait, WaitGroup.Go (Go 1.25+), reuse after
// Wait, nested Go calls, several concurrent waiters, and the negative counter
// panic message.
package main

import (
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 10)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	println("Add/Done sum:", sum)

	// WaitGroup.Go.
	var total atomic.Int64
	for i := 1; i <= 100; i++ {
		wg.Go(func() {
			total.Add(int64(i))
		})
	}
	wg.Wait()
	println("wg.Go total:", total.Load())

	// A task started by Go may itself call Go while the group is non-empty.
	var leaves atomic.Int32
	for i := 0; i < 4; i++ {
		wg.Go(func() {
			for j := 0; j < 5; j++ {
				wg.Go(func() { leaves.Add(1) })
			}
		})
	}
	wg.Wait()
	println("nested leaves:", leaves.Load())

	// Add with a count > 1.
	var wg2 sync.WaitGroup
	wg2.Add(3)
	var hits atomic.Int32
	for i := 0; i < 3; i++ {
		go func() {
			hits.Add(1)
			wg2.Done()
		}()
	}
	wg2.Wait()
	println("Add(3) hits:", hits.Load())

	// Several goroutines waiting on the same group are all released.
	var gate sync.WaitGroup
	gate.Add(1)
	var waiters sync.WaitGroup
	var released atomic.Int32
	for i := 0; i < 5; i++ {
		waiters.Go(func() {
			gate.Wait()
			released.Add(1)
		})
	}
	println("released before Done:", released.Load())
	gate.Done()
	waiters.Wait()
	println("released after Done:", released.Load())

	// Wait on a zero WaitGroup returns immediately.
	var zero sync.WaitGroup
	zero.Wait()
	println("zero wait ok")

	// Negative counter panics.
	func() {
		defer func() {
			println("recovered:", recover().(string))
		}()
		var bad sync.WaitGroup
		bad.Add(1)
		bad.Done()
		bad.Done()
	}()
}
