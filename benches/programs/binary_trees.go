// binary-trees (Computer Language Benchmarks Game), sequential: allocates
// and walks many short-lived complete binary trees and one long-lived one.
// GC-heavy. Checksum: the node counts the benchmark prints.
package main

const maxDepth = 16

type node struct {
	left, right *node
}

func bottomUp(depth int) *node {
	if depth <= 0 {
		return &node{}
	}
	return &node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const minDepth = 4
	stretch := maxDepth + 1
	println("stretch tree of depth", stretch, "check:", bottomUp(stretch).check())

	longLived := bottomUp(maxDepth)
	sum := 0
	for d := minDepth; d <= maxDepth; d += 2 {
		iterations := 1 << uint(maxDepth-d+minDepth)
		check := 0
		for i := 0; i < iterations; i++ {
			check += bottomUp(d).check()
		}
		sum += check
		println(iterations, "trees of depth", d, "check:", check)
	}
	println("long lived tree of depth", maxDepth, "check:", longLived.check())
	println("binary-trees checksum", sum)
}
