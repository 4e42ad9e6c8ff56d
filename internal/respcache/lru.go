package respcache

import (
	"net/http"
	"sync"
)

// entry is one kept answer: what the inner handler wrote, and the
// directory version read before it ran.
type entry struct {
	key        string
	version    int64
	status     int
	header     http.Header // the headers the inner handler set (not those of the middleware around it)
	body       []byte
	size       int64
	prev, next *entry // the LRU list, most recently used first
}

// entryOverhead approximates what an entry costs beyond its key, header
// and body (the struct, the map slot, the header map).
const entryOverhead = 256

func (e *entry) cost() int64 {
	n := int64(entryOverhead + len(e.key) + len(e.body))
	for k, vs := range e.header {
		n += int64(len(k))
		for _, v := range vs {
			n += int64(len(v)) + 16
		}
	}
	return n
}

// lru holds entries within a byte budget, evicting the least recently
// used. Every entry holds one version: the one all of them were computed
// at (high). When a request reads another version, nothing kept can be
// served any more (the directory changed, or, going back, the database was
// replaced), so everything is dropped at once.
type lru struct {
	mu         sync.Mutex
	budget     int64
	used       int64
	high       int64 // the directory version the entries were computed at
	m          map[string]*entry
	head, tail *entry
}

func newLRU(budget int64) *lru {
	return &lru{budget: budget, m: map[string]*entry{}}
}

// get returns the entry for key if it was computed at version, the
// directory's version read for this request.
func (l *lru) get(key string, version int64) *entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	if version != l.high {
		l.clear(version)
		return nil
	}
	e := l.m[key]
	if e == nil || e.version != version {
		return nil
	}
	l.unlink(e)
	l.pushFront(e)
	return e
}

// put keeps e unless it was computed at an older version than the one the
// cache holds now, or is larger than a quarter of the budget.
func (l *lru) put(e *entry) {
	e.size = e.cost()
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case e.version < l.high:
		return // already out of date: a write committed while it ran
	case e.version > l.high:
		l.clear(e.version)
	}
	if e.size > l.budget/4 {
		return
	}
	if old := l.m[e.key]; old != nil {
		l.remove(old)
	}
	l.m[e.key] = e
	l.pushFront(e)
	l.used += e.size
	for l.used > l.budget && l.tail != nil {
		l.remove(l.tail)
	}
}

// clear drops every entry; the cache then holds version.
func (l *lru) clear(version int64) {
	clear(l.m)
	l.head, l.tail, l.used, l.high = nil, nil, 0, version
}

// stats reports the entries and bytes kept.
func (l *lru) stats() (entries int, bytes int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.m), l.used
}

func (l *lru) remove(e *entry) {
	l.unlink(e)
	delete(l.m, e.key)
	l.used -= e.size
}

func (l *lru) unlink(e *entry) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		l.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		l.tail = e.prev
	}
	e.prev, e.next = nil, nil
}

func (l *lru) pushFront(e *entry) {
	e.next = l.head
	if l.head != nil {
		l.head.prev = e
	}
	l.head = e
	if l.tail == nil {
		l.tail = e
	}
}
