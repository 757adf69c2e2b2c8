// String building and splitting: builds a large text with strings.Builder
// and strconv, then takes it apart again with strings.Split, Fields, Join,
// Index, Replace, ToUpper and strconv's parsers, several rounds over.
// Checksum: counts and sums of what was parsed, and hashes of the results.
package main

import (
	"strconv"
	"strings"
)

const lines = 100000

const rounds = 4

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

var names = []string{"alpha", "Beta", "gamma", "DELTA", "epsilon", "zeta", "eta", "theta", "iota", "kappa"}

func build(round int) string {
	var b strings.Builder
	seed := uint32(round*7919 + 1)
	for i := 0; i < lines; i++ {
		seed = seed*1664525 + 1013904223
		b.WriteString(names[seed>>28%10])
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(int(seed>>8) - 1<<23))
		b.WriteString("  \t")
		b.WriteString(strconv.FormatFloat(float64(seed%100000)/64, 'f', -1, 64))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(int64(i), 16))
		b.WriteString(",x=")
		b.WriteString(strconv.Quote(names[i%10]))
		b.WriteByte('\n')
	}
	return b.String()
}

func main() {
	var h uint64 = 14695981039346656037
	ints, floats, fields, upper := 0, 0.0, 0, 0
	for r := 0; r < rounds; r++ {
		text := build(r)
		h = hashStr(h, text[:100])
		ls := strings.Split(strings.TrimSpace(text), "\n")
		out := make([]string, 0, len(ls))
		for _, line := range ls {
			fs := strings.Fields(line)
			fields += len(fs)
			n, err := strconv.Atoi(fs[1])
			if err != nil {
				panic(err)
			}
			ints += n
			f, err := strconv.ParseFloat(fs[2], 64)
			if err != nil {
				panic(err)
			}
			floats += f
			hex, rest, ok := strings.Cut(fs[3], ",")
			if !ok {
				panic("no comma")
			}
			v, err := strconv.ParseInt(hex, 16, 64)
			if err != nil {
				panic(err)
			}
			ints += int(v)
			q := rest[strings.Index(rest, "=")+1:]
			name, err := strconv.Unquote(q)
			if err != nil {
				panic(err)
			}
			if strings.EqualFold(name, fs[0]) {
				upper++
			}
			fs[0] = strings.ToUpper(fs[0])
			out = append(out, strings.Join(fs[:3], "|"))
		}
		joined := strings.Join(out, ";")
		joined = strings.ReplaceAll(joined, "ALPHA", "a")
		upper += strings.Count(joined, "GAMMA")
		if strings.Contains(joined, "|-") {
			upper++
		}
		h = hashStr(h, joined)
		h ^= uint64(len(joined))
	}
	println("strings", fields, ints, upper, int64(floats*64))
	println("strings checksum", h)
}
