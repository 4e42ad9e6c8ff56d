package access

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// SecretPrefix marks Lotse tokens so that secret scanners can find leaked ones.
const SecretPrefix = "lotse_"

// NewSecret returns a new random bearer token secret (256 bits).
func NewSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return SecretPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret is what the store keeps of a secret: its hex SHA-256. A fast
// hash is right here because secrets are long random strings, not passwords.
func HashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}
