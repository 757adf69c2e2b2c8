// mandelbrot (Computer Language Benchmarks Game), sequential: computes the
// same 1-bit bitmap as the benchmark but, instead of writing a PBM file,
// prints a checksum of its bytes and the number of points in the set.
package main

const size = 2400

const iterations = 50

func main() {
	rowBytes := (size + 7) / 8
	bitmap := make([]byte, rowBytes*size)
	inv := 2.0 / float64(size)
	for y := 0; y < size; y++ {
		ci := float64(y)*inv - 1
		row := bitmap[y*rowBytes : (y+1)*rowBytes]
		for x := 0; x < size; x++ {
			cr := float64(x)*inv - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			i := 0
			for ; i < iterations && tr+ti <= 4; i++ {
				zi = 2*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			if tr+ti <= 4 {
				row[x/8] |= 0x80 >> uint(x%8)
			}
		}
	}
	var hash uint32 = 2166136261
	inside := 0
	for _, b := range bitmap {
		hash = (hash ^ uint32(b)) * 16777619
		for ; b != 0; b &= b - 1 {
			inside++
		}
	}
	println("mandelbrot", size, inside, hash)
}
