package main

import "sort"

type Account struct {
	Owner   string
	Balance int
	History []int
}

func main() {
	accts := map[string]*Account{}
	for _, n := range []string{"bob", "al", "cy"} {
		accts[n] = &Account{Owner: n}
	}
	accts["al"].Balance += 50
	accts["al"].History = append(accts["al"].History, 50)
	vals := map[string]Account{"x": {Owner: "x", Balance: 1}}
	a := vals["x"]
	a.Balance = 99
	println(vals["x"].Balance, a.Balance)
	vals["x"] = a
	println(vals["x"].Balance)
	names := make([]string, 0)
	for n := range accts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		print(n, ":", accts[n].Balance, ":", len(accts[n].History), " ")
	}
	println()
	grid := map[[2]int]string{}
	grid[[2]int{0, 0}] = "origin"
	grid[[2]int{1, 0}] = "east"
	println(grid[[2]int{1, 0}], len(grid))
	empty, ok := vals["missing"]
	println(empty.Owner == "", empty.History == nil, ok)
}
