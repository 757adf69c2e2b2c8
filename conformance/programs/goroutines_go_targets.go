// Checks the forms a go statement can take: function calls with arguments
// evaluated at the go statement, closures, method values with value and
// pointer receivers, interface method calls, function values, and builtins.
package main

import (
	"strconv"
	"sync"
)

type Acc struct {
	name  string
	total int
}

func (a Acc) Report(out chan<- string, extra int) {
	out <- a.name + " value receiver total " + strconv.Itoa(a.total+extra)
}

func (a *Acc) Add(n int, wg *sync.WaitGroup) {
	defer wg.Done()
	a.total += n
}

type Reporter interface {
	Report(out chan<- string, extra int)
}

func add(a, b int, out chan<- int) { out <- a + b }

func next(counter *int) int {
	*counter++
	return *counter
}

func main() {
	out := make(chan int)
	x, y := 2, 3
	go add(x, y, out)
	x, y = 100, 200 // arguments were already evaluated
	println("go add:", <-out)

	// Arguments are evaluated in the calling goroutine, in order.
	calls := 0
	go add(next(&calls), next(&calls)*10, out)
	println("args evaluated at go stmt, calls =", calls)
	println("go add with calls:", <-out)

	// Closure capturing variables by reference vs. parameter by value.
	msgs := make(chan string)
	v := "before"
	done := make(chan bool)
	go func(p string) {
		<-done
		msgs <- "param=" + p + " captured=" + v
	}(v)
	v = "after"
	done <- true
	println(<-msgs)

	// Value-receiver method: receiver copied at the go statement.
	acc := Acc{name: "acc", total: 5}
	go acc.Report(msgs, 1)
	acc.total = 1000
	println(<-msgs)

	// Method value bound earlier keeps its own copy.
	report := acc.Report
	acc.total = -1
	go report(msgs, 0)
	println(<-msgs)

	// Pointer-receiver methods mutate the shared value.
	var wg sync.WaitGroup
	p := &Acc{name: "ptr"}
	var mu sync.Mutex
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(n int) {
			mu.Lock()
			defer mu.Unlock()
			p.Add(n, &wg)
		}(i)
	}
	wg.Wait()
	println("pointer receiver total:", p.total)
	wg.Add(1)
	go p.Add(7, &wg)
	wg.Wait()
	println("go p.Add total:", p.total)

	// Interface method call: dynamic dispatch chosen at the go statement.
	var r Reporter = Acc{name: "iface", total: 40}
	go r.Report(msgs, 2)
	r = Acc{name: "other"}
	println(<-msgs)

	// Function value evaluated at the go statement.
	f := func(ch chan<- int) { ch <- 1 }
	g := f
	f = func(ch chan<- int) { ch <- 2 }
	go g(out)
	println("function value:", <-out)

	// Builtins allowed in statement context can be go targets.
	closed := make(chan int)
	go close(closed)
	_, ok := <-closed
	println("go close: ok =", ok)

	// Method expression.
	go (*Acc).Add(p, 3, addOne(&wg))
	wg.Wait()
	println("method expression total:", p.total)
}

func addOne(wg *sync.WaitGroup) *sync.WaitGroup {
	wg.Add(1)
	return wg
}
