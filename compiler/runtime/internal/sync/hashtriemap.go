// Copyright 2024 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package sync

// HashTrieMap is gowasm's version of the concurrent map behind sync.Map and
// unique: a Go map. gc's hash-trie hashes keys through the hash functions
// in its type descriptors, whose layout is gc's; under gowasm all
// goroutines share one thread, so a plain map is safe.
type HashTrieMap[K comparable, V any] struct {
	m map[K]V
}

func (ht *HashTrieMap[K, V]) init() {
	if ht.m == nil {
		ht.m = make(map[K]V)
	}
}

// Load returns the value stored in the map for a key, or the zero value
// if no value is present. The ok result indicates whether value was found
// in the map.
func (ht *HashTrieMap[K, V]) Load(key K) (value V, ok bool) {
	value, ok = ht.m[key]
	return
}

// LoadOrStore returns the existing value for the key if present.
// Otherwise, it stores and returns the given value.
// The loaded result is true if the value was loaded, false if stored.
func (ht *HashTrieMap[K, V]) LoadOrStore(key K, value V) (result V, loaded bool) {
	if v, ok := ht.m[key]; ok {
		return v, true
	}
	ht.init()
	ht.m[key] = value
	return value, false
}

// Store sets the value for a key.
func (ht *HashTrieMap[K, V]) Store(key K, new V) {
	ht.init()
	ht.m[key] = new
}

// Swap swaps the value for a key and returns the previous value if any.
// The loaded result reports whether the key was present.
func (ht *HashTrieMap[K, V]) Swap(key K, new V) (previous V, loaded bool) {
	previous, loaded = ht.m[key]
	ht.init()
	ht.m[key] = new
	return
}

// CompareAndSwap swaps the old and new values for key
// if the value stored in the map is equal to old.
// The value type must be of a comparable type, otherwise this
// CompareAndSwap will panic.
func (ht *HashTrieMap[K, V]) CompareAndSwap(key K, old, new V) (swapped bool) {
	v, ok := ht.m[key]
	if !ok || any(v) != any(old) {
		return false
	}
	ht.m[key] = new
	return true
}

// LoadAndDelete deletes the value for a key, returning the previous value
// if any. The loaded result reports whether the key was present.
func (ht *HashTrieMap[K, V]) LoadAndDelete(key K) (value V, loaded bool) {
	value, loaded = ht.m[key]
	if loaded {
		delete(ht.m, key)
	}
	return
}

// Delete deletes the value for a key.
func (ht *HashTrieMap[K, V]) Delete(key K) {
	delete(ht.m, key)
}

// CompareAndDelete deletes the entry for key if its value is equal to old.
// The value type must be comparable, otherwise this CompareAndDelete will
// panic.
//
// If there is no current value for key in the map, CompareAndDelete
// returns false (even if the old value is the nil interface value).
func (ht *HashTrieMap[K, V]) CompareAndDelete(key K, old V) (deleted bool) {
	v, ok := ht.m[key]
	if !ok || any(v) != any(old) {
		return false
	}
	delete(ht.m, key)
	return true
}

// All returns an iterator over each key and value present in the map.
//
// The iterator does not necessarily correspond to any consistent snapshot
// of the HashTrieMap's contents: no key will be visited more than once,
// but if the value for any key is stored or deleted concurrently
// (including by yield), the iterator may reflect any mapping for that key
// from any point during iteration.
func (ht *HashTrieMap[K, V]) All() func(yield func(K, V) bool) {
	return ht.Range
}

// Range calls f sequentially for each key and value present in the map.
// If f returns false, range stops the iteration.
//
// This exists for compatibility with sync.Map; All should be preferred.
// It provides the same guarantees as sync.Map, and All.
func (ht *HashTrieMap[K, V]) Range(yield func(K, V) bool) {
	for k, v := range ht.m {
		if !yield(k, v) {
			return
		}
	}
}

// Clear deletes all the entries, resulting in an empty HashTrieMap.
func (ht *HashTrieMap[K, V]) Clear() {
	clear(ht.m)
}
