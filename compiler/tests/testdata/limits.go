// Programs that end other than by returning from main, one per mode
// (the first argument): the tests check how gowasm-run and the vm crate
// report each.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"
)

var sink [][]byte

// spin computes forever (x never becomes -1 for n = 3).
func spin(n int) int {
	x := 0
	for {
		x += n
		if x == -1 {
			return x
		}
	}
}

func recurse(n int) int {
	if n < 0 {
		return 0
	}
	return recurse(n+1) + 1
}

func main() {
	fmt.Println("started")
	switch os.Args[1] {
	case "spin":
		// A goroutine computes; main waits for it.
		done := make(chan int)
		go func() { done <- spin(3) }()
		fmt.Println(<-done)
	case "sleep":
		time.Sleep(time.Hour)
	case "retain":
		for {
			sink = append(sink, make([]byte, 1<<20))
		}
	case "append":
		var b []byte
		for {
			b = append(b, make([]byte, 1<<16)...)
		}
	case "bomb":
		for {
			go func() { select {} }()
		}
	case "huge":
		b := make([]byte, 1<<40)
		fmt.Println(len(b))
	case "recurse":
		fmt.Println(recurse(0))
	case "panic":
		panic(errors.New("boom"))
	case "crowd":
		// Panics while two other goroutines wait.
		go func() { select {} }()
		go func() { time.Sleep(time.Hour) }()
		time.Sleep(10 * time.Millisecond)
		panic(errors.New("boom"))
	case "deadlock":
		<-make(chan int)
	case "exit":
		os.Exit(3)
	}
}
