package main

import "strings"

func main() {
	println(strings.ToUpper("héllo wörld"), strings.ToLower("ABC"), strings.Title("go"))
	println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexByte("golang", 'l'))
	println(strings.Contains("seafood", "foo"), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("aaa", "a", "bb"))
	f := strings.Fields("  a b\tc\n d  ")
	println(len(f), f[0], f[3])
	sp := strings.Split("a,b,,c", ",")
	println(len(sp), sp[2] == "", strings.Join(sp, "+"))
	println(strings.TrimSpace("\t x y \n"), strings.Trim("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"))
	println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Repeat("na", 4))
	println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.ContainsRune("abc", 'b'))
	before, after, found := strings.Cut("key=value", "=")
	println(before, after, found)
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	println(r.Replace("<b>bold</b>"))
	println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"))
	println(strings.SplitN("a/b/c/d", "/", 2)[1], strings.TrimLeft("aabbcc", "a"), strings.TrimRight("aabbcc", "c"))
}
