package server

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/service"
)

// Authenticate resolves the bearer token of a request into the caller. No
// token means the anonymous PUBLIC caller; a bad or revoked token is refused
// outright, so a client never silently runs with fewer rights than it thinks.
func Authenticate(svc *service.Service, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r.WithContext(access.WithPrincipal(r.Context(), access.Anonymous)))
			return
		}
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || secret == "" {
			unauthenticated(w, "the Authorization header must be \"Bearer <token>\"")
			return
		}
		p, err := svc.Authenticate(r.Context(), strings.TrimSpace(secret))
		switch {
		case errors.Is(err, service.ErrUnknownToken), errors.Is(err, service.ErrRevokedToken):
			unauthenticated(w, err.Error())
			return
		case err != nil:
			slog.ErrorContext(r.Context(), "token lookup failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, gqlErrors("the database is not reachable right now", "UNAVAILABLE"))
			return
		}
		next.ServeHTTP(w, r.WithContext(access.WithPrincipal(r.Context(), p)))
	})
}

func gqlErrors(msg, code string) map[string]any {
	return map[string]any{"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}}}
}

func unauthenticated(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="lotse"`)
	writeJSON(w, http.StatusUnauthorized, gqlErrors(msg, "UNAUTHENTICATED"))
}
