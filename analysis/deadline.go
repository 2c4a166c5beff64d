package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"redline"
	"redline/analysis/internal/rules"
)

// DeadlineEntry is a deadline with its countdown and the consequences the
// texts attach to it. Days counts the days from the reference date to the
// deadline's first day (0 once its period has begun); it is nil when
// Deadlines was given no reference date.
type DeadlineEntry struct {
	Deadline     redline.Deadline `json:"deadline"`
	Action       string           `json:"action"`
	Days         *int             `json:"days,omitempty"`
	Consequences []Consequence    `json:"consequences"`
}

// Consequence is a statement that says what follows a deadline's action.
// Kind is "threat", "promise" or "condition" (a conditional statement
// that is neither); Why says what linked it to the deadline.
type Consequence struct {
	Statement redline.Statement `json:"statement"`
	Kind      string            `json:"kind"`
	Why       string            `json:"why"`
}

// Deadlines lists the deadlines still to come after the reference date
// (those whose period ends after it; all of them when after is zero),
// ordered by date, each with its countdown and its consequences.
//
// A consequence is a statement from the deadline's document that is
//
//   - a statement with a condition that mentions the deadline's action or
//     names its time expression as written ("until the end of the year");
//   - a threat, promise or conditional statement in the deadline's own
//     sentence;
//   - or a threat or promise whose text mentions the action or names the
//     time expression.
//
// An action is mentioned by a word match: its own words, or the words of
// a topic it names ("snapback" names sanction, so "if UN sanctions
// return" mentions it); see topicWords for the words of each topic and
// stems for how words are compared. An action with no content words (""
// or "be") is mentioned by nothing.
func Deadlines(dls []redline.Deadline, stmts []redline.Statement, after time.Time) []DeadlineEntry {
	byDoc := map[string][]redline.Statement{}
	for _, st := range stmts {
		byDoc[st.Doc] = append(byDoc[st.Doc], st)
	}
	after = after.UTC().Truncate(oneDay)
	out := []DeadlineEntry{}
	for _, d := range dls {
		start, end, ok := d.Date.Interval()
		if !after.IsZero() && (!ok || !end.After(after)) {
			continue
		}
		e := DeadlineEntry{Deadline: d, Action: d.Action, Consequences: consequencesOf(d, byDoc[d.Doc])}
		if !after.IsZero() {
			n := max(0, int(start.Sub(after)/oneDay))
			e.Days = &n
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b DeadlineEntry) int {
		return cmp.Or(a.Deadline.Date.Compare(b.Deadline.Date), cmp.Compare(a.Deadline.Doc, b.Deadline.Doc),
			cmp.Compare(a.Deadline.Sentence, b.Deadline.Sentence))
	})
	return out
}

// consequencesOf returns the statements of the deadline's document that
// say what follows it.
func consequencesOf(d redline.Deadline, stmts []redline.Statement) []Consequence {
	terms := actionTerms(d.Action)
	out := []Consequence{}
	for _, st := range stmts {
		kind := consequenceKind(st)
		if kind == "" {
			continue
		}
		if why := deadlineLink(d, terms, st); why != "" {
			out = append(out, Consequence{Statement: st, Kind: kind, Why: why})
		}
	}
	return out
}

func consequenceKind(st redline.Statement) string {
	switch {
	case st.Threat:
		return "threat"
	case st.Promise:
		return "promise"
	case len(st.Conditions) > 0:
		return "condition"
	}
	return ""
}

// deadlineLink says why st is a consequence of d, or "" when it is not.
func deadlineLink(d redline.Deadline, terms []term, st redline.Statement) string {
	for _, c := range st.Conditions {
		if t, ok := mentions(c, terms); ok {
			return fmt.Sprintf("its condition %q mentions %s", c, t)
		}
		if namesTime(c, d.Text) {
			return fmt.Sprintf("its condition %q names the deadline, %q", c, d.Text)
		}
	}
	switch {
	case st.Sentence == d.Sentence:
		return "it is in the deadline's sentence"
	case !st.Threat && !st.Promise:
		return ""
	}
	if t, ok := mentions(st.Text, terms); ok {
		return "it mentions " + t
	}
	if namesTime(st.Text, d.Text) {
		return fmt.Sprintf("it names the deadline, %q", d.Text)
	}
	return ""
}

// namesTime reports whether text contains the time expression when, as
// written, ignoring case and a leading "the".
func namesTime(text, when string) bool {
	when = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(when)), "the ")
	return when != "" && strings.Contains(strings.ToLower(text), when)
}

// Scenario is one branch of a scenario tree: if the condition If comes
// about, Statement threatens or promises its topic. Link is the word the
// condition shares with the parent branch's topic ("" at a root). Then
// holds the branches whose conditions mention this branch's topic: what
// the texts say would follow if this threat or promise were carried out.
// A root may be an unconditional threat or promise (If is empty) that
// other branches hang on.
type Scenario struct {
	If        string            `json:"if"`
	Kind      string            `json:"kind"`
	Statement redline.Statement `json:"statement"`
	Link      string            `json:"link,omitempty"`
	Then      []Scenario        `json:"then"`
}

// maxScenarioDepth bounds a scenario chain.
const maxScenarioDepth = 6

// ScenarioTree is Scenarios with every actor its own party.
func ScenarioTree(stmts []redline.Statement) []Scenario {
	return Scenarios(stmts, nil)
}

// Scenarios chains threats and promises by their triggers. A branch B
// hangs under a statement A when
//
//   - A threatens or promises its topic (a threat or promise not against
//     it: a refusal threatens no action) and B is a threat or promise with
//     a condition;
//   - one of B's conditions mentions A's topic, by topicWords and stems as
//     Deadlines matches actions ("if UN sanctions return" mentions
//     sanction);
//   - they share a party (the speaker's or target's state by countryOf,
//     or the actor itself), or one of them names none;
//   - and B was said within DefaultHorizon of A.
//
// Roots are the conditional threats and promises under no other, and the
// unconditional ones with branches, oldest first. Reports of one occasion
// (same speaker, date, topic and conditions) count once; a statement
// already on the path is not repeated, so cycles end. A nil countryOf
// makes every actor its own party.
func Scenarios(stmts []redline.Statement, countryOf func(string) string) []Scenario {
	if countryOf == nil {
		countryOf = func(id string) string { return id }
	}
	nodes := scenarioNodes(stmts)
	g := scenarioGraph{nodes: nodes, children: make([][]int, len(nodes)), links: map[[2]int][2]string{}}
	parented := make([]bool, len(nodes))
	for i, a := range nodes {
		for j, b := range nodes {
			if i != j && len(b.Conditions) > 0 && shareParty(a, b, countryOf) && closeInTime(a.Said, b.Said, DefaultHorizon) {
				if cond, t, ok := conditionMentions(b, threatTerms(a)); ok {
					g.children[i] = append(g.children[i], j)
					g.links[[2]int{i, j}] = [2]string{t, cond}
					parented[j] = true
				}
			}
		}
	}
	out := []Scenario{}
	seen := make([]bool, len(nodes))
	for pass := range 2 { // roots first, then whatever cycles left unseen
		for i, st := range nodes {
			root := !parented[i] && (len(st.Conditions) > 0 || len(g.children[i]) > 0)
			if !seen[i] && (root || (pass == 1 && parented[i])) {
				out = append(out, g.grow(i, -1, seen, nil))
			}
		}
	}
	return out
}

// scenarioGraph links each node to the nodes whose conditions mention
// its topic; links holds the term and the condition of each link.
type scenarioGraph struct {
	nodes    []redline.Statement
	children [][]int
	links    map[[2]int][2]string
}

// grow builds the branch of node i, reached from parent (-1 at a root)
// along path.
func (g *scenarioGraph) grow(i, parent int, seen []bool, path []int) Scenario {
	seen[i] = true
	st := g.nodes[i]
	s := Scenario{If: strings.Join(st.Conditions, "; "), Kind: consequenceKind(st), Statement: st, Then: []Scenario{}}
	if parent >= 0 {
		l := g.links[[2]int{parent, i}]
		s.Link, s.If = l[0], l[1]
	}
	path = append(path, i)
	if len(path) >= maxScenarioDepth {
		return s
	}
	for _, j := range g.children[i] {
		if !slices.Contains(path, j) {
			s.Then = append(s.Then, g.grow(j, i, seen, path))
		}
	}
	return s
}

// scenarioNodes returns the threats and promises, oldest first, one per
// occasion.
func scenarioNodes(stmts []redline.Statement) []redline.Statement {
	type key struct{ speaker, said, topic, conds string }
	seen := map[key]bool{}
	var out []redline.Statement
	for _, st := range stmts {
		k := key{rules.ActorKey(st.Speaker), st.Said.Value, st.Topic, strings.Join(st.Conditions, "\x00")}
		if (!st.Threat && !st.Promise) || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(a, b redline.Statement) int {
		return cmp.Or(a.Said.Compare(b.Said), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Sentence, b.Sentence))
	})
	return out
}

// threatTerms returns the terms of the action a statement threatens or
// promises: its topic's, unless it is against the topic.
func threatTerms(st redline.Statement) []term {
	if st.Stance == redline.StanceAgainst {
		return nil
	}
	return topicTerms(st.Topic)
}

// shareParty reports whether two statements have a party in common, or
// one of them names none.
func shareParty(a, b redline.Statement, countryOf func(string) string) bool {
	pa, pb := parties(a, countryOf), parties(b, countryOf)
	return len(pa) == 0 || len(pb) == 0 || slices.ContainsFunc(pa, func(p string) bool { return slices.Contains(pb, p) })
}

// parties returns the sides of a statement's speaker and target.
func parties(st redline.Statement, countryOf func(string) string) []string {
	var out []string
	for _, id := range []string{st.Speaker.ID, rules.TargetID(st.Target)} {
		if id != "" {
			out = append(out, cmp.Or(countryOf(id), id))
		}
	}
	return out
}

// conditionMentions returns the first of st's conditions that mentions
// one of terms, and the term.
func conditionMentions(st redline.Statement, terms []term) (cond, t string, ok bool) {
	for _, c := range st.Conditions {
		if t, ok := mentions(c, terms); ok {
			return c, t, true
		}
	}
	return "", "", false
}

// closeInTime reports whether the starts of two dates lie within d.
func closeInTime(a, b redline.Date, d time.Duration) bool {
	gap := a.Start().Sub(b.Start())
	return gap <= d && gap >= -d
}

// topicWords lists, for the topics most often named in conditions and
// deadlines, other words that name them. Matching is otherwise by the
// topic's own name ("sanction" matches "sanctions").
var topicWords = map[string][]string{
	"negotiate":    {"talks", "negotiation", "diplomacy", "dialogue"},
	"meet":         {"meeting", "summit"},
	"agree":        {"deal", "agreement", "accord", "treaty"},
	"sanction":     {"snapback", "embargo", "tariff", "maximum pressure"},
	"attack":       {"strike", "invade", "invasion", "bomb", "assault"},
	"withdraw":     {"leave", "exit", "quit", "pull out"},
	"ceasefire":    {"truce", "armistice"},
	"threaten":     {"threat", "ultimatum"},
	"test-weapons": {"nuclear test", "missile test"},
}

// term is a word or phrase to look for, as its stems.
type term struct {
	text  string
	stems []string
}

// topicTerms returns the topic's name (a hyphenated topic as a phrase)
// and its topicWords.
func topicTerms(topic string) []term {
	if topic == "" {
		return nil
	}
	out := []term{{topic, stems(strings.ReplaceAll(topic, "-", " "))}}
	for _, w := range topicWords[topic] {
		out = append(out, term{w, stems(w)})
	}
	return out
}

// actionTerms returns the terms that mention a deadline's action: its own
// content words as a phrase, and the terms of every topic it names.
func actionTerms(action string) []term {
	own := stems(action)
	if len(own) == 0 {
		return nil
	}
	out := []term{{action, own}}
	topics := make([]string, 0, len(topicWords))
	for topic := range topicWords {
		topics = append(topics, topic)
	}
	slices.Sort(topics)
	for _, topic := range topics {
		if _, ok := mentions(action, topicTerms(topic)); ok {
			out = append(out, topicTerms(topic)...)
		}
	}
	return out
}

// mentions returns the first term all of whose stems occur in text.
func mentions(text string, terms []term) (string, bool) {
	words := stems(text)
	for _, t := range terms {
		if len(t.stems) > 0 && !slices.ContainsFunc(t.stems, func(s string) bool { return !slices.Contains(words, s) }) {
			return t.text, true
		}
	}
	return "", false
}

// stopWords carry no action.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "for": true, "of": true, "on": true, "in": true, "by": true,
	"and": true, "or": true, "with": true, "be": true, "is": true, "are": true, "was": true, "were": true,
	"do": true, "have": true, "has": true, "its": true, "their": true, "his": true, "her": true, "it": true,
}

// stems splits text into lower-case words, drops stop words and reduces
// each word to a crude stem by stripping, at most twice, one of the
// endings -ions, -ion, -ing, -ed, -es, -s, -e while three letters remain:
// "sanctions", "sanctioned" and "sanction" all become "sanct",
// "negotiations" and "negotiate" become "negotiat".
func stems(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if stopWords[w] {
			continue
		}
		out = append(out, stem(stem(w)))
	}
	return out
}

func stem(w string) string {
	for _, suf := range []string{"ions", "ion", "ing", "ed", "es", "s", "e"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
