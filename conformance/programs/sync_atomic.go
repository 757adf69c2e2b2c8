// Checks sync/atomic functions and types (Int32/Int64/Uint64/Bool/Pointer/
// Value, Add/Load/Store/Swap/CompareAndSwap/And/Or) under many goroutines,
// plus the panic messages of atomic.Value misuse.
package main

import (
	"sync"
	"sync/atomic"
)

type settings struct {
	name    string
	version int
}

func main() {
	var wg sync.WaitGroup

	// Plain functions on int64 / uint32.
	var hits int64
	var flags uint32
	for i := 0; i < 64; i++ {
		wg.Go(func() {
			for j := 0; j < 100; j++ {
				atomic.AddInt64(&hits, 1)
			}
			atomic.OrUint32(&flags, 1<<(i%32))
		})
	}
	wg.Wait()
	println("AddInt64:", atomic.LoadInt64(&hits), "OrUint32 all set:", atomic.LoadUint32(&flags) == 0xFFFFFFFF)
	old := atomic.AndUint32(&flags, 0x0F0F)
	println("AndUint32 old:", old == 0xFFFFFFFF, "new:", atomic.LoadUint32(&flags))
	atomic.StoreInt64(&hits, -5)
	println("Swap old:", atomic.SwapInt64(&hits, 9), "now:", hits)
	println("CAS 9->10:", atomic.CompareAndSwapInt64(&hits, 9, 10), "CAS 9->11:", atomic.CompareAndSwapInt64(&hits, 9, 11), "value:", hits)

	// CAS loop computing a maximum.
	var max atomic.Int64
	for i := 0; i < 100; i++ {
		wg.Go(func() {
			v := int64((i * 37) % 101)
			for {
				cur := max.Load()
				if v <= cur || max.CompareAndSwap(cur, v) {
					return
				}
			}
		})
	}
	wg.Wait()
	println("CAS max:", max.Load())

	// Typed atomics.
	var i32 atomic.Int32
	var u64 atomic.Uint64
	var b atomic.Bool
	var winners atomic.Int32
	for i := 0; i < 50; i++ {
		wg.Go(func() {
			i32.Add(-2)
			u64.Add(3)
			if b.CompareAndSwap(false, true) {
				winners.Add(1)
			}
		})
	}
	wg.Wait()
	println("Int32:", i32.Load(), "Uint64:", u64.Load(), "Bool:", b.Load(), "CAS winners:", winners.Load())
	println("Int32 Swap:", i32.Swap(7), i32.Load(), "Or:", i32.Or(8), i32.Load(), "And:", i32.And(5), i32.Load())
	u64.Store(0)
	println("Uint64 wrap:", u64.Add(^uint64(0)))

	// Pointer[T]: readers always see a complete settings value.
	var cur atomic.Pointer[settings]
	println("Pointer zero is nil:", cur.Load() == nil)
	cur.Store(&settings{"v0", 0})
	torn := 0
	var tornMu sync.Mutex
	for w := 1; w <= 10; w++ {
		wg.Go(func() {
			for {
				p := cur.Load()
				if p.version >= w {
					return
				}
				n := &settings{name: "v" + string(rune('0'+w%10)), version: p.version + 1}
				cur.CompareAndSwap(p, n)
			}
		})
		wg.Go(func() {
			p := cur.Load()
			if p == nil || p.name == "" {
				tornMu.Lock()
				torn++
				tornMu.Unlock()
			}
		})
	}
	wg.Wait()
	println("Pointer final version:", cur.Load().version, "torn reads:", torn)

	// Value.
	var v atomic.Value
	println("Value empty Load nil:", v.Load() == nil)
	v.Store(settings{"cfg", 1})
	println("Value:", v.Load().(settings).name)
	prev := v.Swap(settings{"cfg", 2})
	println("Value Swap old version:", prev.(settings).version, "new:", v.Load().(settings).version)
	println("Value CAS:", v.CompareAndSwap(settings{"cfg", 2}, settings{"cfg", 3}), v.Load().(settings).version)
	for _, f := range []func(){
		func() { v.Store("a string") },
		func() { v.Store(nil) },
		func() { v.CompareAndSwap(settings{}, 5) },
	} {
		func() {
			defer func() { println("panic:", recover().(string)) }()
			f()
		}()
	}
}
