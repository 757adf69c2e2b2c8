// Checks a worker pool where each job runs under a per-job timeout chosen
// with select, cancellation of outstanding work via context, and results
// collected by job id so the output is deterministic. Prints with the
// builtin println (no fmt); cheap jobs have ~200ms of slack before their
// timeout and the pool's upper bound has ~250ms of slack.
package main

import (
	"context"
	"errors"
	"sort"
	"strconv"
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
	// Cheap jobs finish in 1ms; expensive ones would take 1s but the
	// per-job limit is 200ms. The three expensive jobs land on different
	// workers, so the pool takes about 200ms.
	var jobs []job
	for i := 0; i < 12; i++ {
		cost := time.Millisecond
		if i%4 == 3 {
			cost = time.Second
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
				if err := process(ctx, j, 200*time.Millisecond); err != nil {
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
		id := strconv.Itoa(r.id)
		if len(id) < 2 {
			id = " " + id
		}
		println("job "+id+":", r.status)
		counts[r.status]++
	}
	println("ok:", counts["ok"], "timed out:", counts["timed out"])
	println("pool bounded by timeouts:", time.Since(start) < 450*time.Millisecond)

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
		s := "<nil>"
		if err != nil {
			s = err.Error()
		}
		println("slow job", i, "->", s)
	}
}
