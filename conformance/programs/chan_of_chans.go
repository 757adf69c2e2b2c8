// Checks channels of channels: a server goroutine receives requests that
// carry their own reply channel, plus a chain of handoff channels.
package main

import (
	"strconv"
	"strings"
)

type request struct {
	op    string
	key   string
	value int
	reply chan int
}

// server owns the map; all access goes through requests.
func server(reqs <-chan request) {
	store := map[string]int{}
	for r := range reqs {
		switch r.op {
		case "set":
			store[r.key] = r.value
			r.reply <- r.value
		case "add":
			store[r.key] += r.value
			r.reply <- store[r.key]
		case "get":
			r.reply <- store[r.key]
		case "len":
			r.reply <- len(store)
		}
	}
}

func call(reqs chan<- request, op, key string, v int) int {
	reply := make(chan int)
	reqs <- request{op: op, key: key, value: v, reply: reply}
	return <-reply
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	println("set a:", call(reqs, "set", "a", 10))
	println("add a:", call(reqs, "add", "a", 5))
	println("add b:", call(reqs, "add", "b", 3))

	// Many clients concurrently; the server serialises them.
	done := make(chan chan int, 20)
	for i := 0; i < 20; i++ {
		go func() {
			call(reqs, "add", "counter", i)
			c := make(chan int, 1)
			c <- i
			done <- c
		}()
	}
	ids := 0
	for i := 0; i < 20; i++ {
		ids += <-<-done
	}
	println("client id sum:", ids)
	println("counter:", call(reqs, "get", "counter", 0))
	println("keys:", call(reqs, "len", "", 0))
	close(reqs)

	// chan chan chan: a token passed down a chain of channels.
	var chain []chan chan string
	for i := 0; i < 4; i++ {
		chain = append(chain, make(chan chan string, 1))
	}
	for i := 0; i < 4; i++ {
		go func() {
			c := <-chain[i]
			msg := <-c
			out := make(chan string, 1)
			out <- msg + "->" + strconv.Itoa(i)
			if i+1 < len(chain) {
				chain[i+1] <- out
			} else {
				final <- out
			}
		}()
	}
	start := make(chan string, 1)
	start <- "start"
	chain[0] <- start
	result := <-<-final
	println("chain:", result, "hops:", strings.Count(result, "->"))

	// Directional conversions of channel-of-channel types.
	var sendOnly chan<- chan int = make(chan chan int, 1)
	inner := make(chan int, 1)
	sendOnly <- inner
	inner <- 99
	println("inner len:", len(inner), "outer len:", len(sendOnly))
}

var final = make(chan chan string)
