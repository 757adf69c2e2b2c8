// Slices sharing a backing array (slices.Replace/Insert detect overlap)
// and AES-GCM sealing in place (crypto's buffer-overlap checks and its
// word-at-a-time XOR fast path).
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"slices"
)

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	s = slices.Replace(s, 1, 3, 9, 9, 9)
	fmt.Println(s)
	s2 := []int{1, 2, 3, 4}
	fmt.Println(slices.Replace(s2, 0, 2, s2[2:]...))
	fmt.Println(slices.Insert([]int{1, 2, 3}, 1, 7, 8))
	key := make([]byte, 16)
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	nonce := make([]byte, gcm.NonceSize())
	buf := make([]byte, 64)
	copy(buf, "hello gcm")
	out := gcm.Seal(buf[:0], nonce, buf[:9], nil)
	fmt.Printf("%x\n", out)
	pt, err := gcm.Open(nil, nonce, out, nil)
	fmt.Println(string(pt), err)
}
