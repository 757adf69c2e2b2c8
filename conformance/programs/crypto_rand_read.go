// crypto/rand from the host's randomness: empty reads (a nil slice has no
// array), large reads, and the helpers built on Read. Prints only what does
// not depend on the random bytes.

package main

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"math/big"
)

func main() {
	n, err := rand.Read(nil)
	fmt.Println(n, err)
	n, err = rand.Read(make([]byte, 0))
	fmt.Println(n, err)
	big1 := make([]byte, 1<<20)
	n, err = rand.Read(big1)
	fmt.Println(n, err, !bytes.Equal(big1[:64], make([]byte, 64)))
	fmt.Println(len(rand.Text()))
	x, err := rand.Int(rand.Reader, big.NewInt(1000))
	fmt.Println(x.Cmp(big.NewInt(1000)) < 0, x.Sign() >= 0, err)
	p, err := rand.Prime(rand.Reader, 64)
	fmt.Println(p.BitLen(), p.ProbablyPrime(20), err)
}
