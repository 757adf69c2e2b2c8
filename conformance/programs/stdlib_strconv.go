package main

import "strconv"

func main() {
	println(strconv.Itoa(-123), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2), strconv.FormatUint(1<<63, 36))
	n, err := strconv.Atoi("456")
	println(n, err == nil)
	_, err = strconv.Atoi("99999999999999999999")
	println(err.Error())
	i, err := strconv.ParseInt("-0x1f", 0, 64)
	println(i, err == nil)
	u, _ := strconv.ParseUint("777", 8, 32)
	println(u)
	b, _ := strconv.ParseBool("true")
	println(b, strconv.FormatBool(false))
	for _, s := range []string{"3.14", "1e10", "-0.0001", "inf", "nan", "1.7976931348623157e308", "abc"} {
		f, err := strconv.ParseFloat(s, 64)
		println(s, f, err == nil)
	}
	for _, f := range []float64{1.0 / 3, 100, 1e21, 1.5e-10, -2.25} {
		println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'f', 3, 64), strconv.FormatFloat(f, 'e', 2, 64))
	}
	println(strconv.FormatFloat(0.1, 'g', -1, 32))
	println(strconv.Quote("héllo\n\t\"x\""), strconv.QuoteToASCII("日本"), strconv.QuoteRune('☺'))
	s, err := strconv.Unquote(`"a\tb\u00e9"`)
	println(s, err == nil)
	buf := strconv.AppendInt([]byte("n="), 42, 10)
	buf = strconv.AppendQuote(buf, "q")
	println(string(buf))
}
