// Package configs loads a city's configuration, a YAML file describing its
// precincts, districts, streets and staff, into a core.City, and validates
// it thoroughly before the bot may serve residents with it.
//
// A mistake in this file sends a resident to the wrong officer, so Load
// reports every problem it finds at once, each naming the file and the
// field ("districts[3].inspector: unknown staff id "s-42""), instead of
// stopping at the first. Findings that may be intended, such as two
// districts whose boundaries overlap, are returned as warnings.
//
// The city file may list safety polls, one file each, which Load checks
// against the city; LoadPoll loads one on its own.
//
// The schema is documented in README.md beside this file; example/city.yaml
// is a complete, valid city modelled on Karaganda, with invented staff.
package configs
