package main

import "errors"

func main() {
	defer println("deferred runs")
	panic(errors.New("boom"))
}
