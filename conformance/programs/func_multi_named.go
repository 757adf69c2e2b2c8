package main

func divmod(a, b int) (int, int) { return a / b, a % b }

func named(x int) (sq, cube int) {
	sq = x * x
	cube = sq * x
	return
}

func shadow(x int) (r int) {
	r = x
	{
		r := 100
		_ = r
	}
	return r + 1
}

func swap(a, b string) (string, string) { return b, a }

func three() (int, string, float64) { return 1, "two", 3.0 }

func main() {
	q, r := divmod(17, 5)
	println(q, r)
	s, c := named(3)
	println(s, c)
	println(shadow(5))
	a, b := swap("x", "y")
	println(a, b)
	i, str, f := three()
	println(i, str, f)
	println(divmod(named(2)))
}
