package main

import "strings"

func main() {
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		sb.WriteString("ab")
		sb.WriteByte('0' + byte(i))
		sb.WriteRune('é')
	}
	println(sb.String(), sb.Len())
	parts := []string{}
	for i := 0; i < 4; i++ {
		parts = append(parts, strings.Repeat("x", i))
	}
	println(strings.Join(parts, "-"))
	s := ""
	for i := 0; i < 10; i++ {
		s += string(rune('a' + i))
	}
	println(s, len(s))
}
