package main

type Node struct {
	ID    int
	Edges []*Node
}

func main() {
	nodes := make([]*Node, 2000)
	for i := range nodes {
		nodes[i] = &Node{ID: i}
	}
	for i, n := range nodes {
		n.Edges = append(n.Edges, nodes[(i*7+1)%len(nodes)], nodes[(i*13+5)%len(nodes)])
	}
	visited := map[*Node]bool{}
	var stack []*Node
	stack = append(stack, nodes[0])
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if visited[n] {
			continue
		}
		visited[n] = true
		stack = append(stack, n.Edges...)
	}
	println(len(visited), visited[nodes[1]], visited[&Node{}])
	depth := map[*Node]int{nodes[0]: 0}
	depth[nodes[5]] = 5
	cp := *nodes[5]
	_, found := depth[&cp]
	println(depth[nodes[5]], found, len(depth))
	var keys map[any]string = map[any]string{nodes[3]: "three", 3: "int"}
	println(keys[nodes[3]], keys[3], keys[nodes[4]] == "")
}
