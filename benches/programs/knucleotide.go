// k-nucleotide-style map counting: generates a DNA sequence with fasta's
// generator, then counts every k-mer for k = 1..6 in a map[string]int, as
// the Computer Language Benchmarks Game's k-nucleotide does (without
// reading stdin). Checksum: the maps' sizes, a hash over all (k-mer, count)
// pairs in sorted order, and the counts of the benchmark's GGT... prefixes.
package main

import "sort"

const length = 1000000

const (
	im = 139968
	ia = 3877
	ic = 29573
)

func generate(n int) []byte {
	chars := []byte{'A', 'C', 'G', 'T'}
	probs := []float64{0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008}
	for i := 1; i < len(probs); i++ {
		probs[i] += probs[i-1]
	}
	seq := make([]byte, n)
	last := uint32(42)
	for i := range seq {
		last = (last*ia + ic) % im
		r := float64(last) / im
		c := chars[len(chars)-1]
		for j, p := range probs {
			if r < p {
				c = chars[j]
				break
			}
		}
		seq[i] = c
	}
	return seq
}

func count(seq []byte, k int) map[string]int {
	counts := make(map[string]int)
	for i := 0; i+k <= len(seq); i++ {
		counts[string(seq[i:i+k])]++
	}
	return counts
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func main() {
	seq := generate(length)
	var sum uint64
	for k := 1; k <= 6; k++ {
		counts := count(seq, k)
		keys := make([]string, 0, len(counts))
		for key := range counts {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		var h uint64
		for _, key := range keys {
			h = h*31 + hashString(key)*uint64(counts[key])
		}
		sum ^= h
		println("k", k, "distinct", len(counts), "hash", h)
		if k <= 2 {
			for _, key := range keys {
				println(" ", key, counts[key])
			}
		}
	}
	for _, s := range []string{"GGT", "GGTA", "GGTATT"} {
		println(count(seq, len(s))[s], s)
	}
	println("k-nucleotide checksum", sum)
}
