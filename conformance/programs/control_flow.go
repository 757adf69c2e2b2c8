package main

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func fall(n int) []string {
	var out []string
	switch n {
	case 0:
		out = append(out, "zero")
		fallthrough
	case 1:
		out = append(out, "one")
		fallthrough
	case 2:
		out = append(out, "two")
	case 3, 4:
		out = append(out, "three-four")
	default:
		out = append(out, "many")
	}
	return out
}

func main() {
	println(grade(95), grade(85), grade(10))
	for i := 0; i < 6; i++ {
		r := fall(i)
		print(i, ":")
		for _, s := range r {
			print(" ", s)
		}
		println()
	}
	if x := 5; x > 3 {
		println("big", x)
	} else if x > 1 {
		println("medium")
	} else {
		println("small")
	}
	n := 0
	for n < 5 {
		n += 2
	}
	println(n)
	for {
		n--
		if n < 0 {
			break
		}
		if n%2 == 0 {
			continue
		}
		print(n, " ")
	}
	println()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			print(i, j, " ")
		}
	}
	println()
	i := 0
loop:
	if i < 4 {
		print("g", i, " ")
		i++
		goto loop
	}
	println()
	for i := range 3 {
		print(i)
	}
	println()
	sum := 0
	for _, v := range [...]int{5, 6, 7} {
		sum += v
	}
	println(sum)
	var x any = 3
	switch x {
	case 1, 2:
		println("small")
	case 3:
		println("three")
	}
	switch s := "b"; s {
	case "a":
		println("a")
	case "b":
		println("b")
	}
}
