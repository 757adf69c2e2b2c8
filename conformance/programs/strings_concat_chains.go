// String concatenation chains: the back end joins `a + b + c + ...` into
// as few runtime calls as it can. Parts may be empty, constant, computed in
// between, or shared with other expressions.
package main

func name(i int) string {
	return []string{"", "x", "yy", "zzz"}[i%4]
}

// unused's last concatenation has no use at all.
func unused(s1, s2 string) {
	s1 += s2
	s1 = s1 + s2 + s1
}

func main() {
	unused("hi", "ho")
	a, b, c, d, e := "alpha", "", "γ", "delta", "e"
	println(a + b)
	println(a + "/" + c)
	println(a + b + c + d)
	println(a + b + c + d + e)
	println(a + "-" + b + "-" + c + "-" + d + "-" + e)
	println(b + b + b)
	println(len(b+b+b+b+b), len(a+a+a+a+a+a+a))

	t := a + c
	u := t + d // t used twice
	println(t, u, t+u)

	var parts []string
	for i := 0; i < 6; i++ {
		s := name(i) + ":" + name(i+1) + "|" + name(i+2)
		parts = append(parts, s)
	}
	for _, p := range parts {
		println(p, len(p))
	}

	x := a + "(" + name(3) + ")" // a call between the parts
	println(x)
	acc := ""
	for i := 0; i < 5; i++ {
		acc = acc + name(i) + ","
	}
	println(acc)
	bs := []byte("bytes")
	y := string(bs) + "+" + string(bs[1:3]) + "!"
	bs[0] = 'B'
	println(y, string(bs))

	ch := make(chan string, 1)
	done := make(chan bool)
	go func() {
		ch <- "mid"
		done <- true
	}()
	z := a + <-ch + c + "end" // a channel receive among the parts
	<-done
	println(z)
}
