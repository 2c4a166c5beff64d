package actor

import (
	"slices"
	"sync"
	"time"

	"redline"
)

// Gazetteer is a compiled actor dictionary: the actors with their dated
// roles, and an index of every phrase that names them. It is built once by
// Load and is safe for concurrent use, since nothing changes it afterwards.
type Gazetteer struct {
	actors  []redline.Actor // ordered by ID
	byID    map[string]int32
	country []string   // CountryOf, by actor index
	members [][]string // members of groups and organisations, by actor index
	spans   [][]daySpan
	titles  []title
	byTitle map[string]int32
	offices map[officeKey][]holding
	trie    trie
	// matchers keeps the working buffers of Match calls for the next
	// ones, so that matching a document allocates only its mentions.
	matchers sync.Pool
}

// title is a compiled entry of titles.yaml.
type title struct {
	name   string
	office string
	bareOf int32 // the one actor a bare mention resolves against, or -1
}

// officeKey names one office: an office class held of one actor.
type officeKey struct {
	office string
	of     int32
}

// holding is one person's tenure of an office, in days since 1970-01-01,
// both ends inclusive.
type holding struct {
	actor    int32
	from, to int32
}

// daySpan is a tenure of any role, used to rank people who share a name.
type daySpan struct{ from, to int32 }

// Open-ended role bounds, in days.
const (
	minDay = -1 << 30
	maxDay = 1 << 30
)

// dayOf returns the calendar day of t, in t's own location, as days since
// 1970-01-01.
func dayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Actor returns the actor with the given ID.
func (g *Gazetteer) Actor(id string) (redline.Actor, bool) {
	i, ok := g.byID[id]
	if !ok {
		return redline.Actor{}, false
	}
	return g.actors[i], true
}

// Actors returns every actor, ordered by ID. The slice is a copy; the
// actors' alias and role slices are shared and must not be modified.
func (g *Gazetteer) Actors() []redline.Actor {
	return slices.Clone(g.actors)
}

// CountryOf returns the side an actor belongs to: a state's own ID, a
// person's or national organisation's state, an international official's
// organisation, and an international organisation's or group's own ID. It
// returns "" for an unknown ID and for a person with no country.
func (g *Gazetteer) CountryOf(id string) string {
	i, ok := g.byID[id]
	if !ok {
		return ""
	}
	return g.country[i]
}

// Members returns the IDs of the members of a group or organisation, as
// listed in the dictionary (the E3 are FRA, DEU and GBR), or nil.
func (g *Gazetteer) Members(id string) []string {
	i, ok := g.byID[id]
	if !ok {
		return nil
	}
	return slices.Clone(g.members[i])
}

// Holder returns the person who held an office of an actor on the day of
// date: Holder("President", "IRN", 2013-09-01) is Hassan Rouhani. The
// office is a title of titles.yaml ("Secretary of State") or its office
// class ("foreign-minister"). ok is false when no one, or more than one
// person, held it that day.
func (g *Gazetteer) Holder(office, of string, date time.Time) (redline.Actor, bool) {
	o, ok := g.byID[of]
	if !ok {
		return redline.Actor{}, false
	}
	if t, ok := g.byTitle[office]; ok {
		office = g.titles[t].office
	}
	h := g.holder(office, o, dayOf(date))
	if h < 0 {
		return redline.Actor{}, false
	}
	return g.actors[h], true
}

// holder returns the index of the one person holding an office on a day,
// or -1.
func (g *Gazetteer) holder(office string, of int32, day int32) int32 {
	who := int32(-1)
	for _, h := range g.offices[officeKey{office, of}] {
		if h.from <= day && day <= h.to {
			if who >= 0 && who != h.actor {
				return -1
			}
			who = h.actor
		}
	}
	return who
}
