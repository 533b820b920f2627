// Package locale holds every text the bot shows to people, in Russian,
// Kazakh and English.
//
// Texts are looked up by Key. Each area of the bot keeps its keys and texts
// in its own file (onboarding.go, menu.go, find.go, alerts.go, emergency.go,
// input.go, commands.go), merged into one catalog. A test checks that every
// text exists in all three languages and uses the same arguments with the
// same verbs, so a flow can never answer a resident in a language they did
// not choose. A language may reorder the arguments with explicit indices
// (%[2]s … %[1]s) where its word order needs it.
package locale
