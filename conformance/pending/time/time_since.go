// Checks monotonic elapsed-time measurement with time.Now/Since/Until/Sub,
// duration arithmetic and formatting (only deterministic values printed).
package main

import (
	"fmt"
	"time"
)

func main() {
	t0 := time.Now()
	time.Sleep(10 * time.Millisecond)
	elapsed := time.Since(t0)
	fmt.Println("elapsed >= 10ms:", elapsed >= 10*time.Millisecond)
	fmt.Println("elapsed < 5s:", elapsed < 5*time.Second)

	t1 := time.Now()
	fmt.Println("Sub matches Since order:", t1.Sub(t0) >= elapsed)
	fmt.Println("t1 after t0:", t1.After(t0), "t0 before t1:", t0.Before(t1))
	fmt.Println("Equal self:", t0.Equal(t0), "Compare:", t0.Compare(t1), t1.Compare(t0), t0.Compare(t0))

	deadline := time.Now().Add(20 * time.Millisecond)
	fmt.Println("Until positive:", time.Until(deadline) > 0)
	time.Sleep(time.Until(deadline))
	fmt.Println("Until after sleep <= 0:", time.Until(deadline) <= 0)

	// Round(0) strips the monotonic reading; the value is still equal.
	stripped := t0.Round(0)
	fmt.Println("stripped equal:", stripped.Equal(t0))

	// Duration arithmetic and formatting are deterministic.
	d := 90*time.Minute + 30*time.Second + 250*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds())
	fmt.Println(time.Duration(0), time.Duration(1), 1500*time.Microsecond, -2*time.Second)
	fmt.Println(d.Truncate(time.Minute), d.Round(time.Hour), (-d).Abs())
	pd, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(pd, err, pd.Seconds())
	_, err = time.ParseDuration("10 parsecs")
	fmt.Println("parse error:", err)

	// Measure several goroutines sleeping concurrently: total wall time
	// is about the longest sleep, not the sum.
	start := time.Now()
	done := make(chan struct{})
	for i := 1; i <= 5; i++ {
		go func() {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			done <- struct{}{}
		}()
	}
	for i := 0; i < 5; i++ {
		<-done
	}
	total := time.Since(start)
	fmt.Println("concurrent sleeps >= 50ms:", total >= 50*time.Millisecond)
	fmt.Println("concurrent sleeps < 150ms sum:", total < 150*time.Millisecond)
}
