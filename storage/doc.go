// Package storage keeps beatbot's state in one embedded bbolt file: the
// residents, their conversations and subscriptions, and the queue of updates
// that arrived but are not yet handled.
//
// The API speaks only in core types, so that a later PostgreSQL store can
// stand in for it; no bbolt type leaves this package. Every method that
// changes data commits (and fsyncs) before it returns, which is what lets the
// bot answer a resident only after their change is durable.
//
// Snapshot and Backup copy the file consistently while the bot runs;
// backup files are written whole or not at all and checked by Verify;
// Restore puts one in place of a file no bot holds.
package storage
