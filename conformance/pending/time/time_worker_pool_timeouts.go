// Checks a worker pool where each job runs under a per-job timeout chosen
// with select, cancellation of outstanding work via context, and results
// collected by job id so the output is deterministic.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

type job struct {
	id   int
	cost time.Duration
}

type result struct {
	id     int
	status string
}

var errTimeout = errors.New("timed out")

func process(ctx context.Context, j job, limit time.Duration) error {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-time.After(j.cost):
		return nil
	case <-timer.C:
		return errTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	// Cheap jobs finish in 1ms; expensive ones would take 500ms but the
	// per-job limit is 30ms.
	var jobs []job
	for i := 0; i < 12; i++ {
		cost := time.Millisecond
		if i%4 == 3 {
			cost = 500 * time.Millisecond
		}
		jobs = append(jobs, job{id: i, cost: cost})
	}

	ctx := context.Background()
	in := make(chan job)
	out := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Go(func() {
			for j := range in {
				status := "ok"
				if err := process(ctx, j, 30*time.Millisecond); err != nil {
					status = err.Error()
				}
				out <- result{j.id, status}
			}
		})
	}
	go func() {
		for _, j := range jobs {
			in <- j
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	start := time.Now()
	var results []result
	for r := range out {
		results = append(results, r)
	}
	sort.Slice(results, func(a, b int) bool { return results[a].id < results[b].id })
	counts := map[string]int{}
	for _, r := range results {
		fmt.Printf("job %2d: %s\n", r.id, r.status)
		counts[r.status]++
	}
	fmt.Println("ok:", counts["ok"], "timed out:", counts["timed out"])
	fmt.Println("pool bounded by timeouts:", time.Since(start) < 400*time.Millisecond)

	// Cancelling a shared context stops all in-flight slow jobs at once.
	cctx, cancel := context.WithCancel(context.Background())
	errs := make([]error, 5)
	for i := range errs {
		wg.Go(func() {
			errs[i] = process(cctx, job{id: i, cost: time.Second}, time.Second)
		})
	}
	time.Sleep(5 * time.Millisecond)
	cancel()
	wg.Wait()
	for i, err := range errs {
		fmt.Println("slow job", i, "->", err)
	}
}
