package main

type S struct {
	A [3]int
	B struct{ X, Y string }
	P *S
}

type I interface{ Get() S }

func (s S) Get() S { return s }

func mutate(s S) S {
	s.A[0] = 99
	s.B.X = "m"
	return s
}

func main() {
	var s S
	s.A[1] = 5
	s.B.Y = "y"
	i := any(s)
	s.A[1] = 6
	println(i.(S).A[1], s.A[1])
	t := mutate(s)
	println(s.A[0], t.A[0], s.B.X, t.B.X)
	arr := [2]S{}
	arr[0].A[2] = 3
	for _, v := range arr {
		v.A[2] = 100
	}
	println(arr[0].A[2])
	for i := range arr {
		arr[i].A[2]++
	}
	println(arr[0].A[2], arr[1].A[2])
	var ii I = s
	g := ii.Get()
	g.A[1] = 77
	println(ii.Get().A[1], g.A[1])
	m := map[int]S{1: s}
	c := m[1]
	c.B.Y = "changed"
	println(m[1].B.Y, c.B.Y)
	sl := []S{s}
	sl = append(sl, s)
	sl[1].A[1] = 11
	println(sl[0].A[1], sl[1].A[1], s.A[1])
	p := &sl[0]
	sl2 := sl[:1]
	sl2[0].B.X = "via sl2"
	println(p.B.X)
	s.P = &s
	s.P.A[0] = 42
	println(s.A[0])
	x := 5
	px := &x
	var ix any = px
	*ix.(*int) = 9
	println(x, ix == any(px))
	arr2 := [3]int{1, 2, 3}
	ai := any(arr2)
	arr2[0] = 100
	println(ai.([3]int)[0])
	type pair struct{ a, b int }
	ps := map[pair]string{}
	k := pair{1, 2}
	ps[k] = "x"
	k.a = 5
	println(ps[pair{1, 2}], len(ps))
}
