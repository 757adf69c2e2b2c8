package main

func main() {
	for i, r := range "aé世\xffz\xe4\xb8" {
		println(i, r)
	}
	n := 0
	for range "日本語" {
		n++
	}
	println(n)
	s := "\xc0\x80\xed\xa0\x80ok"
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	for i := range "abc" {
		print(i)
	}
	println()
	bs := []byte("héllo")
	for i, c := range bs {
		print(i, "=", c, " ")
	}
	println()
}
