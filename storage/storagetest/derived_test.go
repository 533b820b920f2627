package storagetest_test

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// TestDerivedFindsANumberInAWamid: a wamid is the base64 of bytes that
// include the sender's number, at any alignment.
func TestDerivedFindsANumberInAWamid(t *testing.T) {
	number := "77071234567"
	for pad := range 3 {
		raw := strings.Repeat("\x1c", pad+1) + "\x0b" + number + "\x15\x02\x00\x12"
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			wamid := "wamid." + enc.EncodeToString([]byte(raw))
			found := false
			for _, d := range storagetest.Derived(number) {
				found = found || strings.Contains(wamid, d)
			}
			if !found {
				t.Errorf("%s: the number is not found in it", wamid)
			}
		}
	}
	// Meta's own sample.
	sample := "wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQTRBNjU5OUFFRTAzMTE="
	if !slices.ContainsFunc(storagetest.Derived(number), func(d string) bool { return strings.Contains(sample, d) }) {
		t.Errorf("%s: the number is not found in it", sample)
	}
}
