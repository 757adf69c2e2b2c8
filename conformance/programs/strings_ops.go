package main

func main() {
	s := "hello"
	t := s + ", " + "world"
	println(t, len(t), t[0], t[len(t)-1])
	println(s < "help", s > "hell", s == "hello", "" < "a", "abc" <= "abc")
	println(t[7:], t[:5], t[3:8], t[:0] == "")
	u := t
	u += "!"
	println(t, u)
	var empty string
	println(len(empty), empty == "", empty+"x")
	for i := 0; i < len(s); i++ {
		print(s[i], " ")
	}
	println()
	b := []byte("abc")
	b[0] = 'X'
	println(string(b), len(b))
	c := string(b)
	b[1] = 'Y'
	println(c, string(b))
	r := []rune("héllo世")
	println(len(r), r[1], r[5], string(r[5]), string(r))
	r[0] = 'H'
	println(string(r))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0x110000)))
}
