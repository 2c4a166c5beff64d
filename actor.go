package redline

import "time"

// ActorKind says what sort of thing an actor is.
type ActorKind string

// Actor kinds.
const (
	KindPerson       ActorKind = "person"
	KindState        ActorKind = "state"
	KindOrganisation ActorKind = "organisation"
	KindGroup        ActorKind = "group"
)

// Actor is a person, state, organisation or group that says or does things.
// ID is stable: ISO 3166 alpha-3 codes for states ("IRN", "USA"), short
// upper-case codes for organisations ("UNO", "IAEA"), and lower-case
// hyphenated names for people ("ali-khamenei").
type Actor struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Kind    ActorKind `json:"kind"`
	Country string    `json:"country,omitempty"`
	Gender  string    `json:"gender,omitempty"` // "m", "f" or empty; used to resolve pronouns
	Aliases []string  `json:"aliases,omitempty"`
	Roles   []Role    `json:"roles,omitempty"`
}

// Role is an office an actor held between two dates: Khamenei was Supreme
// Leader of IRN from 1989-06-04 with no end. Of names the state or
// organisation the office belongs to. From and To are day values; an empty
// To means the role is still held.
type Role struct {
	Title string `json:"title"`
	Of    string `json:"of"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// ActiveAt reports whether the role was held on day t. Both bounds are
// inclusive, as they are in PETRARCH's dated actor codes.
func (r Role) ActiveAt(t time.Time) bool {
	day := t.Format("2006-01-02")
	if r.From != "" && day < r.From {
		return false
	}
	if r.To != "" && day > r.To {
		return false
	}
	return true
}

// ActorRef names an actor inside a record. Sector, when set, narrows a state
// to one of its parts the way CAMEO agent codes do ("GOV", "MIL").
type ActorRef struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Sector string `json:"sector,omitempty"`
}

// MentionKind says how an actor was named in text.
type MentionKind string

// Mention kinds.
const (
	MentionName    MentionKind = "name"    // "Ali Khamenei", "Iran"
	MentionRole    MentionKind = "role"    // "Iran's Supreme Leader", "the US president"
	MentionDemonym MentionKind = "demonym" // "Iranian", "American"
	MentionCapital MentionKind = "capital" // "Tehran" standing for Iran
	MentionPronoun MentionKind = "pronoun" // "he", resolved by coreference
)

// Mention is one place in the text where an actor is named. Country is the
// state the actor belongs to (the actor itself for a state), so that a
// person's words and their government's deeds can be set side by side.
type Mention struct {
	Actor    ActorRef    `json:"actor"`
	Country  string      `json:"country,omitempty"`
	Kind     MentionKind `json:"kind"`
	Span     Span        `json:"span"`
	Sentence int         `json:"sentence"`
	Person   bool        `json:"person,omitempty"`
	Gender   string      `json:"gender,omitempty"`
	Plural   bool        `json:"plural,omitempty"`
}
