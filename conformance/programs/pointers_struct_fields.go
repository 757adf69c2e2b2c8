package main

type Inner struct {
	Val  int
	Tags []string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	Arr   [2]Inner
	Count int8
	F     float32
	Ok    bool
}

func bump(p *int)     { *p += 1 }
func bump8(p *int8)   { *p += 1 }
func setS(p *string)  { *p = "set" }
func flip(p *bool)    { *p = !*p }
func half(p *float32) { *p /= 2 }

func main() {
	o := Outer{Name: "o", Ptr: &Inner{Val: 1}, F: 3}
	bump(&o.In.Val)
	bump(&o.Ptr.Val)
	bump(&o.Arr[1].Val)
	bump8(&o.Count)
	setS(&o.Name)
	flip(&o.Ok)
	half(&o.F)
	println(o.In.Val, o.Ptr.Val, o.Arr[1].Val, o.Count, o.Name, o.Ok, o.F)
	tp := &o.In.Tags
	*tp = append(*tp, "a", "b")
	println(len(o.In.Tags), o.In.Tags[1])
	ip := &o.In
	ip.Val = 50
	println(o.In.Val)
	cp := o
	bump(&cp.In.Val)
	println(o.In.Val, cp.In.Val)
	ptrs := []*int{&o.In.Val, &o.Ptr.Val, &cp.In.Val}
	for _, p := range ptrs {
		*p *= 10
	}
	println(o.In.Val, o.Ptr.Val, cp.In.Val, cp.Ptr.Val)
	println(&o.In.Val == ptrs[0], &o.In.Val == &cp.In.Val)
}
