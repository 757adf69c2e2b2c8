package main

import "unicode/utf8"

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "Hello, 世界! ¿Qué tal? 🎉"
	println(len(s), utf8.RuneCountInString(s))
	println(reverse(s))
	count := map[int]int{}
	for _, r := range s {
		count[utf8.RuneLen(r)]++
	}
	println(count[1], count[2], count[3], count[4])
	for i, w := 0, 0; i < len(s); i += w {
		r, width := utf8.DecodeRuneInString(s[i:])
		w = width
		if width > 1 {
			print(string(r))
		}
	}
	println()
	println(s[7:13], s[len(s)-4:])
}
