// Receiving from a closed channel gives the element type's zero value,
// also for struct and array elements (values that are objects in
// gowasm), with and without the comma-ok form and in select.
package main

import (
	"fmt"
	"time"
)

type result struct {
	p   *int
	err error
	at  time.Time
}

func main() {
	c := make(chan result, 1)
	close(c)
	if r, ok := <-c; ok {
		fmt.Println("unexpected", r)
	} else {
		fmt.Println("closed", r.p == nil, r.err, r.at.IsZero())
	}
	r := <-c
	fmt.Println(r.p == nil, r.err)

	a := make(chan [3]string)
	close(a)
	v, ok := <-a
	fmt.Printf("%q %v\n", v, ok)

	c2 := make(chan result, 1)
	c2 <- result{err: fmt.Errorf("queued")}
	close(c2)
	for i := 0; i < 2; i++ {
		select {
		case r, ok := <-c2:
			fmt.Println(r.err, ok)
		}
	}
	for r := range c2 {
		fmt.Println("range got", r)
	}
}
