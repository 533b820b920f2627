package core

import "sync/atomic"

// CityHolder holds the city directory in force. A reload of the
// configuration, or a leave recorded by an admin, replaces the City whole
// instead of changing it, so a reader keeps a consistent directory for as
// long as it holds the pointer: each update and each scheduled run takes
// one snapshot with Load and uses it throughout, and never sees two cities
// within one step.
//
// The zero value holds no city; NewCityHolder gives one that does. It is
// safe for concurrent use.
type CityHolder struct {
	p atomic.Pointer[City]
}

// NewCityHolder returns a holder of c, which must be indexed and is not
// to be changed once shared.
func NewCityHolder(c *City) *CityHolder {
	h := &CityHolder{}
	h.p.Store(c)
	return h
}

// Load returns the city in force. Take it once per unit of work.
func (h *CityHolder) Load() *City { return h.p.Load() }

// Swap puts c in force and returns the city it replaces. c must be
// indexed and is not to be changed afterwards.
func (h *CityHolder) Swap(c *City) *City { return h.p.Swap(c) }
