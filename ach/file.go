package ach

import (
	"fmt"
	"strings"

	"redline"
)

// File is an ACH file as written: the question, the competing hypotheses
// and the evidence. Parse reads one and checks it whole.
type File struct {
	Name       string // the name problems are reported under
	Question   string
	Hypotheses []Hypothesis
	Evidence   []Entry
}

// Hypothesis is one of the competing explanations. Prior is its prior
// probability as written, or 0 when the file gives no priors, in which
// case every hypothesis starts equal.
type Hypothesis struct {
	ID    string  `json:"id"`
	Text  string  `json:"text"`
	Prior float64 `json:"prior,omitempty"`
	Line  int     `json:"-"`
}

// Entry is one element of the file's evidence list. An analyst's entry has
// Ratings and stands for one piece of evidence; a query entry has Query
// and Rules and stands for every stored record the query matches, each
// rated by the rules until the analyst confirms or overrides it.
type Entry struct {
	ID          string
	Text        string
	Source      string
	Date        string
	Credibility Level
	Relevance   Level
	Line        int

	// Ratings holds an analyst's entry's rating of each hypothesis, in
	// the order of File.Hypotheses.
	Ratings []Rating
	// Watch marks an analyst's entry that has not been observed: it is an
	// indicator to watch for, listed apart and left out of the scores.
	Watch bool

	Query *Query
	// Rules holds the rating a query entry suggests for every record it
	// matches, one per hypothesis.
	Rules []Rating
	// Confirmed holds the ids of generated items whose suggested ratings
	// the analyst accepted.
	Confirmed []Review
	// Overrides holds the items the analyst re-rated. Each review's
	// Ratings has one cell per hypothesis; an empty cell keeps the rule's
	// rating.
	Overrides []Review
}

// Review is an analyst's decision on one generated item, at a line of
// the file.
type Review struct {
	ID      string
	Ratings []Rating // nil for a confirmation
	Line    int
}

// Query selects stored records. Every field that is set must match:
//
//   - Actor: the speaker of a statement or the actor of an event, by
//     actor ID; a state's ID also matches its people and bodies.
//   - Topic: a statement's topic or an event's action ("negotiate").
//   - Stance: a statement's stance; only statements have one.
//   - Mode: an event's mode; only events have one.
//   - Target: the record's target, by ID; a state's ID also matches its
//     people and bodies when the store's country lookup knows them.
//   - From, To: TimeML dates; the record's date must overlap the range
//     from the start of From to the end of To.
//   - Kind: "statements" or "events", to read only one kind.
type Query struct {
	Actor  string         `json:"actor,omitempty"`
	Topic  string         `json:"topic,omitempty"`
	Stance redline.Stance `json:"stance,omitempty"`
	Mode   redline.Mode   `json:"mode,omitempty"`
	Target string         `json:"target,omitempty"`
	From   string         `json:"from,omitempty"`
	To     string         `json:"to,omitempty"`
	Kind   string         `json:"kind,omitempty"`
}

// Query kinds.
const (
	KindStatements = "statements"
	KindEvents     = "events"
)

// statements reports whether the query can match statements.
func (q *Query) statements() bool { return q.Kind != KindEvents && q.Mode == "" }

// events reports whether the query can match events.
func (q *Query) events() bool { return q.Kind != KindStatements && q.Stance == "" }

// String returns the query as it would be written in flow style.
func (q *Query) String() string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+": "+v)
		}
	}
	add("actor", q.Actor)
	add("topic", q.Topic)
	add("stance", string(q.Stance))
	add("mode", string(q.Mode))
	add("target", q.Target)
	add("from", q.From)
	add("to", q.To)
	add("kind", q.Kind)
	return "{" + strings.Join(parts, ", ") + "}"
}

// Queries returns the number of query entries.
func (f *File) Queries() int {
	n := 0
	for _, e := range f.Evidence {
		if e.Query != nil {
			n++
		}
	}
	return n
}

// validID reports whether s can name a hypothesis or an evidence entry:
// 1 to 64 ASCII letters, digits, hyphens and underscores. Generated item
// ids join an entry's id to the record's with dots, so ids never hold one.
func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// idRule describes validID for problem messages.
const idRule = "want 1-64 letters, digits, '-' or '_'"

// quoteID quotes an id for a problem message, cut short if it is long.
func quoteID(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "..."
	}
	return fmt.Sprintf("%q", s)
}
