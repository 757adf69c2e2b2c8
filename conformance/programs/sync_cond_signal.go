// Checks sync.Cond.Signal: each Signal wakes exactly one waiter (the one
// that has waited longest), and a bounded queue built on two Conds.
package main

import (
	"runtime"
	"sync"
)

type Queue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	limit    int
}

func NewQueue(limit int) *Queue {
	q := &Queue{limit: limit}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	for len(q.items) == q.limit {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal()
	q.mu.Unlock()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	q.mu.Unlock()
	return v
}

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	waiting := 0
	tokens := 0
	woke := make(chan int)
	// Start waiters one at a time so their wait order is known.
	for id := 1; id <= 4; id++ {
		go func() {
			mu.Lock()
			waiting++
			for tokens == 0 {
				cond.Wait()
			}
			tokens--
			mu.Unlock()
			woke <- id
		}()
		for {
			mu.Lock()
			w := waiting
			mu.Unlock()
			if w == id {
				break
			}
			runtime.Gosched()
		}
	}
	for i := 0; i < 4; i++ {
		mu.Lock()
		tokens++
		cond.Signal()
		mu.Unlock()
		println("signal", i, "woke waiter", <-woke)
	}

	// Bounded queue: 3 producers, 2 consumers, capacity 2.
	q := NewQueue(2)
	var wg sync.WaitGroup
	for p := 0; p < 3; p++ {
		wg.Go(func() {
			for i := 1; i <= 100; i++ {
				q.Put(p*1000 + i)
			}
		})
	}
	sums := make(chan int, 2)
	for c := 0; c < 2; c++ {
		go func() {
			s := 0
			for i := 0; i < 150; i++ {
				s += q.Get()
			}
			sums <- s
		}()
	}
	wg.Wait()
	total := <-sums + <-sums
	println("queue total:", total, "left:", len(q.items))
}
