package respcache

import "testing"

// TestVersionChangeDropsEverything: an answer is served only at the version
// it was kept under; any other version read drops every kept answer, also
// a lower one (a restored database), so that the numbers coming round again
// cannot bring back an answer of the database before.
func TestVersionChangeDropsEverything(t *testing.T) {
	l := newLRU(1 << 20)
	l.put(&entry{key: "k", version: 5, body: []byte("a")})
	if l.get("k", 5) == nil {
		t.Fatal("not served at its own version")
	}
	if l.get("k", 6) != nil {
		t.Fatal("served at a later version")
	}
	l.put(&entry{key: "k", version: 5, body: []byte("old")}) // a request that began before the write ends after it
	if l.get("k", 6) != nil {
		t.Fatal("an answer begun before the write was kept after it")
	}
	l.put(&entry{key: "k", version: 6, body: []byte("b")})
	if l.get("k", 3) != nil { // restored: the version went back
		t.Fatal("served after the version went back")
	}
	if l.get("k", 6) != nil {
		t.Fatal("an answer of before the restore came back when the numbers reached it again")
	}
	if n, b := l.stats(); n != 0 || b != 0 {
		t.Fatalf("%d entries, %d bytes left", n, b)
	}
}
