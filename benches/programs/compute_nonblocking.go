// Compute that never blocks but calls through func values and interface
// methods in its hot loops: the code the may-block analysis must leave
// alone (benches/goroutines.sh compares it with a GOWASM_RESUME_ALL build,
// where every function is resumable).
package main

// A tiny expression interpreter: every node evaluation is an interface
// method call.
type expr interface {
	eval(env []int) int
}

type lit int

type variable int

type binop struct {
	op   byte
	l, r expr
}

func (l lit) eval([]int) int { return int(l) }

func (v variable) eval(env []int) int { return env[v] }

func (b *binop) eval(env []int) int {
	x, y := b.l.eval(env), b.r.eval(env)
	switch b.op {
	case '+':
		return x + y
	case '-':
		return x - y
	case '*':
		return x * y
	default:
		return x ^ y
	}
}

// (x*7 + y) ^ (x - y*3) + 11
func program() expr {
	x, y := variable(0), variable(1)
	return &binop{'+',
		&binop{'^',
			&binop{'+', &binop{'*', x, lit(7)}, y},
			&binop{'-', x, &binop{'*', y, lit(3)}}},
		lit(11)}
}

func interpret(n int) int {
	e := program()
	env := make([]int, 2)
	sum := 0
	for i := 0; i < n; i++ {
		env[0], env[1] = i, sum&0xffff
		sum += e.eval(env)
	}
	return sum
}

// Merge sort with a comparison func value.
func mergeSort(a, tmp []int, less func(x, y int) bool) {
	if len(a) < 2 {
		return
	}
	m := len(a) / 2
	mergeSort(a[:m], tmp[:m], less)
	mergeSort(a[m:], tmp[m:], less)
	copy(tmp, a)
	i, j, k := 0, m, 0
	for i < m && j < len(a) {
		if less(tmp[j], tmp[i]) {
			a[k] = tmp[j]
			j++
		} else {
			a[k] = tmp[i]
			i++
		}
		k++
	}
	for i < m {
		a[k] = tmp[i]
		i++
		k++
	}
	for j < len(a) {
		a[k] = tmp[j]
		j++
		k++
	}
}

func sortChecksum(n int) int {
	a := make([]int, n)
	seed := uint32(12345)
	for i := range a {
		seed = seed*1664525 + 1013904223
		a[i] = int(seed >> 8)
	}
	mergeSort(a, make([]int, n), func(x, y int) bool { return x%1000 < y%1000 || x%1000 == y%1000 && x < y })
	sum := 0
	for i, v := range a {
		sum = sum*31 + v*(i&7)
	}
	return sum
}

// A func(int) int value called in a loop, chosen at run time so that it
// cannot be inlined.
func applyLoop(n int, fs []func(int) int) int {
	acc := 1
	for i := 0; i < n; i++ {
		acc = fs[i&3](acc + i)
	}
	return acc
}

func main() {
	k := 3
	fs := []func(int) int{
		func(x int) int { return x*k + 1 },
		func(x int) int { return x ^ (x >> 7) },
		func(x int) int { return x - k },
		func(x int) int { return x & 0xffffff },
	}
	println("interpret", interpret(3000000))
	println("sort", sortChecksum(1000000))
	println("apply", applyLoop(20000000, fs))
}
