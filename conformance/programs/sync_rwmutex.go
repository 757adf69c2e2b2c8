// Checks sync.RWMutex: concurrent readers, exclusive writers keeping an
// invariant, TryLock/TryRLock, and RLocker.
package main

import (
	"runtime"
	"sync"
)

type Account struct {
	mu       sync.RWMutex
	checking int
	savings  int
}

// Transfer keeps checking+savings constant under the write lock.
func (a *Account) Transfer(amount int) {
	a.mu.Lock()
	a.checking -= amount
	runtime.Gosched()
	a.savings += amount
	a.mu.Unlock()
}

func (a *Account) Total() int {
	a.mu.RLock()
	defer a.mu.RUnlock()
	c := a.checking
	runtime.Gosched()
	return c + a.savings
}

func main() {
	acct := &Account{checking: 1000, savings: 1000}
	var wg sync.WaitGroup
	bad := 0
	var badMu sync.Mutex
	for i := 0; i < 20; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				acct.Transfer(i - 10)
			}
		}(i)
		go func() {
			defer wg.Done()
			for j := 0; j < 10; j++ {
				if acct.Total() != 2000 {
					badMu.Lock()
					bad++
					badMu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	println("invariant violations:", bad)
	println("checking:", acct.checking, "savings:", acct.savings)

	// Two readers may hold the lock simultaneously: a goroutine acquires
	// RLock while main still holds RLock. Main goes on once the goroutine
	// has released it again (nothing orders its RUnlock before main's
	// TryLock otherwise).
	var rw sync.RWMutex
	rw.RLock()
	got := make(chan bool)
	released := make(chan struct{})
	go func() {
		rw.RLock()
		got <- true
		rw.RUnlock()
		close(released)
	}()
	println("second reader acquired:", <-got)
	<-released
	println("TryLock while read-held:", rw.TryLock())
	println("TryRLock while read-held:", rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	println("TryLock when free:", rw.TryLock())
	println("TryRLock while write-held:", rw.TryRLock())

	// A reader blocks until the writer unlocks.
	order := make(chan string, 3)
	done := make(chan struct{})
	go func() {
		rw.RLock()
		order <- "reader"
		rw.RUnlock()
		close(done)
	}()
	for i := 0; i < 5; i++ {
		runtime.Gosched()
	}
	order <- "writer unlock"
	rw.Unlock()
	<-done
	println(<-order)
	println(<-order)

	// RLocker returns a Locker using RLock/RUnlock.
	l := rw.RLocker()
	l.Lock()
	println("RLocker held, TryRLock:", rw.TryRLock())
	rw.RUnlock()
	l.Unlock()
	println("all released, TryLock:", rw.TryLock())
	rw.Unlock()
}
