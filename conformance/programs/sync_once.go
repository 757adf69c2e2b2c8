// Checks sync.Once under many goroutines, Once with a panicking function,
// and sync.OnceFunc / OnceValue / OnceValues including panic replay.
package main

import (
	"errors"
	"strconv"
	"sync"
)

type config struct {
	name  string
	loads int
}

var (
	cfgOnce sync.Once
	cfg     *config
	loads   int
)

func getConfig() *config {
	cfgOnce.Do(func() {
		loads++
		cfg = &config{name: "prod", loads: loads}
	})
	return cfg
}

func main() {
	var wg sync.WaitGroup
	ptrs := make([]*config, 100)
	for i := range ptrs {
		wg.Go(func() { ptrs[i] = getConfig() })
	}
	wg.Wait()
	same := true
	for _, p := range ptrs {
		same = same && p == ptrs[0]
	}
	println("loads:", loads, "same pointer:", same, "name:", ptrs[0].name)

	// A Once whose function panics is still considered done.
	var o sync.Once
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		o.Do(func() { panic("init failed") })
	}()
	ran := false
	o.Do(func() { ran = true })
	println("second Do ran:", ran)

	// Nested Do on a different Once is fine.
	var outer, inner sync.Once
	steps := ""
	outer.Do(func() {
		steps += "outer "
		inner.Do(func() { steps += "inner " })
	})
	inner.Do(func() { steps += "again " })
	println("steps:", steps)

	// OnceFunc.
	calls := 0
	hello := sync.OnceFunc(func() { calls++ })
	for i := 0; i < 5; i++ {
		wg.Go(hello)
	}
	wg.Wait()
	hello()
	println("OnceFunc calls:", calls)

	// OnceValue.
	computed := 0
	square := sync.OnceValue(func() int {
		computed++
		return 12 * 12
	})
	sum := 0
	for i := 0; i < 4; i++ {
		sum += square()
	}
	println("OnceValue sum:", sum, "computed:", computed)

	// OnceValues with an error.
	parse := sync.OnceValues(func() (int, error) {
		return strconv.Atoi("12x")
	})
	for i := 0; i < 2; i++ {
		v, err := parse()
		println("OnceValues:", v, err.Error())
	}
	okParse := sync.OnceValues(func() (string, error) { return "fine", nil })
	s, err := okParse()
	println("OnceValues ok:", s, err == nil)

	// A panicking OnceFunc re-panics with the same value on every call.
	boom := sync.OnceFunc(func() { panic(errors.New("boom")) })
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				r := recover()
				println("call", i, "panicked with:", r.(error).Error())
			}()
			boom()
		}()
	}
	tries := 0
	val := sync.OnceValue(func() string {
		tries++
		panic("value " + strconv.Itoa(tries))
	})
	for i := 0; i < 2; i++ {
		func() {
			defer func() { println("OnceValue panic:", recover().(string)) }()
			val()
		}()
	}
	println("tries:", tries)
}
