// Tables of struct literals with string fields (built from the data
// segment: offsets into the string pool, empty strings included), and
// strconv's decimal shifts, whose leftCheat table is such a table.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

type entry struct {
	code  int
	name  string
	empty string
	ratio float64
	ok    bool
}

var table = []entry{
	{1, "alpha", "", 0.5, true},
	{2, "", "", 1.5, false},
	{3, "γάμμα", "", -2.25, true},
	{4, "delta\x00tail", "", 1e300, false},
	{5, "alpha", "x", 0, true},
	{code: 6, ok: true},
	{code: 7, name: "last"},
}

var names = [...]string{"zero", "one", "", "three", "four", "fünf", "", "seven"}

var sparse = [10]string{2: "two", 3: "three", 4: "", 5: "five", 6: "six", 9: "nine"}

type pair struct {
	key, value string
}

func lookup(k string) string {
	pairs := [...]pair{{"a", "1"}, {"b", ""}, {"", "empty key"}, {"d", "4"}}
	for _, p := range pairs {
		if p.key == k {
			return p.value
		}
	}
	return "none"
}

func main() {
	seen := map[string]int{}
	for i, e := range table {
		seen[e.name]++
		fmt.Printf("%d %d %q(%d) %q empty=%v nil-empty=%v %g %v\n", i, e.code, e.name, len(e.name), e.empty,
			e.name == "", e.empty == "", e.ratio, e.ok)
		b := []byte(e.name)
		fmt.Println(" bytes", b, strings.ToUpper(e.name), e.name+e.empty+"|")
	}
	fmt.Println(seen["alpha"], seen[""], len(seen))
	for i, n := range names {
		fmt.Printf("%d:%q:%v ", i, n, n == "")
	}
	fmt.Println(len(names))
	for i, n := range sparse {
		fmt.Printf("%d:%q ", i, n)
	}
	fmt.Println()
	local := []string{"x", "yy", "", "zzz", "", "w"}
	fmt.Println(strings.Join(local, ","), len(local[2]), local[5]+local[4]+local[3])
	for _, k := range []string{"a", "b", "", "d", "z"} {
		fmt.Printf("%q -> %q\n", k, lookup(k))
	}
	// Long decimal inputs take strconv's multiprecision path (decimal
	// shifts with the leftCheat table).
	long := "1." + strings.Repeat("7", 790) + "e-300"
	for _, s := range []string{long, "2.4703282292062327e-324", "1e23", "8.98846567431158e307", strings.Repeat("9", 400)} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(strconv.FormatFloat(f, 'e', -1, 64), err)
		fmt.Println(strconv.FormatFloat(f, 'f', 40, 64))
	}
	fmt.Println(strconv.FormatFloat(5e-324, 'g', 800, 64)[:60])
}
