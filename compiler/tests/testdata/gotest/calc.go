// Package calc is the package `gowasm test` is tried on (compiler/tests/cli.rs):
// its tests pass, fail, skip, log and nest, and native `go test` is what
// gowasm's report must match.
package calc

// Sum adds its arguments.
func Sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

// Div divides, panicking on a zero divisor as Go does.
func Div(a, b int) int { return a / b }
