// fasta (Computer Language Benchmarks Game), sequential: generates the
// same three DNA sequences (one repeated, two from a linear congruential
// generator over weighted alphabets) in 60-column FASTA format, but instead
// of writing them it hashes the output (FNV-1a, per 64 KiB buffer).
// Checksum: the hash and the byte count.
package main

const n = 2500000

const lineWidth = 60

const alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" +
	"GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" +
	"CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" +
	"ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" +
	"GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" +
	"AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" +
	"AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

type acid struct {
	c byte
	p float64
}

var iub = []acid{
	{'a', 0.27}, {'c', 0.12}, {'g', 0.12}, {'t', 0.27},
	{'B', 0.02}, {'D', 0.02}, {'H', 0.02}, {'K', 0.02},
	{'M', 0.02}, {'N', 0.02}, {'R', 0.02}, {'S', 0.02},
	{'V', 0.02}, {'W', 0.02}, {'Y', 0.02},
}

var homoSapiens = []acid{
	{'a', 0.3029549426680},
	{'c', 0.1979883004921},
	{'g', 0.1975473066391},
	{'t', 0.3015094502008},
}

// out collects output and hashes it a buffer at a time.
type out struct {
	buf   []byte
	hash  uint64
	total int
}

func (o *out) write(b []byte) {
	if len(o.buf)+len(b) > cap(o.buf) {
		o.flush()
	}
	o.buf = append(o.buf, b...)
}

func (o *out) writeString(s string) {
	if len(o.buf)+len(s) > cap(o.buf) {
		o.flush()
	}
	o.buf = append(o.buf, s...)
}

func (o *out) flush() {
	h := o.hash
	for _, c := range o.buf {
		h ^= uint64(c)
		h *= 1099511628211
	}
	o.hash = h
	o.total += len(o.buf)
	o.buf = o.buf[:0]
}

func repeatFasta(o *out, s string, count int) {
	// The sequence twice plus a line, so every line is one slice.
	seq := []byte(s + s + s[:lineWidth])
	pos := 0
	for count > 0 {
		line := min(lineWidth, count)
		o.write(seq[pos : pos+line])
		o.writeString("\n")
		pos += line
		if pos >= len(s) {
			pos -= len(s)
		}
		count -= line
	}
}

const (
	im = 139968
	ia = 3877
	ic = 29573
)

var last uint32 = 42

func random(max float64) float64 {
	last = (last*ia + ic) % im
	return max * float64(last) / im
}

func randomFasta(o *out, genes []acid, count int) {
	cumulative := make([]acid, len(genes))
	p := 0.0
	for i, g := range genes {
		p += g.p
		cumulative[i] = acid{g.c, p}
	}
	line := make([]byte, lineWidth+1)
	for count > 0 {
		width := min(lineWidth, count)
		for i := 0; i < width; i++ {
			r := random(1)
			c := cumulative[len(cumulative)-1].c
			for _, a := range cumulative {
				if r < a.p {
					c = a.c
					break
				}
			}
			line[i] = c
		}
		line[width] = '\n'
		o.write(line[:width+1])
		count -= width
	}
}

func main() {
	o := &out{buf: make([]byte, 0, 64<<10), hash: 14695981039346656037}
	o.writeString(">ONE Homo sapiens alu\n")
	repeatFasta(o, alu, 2*n)
	o.writeString(">TWO IUB ambiguity codes\n")
	randomFasta(o, iub, 3*n)
	o.writeString(">THREE Homo sapiens frequency\n")
	randomFasta(o, homoSapiens, 5*n)
	o.flush()
	println("fasta", n, o.total, o.hash)
}
