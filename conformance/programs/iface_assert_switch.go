package main

type MyInt int

func (m MyInt) Double() int { return int(m) * 2 }

type Doubler interface{ Double() int }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return "int-ish"
	case string:
		return "string " + x
	case Doubler:
		return "doubler"
	case []int:
		return "slice"
	case error:
		return "error"
	default:
		return "other"
	}
}

func main() {
	vals := []any{nil, 1, int64(2), "s", MyInt(3), []int{1}, 2.5, struct{}{}}
	for _, v := range vals {
		println(classify(v))
	}
	var i any = MyInt(7)
	m, ok := i.(MyInt)
	println(m, ok)
	n, ok := i.(int)
	println(n, ok)
	d, ok := i.(Doubler)
	println(d.Double(), ok)
	s, ok := i.(interface{ String() string })
	println(s == nil, ok)
	var e any
	_, ok = e.(int)
	println(ok)
	func() {
		defer func() {
			r := recover()
			println(r.(error).Error())
		}()
		_ = i.(string)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = e.(int)
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		_ = i.(interface{ Missing() })
	}()
}
