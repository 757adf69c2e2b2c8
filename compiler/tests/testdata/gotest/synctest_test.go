package calc

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// Bubbles run on a fake clock that starts at midnight UTC 2000-01-01 and
// advances only when every goroutine in the bubble is durably blocked.
func TestSynctestClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		t.Log("start", start.UTC())
		time.Sleep(90 * time.Minute)
		t.Log("slept", time.Since(start))

		var fired []string
		var mu sync.Mutex
		for _, d := range []time.Duration{3 * time.Second, time.Second, 2 * time.Second} {
			time.AfterFunc(d, func() {
				mu.Lock()
				fired = append(fired, d.String())
				mu.Unlock()
			})
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		<-ctx.Done()
		t.Log("fired", fired, "after", time.Since(start), ctx.Err())

		ticker := time.NewTicker(time.Hour)
		for i := 0; i < 3; i++ {
			<-ticker.C
		}
		ticker.Stop()
		t.Log("ticked to", time.Now().UTC())
	})
}

// Wait returns once every other goroutine of the bubble is blocked.
func TestSynctestWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		done := false
		var wg sync.WaitGroup
		wg.Go(func() {
			for v := range ch {
				t.Log("got", v)
			}
			done = true
		})
		ch <- 1
		ch <- 2
		synctest.Wait()
		t.Log("receiver waiting, done =", done)
		close(ch)
		wg.Wait()
		t.Log("receiver done =", done)
	})
}

// Several bubbles at once, each with its own clock.
func TestSynctestBubbles(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			synctest.Test(t, func(t *testing.T) {
				time.Sleep(time.Duration(i+1) * time.Hour)
				if got := time.Since(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)); got != time.Duration(i+1)*time.Hour {
					t.Errorf("bubble %d: clock at %v", i, got)
				}
			})
		})
	}
	wg.Wait()
}
