package server

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

func TestAddressKey(t *testing.T) {
	for in, want := range map[string]string{
		"203.0.113.9":                    "203.0.113.9",
		"::ffff:203.0.113.9":             "203.0.113.9",
		"2001:db8:1:2:aaaa:bbbb:cccc:dd": "2001:db8:1:2::/64",
		"2001:db8:1:2::1":                "2001:db8:1:2::/64",
		"2001:db8:1:3::1":                "2001:db8:1:3::/64",
		"fe80::1%eth0":                   "fe80::/64",
		"::1":                            "::/64",
		"not-an-address":                 "not-an-address",
	} {
		if got := addressKey(in); got != want {
			t.Errorf("addressKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAddressLimitIPv6Network: the clients of one /64 share a bucket,
// another /64 and IPv4 clients have their own; the 429 says when to retry.
func TestAddressLimitIPv6Network(t *testing.T) {
	h := limitAddress(RateLimit{PerSecond: 0.5, Burst: 1}, false,
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	do := func(remote string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/graphql", nil)
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := do("[2001:db8:7:7::1]:4000"); w.Code != http.StatusOK {
		t.Fatalf("first request: %d", w.Code)
	}
	w := do("[2001:db8:7:7:ffff:ffff:ffff:ffff]:4001") // same /64, another address
	if w.Code != http.StatusTooManyRequests {
		t.Fatalf("second address of the same /64: %d, want 429", w.Code)
	}
	if s, _ := strconv.Atoi(w.Header().Get("Retry-After")); s < 1 || s > 2 {
		t.Errorf("Retry-After %q, want 1 or 2 s at 0.5/s", w.Header().Get("Retry-After"))
	}
	if w := do("[2001:db8:7:8::1]:4000"); w.Code != http.StatusOK {
		t.Errorf("another /64 shares the bucket: %d", w.Code)
	}
	if w := do("192.0.2.1:4000"); w.Code != http.StatusOK {
		t.Errorf("IPv4 client: %d", w.Code)
	}
	if w := do("192.0.2.2:4000"); w.Code != http.StatusOK {
		t.Errorf("each IPv4 address has its own bucket: %d", w.Code)
	}
}

// TestRefusedRequestCostsNothing: hammering an empty bucket does not push
// the next allowed request further out.
func TestRefusedRequestCostsNothing(t *testing.T) {
	now := time.Unix(100, 0)
	l := newLimiter(RateLimit{PerSecond: 1, Burst: 1})
	l.now = func() time.Time { return now }
	if ok, _ := l.allow("k"); !ok {
		t.Fatal("first request refused")
	}
	for range 50 {
		if ok, _ := l.allow("k"); ok {
			t.Fatal("request beyond the burst allowed")
		}
	}
	now = now.Add(time.Second)
	if ok, wait := l.allow("k"); !ok {
		t.Errorf("after 1 s at 1/s the request is refused (wait %s): refusals cost tokens", wait)
	}
}
