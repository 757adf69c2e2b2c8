// math/bits functions the compiler lowers to single wasm instructions
// (rotations by negative and out-of-range counts, zero inputs), checked
// against the same functions reached through func values.

package main

import (
	"fmt"
	"math/bits"
)

func main() {
	xs64 := []uint64{0, 1, 0x8000000000000000, 0xdeadbeefcafebabe, ^uint64(0), 0x00f0}
	xs32 := []uint32{0, 1, 0x80000000, 0xdeadbeef, ^uint32(0), 0x00f0}
	ks := []int{0, 1, 7, 31, 32, 33, 63, 64, 65, -1, -5, -64, -100}
	rot64 := bits.RotateLeft64
	rot32 := bits.RotateLeft32
	for _, x := range xs64 {
		fmt.Println(bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x), bits.Len64(x))
		for _, k := range ks {
			fmt.Printf("%x %x %x ", bits.RotateLeft64(x, k), rot64(x, k), bits.RotateLeft(uint(x), k))
		}
		fmt.Println()
	}
	for _, x := range xs32 {
		fmt.Println(bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.OnesCount32(x), bits.Len32(x))
		for _, k := range ks {
			fmt.Printf("%x %x ", bits.RotateLeft32(x, k), rot32(x, k))
		}
		fmt.Println()
	}
}
