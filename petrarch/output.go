package petrarch

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Coded is one input sentence and what coding it gave.
type Coded struct {
	Input
	Result
}

// StoryEvent is an event after PETRARCH's story filter: one per story,
// date, source, target and code, with the ids of every sentence that
// coded it and their issues summed.
type StoryEvent struct {
	Date                 int
	Source, Target, Code string
	IDs                  []string
	Issues               []Issue
	URL, Publisher       string
	// SourceText, TargetText and EventText are the words the first
	// sentence that coded the event read its actors and verb from.
	SourceText, TargetText, EventText string
}

// StoryFilter keeps one event per story, date, source, target and code,
// in the order first coded, as PETRARCH does before writing. A story with
// a story-level discard loses all its events.
func StoryFilter(coded []Coded) []StoryEvent {
	type key struct {
		story, src, tgt, code string
		date                  int
	}
	discarded := map[string]bool{}
	for _, c := range coded {
		if c.Discard == "story" {
			discarded[c.Story] = true
		}
	}
	index := map[key]int{}
	var out []StoryEvent
	for _, c := range coded {
		if discarded[c.Story] {
			continue
		}
		for _, e := range c.Events {
			k := key{c.Story, e.Source, e.Target, e.Code, c.Date}
			i, ok := index[k]
			if !ok {
				out = append(out, StoryEvent{Date: c.Date, Source: e.Source, Target: e.Target, Code: e.Code, URL: c.URL, Publisher: orNull(c.Source),
					SourceText: e.SourceSpan.In(c.Text), TargetText: e.TargetSpan.In(c.Text), EventText: e.Verb.In(c.Text)})
				i = len(out) - 1
				index[k] = i
			}
			se := &out[i]
			if !contains(se.IDs, c.ID) {
				se.IDs = append(se.IDs, c.ID)
				se.Issues = mergeIssues(se.Issues, c.Issues)
			}
		}
	}
	return out
}

// orNull returns the publisher, or "NULL", which PETRARCH writes when a
// story names none.
func orNull(p string) string {
	if p == "" {
		return "NULL"
	}
	return p
}

func orDashes(s string) string {
	if s == "" {
		return nullCode
	}
	return strings.Join(strings.Fields(s), " ")
}

func contains(a []string, s string) bool {
	for _, x := range a {
		if x == s {
			return true
		}
	}
	return false
}

func mergeIssues(a, b []Issue) []Issue {
	for _, x := range b {
		found := false
		for i := range a {
			if a[i].Code == x.Code {
				a[i].Count += x.Count
				found = true
			}
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

func issueField(is []Issue) string {
	parts := make([]string, len(is))
	for i, x := range is {
		parts[i] = x.Code + "," + strconv.Itoa(x.Count)
	}
	return strings.Join(parts, ";")
}

// EventLine says which optional columns an event line has, as
// PETRARCH's write_actor_text and write_event_text do.
type EventLine struct {
	ActorText, EventText bool
}

// WriteEvents writes events as PETRARCH-2 writes its event file, one
// tab-separated line each: date, source, target, code, issues
// ("CODE,N;CODE,N" or empty), sentence ids joined by ";", the url when
// there is one, and the publisher; then, as l asks, the source's and the
// target's text and the verb's ("---" for none).
func WriteEvents(w io.Writer, events []StoryEvent, l EventLine) error {
	var b strings.Builder
	for _, e := range events {
		fmt.Fprintf(&b, "%08d\t%s\t%s\t%s\t%s\t%s", e.Date, e.Source, e.Target, e.Code, issueField(e.Issues), strings.Join(e.IDs, ";"))
		if e.URL != "" {
			fmt.Fprintf(&b, "\t%s", e.URL)
		}
		fmt.Fprintf(&b, "\t%s", e.Publisher)
		if l.ActorText {
			fmt.Fprintf(&b, "\t%s\t%s", orDashes(e.SourceText), orDashes(e.TargetText))
		}
		if l.EventText {
			fmt.Fprintf(&b, "\t%s", orDashes(e.EventText))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Phoenix writes events in the 26 tab-separated columns of the Phoenix
// data set: id, date, year, month, day; for the source and then the
// target the full code, its root (a country or IGO, NGO, IMG, MNC), its
// primary agent and the other three-letter codes; the code, its root,
// quad class and Goldstein score; issues; five location columns (empty:
// redline does not geolocate); sentence ids, urls and publishers.
type Phoenix struct {
	// Roots are the codes that count as roots: PhoenixRoots gives the
	// three-letter codes of an actor dictionary.
	Roots map[string]bool
	// Goldstein returns the Goldstein score of a CAMEO code; a code it
	// does not know takes the score of its root, else is left empty.
	Goldstein func(code string) (float64, bool)
	// FirstID numbers the first event.
	FirstID int
}

// PhoenixRoots returns the roots for Phoenix output: the three-letter
// actor codes of the dictionaries and IGO, NGO, IMG and MNC.
func PhoenixRoots(d *Dictionaries) map[string]bool { return d.Actors.roots }

var primaryAgents = map[string]bool{"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true,
	"JUD": true, "SPY": true, "MED": true, "EDU": true, "BUS": true, "CRM": true, "CVL": true}

// Write writes the events.
func (p *Phoenix) Write(w io.Writer, events []StoryEvent) error {
	var b strings.Builder
	for i, e := range events {
		date := fmt.Sprintf("%08d", e.Date)
		cols := []string{strconv.Itoa(p.FirstID + i), date, date[:4], date[4:6], date[6:]}
		cols = append(cols, p.actor(e.Source)...)
		cols = append(cols, p.actor(e.Target)...)
		root := e.Code
		if len(root) > 2 {
			root = root[:2]
		}
		cols = append(cols, e.Code, root, quadClass(root), p.goldstein(e.Code, root), issueField(e.Issues),
			"", "", "", "", "", strings.Join(e.IDs, ";"), e.URL, e.Publisher)
		b.WriteString(strings.Join(cols, "\t"))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// actor splits an actor code into its Phoenix columns.
func (p *Phoenix) actor(code string) []string {
	root, agent, rest := "", "", ""
	if len(code) >= 3 && p.Roots[code[:3]] {
		root = code[:3]
	}
	if len(code) >= 6 && primaryAgents[code[3:6]] {
		agent = code[3:6]
	}
	start := 3
	if agent != "" {
		start = 6
	}
	var others []string
	for i := start; i < len(code); i += 3 {
		others = append(others, code[i:min(i+3, len(code))])
	}
	rest = strings.Join(others, ";")
	return []string{code, root, agent, rest}
}

func (p *Phoenix) goldstein(code, root string) string {
	if p.Goldstein == nil {
		return ""
	}
	if g, ok := p.Goldstein(code); ok {
		return strconv.FormatFloat(g, 'f', 1, 64)
	}
	if g, ok := p.Goldstein(root + "0"); ok {
		return strconv.FormatFloat(g, 'f', 1, 64)
	}
	return ""
}

// quadClass is the Phoenix quad class of a root code: 0 statements and
// appeals, 1 verbal cooperation, 2 material cooperation, 3 verbal
// conflict (09-13 and 16), 4 material conflict.
func quadClass(root string) string {
	switch {
	case root >= "01" && root <= "02":
		return "0"
	case root >= "03" && root <= "05":
		return "1"
	case root >= "06" && root <= "08":
		return "2"
	case root >= "09" && root <= "13" || root == "16":
		return "3"
	case root >= "14" && root <= "20":
		return "4"
	}
	return ""
}
