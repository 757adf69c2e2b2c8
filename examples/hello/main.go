// Command hello is the example program of the README.
package main

func main() {
	println("Hello from Go on WebAssembly GC!")
}
