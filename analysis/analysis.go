package analysis

import (
	"cmp"
	"slices"
	"time"

	"redline"
	"redline/analysis/internal/rules"
)

// Options tune the analyses.
type Options struct {
	// Actor restricts the report to one actor (its id): its timeline, its
	// reversals and red lines, the gaps between its words and deeds and
	// those of others, the splits it takes a side in and the deadlines it
	// sets. Empty means all actors.
	Actor string
	// Window is the longest interval between two statements that counts
	// as a reversal. Zero means DefaultWindow.
	Window time.Duration
	// CountryOf maps an actor to the state it belongs to, so a leader's
	// words can be set against their government's deeds. Nil maps every
	// actor to itself.
	CountryOf func(id string) string
	// Limit keeps, of each section of the report, its Limit latest
	// entries, in order; Report.Totals counts them all. Zero keeps all.
	Limit int
	// Sections chooses the sections to compute; zero means all of them. A
	// command that prints one section pays for that one alone.
	Sections Section
}

// Section is a set of a report's sections.
type Section uint8

// Sections of a report.
const (
	SectionTimeline Section = 1 << iota
	SectionReversals
	SectionGaps
	SectionRedlines
	SectionSplits
	SectionDeadlines
	SectionPrecedents
)

// wants reports whether the options ask for section s.
func (o Options) wants(s Section) bool { return o.Sections == 0 || o.Sections&s != 0 }

// DefaultWindow is the reversal window when Options.Window is zero.
const DefaultWindow = 90 * 24 * time.Hour

// Entry is one line of a timeline: a statement or an event.
type Entry struct {
	Date      redline.Date       `json:"date"`
	Kind      string             `json:"kind"` // "statement" or "event"
	Actor     redline.ActorRef   `json:"actor"`
	Target    *redline.ActorRef  `json:"target"`
	Topic     string             `json:"topic"`
	Stance    redline.Stance     `json:"stance,omitempty"`
	Mode      redline.Mode       `json:"mode,omitempty"`
	CAMEO     string             `json:"cameo,omitempty"`
	Text      string             `json:"text"`
	Doc       string             `json:"doc"`
	Sentence  int                `json:"sentence"`
	Statement *redline.Statement `json:"-"`
	Event     *redline.Event     `json:"-"`
}

// Reversal is a speaker whose stance on one topic and target changed sign
// between two statements within the window.
type Reversal struct {
	Speaker redline.ActorRef  `json:"speaker"`
	Topic   string            `json:"topic"`
	Target  *redline.ActorRef `json:"target"`
	Before  redline.Statement `json:"before"`
	After   redline.Statement `json:"after"`
	Days    int               `json:"days"`
}

// Gap is a statement against an action while the speaker's side carried
// the action out, in overlapping time.
type Gap struct {
	Statement   redline.Statement `json:"statement"`
	Event       redline.Event     `json:"event"`
	Explanation string            `json:"explanation"`
}

// Report gathers every analysis. Sections that later work fills in are
// present and empty. Limit is Options.Limit; when it is set, each section
// holds its Limit latest entries and Totals says how many there are.
type Report struct {
	Counts     redline.Counts     `json:"counts"`
	Limit      int                `json:"limit,omitempty"`
	Totals     Totals             `json:"totals"`
	Timeline   []Entry            `json:"timeline"`
	Reversals  []Reversal         `json:"reversals"`
	Gaps       []Gap              `json:"gaps"`
	Redlines   []RedLine          `json:"redlines"`
	Splits     []Split            `json:"splits"`
	Precedents []BaseRate         `json:"precedents"` // with Options.Actor only
	Deadlines  []redline.Deadline `json:"deadlines"`
}

// Totals counts the entries of each section of a report, those a limit
// left out included, and the red lines by status at the end of the
// record.
type Totals struct {
	Timeline  int            `json:"timeline"`
	Reversals int            `json:"reversals"`
	Gaps      int            `json:"gaps"`
	Redlines  int            `json:"redlines"`
	Statuses  map[string]int `json:"redline_statuses"`
	Splits    int            `json:"splits"`
	Deadlines int            `json:"deadlines"`
}

// Timeline merges statements and events into one list ordered by the
// date said or done, then by document and sentence. A non-empty actor
// keeps only that actor's records.
func Timeline(stmts []redline.Statement, evs []redline.Event, actor string) []Entry {
	out := []Entry{}
	for i := range stmts {
		if actor == "" || stmts[i].Speaker.ID == actor {
			out = append(out, statementEntry(&stmts[i]))
		}
	}
	for i := range evs {
		if actor == "" || evs[i].Actor.ID == actor {
			out = append(out, eventEntry(&evs[i]))
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Actor.Name, b.Actor.Name),
			cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Sentence, b.Sentence))
	})
	return out
}

func statementEntry(st *redline.Statement) Entry {
	return Entry{Date: st.Said, Kind: "statement", Actor: st.Speaker, Target: st.Target,
		Topic: st.Topic, Stance: st.Stance, Text: st.Text, Doc: st.Doc, Sentence: st.Sentence, Statement: st}
}

func eventEntry(ev *redline.Event) Entry {
	return Entry{Date: ev.Date, Kind: "event", Actor: ev.Actor, Target: ev.Target,
		Topic: ev.Verb, Mode: ev.Mode, CAMEO: ev.CAMEO, Text: ev.Text, Doc: ev.Doc, Sentence: ev.Sentence, Event: ev}
}

// Filter keeps the timeline entries about a topic and toward a target;
// an empty topic or target keeps all.
func Filter(entries []Entry, topic, target string) []Entry {
	out := []Entry{}
	for _, e := range entries {
		if (topic == "" || e.Topic == topic) && (target == "" || rules.TargetID(e.Target) == target) {
			out = append(out, e)
		}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
