package main

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func transpose(m [][]int) [][]int {
	out := make([][]int, len(m[0]))
	for i := range out {
		out[i] = make([]int, len(m))
		for j := range m {
			out[i][j] = m[j][i]
		}
	}
	return out
}

func main() {
	p := sieve(100)
	println(len(p), p[0], p[len(p)-1])
	m := [][]int{{1, 2, 3}, {4, 5, 6}}
	t := transpose(m)
	println(len(t), len(t[0]), t[2][1])
	tri := make([][]int, 6)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, row := range tri {
		for _, v := range row {
			print(v, " ")
		}
		println()
	}
	words := []string{"a", "b", "c", "d", "e"}
	copy(words[1:], words[:3])
	println(words[0], words[1], words[2], words[3], words[4])
	words = append(words[:1], words[2:]...)
	println(len(words), words[1])
}
