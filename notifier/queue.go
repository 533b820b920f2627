package notifier

import (
	"container/heap"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// entry is the in-memory trace of one outbox item: enough to order and pace
// it. The item itself is read from storage when it is sent, so a large
// backlog costs little memory.
type entry struct {
	id       uint64
	priority core.Priority
	// due is when the item may go; zero means now.
	due    time.Time
	chat   string
	group  bool
	urgent bool
}

func newEntry(it core.OutboxItem) entry {
	return entry{
		id: it.ID, priority: it.Priority, due: it.NotBefore, chat: it.Chat.String(),
		group: it.Group, urgent: it.Urgent || it.Priority == core.PriorityUrgent,
	}
}

// queue holds a lane's entries: those ready to go, by priority then age,
// and those waiting for a time, by that time. An entry whose item left
// storage meanwhile (withdrawn, given up on) is found out when it is sent,
// which reads the item first.
type queue struct {
	ready   readyHeap
	delayed delayedHeap
}

func newQueue() *queue { return &queue{} }

func (q *queue) len() int { return len(q.ready) + len(q.delayed) }

// push adds e, delayed if it is not yet due at now.
func (q *queue) push(e entry, now time.Time) {
	if e.due.After(now) {
		heap.Push(&q.delayed, e)
		return
	}
	heap.Push(&q.ready, e)
}

// promote moves the entries due by now to the ready heap.
func (q *queue) promote(now time.Time) {
	for len(q.delayed) > 0 && !q.delayed[0].due.After(now) {
		heap.Push(&q.ready, heap.Pop(&q.delayed).(entry))
	}
}

// pop removes and returns the most urgent ready entry.
func (q *queue) pop() (entry, bool) {
	if len(q.ready) == 0 {
		return entry{}, false
	}
	return heap.Pop(&q.ready).(entry), true
}

// nextDue returns when the earliest delayed entry is due.
func (q *queue) nextDue() (time.Time, bool) {
	if len(q.delayed) == 0 {
		return time.Time{}, false
	}
	return q.delayed[0].due, true
}

// readyHeap orders by priority, then by id (age).
type readyHeap []entry

func (h readyHeap) Len() int { return len(h) }
func (h readyHeap) Less(i, j int) bool {
	if h[i].priority != h[j].priority {
		return h[i].priority < h[j].priority
	}
	return h[i].id < h[j].id
}
func (h readyHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *readyHeap) Push(x any)   { *h = append(*h, x.(entry)) }
func (h *readyHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// delayedHeap orders by due time, then by id.
type delayedHeap []entry

func (h delayedHeap) Len() int { return len(h) }
func (h delayedHeap) Less(i, j int) bool {
	if !h[i].due.Equal(h[j].due) {
		return h[i].due.Before(h[j].due)
	}
	return h[i].id < h[j].id
}
func (h delayedHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *delayedHeap) Push(x any)   { *h = append(*h, x.(entry)) }
func (h *delayedHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
