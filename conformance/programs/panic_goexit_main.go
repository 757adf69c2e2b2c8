package main

import "runtime"

func main() {
	defer println("deferred before exit")
	runtime.Goexit()
}
