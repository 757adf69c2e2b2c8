package main

import (
	"slices"
	"sort"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

type byAge []Person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	ints := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(ints)
	println(ints[0], ints[5], sort.IntsAreSorted(ints), sort.SearchInts(ints, 8))
	strs := []string{"pear", "apple", "fig"}
	sort.Strings(strs)
	println(strings.Join(strs, ","))
	people := []Person{{"a", 30}, {"b", 20}, {"c", 25}, {"d", 20}}
	sort.Sort(byAge(people))
	for _, p := range people {
		print(p.Name, p.Age, " ")
	}
	println()
	sort.Slice(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	println(people[0].Name, people[3].Name)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	for _, p := range people {
		print(p.Name, " ")
	}
	println()
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	println(idx)
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	slices.Sort(s)
	println(slices.Contains(s, 9), slices.Index(s, 4), slices.Max(s), slices.Min(s))
	pos, found := slices.BinarySearch(s, 5)
	println(pos, found)
	s = slices.Compact(s)
	println(len(s))
	slices.Reverse(s)
	println(s[0], s[len(s)-1])
	ps := slices.Clone(people)
	slices.SortFunc(ps, func(a, b Person) int { return strings.Compare(a.Name, b.Name) })
	println(ps[0].Name, slices.IndexFunc(ps, func(p Person) bool { return p.Age == 25 }))
	println(slices.Equal([]int{1, 2}, []int{1, 2}), slices.Equal([]int{1}, []int{2}))
	ins := slices.Insert([]int{1, 4}, 1, 2, 3)
	println(len(ins), ins[1], ins[2], ins[3])
}
