package main

var calls int

func t(s string) bool { calls++; print(s, " "); return true }
func f(s string) bool { calls++; print(s, " "); return false }

func main() {
	println(t("a") && f("b") || t("c"))
	println(f("a") && t("b"))
	println(t("a") || t("b"))
	println(!(f("x") || f("y")) && t("z"))
	println(calls)
	a, b := true, false
	println(a == b, a != b, a && !b, a != !b)
	var bs [3]bool
	bs[1] = true
	println(bs[0], bs[1], bs == [3]bool{false, true, false})
}
