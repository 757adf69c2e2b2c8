package runtime

// Maps. Keys and values are held as interface values (the compiler boxes
// them), hashed and compared through the key's type descriptor. Entries are
// chained per bucket and linked in insertion order for iteration, which
// keeps iteration well-defined while the map is modified.

type hmap struct {
	count   int
	buckets []*mapEntry
	head    *mapEntry
	tail    *mapEntry
	seed    uintptr
}

type mapEntry struct {
	key     any
	val     any
	hash    uintptr
	next    *mapEntry // bucket chain
	inext   *mapEntry // insertion order
	iprev   *mapEntry
	deleted bool
}

// hiter is a map iterator (the Range/Next SSA instructions).
type hiter struct {
	m    *hmap
	next *mapEntry
}

var mapSeed uintptr = 0x2545F4914F6CDD1D

func makemap(hint int) *hmap {
	n := 8
	for n < hint {
		n <<= 1
	}
	mapSeed = mapSeed*6364136223846793005 + 1442695040888963407
	return &hmap{buckets: make([]*mapEntry, n), seed: mapSeed}
}

func (m *hmap) find(key any, h uintptr) *mapEntry {
	for e := m.buckets[h&uintptr(len(m.buckets)-1)]; e != nil; e = e.next {
		if e.hash == h && efaceeq(e.key, key) {
			return e
		}
	}
	return nil
}

// mapaccess returns the value for key and whether it was present.
func mapaccess(m *hmap, key any) (any, bool) {
	if m == nil || m.count == 0 {
		// Hashing still panics for unhashable keys, as in Go.
		efacehash(key, 0)
		return nil, false
	}
	e := m.find(key, efacehash(key, m.seed))
	if e == nil {
		return nil, false
	}
	return e.val, true
}

func mapassign(m *hmap, key any, val any) {
	if m == nil {
		panicNilMap()
	}
	h := efacehash(key, m.seed)
	if e := m.find(key, h); e != nil {
		e.val = val
		return
	}
	if m.count >= len(m.buckets) {
		m.grow()
	}
	b := h & uintptr(len(m.buckets)-1)
	e := &mapEntry{key: key, val: val, hash: h, next: m.buckets[b], iprev: m.tail}
	m.buckets[b] = e
	if m.tail != nil {
		m.tail.inext = e
	} else {
		m.head = e
	}
	m.tail = e
	m.count++
}

func (m *hmap) grow() {
	buckets := make([]*mapEntry, 2*len(m.buckets))
	for e := m.head; e != nil; e = e.inext {
		b := e.hash & uintptr(len(buckets)-1)
		e.next = buckets[b]
		buckets[b] = e
	}
	m.buckets = buckets
}

func mapdelete(m *hmap, key any) {
	if m == nil || m.count == 0 {
		efacehash(key, 0)
		return
	}
	h := efacehash(key, m.seed)
	b := h & uintptr(len(m.buckets)-1)
	var prev *mapEntry
	for e := m.buckets[b]; e != nil; e = e.next {
		if e.hash == h && efaceeq(e.key, key) {
			if prev == nil {
				m.buckets[b] = e.next
			} else {
				prev.next = e.next
			}
			m.unlink(e)
			return
		}
		prev = e
	}
}

// unlink removes e from the iteration order. e keeps its inext pointer so
// an iterator positioned on it can still move on.
func (m *hmap) unlink(e *mapEntry) {
	e.deleted = true
	if e.iprev != nil {
		e.iprev.inext = e.inext
	} else {
		m.head = e.inext
	}
	if e.inext != nil {
		e.inext.iprev = e.iprev
	} else {
		m.tail = e.iprev
	}
	m.count--
}

func mapclear(m *hmap) {
	if m == nil {
		return
	}
	for e := m.head; e != nil; e = e.inext {
		e.deleted = true
	}
	for i := range m.buckets {
		m.buckets[i] = nil
	}
	m.head, m.tail, m.count = nil, nil, 0
}

func maplen(m *hmap) int {
	if m == nil {
		return 0
	}
	return m.count
}

func mapiterinit(m *hmap) *hiter {
	it := &hiter{m: m}
	if m != nil {
		it.next = m.head
	}
	return it
}

// mapiternext returns the next live entry's key and value.
func mapiternext(it *hiter) (bool, any, any) {
	e := it.next
	for e != nil && e.deleted {
		e = e.inext
	}
	if e == nil {
		it.next = nil
		return false, nil, nil
	}
	it.next = e.inext
	return true, e.key, e.val
}
