package server

import (
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/lotse-kim/lotse/internal/access"
)

// RateLimit is a token bucket per key: Burst requests at once, refilled at
// PerSecond. PerSecond ≤ 0 turns it off.
type RateLimit struct {
	PerSecond float64
	Burst     int // 0: twice PerSecond, at least 1
}

func (r RateLimit) on() bool { return r.PerSecond > 0 }

func (r RateLimit) burst() int {
	if r.Burst > 0 {
		return r.Burst
	}
	return int(math.Max(1, math.Ceil(2*r.PerSecond)))
}

// maxBuckets bounds the memory of a limiter: beyond it, buckets that have
// refilled completely are forgotten (a full bucket is the same as none).
const maxBuckets = 100_000

// limiter holds one token bucket (golang.org/x/time/rate) per key: a token
// id or a client address.
type limiter struct {
	rate  RateLimit
	now   func() time.Time
	mu    sync.Mutex
	byKey map[string]*rate.Limiter
}

func newLimiter(r RateLimit) *limiter {
	return &limiter{rate: r, now: time.Now, byKey: map[string]*rate.Limiter{}}
}

// allow takes a token from key's bucket; when it is empty, it says how long
// until the next token.
func (l *limiter) allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	b := l.byKey[key]
	if b == nil {
		if len(l.byKey) >= maxBuckets {
			l.sweep(now)
		}
		b = rate.NewLimiter(rate.Limit(l.rate.PerSecond), l.rate.burst())
		l.byKey[key] = b
	}
	l.mu.Unlock()
	// A reservation says how long the caller would have to wait; one that
	// has to wait is given back, so a refused request costs no token.
	res := b.ReserveN(now, 1)
	if wait := res.DelayFrom(now); wait > 0 {
		res.CancelAt(now)
		return false, wait
	}
	return true, 0
}

// sweep forgets the buckets that are full by now. If every bucket is in use
// (a flood from many keys), it forgets them all rather than grow: the
// address limit still applies to each of them. The caller holds l.mu.
func (l *limiter) sweep(now time.Time) {
	full := float64(l.rate.burst())
	for k, b := range l.byKey {
		if b.TokensAt(now) >= full {
			delete(l.byKey, k)
		}
	}
	if len(l.byKey) >= maxBuckets {
		clear(l.byKey)
	}
}

// rateLimited answers 429 with Retry-After (whole seconds, rounded up) and a
// GraphQL error RATE_LIMITED.
func rateLimited(w http.ResponseWriter, wait time.Duration, what string) {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeJSON(w, http.StatusTooManyRequests,
		gqlErrors("too many requests from this "+what+"; retry after "+strconv.Itoa(secs)+" s", CodeRateLimited))
}

// limitAddress limits requests per client address, before authentication,
// so that neither floods nor token guessing get through.
func limitAddress(r RateLimit, trustProxy bool, next http.Handler) http.Handler {
	if !r.on() {
		return next
	}
	l := newLimiter(r)
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if ok, wait := l.allow(addressKey(clientAddress(req, trustProxy))); !ok {
			rateLimited(w, wait, "address")
			return
		}
		next.ServeHTTP(w, req)
	})
}

// limitToken limits requests per token, after authentication; anonymous
// requests are limited by address only.
func limitToken(r RateLimit, next http.Handler) http.Handler {
	if !r.on() {
		return next
	}
	l := newLimiter(r)
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		p := access.FromContext(req.Context())
		if p.Authenticated() {
			if ok, wait := l.allow(p.TokenID); !ok {
				rateLimited(w, wait, "token")
				return
			}
		}
		next.ServeHTTP(w, req)
	})
}

// clientAddress is the caller's IP address. Behind a reverse proxy
// (trustProxy) it is the last address of X-Forwarded-For: the one the proxy
// itself appended; earlier ones are whatever the client claimed.
func clientAddress(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			parts := strings.Split(xff[len(xff)-1], ",")
			if ip := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// addressKey is the rate-limit key of a client address: an IPv4 address
// itself, an IPv6 address its /64 network. One IPv6 subscriber usually holds
// a whole /64 and could otherwise take a fresh bucket for every request.
func addressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	ip = ip.Unmap() // ::ffff:192.0.2.1 is the IPv4 client 192.0.2.1
	if ip.Is4() {
		return ip.String()
	}
	p, err := ip.WithZone("").Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}
