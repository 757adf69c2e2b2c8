package main

type Node struct {
	Val  int
	Next *Node
}

type Pair struct {
	A, B int
	S    string
}

func newInt(v int) *int { return &v }

func incr(p *int) { *p++ }

func main() {
	x := 1
	p := &x
	*p = 2
	incr(p)
	println(x, *p)
	q := newInt(5)
	r := newInt(5)
	println(*q == *r, q == r, p == &x)
	pp := &p
	**pp = 10
	println(x)
	pr := Pair{1, 2, "s"}
	pa := &pr.A
	pb := &pr.B
	ps := &pr.S
	*pa, *pb = *pb, *pa
	*ps += "!"
	println(pr.A, pr.B, pr.S, pa == &pr.A, pa == pb)
	arr := [3]int{1, 2, 3}
	pe := &arr[1]
	*pe = 20
	println(arr[1])
	s := []int{1, 2, 3}
	e := &s[2]
	*e = 30
	println(s[2])
	s = append(s, 4)
	*e = 300
	println(s[2], *e)
	var head *Node
	for i := 0; i < 5; i++ {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		print(n.Val, " ")
	}
	println()
	np := new(int)
	*np = 42
	println(*np)
	nps := new(Pair)
	nps.S = "new"
	println(nps.A, nps.S)
	bp := new(bool)
	fp := new(float64)
	sp := new(string)
	println(*bp, *fp, *sp == "")
}
