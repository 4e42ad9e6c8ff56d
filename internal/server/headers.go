package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
)

// Content security policy of the API: it answers JSON only, so its
// responses may load and run nothing. The web pages have their own (cspWeb).
const cspAPI = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", cspAPI)
		next.ServeHTTP(w, r)
	})
}

// noStore keeps answers, which may be confidential, out of caches.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// limitBody reads a POST body up to max bytes (413 beyond) and refuses
// batches: a JSON array of operations would multiply every other limit.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		if max > 0 && r.ContentLength > max {
			tooLarge(w, max)
			return
		}
		body := r.Body
		if max > 0 {
			body = http.MaxBytesReader(w, r.Body, max)
		}
		b, err := io.ReadAll(body)
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			tooLarge(w, max)
			return
		case err != nil:
			writeJSON(w, http.StatusBadRequest, gqlErrors("could not read the request body", CodeBadRequest))
			return
		}
		if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && t[0] == '[' {
			writeJSON(w, http.StatusBadRequest, gqlErrors("batched operations are not supported: send one operation per request", CodeBadRequest))
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(b))
		r.ContentLength = int64(len(b))
		next.ServeHTTP(w, r)
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	w.Header().Set("Connection", "close")
	writeJSON(w, http.StatusRequestEntityTooLarge,
		gqlErrors("the request body exceeds the limit of "+strconv.FormatInt(max, 10)+" bytes", CodeRequestTooLarge))
}
