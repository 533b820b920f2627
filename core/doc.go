// Package core holds beatbot's channel-neutral vocabulary: the city
// directory (precincts, districts, staff, streets), residents and their
// conversations, inbound messages and the replies the bot sends back.
//
// It imports nothing else from beatbot, so every other package can depend on
// it: the messenger adapters in bot/ translate to and from these types, the
// conversation flows reason in them, and storage persists them.
package core
