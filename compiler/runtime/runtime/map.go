package runtime

// Maps. Keys and values are held as interface values (the compiler boxes
// them), hashed and compared through the key's type descriptor; string
// and 64-bit integer keys are held unboxed (skey; an integer key in the
// hash field), which saves an object per entry and an unboxing per
// comparison. Entries are
// chained per bucket and linked in insertion order for iteration, which
// keeps iteration well-defined while the map is modified. A map of up to
// smallMap entries has no buckets: lookups walk the insertion order (most
// maps are small, and the bucket array was their largest allocation).

type hmap struct {
	count   int
	buckets []*mapEntry
	head    *mapEntry
	tail    *mapEntry
	seed    uintptr
	// strKeys, intKeys: the keys are strings held in skey, or 64-bit
	// integers held in hash (key is nil). Set by the first
	// mapinsert_faststr or _fast64; the compiler uses those paths for
	// every map with such keys.
	strKeys bool
	intKeys bool
}

type mapEntry struct {
	key  any
	skey string
	val  any
	// hash is the key's hash; in an intKeys map, the key itself (its hash
	// is recomputed when needed: an entry one field smaller, which in
	// json_parse decides whether the heap grows to 75 or 140 MB).
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

// smallMap is the most entries a map holds without buckets.
const smallMap = 8

func makemap(hint int) *hmap {
	mapSeed = mapSeed*6364136223846793005 + 1442695040888963407
	m := &hmap{seed: mapSeed}
	if hint > smallMap {
		n := 2 * smallMap
		for n < hint {
			n <<= 1
		}
		m.buckets = make([]*mapEntry, n)
	}
	return m
}

// first and after walk the entries that may hold a key of hash h: its
// bucket's chain, or every entry of a map without buckets.
func (m *hmap) first(h uintptr) *mapEntry {
	if m.buckets == nil {
		return m.head
	}
	return m.buckets[h&uintptr(len(m.buckets)-1)]
}

func (m *hmap) after(e *mapEntry) *mapEntry {
	if m.buckets == nil {
		return e.inext
	}
	return e.next
}

func (m *hmap) find(key any, h uintptr) *mapEntry {
	for e := m.first(h); e != nil; e = m.after(e) {
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
	mapinsert(m, key, val, h)
}

// mapinsert adds key, which m does not hold and whose hash is h.
func mapinsert(m *hmap, key any, val any, h uintptr) {
	if m == nil {
		panicNilMap()
	}
	m.link(&mapEntry{key: key, val: val, hash: h}, h)
}

// mapinsert_faststr adds string key, which m does not hold and whose hash
// is h.
func mapinsert_faststr(m *hmap, key string, val any, h uintptr) {
	if m == nil {
		panicNilMap()
	}
	m.strKeys = true
	m.link(&mapEntry{skey: key, val: val, hash: h}, h)
}

// mapinsert_fast64 adds 64-bit integer key, which m does not hold and
// whose hash is h.
func mapinsert_fast64(m *hmap, key int64, val any, h uintptr) {
	if m == nil {
		panicNilMap()
	}
	m.intKeys = true
	m.link(&mapEntry{val: val, hash: uintptr(key)}, h)
}

// link adds a new entry, whose key's hash is h, to m's bucket and
// iteration order.
func (m *hmap) link(e *mapEntry, h uintptr) {
	if m.count >= max(len(m.buckets), smallMap) {
		m.grow()
	}
	e.iprev = m.tail
	if m.buckets != nil {
		b := h & uintptr(len(m.buckets)-1)
		e.next = m.buckets[b]
		m.buckets[b] = e
	}
	if m.tail != nil {
		m.tail.inext = e
	} else {
		m.head = e
	}
	m.tail = e
	m.count++
}

// hashOf is the hash of e's key.
func (m *hmap) hashOf(e *mapEntry) uintptr {
	if m.intKeys {
		return memhash64(uint64(e.hash), m.seed)
	}
	return e.hash
}

func (m *hmap) grow() {
	buckets := make([]*mapEntry, max(2*len(m.buckets), 2*smallMap))
	for e := m.head; e != nil; e = e.inext {
		b := m.hashOf(e) & uintptr(len(buckets)-1)
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
	if e := m.find(key, efacehash(key, m.seed)); e != nil {
		m.remove(e)
	}
}

// remove takes e out of its bucket chain and the iteration order.
func (m *hmap) remove(e *mapEntry) {
	if m.buckets != nil {
		b := m.hashOf(e) & uintptr(len(m.buckets)-1)
		if m.buckets[b] == e {
			m.buckets[b] = e.next
		} else {
			p := m.buckets[b]
			for p.next != e {
				p = p.next
			}
			p.next = e.next
		}
	}
	m.unlink(e)
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

// maps_clone is maps.Clone's copy of the map in m. Keys and values are
// immutable boxes (an update stores a new one), so the copy shares them.
//
//go:linkname maps_clone maps.clone
func maps_clone(m any) any {
	src := payload[*hmap](m)
	if src == nil {
		return m
	}
	dst := makemap(src.count)
	for e := src.head; e != nil; e = e.inext {
		if src.strKeys {
			mapinsert_faststr(dst, e.skey, e.val, strhash(e.skey, dst.seed))
		} else if src.intKeys {
			mapinsert_fast64(dst, int64(e.hash), e.val, memhash64(uint64(e.hash), dst.seed))
		} else {
			mapinsert(dst, e.key, e.val, efacehash(e.key, dst.seed))
		}
	}
	return withPayload(m, dst)
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
	e := it.nextEntry()
	if e == nil {
		return false, nil, nil
	}
	return true, e.key, e.val
}

// mapiternext_faststr is mapiternext for string keys.
func mapiternext_faststr(it *hiter) (bool, string, any) {
	e := it.nextEntry()
	if e == nil {
		return false, "", nil
	}
	return true, e.skey, e.val
}

// mapiternext_fast64 is mapiternext for 64-bit integer keys.
func mapiternext_fast64(it *hiter) (bool, int64, any) {
	e := it.nextEntry()
	if e == nil {
		return false, 0, nil
	}
	return true, int64(e.hash), e.val
}

func (it *hiter) nextEntry() *mapEntry {
	e := it.next
	for e != nil && e.deleted {
		e = e.inext
	}
	if e == nil {
		it.next = nil
		return nil
	}
	it.next = e.inext
	return e
}

// Fast paths for string and 64-bit integer keys: lookups, updates of
// existing entries and deletes hash the key directly and compare it with
// the entries' unboxed keys. When mapassign_faststr or _fast64 finds no
// entry it returns the key's hash, and the compiled code inserts with
// mapinsert_faststr or _fast64.

func (m *hmap) findStr(key string, h uintptr) *mapEntry {
	for e := m.first(h); e != nil; e = m.after(e) {
		if e.hash == h && e.skey == key {
			return e
		}
	}
	return nil
}

func (m *hmap) find64(key int64, h uintptr) *mapEntry {
	for e := m.first(h); e != nil; e = m.after(e) {
		if e.hash == uintptr(key) {
			return e
		}
	}
	return nil
}

func mapaccess_faststr(m *hmap, key string) (any, bool) {
	if m == nil || m.count == 0 {
		return nil, false
	}
	if e := m.findStr(key, strhash(key, m.seed)); e != nil {
		return e.val, true
	}
	return nil, false
}

func mapaccess_fast64(m *hmap, key int64) (any, bool) {
	if m == nil || m.count == 0 {
		return nil, false
	}
	if e := m.find64(key, memhash64(uint64(key), m.seed)); e != nil {
		return e.val, true
	}
	return nil, false
}

// mapassign_faststr sets the value of an existing key; it reports false
// when the key is absent (or the map nil): the caller then calls mapassign.
func mapassign_faststr(m *hmap, key string, val any) (uintptr, bool) {
	if m == nil {
		return 0, false
	}
	h := strhash(key, m.seed)
	if e := m.findStr(key, h); e != nil {
		e.val = val
		return h, true
	}
	return h, false
}

func mapassign_fast64(m *hmap, key int64, val any) (uintptr, bool) {
	if m == nil {
		return 0, false
	}
	h := memhash64(uint64(key), m.seed)
	if e := m.find64(key, h); e != nil {
		e.val = val
		return h, true
	}
	return h, false
}

// A lookup followed by an update of the same key (m[k]++,
// m[k] = append(m[k], v)): the compiler keeps the entry the lookup found
// and updates it with mapentryset, or, if there was none, inserts with
// mapinsert and the key's hash.

func mapaccessentry_faststr(m *hmap, key string) (any, bool, *mapEntry, uintptr) {
	if m == nil {
		return nil, false, nil, 0
	}
	h := strhash(key, m.seed)
	if e := m.findStr(key, h); e != nil {
		return e.val, true, e, h
	}
	return nil, false, nil, h
}

func mapaccessentry_fast64(m *hmap, key int64) (any, bool, *mapEntry, uintptr) {
	if m == nil {
		return nil, false, nil, 0
	}
	h := memhash64(uint64(key), m.seed)
	if e := m.find64(key, h); e != nil {
		return e.val, true, e, h
	}
	return nil, false, nil, h
}

func mapentryset(e *mapEntry, val any) {
	e.val = val
}

func mapdelete_faststr(m *hmap, key string) {
	if m == nil || m.count == 0 {
		return
	}
	if e := m.findStr(key, strhash(key, m.seed)); e != nil {
		m.remove(e)
	}
}

func mapdelete_fast64(m *hmap, key int64) {
	if m == nil || m.count == 0 {
		return
	}
	if e := m.find64(key, memhash64(uint64(key), m.seed)); e != nil {
		m.remove(e)
	}
}
