// crypto/cipher's buffer-overlap checks (distinct arrays never overlap;
// slices of one array do when their ranges meet) and math/rand/v2's
// ChaCha8 generator, whose block function packs uint32s into uint64s.

package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/subtle"
	"fmt"
	"math/rand/v2"
)

func main() {
	a := make([]byte, 64)
	b := make([]byte, 64)
	fmt.Println(subtle.XORBytes(a[:10], a[:10], b[:10]))
	for _, c := range [][2][]byte{{a, b}, {a[:10], a[5:20]}, {a[10:20], a[:11]}, {a[10:20], a[:10]}, {a[:10], a[10:]}, {a, a}, {a[3:4], a[3:4]}} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			blk, _ := aes.NewCipher(make([]byte, 16))
			g, _ := cipher.NewGCM(blk)
			dst := c[0][:0]
			g.Seal(dst, make([]byte, 12), c[1][:min(len(c[1]), 8)], nil)
			fmt.Println("sealed")
		}()
	}
	r := rand.New(rand.NewChaCha8([32]byte{1, 2, 3}))
	fmt.Println(r.Uint64(), r.IntN(1000), r.Float64())
	var seed [32]byte
	c := rand.NewChaCha8(seed)
	for range 300 {
		c.Uint64()
	}
	fmt.Println(c.Uint64())
}
