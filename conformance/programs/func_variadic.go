package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func count(xs ...any) int { return len(xs) }

func main() {
	println(sum(), sum(1), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	println(sum(nums...))
	nums2 := nums[:2]
	println(sum(nums2...))
	println(join("-", "a", "b", "c"), join(","))
	println(count(1, "a", nil, 2.5), count(), count(nil))
	var nilSlice []int
	println(sum(nilSlice...))
}
