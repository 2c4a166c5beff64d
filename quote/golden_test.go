package quote_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"

	"gopkg.in/yaml.v3"

	"redline"
	"redline/dict"
	"redline/extract"
)

// The golden suite for statements: hand-annotated cases in
// testdata/statements.yaml, run through the whole pipeline and scored field
// by field. It lives in the external test package because extract imports
// quote.
//
//	go test ./quote -run Golden -v    figures, failure patterns and every failure
//	cd quote && REDLINE_GOLDEN_VERBOSE=1 go test -run Golden -count=1
//	                                  the same without -v (go test shows a
//	                                  passing test's output only in
//	                                  directory mode)

const goldenFile = "testdata/statements.yaml"

// minGoldenCases is the fewest cases the suite may hold.
const minGoldenCases = 220

// goldenFloors are the lowest figures, in percent, the quote stage may score
// on the suite. Each was set about five points below the figure measured
// when the suite was written (374 cases, 376 statements), so that today's
// code passes and a regression fails. Raise them as the stage improves.
var goldenFloors = map[string]float64{
	"recall":     89, // measured 94.1
	"precision":  84, // 89.6
	"speaker":    87, // 92.9
	"kind":       91, // 96.3
	"said":       90, // 95.0
	"topic":      71, // 76.3
	"target":     82, // 87.4
	"stance":     75, // 80.3
	"commitment": 91, // 96.0
	"conditions": 93, // 98.2
	"threat":     88, // 93.2
	"promise":    89, // 94.4
}

// goldenFields are the judged fields of a statement, in report order.
var goldenFields = []string{"speaker", "kind", "said", "topic", "target", "stance", "commitment", "conditions", "threat", "promise"}

// goldenCase is one annotated little document.
type goldenCase struct {
	ID   string       `yaml:"id"`
	Date string       `yaml:"date"`
	Text string       `yaml:"text"`
	Want []goldenWant `yaml:"want"`
	line int
}

// goldenWant is one statement an ideal extractor finds. Pointer fields are
// judged only when the annotator set them.
type goldenWant struct {
	Speaker    string  `yaml:"speaker"`
	Kind       string  `yaml:"kind"`
	Said       *string `yaml:"said"`
	Quote      string  `yaml:"quote"`
	Topic      *string `yaml:"topic"`
	Target     *string `yaml:"target"`
	Stance     *string `yaml:"stance"`
	Commitment *string `yaml:"commitment"`
	Conditions *int    `yaml:"conditions"`
	Threat     *bool   `yaml:"threat"`
	Promise    *bool   `yaml:"promise"`
}

// fields returns the annotated fields of w as name and value, in
// goldenFields order.
func (w *goldenWant) fields() [][2]string {
	out := [][2]string{{"speaker", w.Speaker}, {"kind", w.Kind}}
	add := func(name string, set bool, v string) {
		if set {
			out = append(out, [2]string{name, v})
		}
	}
	add("said", w.Said != nil, deref(w.Said))
	add("topic", w.Topic != nil, deref(w.Topic))
	add("target", w.Target != nil, deref(w.Target))
	add("stance", w.Stance != nil, deref(w.Stance))
	add("commitment", w.Commitment != nil, deref(w.Commitment))
	if w.Conditions != nil {
		out = append(out, [2]string{"conditions", fmt.Sprint(*w.Conditions)})
	}
	if w.Threat != nil {
		out = append(out, [2]string{"threat", fmt.Sprint(*w.Threat)})
	}
	if w.Promise != nil {
		out = append(out, [2]string{"promise", fmt.Sprint(*w.Promise)})
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// gotFields returns the judged fields of a system statement.
func gotFields(st *redline.Statement) map[string]string {
	target := ""
	if st.Target != nil {
		target = st.Target.ID
	}
	return map[string]string{
		"speaker": st.Speaker.ID, "kind": string(st.Kind), "said": st.Said.Value, "topic": st.Topic,
		"target": target, "stance": string(st.Stance), "commitment": string(st.Commitment),
		"conditions": fmt.Sprint(len(st.Conditions)), "threat": fmt.Sprint(st.Threat), "promise": fmt.Sprint(st.Promise),
	}
}

// describe names a system statement for failure reports.
func describe(st *redline.Statement, text string) string {
	who := st.Speaker.ID
	if who == "" {
		who = fmt.Sprintf("%q", st.Speaker.Name)
	}
	return fmt.Sprintf("%s %s %q", who, st.Kind, st.Span.In(text))
}

// readGoldenCases reads and checks the annotated cases. Problems in the
// data are reported with their line and the case is left out.
func readGoldenCases(t *testing.T, p *extract.Pipeline) []goldenCase {
	t.Helper()
	data, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cases); err != nil {
		t.Fatalf("%s: %v", goldenFile, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", goldenFile, err)
	}
	for i, n := range doc.Content[0].Content {
		cases[i].line = n.Line
	}
	for _, topic := range lexiconTopics(t) {
		goldenTopics[topic] = true
	}
	var ok []goldenCase
	seen := map[string]bool{}
	for _, c := range cases {
		probs := checkCase(&c, p)
		if seen[c.ID] {
			probs = append(probs, "duplicate id")
		}
		seen[c.ID] = true
		for _, msg := range probs {
			t.Errorf("%s:%d: case %s: %s", goldenFile, c.line, c.ID, msg)
		}
		if len(probs) == 0 {
			ok = append(ok, c)
		}
	}
	return ok
}

var (
	goldenKinds       = set("direct", "indirect", "mixed")
	goldenStances     = set("favor", "against", "neutral")
	goldenCommitments = set("absolute", "firm", "hedged", "none")
	// goldenTopics are the topics of the statement spec; readGoldenCases
	// adds every topic the verb lexicon defines.
	goldenTopics = set("", "negotiate", "meet", "agree", "cooperate", "aid", "sanction", "ease-sanctions",
		"withdraw", "attack", "test-weapons", "ceasefire", "threaten", "demand", "accuse", "criticize", "expel", "detain")
)

// lexiconTopics returns the topics of the action lexicon in dict.FS.
func lexiconTopics(t *testing.T) []string {
	t.Helper()
	data, err := fs.ReadFile(dict.FS, "verbs/actions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var entries []struct {
		Topic string `yaml:"topic"`
	}
	if err := yaml.Unmarshal(data, &entries); err != nil {
		t.Fatalf("verbs/actions.yaml: %v", err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Topic)
	}
	return out
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// checkCase returns what is wrong with the annotation of one case.
func checkCase(c *goldenCase, p *extract.Pipeline) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	if c.ID == "" || strings.TrimSpace(c.Text) == "" {
		bad("id and text are required")
	}
	if _, err := redline.ParseDate(c.Date); err != nil {
		bad("date: %v", err)
	}
	known := func(id string) bool { _, ok := p.Actors.Actor(id); return ok }
	from := 0
	for i, w := range c.Want {
		if !known(w.Speaker) {
			bad("want %d: unknown speaker %q", i, w.Speaker)
		}
		if !goldenKinds[w.Kind] {
			bad("want %d: kind %q", i, w.Kind)
		}
		at := strings.Index(c.Text[from:], w.Quote)
		if w.Quote == "" || at < 0 {
			bad("want %d: quote %q not found in the text after the previous want's", i, w.Quote)
		} else {
			from += at + 1
		}
		if w.Said != nil {
			if _, err := redline.ParseDate(*w.Said); err != nil {
				bad("want %d: said: %v", i, err)
			}
		}
		if w.Topic != nil && !goldenTopics[*w.Topic] {
			bad("want %d: topic %q", i, *w.Topic)
		}
		if w.Target != nil && *w.Target != "" && !known(*w.Target) {
			bad("want %d: unknown target %q", i, *w.Target)
		}
		if w.Stance != nil && !goldenStances[*w.Stance] {
			bad("want %d: stance %q", i, *w.Stance)
		}
		if w.Commitment != nil && !goldenCommitments[*w.Commitment] {
			bad("want %d: commitment %q", i, *w.Commitment)
		}
	}
	return probs
}

// goldenScore counts agreements over the whole suite and per group of
// cases (the part of a case id before its first hyphen).
type goldenScore struct {
	wanted, matched, system int
	judged, right           map[string]int
	groups                  map[string]*groupScore
	failures                []string            // one line per disagreement, in case order
	patterns                map[string][]string // "field: want -> got" to case ids
}

type groupScore struct {
	cases, perfect, wanted, matched, extra int
}

func newGoldenScore() *goldenScore {
	return &goldenScore{judged: map[string]int{}, right: map[string]int{}, groups: map[string]*groupScore{}, patterns: map[string][]string{}}
}

// run extracts one case and scores it, recovering from a panic so that a
// crash on one text fails the test without hiding the rest.
func (s *goldenScore) run(t *testing.T, p *extract.Pipeline, c *goldenCase) {
	var stmts []redline.Statement
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: pipeline panicked: %v", c.ID, r)
			}
		}()
		date, _ := redline.ParseDate(c.Date)
		doc := &redline.Document{ID: redline.DocumentID(c.Text), Published: date, Text: c.Text}
		stmts = p.Run(doc).Statements
	}()
	s.score(c, stmts)
}

// score matches the wanted statements of a case to the system's: a want
// is matched by the unused system statement whose span contains its
// quote, the narrowest first. Unmatched wants are misses and unmatched
// system statements extras.
func (s *goldenScore) score(c *goldenCase, stmts []redline.Statement) {
	g := s.groups[group(c.ID)]
	if g == nil {
		g = &groupScore{}
		s.groups[group(c.ID)] = g
	}
	g.cases++
	used := make([]bool, len(stmts))
	fails := 0
	from := 0
	for i := range c.Want {
		w := &c.Want[i]
		at := from + strings.Index(c.Text[from:], w.Quote)
		from = at + 1
		quote := redline.Span{Start: at, End: at + len(w.Quote)}
		best := -1
		for j, st := range stmts {
			if !used[j] && st.Span.Contains(quote) && (best < 0 || st.Span.Len() < stmts[best].Span.Len()) {
				best = j
			}
		}
		s.wanted++
		g.wanted++
		if best < 0 {
			fails++
			s.fail(c.ID, fmt.Sprintf("miss: %s %s %q", w.Speaker, w.Kind, w.Quote), "statement: miss "+w.Kind)
			continue
		}
		used[best] = true
		s.matched++
		g.matched++
		fails += s.compare(c.ID, w, &stmts[best])
	}
	s.system += len(stmts)
	for j := range stmts {
		if !used[j] {
			fails++
			g.extra++
			s.fail(c.ID, "extra: "+describe(&stmts[j], c.Text), "statement: extra "+string(stmts[j].Kind))
		}
	}
	if fails == 0 {
		g.perfect++
	}
}

// compare judges the annotated fields of one matched statement and
// returns how many disagree.
func (s *goldenScore) compare(id string, w *goldenWant, st *redline.Statement) int {
	got := gotFields(st)
	n := 0
	for _, f := range w.fields() {
		name, want := f[0], f[1]
		s.judged[name]++
		if got[name] == want {
			s.right[name]++
			continue
		}
		n++
		s.fail(id, fmt.Sprintf("%s: want %q, got %q (quote %q)", name, want, got[name], w.Quote), pattern(name, want, got[name]))
	}
	return n
}

// pattern names a kind of disagreement, so that like failures add up.
// Speakers and targets are grouped by whether the system found none or a
// different one, since each actor id would otherwise be its own pattern.
func pattern(field, want, got string) string {
	switch field {
	case "speaker", "target":
		switch {
		case got == "":
			return field + ": none found (want an actor)"
		case want == "":
			return field + ": found one, want none"
		}
		return field + ": wrong actor"
	case "said":
		if got == "" {
			return "said: none"
		}
		return "said: wrong date"
	}
	return fmt.Sprintf("%s: want %s, got %s", field, want, got)
}

func (s *goldenScore) fail(id, msg, pat string) {
	s.failures = append(s.failures, id+": "+msg)
	s.patterns[pat] = append(s.patterns[pat], id)
}

func group(id string) string {
	if i := strings.IndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}

func pct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}

// figures returns every measured figure, in percent, by floor name.
func (s *goldenScore) figures() map[string]float64 {
	f := map[string]float64{"recall": pct(s.matched, s.wanted), "precision": pct(s.matched, s.system)}
	for _, name := range goldenFields {
		f[name] = pct(s.right[name], s.judged[name])
	}
	return f
}

// table writes the figures, the groups and the commonest failure patterns.
func (s *goldenScore) table(ncases int) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	f := s.figures()
	fmt.Fprintf(tw, "figure\tright\tof\t%%\tfloor\t\n")
	fmt.Fprintf(tw, "statement recall\t%d\t%d\t%.1f\t%.0f\t\n", s.matched, s.wanted, f["recall"], goldenFloors["recall"])
	fmt.Fprintf(tw, "statement precision\t%d\t%d\t%.1f\t%.0f\t\n", s.matched, s.system, f["precision"], goldenFloors["precision"])
	fmt.Fprintf(tw, "speaker end to end\t%d\t%d\t%.1f\t-\t\n", s.right["speaker"], s.wanted, pct(s.right["speaker"], s.wanted))
	for _, name := range goldenFields {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.0f\t\n", name, s.right[name], s.judged[name], f[name], goldenFloors[name])
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%d cases, %d wanted statements, %d system statements\n\n", ncases, s.wanted, s.system)
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "group\tcases\tall right\twanted\tmatched\textra\t\n")
	var names []string
	for name := range s.groups {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		g := s.groups[name]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", name, g.cases, g.perfect, g.wanted, g.matched, g.extra)
	}
	tw.Flush()
	return b.String()
}

// commonest lists the failure patterns, most frequent first, with the
// cases that show each.
func (s *goldenScore) commonest(n int) string {
	var pats []string
	for p := range s.patterns {
		pats = append(pats, p)
	}
	sort.Slice(pats, func(i, j int) bool {
		a, b := len(s.patterns[pats[i]]), len(s.patterns[pats[j]])
		return a > b || (a == b && pats[i] < pats[j])
	})
	var b strings.Builder
	for i, p := range pats {
		if i == n {
			break
		}
		ids := s.patterns[p]
		fmt.Fprintf(&b, "%3d  %s: %s\n", len(ids), p, strings.Join(ids, " "))
	}
	return b.String()
}

// TestGoldenStatements runs every case of testdata/statements.yaml through
// the pipeline and checks the figures against their floors.
func TestGoldenStatements(t *testing.T) {
	p, err := extract.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := readGoldenCases(t, p)
	if len(cases) < minGoldenCases {
		t.Errorf("%s has %d usable cases, want at least %d", goldenFile, len(cases), minGoldenCases)
	}
	s := newGoldenScore()
	for i := range cases {
		s.run(t, p, &cases[i])
	}
	t.Logf("golden statements:\n%s", s.table(len(cases)))
	if env := os.Getenv("REDLINE_GOLDEN_VERBOSE") == "1"; env || testing.Verbose() {
		t.Logf("commonest failure patterns:\n%s", s.commonest(25))
		t.Logf("failures:\n%s", strings.Join(s.failures, "\n"))
		if env && !testing.Verbose() {
			// t.Log of a passing test shows only with -v; print instead.
			fmt.Printf("golden statements:\n%s\ncommonest failure patterns:\n%s\nfailures:\n%s\n",
				s.table(len(cases)), s.commonest(25), strings.Join(s.failures, "\n"))
		}
	}
	figs := s.figures()
	for _, name := range append([]string{"recall", "precision"}, goldenFields...) {
		if figs[name] < goldenFloors[name] {
			t.Errorf("%s = %.1f%%, below its floor of %.0f%%", name, figs[name], goldenFloors[name])
		}
	}
}
