package flows

import (
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// forgetEvery is how often one chat may have its data deleted. A forget
// scans whole buckets in a transaction of its own, which holds up every
// other write while it runs; a resident has no need to forget twice in a
// few minutes, and someone who repeats it to slow the bot down is stopped.
const forgetEvery = 10 * time.Minute

// forgetLimits remembers, in memory only, when each chat last had its data
// deleted. After a restart everyone may forget again at once, which is
// harmless; what is kept is a chat ref for at most forgetEvery, never on
// disk.
type forgetLimits struct {
	mu   sync.Mutex
	last map[core.ChatRef]time.Time
}

func newForgetLimits() *forgetLimits {
	return &forgetLimits{last: map[core.ChatRef]time.Time{}}
}

// wait returns how long chat must still wait at now before forgetting
// again; zero means it may.
func (f *forgetLimits) wait(chat core.ChatRef, now time.Time) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	last, ok := f.last[chat]
	if !ok || now.Sub(last) >= forgetEvery {
		return 0
	}
	return forgetEvery - now.Sub(last)
}

// done records that chat's data were deleted at now, and lets go of the
// chats whose wait is over.
func (f *forgetLimits) done(chat core.ChatRef, now time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for c, at := range f.last {
		if now.Sub(at) >= forgetEvery {
			delete(f.last, c)
		}
	}
	f.last[chat] = now
}
