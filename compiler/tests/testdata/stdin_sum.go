// Reads all of stdin through bufio.Scanner and prints its line count,
// byte count and a checksum of the bytes, for comparing stdin throughput
// paths (a file, a pipe) with the native build.
package main

import (
	"bufio"
	"fmt"
	"hash/crc32"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sum := crc32.NewIEEE()
	lines, bytes := 0, 0
	for sc.Scan() {
		lines++
		bytes += len(sc.Bytes())
		sum.Write(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println(lines, bytes, sum.Sum32())
}
