// Keeps a linked list of a million nodes alive (tens of megabytes, many
// times a small initial GC heap) while allocating garbage, then checks it.
package main

import "os"

type node struct {
	v    int
	next *node
	pad  [2]int
}

func main() {
	var head *node
	const n = 1000000
	for i := 0; i < n; i++ {
		head = &node{v: i, next: head}
		_ = make([]byte, 64) // garbage
	}
	sum, count := 0, 0
	for p := head; p != nil; p = p.next {
		sum += p.v
		count++
	}
	if count != n || sum != n*(n-1)/2 {
		println("bad", count, sum)
		os.Exit(1)
	}
	println("ok", count, sum)
}
