// Checks monotonic elapsed-time measurement with time.Now/Since/Until/Sub,
// duration arithmetic and formatting (only deterministic values printed).
// Prints with the builtin println (no fmt); Duration.String formats
// durations and strconv formats floats. Upper bounds keep >= 200ms of
// slack so the output is stable under load.
package main

import (
	"strconv"
	"time"
)

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func main() {
	t0 := time.Now()
	time.Sleep(10 * time.Millisecond)
	elapsed := time.Since(t0)
	println("elapsed >= 10ms:", elapsed >= 10*time.Millisecond)
	println("elapsed < 5s:", elapsed < 5*time.Second)

	t1 := time.Now()
	println("Sub matches Since order:", t1.Sub(t0) >= elapsed)
	println("t1 after t0:", t1.After(t0), "t0 before t1:", t0.Before(t1))
	println("Equal self:", t0.Equal(t0), "Compare:", t0.Compare(t1), t1.Compare(t0), t0.Compare(t0))

	deadline := time.Now().Add(200 * time.Millisecond)
	println("Until positive:", time.Until(deadline) > 0)
	time.Sleep(time.Until(deadline))
	println("Until after sleep <= 0:", time.Until(deadline) <= 0)

	// Round(0) strips the monotonic reading; the value is still equal.
	stripped := t0.Round(0)
	println("stripped equal:", stripped.Equal(t0))

	// Duration arithmetic and formatting are deterministic.
	d := 90*time.Minute + 30*time.Second + 250*time.Millisecond
	println(d.String(), ftoa(d.Hours()), ftoa(d.Minutes()), ftoa(d.Seconds()), d.Milliseconds())
	println(time.Duration(0).String(), time.Duration(1).String(), (1500 * time.Microsecond).String(), (-2 * time.Second).String())
	println(d.Truncate(time.Minute).String(), d.Round(time.Hour).String(), (-d).Abs().String())
	pd, err := time.ParseDuration("1h15m30.5s")
	println(pd.String(), errString(err), ftoa(pd.Seconds()))
	_, err = time.ParseDuration("10 parsecs")
	println("parse error:", errString(err))

	// Measure several goroutines sleeping concurrently: total wall time
	// is about the longest sleep (50ms), not the sum (275ms).
	start := time.Now()
	done := make(chan struct{})
	var sum time.Duration
	for i := 1; i <= 10; i++ {
		sum += time.Duration(i) * 5 * time.Millisecond
		go func() {
			time.Sleep(time.Duration(i) * 5 * time.Millisecond)
			done <- struct{}{}
		}()
	}
	for i := 0; i < 10; i++ {
		<-done
	}
	total := time.Since(start)
	println("concurrent sleeps >= 50ms:", total >= 50*time.Millisecond)
	println("concurrent sleeps < "+sum.String()+" sum:", total < sum)
}
