package main

func main() {
	words := []string{"banana", "apple", "cherry", "apple", "", "Apple"}
	for i := 0; i < len(words); i++ {
		for j := i + 1; j < len(words); j++ {
			if words[j] < words[i] {
				words[i], words[j] = words[j], words[i]
			}
		}
	}
	for _, w := range words {
		print("[", w, "]")
	}
	println()
	println("a" < "b", "ab" < "a", "abc" == "ab"+"c", "x" >= "x", "Z" < "a")
	b := []byte{104, 105}
	s := string(b)
	b[0] = 'H'
	println(s, string(b))
	r := []rune{72, 0x1F600, -1}
	println(string(r), len(string(r)))
	var sb []byte
	sb = append(sb, "abc"...)
	sb = append(sb, 'd')
	println(string(sb))
	n := 300
	println(string(rune(n)), string(rune(0xD800)) == "\uFFFD")
	bs := []byte("héllo")
	println(len(bs), bs[1], bs[2])
	sub := "héllo"[1:3]
	println(sub, len(sub), []byte(sub)[0])
}
