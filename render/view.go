package render

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"redline"
	"redline/analysis"
)

// Options describe the report around its records.
type Options struct {
	// Title heads the document. Empty means DefaultTitle.
	Title string
	// Database names where the records came from, shown under the title.
	Database string
	// Actor labels the actor the report was restricted to, if any.
	Actor string
	// Generated is the time the report was made, as the caller wants it
	// shown. The package never reads the clock.
	Generated string
	// ChartActors is how many actors, those with the most statements, get
	// a row in the stance chart. Zero means DefaultChartActors.
	ChartActors int
	// Link, when set, makes each mark of the stance chart a link to the
	// URL it returns for the record's document and sentence.
	Link func(doc string, sentence int) string
}

// DefaultTitle is the title used when Options.Title is empty.
const DefaultTitle = "redline report"

// DefaultChartActors is the number of chart rows when
// Options.ChartActors is zero.
const DefaultChartActors = 6

func (o Options) title() string {
	if o.Title == "" {
		return DefaultTitle
	}
	return o.Title
}

func (o Options) chartActors() int {
	if o.ChartActors <= 0 {
		return DefaultChartActors
	}
	return o.ChartActors
}

// group is one actor's part of the timeline.
type group struct {
	Key        string // actor ID, or "name:" and the name for actors outside the dictionary
	Name       string
	ID         string
	Entries    []analysis.Entry
	Statements int
	Events     int
}

// groups splits the timeline by actor, keeping each actor's records in
// timeline order. Actors with the most records come first, then by name.
func groups(entries []analysis.Entry) []group {
	index := map[string]int{}
	var out []group
	for _, e := range entries {
		k := actorKey(e.Actor)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, group{Key: k, Name: e.Actor.Name, ID: e.Actor.ID})
		}
		g := &out[i]
		g.Entries = append(g.Entries, e)
		if e.Kind == "event" {
			g.Events++
		} else {
			g.Statements++
		}
	}
	slices.SortStableFunc(out, func(a, b group) int {
		return cmp.Or(cmp.Compare(len(b.Entries), len(a.Entries)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Key, b.Key))
	})
	return out
}

func actorKey(a redline.ActorRef) string {
	if a.ID != "" {
		return a.ID
	}
	return "name:" + a.Name
}

// idLabel says how the actor is known: its ID, or that it is not in the
// dictionary.
func (g group) idLabel() string {
	if g.ID == "" {
		return "not in the dictionary"
	}
	return g.ID
}

// latestOf says, when a report's limit kept only the latest shown of a
// section's total entries, that it did: "The latest 50 of 295,109.";
// otherwise "".
func latestOf(shown, total int) string {
	if total <= shown {
		return ""
	}
	return fmt.Sprintf("The latest %s of %s.", thousands(shown), thousands(total))
}

// records says how many timeline records a report shows: "595 records",
// or "the latest 50 of 2,000,000 records" when a limit left some out.
func records(r *analysis.Report) string {
	if n, total := len(r.Timeline), r.Totals.Timeline; total > n {
		return fmt.Sprintf("the latest %s of %s records", thousands(n), thousands(total))
	}
	return plural(len(r.Timeline), "record")
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plural writes a count with its noun: "1 statement", "3 statements".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// records sums up a group: "3 statements, 1 event".
func (g group) records() string {
	return plural(g.Statements, "statement") + ", " + plural(g.Events, "event")
}

// verb says whether an entry was said or done.
func verb(e analysis.Entry) string {
	if e.Kind == "event" {
		return "did"
	}
	return "said"
}

// commitment returns the commitment of a statement entry, or "" when the
// entry carries no statement (an event, or a report decoded from JSON).
func commitment(e analysis.Entry) redline.Commitment {
	if e.Statement == nil {
		return ""
	}
	return e.Statement.Commitment
}

// what describes the position an entry takes: the stance and commitment
// of a statement ("against, firm") or the mode of an event ("covert").
func what(e analysis.Entry) string {
	if e.Kind == "event" {
		return orDash(string(e.Mode))
	}
	s := orDash(string(e.Stance))
	if c := commitment(e); c != "" && c != redline.CommitNone {
		s += ", " + string(c)
	}
	return s
}

// stanceClass maps a stance or mode to a fixed CSS class, so data never
// chooses a class name.
func stanceClass(e analysis.Entry) string {
	if e.Kind == "event" {
		switch e.Mode {
		case redline.ModeCovert, redline.ModeAlleged:
			return "hidden"
		case redline.ModeNegated, redline.ModeFuture, redline.ModeHypothetical:
			return "unreal"
		}
		return "deed"
	}
	switch e.Stance {
	case redline.StanceFavor:
		return "favor"
	case redline.StanceAgainst:
		return "against"
	}
	return "neutral"
}

func refName(r *redline.ActorRef) string {
	if r == nil {
		return "-"
	}
	return r.Name
}

// toward names an action's target for running text: "toward Iran", or
// nothing when there is none.
func toward(r *redline.ActorRef) string {
	if r == nil || r.Name == "" {
		return ""
	}
	return " toward " + oneLine(r.Name, 0)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// short cuts a document ID to eight characters for tables.
func short(id string) string {
	if r := []rune(id); len(r) > 8 {
		return string(r[:8])
	}
	return id
}

// oneLine flattens white space, drops control and bidirectional override
// characters (article text is untrusted and must not reorder what the
// reader sees) and cuts s to n runes, marking a cut with an ellipsis.
// n <= 0 means no limit.
func oneLine(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); n > 0 && len(r) > n {
		return strings.TrimSpace(string(r[:n-1])) + "…"
	}
	return s
}

// quote wraps trimmed text in curly quotes.
func quote(s string, n int) string { return "“" + oneLine(s, n) + "”" }

// Items renders each element of a report section the package has no
// dedicated layout for as one line of JSON. v may be a slice of any type
// ([]any today, a typed slice such as []analysis.Redline later), so
// callers compile unchanged when a section gets its real type. Anything
// that is not a slice, and a nil or empty slice, gives no items. JSON
// escapes <, > and & itself, so the lines are safe in every output.
func Items(v any) []string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]string, 0, rv.Len())
	for i := 0; i < rv.Len(); i++ {
		b, err := json.Marshal(rv.Index(i).Interface())
		if err != nil {
			b = []byte(`"unrenderable item: ` + strings.ReplaceAll(err.Error(), `"`, `'`) + `"`)
		}
		out = append(out, oneLine(string(b), 0))
	}
	return out
}

// hook is a report section rendered generically until it has a layout of
// its own. Note says how many items a limit left out, if any.
type hook struct {
	ID    string
	Title string
	Note  string
	Items []string
}

// hooks returns the generically rendered sections of r.
//
// HOOK(redlines): red lines still render here through Items. To give a
// section a proper layout, add it to markdown.go and report.html and drop
// it from this list. Precedents are one sentence each: their base rates.
func hooks(r *analysis.Report) []hook {
	precedents := hook{ID: "precedents", Title: "Precedents", Items: []string{}}
	for _, b := range r.Precedents {
		precedents.Items = append(precedents.Items, b.Text)
	}
	if len(r.Precedents) == 0 {
		precedents.Note = "Base rates are drawn for one actor's patterns: report --actor ID, or redline precedents."
	}
	return []hook{
		{ID: "redlines", Title: "Red lines", Note: latestOf(len(r.Redlines), r.Totals.Redlines), Items: Items(r.Redlines)},
		precedents,
	}
}
