package flows

import (
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"golang.org/x/time/rate"
)

// chatLimits caps how many messages one chat may send a minute, so that a
// flood from one person cannot crowd out everyone else. Limits live in
// memory: after a restart everyone starts afresh, which is harmless.
type chatLimits struct {
	mu      sync.Mutex
	perMin  int
	buckets map[core.ChatRef]*chatBucket
}

type chatBucket struct {
	lim *rate.Limiter
	// warned is set once the chat was told to slow down, so it is told once.
	warned bool
}

func newChatLimits(perMinute int) *chatLimits {
	return &chatLimits{perMin: perMinute, buckets: map[core.ChatRef]*chatBucket{}}
}

// allow reports whether chat may send a message at now, and whether to
// warn it (the first refusal in a row).
func (c *chatLimits) allow(chat core.ChatRef, now time.Time) (ok, warn bool) {
	if c == nil || c.perMin <= 0 {
		return true, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b := c.buckets[chat]
	if b == nil {
		if len(c.buckets) >= 10_000 {
			c.prune(now)
		}
		b = &chatBucket{lim: rate.NewLimiter(rate.Limit(float64(c.perMin)/60), c.perMin)}
		c.buckets[chat] = b
	}
	if b.lim.AllowN(now, 1) {
		b.warned = false
		return true, false
	}
	warn = !b.warned
	b.warned = true
	return false, warn
}

// prune forgets the chats whose bucket is full again: they are as new.
func (c *chatLimits) prune(now time.Time) {
	for chat, b := range c.buckets {
		if b.lim.TokensAt(now) >= float64(c.perMin) {
			delete(c.buckets, chat)
		}
	}
}
