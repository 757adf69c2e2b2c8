package main

func scan(s string) (words int) {
	i := 0
start:
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i == len(s) {
		return
	}
	words++
	for i < len(s) && s[i] != ' ' {
		i++
	}
	goto start
}

func search(m [][]int, t int) bool {
	for i := range m {
		for j := range m[i] {
			if m[i][j] == t {
				goto found
			}
		}
	}
	return false
found:
	return true
}

func main() {
	println(scan("  the quick  brown fox "), scan(""), scan("one"))
	m := [][]int{{1, 2}, {3, 4}}
	println(search(m, 3), search(m, 5))
	n := 0
retry:
	n++
	if n < 5 {
		goto retry
	}
	println(n)
}
