// Goroutine switch cost: two goroutines bounce a value over two unbuffered
// channels. Every round trip is two sends, two receives and two switches.
// benches/goroutines.sh times it from outside (neither os nor time compile
// under gowasm yet), so N is a constant that the script reads from here.
package main

const N = 1000000

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v*3 + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < N; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	<-pong
	println("pingpong", N, sum)
}
