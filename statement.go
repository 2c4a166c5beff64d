package redline

import "time"

// QuoteKind says how a statement was reported.
type QuoteKind string

// Quote kinds.
const (
	QuoteDirect   QuoteKind = "direct"   // the speaker's words inside quotation marks
	QuoteIndirect QuoteKind = "indirect" // reported speech with no quotation marks
	QuoteMixed    QuoteKind = "mixed"    // reported speech that quotes some words
)

// Stance is the speaker's position toward the statement's topic.
type Stance string

// Stances.
const (
	StanceFavor   Stance = "favor"
	StanceAgainst Stance = "against"
	StanceNeutral Stance = "neutral"
)

// Commitment is how firmly the speaker binds themselves to the stance.
type Commitment string

// Commitments, strongest first.
const (
	CommitAbsolute Commitment = "absolute" // "never", "strictly forbidden"
	CommitFirm     Commitment = "firm"     // a plain assertion or pledge
	CommitHedged   Commitment = "hedged"   // "may", "might", "perhaps"
	CommitNone     Commitment = "none"     // no commitment expressed
)

// Statement is something an actor said: the SAY half of the record. Said is
// the date the words were spoken, not the date they were published. Topic is
// an action class ("negotiate", "sanction", "attack", ...) and Target the
// actor the action is toward. Score is the stance as a number in [-1, 1].
//
// A speaker missing from the actor dictionary keeps the name the text gives
// and an empty ID. SpeakerSpan and CueSpan, when set, locate the words that
// named the speaker ("Khamenei", "he") and the reporting cue ("said").
type Statement struct {
	Doc         string     `json:"doc,omitempty"`
	Sentence    int        `json:"sentence"`
	Speaker     ActorRef   `json:"speaker"`
	SpeakerSpan *Span      `json:"speaker_span,omitempty"`
	Said        Date       `json:"said"`
	Kind        QuoteKind  `json:"kind"`
	Cue         string     `json:"cue,omitempty"`
	CueSpan     *Span      `json:"cue_span,omitempty"`
	Text        string     `json:"text"`
	Span        Span       `json:"span"`
	Topic       string     `json:"topic"`
	Target      *ActorRef  `json:"target"`
	Stance      Stance     `json:"stance"`
	Score       float64    `json:"score"`
	Commitment  Commitment `json:"commitment"`
	Conditions  []string   `json:"conditions"`
	Threat      bool       `json:"threat"`
	Promise     bool       `json:"promise"`
}

// StatementFilter selects stored statements. Zero fields match everything.
// Search is a full-text query over statement text. From and To bound the
// first day of the date said: a statement matches when its date begins on
// or after From and before To, so "2013" begins on 2013-01-01. A bound that
// is set leaves out statements without a calendar date.
type StatementFilter struct {
	Doc     string
	Speaker string
	Country string // the speaker's state, or the speaker itself when a state
	Topic   string
	Target  string
	Search  string
	From    time.Time
	To      time.Time
	Limit   int
	Offset  int
}
