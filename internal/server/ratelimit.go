package server

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
)

// RateLimit is a token bucket per key: Burst requests at once, refilled at
// PerSecond. PerSecond ≤ 0 turns it off.
type RateLimit struct {
	PerSecond float64
	Burst     int // 0: twice PerSecond, at least 1
}

func (r RateLimit) on() bool { return r.PerSecond > 0 }

func (r RateLimit) burst() float64 {
	if r.Burst > 0 {
		return float64(r.Burst)
	}
	return math.Max(1, math.Ceil(2*r.PerSecond))
}

// maxBuckets bounds the memory of a limiter: beyond it, buckets that have
// refilled completely are forgotten (a full bucket is the same as none).
const maxBuckets = 100_000

// limiter holds one token bucket per key (a token id or a client address).
type limiter struct {
	rate  RateLimit
	now   func() time.Time
	mu    sync.Mutex
	byKey map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(r RateLimit) *limiter {
	return &limiter{rate: r, now: time.Now, byKey: map[string]*bucket{}}
}

// allow takes a token from key's bucket; when it is empty, it says how long
// until the next token.
func (l *limiter) allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.byKey[key]
	if b == nil {
		if len(l.byKey) >= maxBuckets {
			l.sweep(now)
		}
		b = &bucket{tokens: l.rate.burst(), at: now}
		l.byKey[key] = b
	} else {
		b.tokens = math.Min(l.rate.burst(), b.tokens+now.Sub(b.at).Seconds()*l.rate.PerSecond)
		b.at = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.rate.PerSecond * float64(time.Second))
	return false, wait
}

// sweep forgets the buckets that are full by now. If every bucket is in use
// (a flood from many keys), it forgets them all rather than grow: the
// address limit still applies to each of them.
func (l *limiter) sweep(now time.Time) {
	full := l.rate.burst()
	for k, b := range l.byKey {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate.PerSecond >= full {
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
		if ok, wait := l.allow(clientAddress(req, trustProxy)); !ok {
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
