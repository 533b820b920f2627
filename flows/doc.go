// Package flows holds the bot's conversations, independent of any
// messenger: onboarding (language and consent), the main menu, finding a
// district inspector, alert subscriptions and emergency numbers.
//
// An Engine turns one core.Inbound into a core.Change and a list of
// core.Reply values. Each chat's place in its conversation is a looplab/fsm
// state machine whose state is stored with the resident, so a restart
// mid-conversation goes on where it stopped. A Dispatcher in front of the
// Engine records every update durably, handles each chat's updates in order
// and different chats in parallel, and hands replies to the channel's
// Sender.
package flows
