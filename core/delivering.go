package core

import "context"

// ItemRef names the outbox item a delivery is for: its storage id and its
// key, which says what it is about ("ticket:<id>:…" for a ticket's card
// and messages).
type ItemRef struct {
	ID  uint64
	Key string
}

type itemKey struct{}

// WithItem returns ctx carrying the outbox item being delivered. The
// notifier sets it around a delivery, so that an adapter that keeps what it
// sent (WhatsApp, for failures Meta reports later) can keep it with the
// item: what is kept of a ticket's card is then erased with the ticket,
// and nothing is kept of an item withdrawn while it was being sent.
func WithItem(ctx context.Context, it ItemRef) context.Context {
	return context.WithValue(ctx, itemKey{}, it)
}

// ItemFrom returns the outbox item ctx carries, if any.
func ItemFrom(ctx context.Context) (ItemRef, bool) {
	it, ok := ctx.Value(itemKey{}).(ItemRef)
	return it, ok
}
