package core

import (
	"crypto/sha256"
	"encoding/hex"
)

// Digest returns a stable, one-way name for s: the hex of the first 16
// bytes of its SHA-256. A messenger's id that encodes a phone number
// (WhatsApp's wamid is the base64 of one, among other things) is stored,
// used in keys and logged as its digest, never as it is: the same id
// always gives the same digest, so redeliveries are still recognised after
// a restart, and the digest gives nothing of the number away.
func Digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}
