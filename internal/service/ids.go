package service

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

// NewID returns a fresh id with a readable prefix ("off-", "org-"): random,
// so that ids from several replicas never collide.
func NewID(prefix string) string {
	b := make([]byte, 10)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return prefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}
