// Checks a worker pool: N workers read jobs from a shared channel and send
// results back; main sums the results and per-job answers are checked.
package main

import "sync"

type job struct {
	id int
	n  int
}

type result struct {
	id     int
	worker int
	value  int
}

func collatzSteps(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func worker(id int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{id: j.id, worker: id, value: collatzSteps(j.n)}
	}
}

func main() {
	const numJobs = 200
	const numWorkers = 7
	jobs := make(chan job, 10)
	results := make(chan result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	go func() {
		for i := 0; i < numJobs; i++ {
			jobs <- job{id: i, n: i + 1}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	byID := make([]int, numJobs)
	seen := make([]bool, numJobs)
	sum := 0
	count := 0
	workersOK := true
	for r := range results {
		if seen[r.id] {
			println("duplicate", r.id)
		}
		seen[r.id] = true
		byID[r.id] = r.value
		sum += r.value
		count++
		if r.worker < 1 || r.worker > numWorkers {
			workersOK = false
		}
	}
	println("results:", count, "sum:", sum, "workers ok:", workersOK)
	for _, i := range []int{0, 1, 6, 26, 96, 199} {
		println("steps for", i+1, "=", byID[i])
	}
	max, arg := 0, 0
	for i, v := range byID {
		if v > max {
			max, arg = v, i+1
		}
	}
	println("longest:", arg, max)
}
