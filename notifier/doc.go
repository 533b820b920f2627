// Package notifier delivers what the bot sends on its own initiative:
// tickets routed to staff, status updates, chiefs' notices, scheduled alerts
// and poll invitations.
//
// Every such message is first an item in storage's outbox, written in the
// same transaction as the change that causes it. The Outbox here loads the
// items, orders them by priority, holds non-urgent ones through quiet hours,
// paces them under each messenger's rate limits (across chats, per chat and
// per group) and records each delivery. An item is deleted once sent, so it
// is never sent twice; after a crash only the requests that were in flight
// can repeat.
//
// The Scheduler runs the city's scheduled alerts, its backups
// (BackupJob) and housekeeping on cron schedules in the city's time zone.
package notifier
