package redline

import "time"

// Mode says how an event is known to have happened, or whether it did.
type Mode string

// Modes.
const (
	ModePublic       Mode = "public"       // done in the open
	ModeCovert       Mode = "covert"       // secret talks, a backchannel
	ModeAlleged      Mode = "alleged"      // reportedly, allegedly
	ModeNegated      Mode = "negated"      // did not attack, refused to meet
	ModeFuture       Mode = "future"       // will impose
	ModeHypothetical Mode = "hypothetical" // would retaliate if attacked
)

// Quad classes, numbered as GDELT and ICEWS number them.
const (
	QuadVerbalCooperation   = 1
	QuadMaterialCooperation = 2
	QuadVerbalConflict      = 3
	QuadMaterialConflict    = 4
)

// Event is something an actor did to a target: the DO half of the record.
// CAMEO is the 2-4 digit CAMEO code, PLOVER the PLOVER category; Goldstein
// is the code's weight on the Goldstein conflict-cooperation scale and Quad
// its quad class (1-4).
type Event struct {
	Doc       string    `json:"doc,omitempty"`
	Sentence  int       `json:"sentence"`
	Actor     ActorRef  `json:"actor"`
	Target    *ActorRef `json:"target"`
	Verb      string    `json:"verb,omitempty"`
	CAMEO     string    `json:"cameo"`
	PLOVER    string    `json:"plover"`
	Date      Date      `json:"date"`
	Mode      Mode      `json:"mode"`
	Goldstein float64   `json:"goldstein"`
	Quad      int       `json:"quad"`
	Text      string    `json:"text"`
	Span      Span      `json:"span"`
}

// EventFilter selects stored events. Zero fields match everything. From
// and To bound the first day of the event's date, as they do in
// StatementFilter.
type EventFilter struct {
	Doc     string
	Actor   string
	Country string // the actor's state, or the actor itself when a state
	Target  string
	PLOVER  string
	Mode    Mode
	From    time.Time
	To      time.Time
	Limit   int
	Offset  int
}
