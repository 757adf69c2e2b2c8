// ops runs one operation n times and prints the nanoseconds the loop took
// (time.Now around it, so start-up is not counted): `ops <op> <n>`. The
// criterion benchmarks in benches/micro run it.
package main

import (
	"os"
	"strconv"
	"sync"
	"time"
)

type shape interface{ area() int }

type square struct{ s int }

func (q square) area() int { return q.s * q.s }

type rect struct{ w, h int }

func (r *rect) area() int { return r.w * r.h }

type node struct {
	v    int
	next *node
}

var (
	sink    int
	sinkStr string
	ring    [64]*node
	keys    [1024]string
)

func run(op string, n int) {
	switch op {
	case "chan_pingpong":
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v + 1
			}
		}()
		for i := 0; i < n; i++ {
			ping <- i
			sink += <-pong
		}
		close(ping)
	case "go_spawn":
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() { sink++; wg.Done() }()
		}
		wg.Wait()
	case "map_str_update":
		m := map[string]int{}
		for i := 0; i < n; i++ {
			m[keys[i&1023]]++
		}
		sink += len(m)
	case "map_int_lookup":
		m := map[int]int{}
		for i := 0; i < 1024; i++ {
			m[i*7] = i
		}
		for i := 0; i < n; i++ {
			sink += m[(i&1023)*7]
		}
	case "iface_call":
		shapes := []shape{square{3}, &rect{2, 5}, square{4}}
		for i := 0; i < n; i++ {
			sink += shapes[i%3].area()
		}
	case "closure_call":
		k := 3
		fs := []func(int) int{
			func(x int) int { return x + k },
			func(x int) int { return x * k },
		}
		for i := 0; i < n; i++ {
			sink += fs[i&1](i)
		}
	case "alloc_struct":
		for i := 0; i < n; i++ {
			ring[i&63] = &node{v: i, next: ring[(i+1)&63]}
		}
	case "append_byte":
		var b []byte
		for i := 0; i < n; i++ {
			if len(b) == 4096 {
				b = b[:0]
			}
			b = append(b, byte(i))
		}
		sink += len(b)
	case "string_concat":
		for i := 0; i < n; i++ {
			s := keys[i&1023] + "/" + keys[(i+1)&1023]
			sink += len(s)
		}
	default:
		println("unknown op", op)
		os.Exit(2)
	}
}

func main() {
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		println(err.Error())
		os.Exit(2)
	}
	start := time.Now()
	run(os.Args[1], n)
	os.Stdout.WriteString(strconv.FormatInt(int64(time.Since(start)), 10) + "\n")
}
