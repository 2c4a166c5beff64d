package verb

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"redline"
)

// Problem is one fault in a lexicon file, at a line.
type Problem = redline.Problem

// ProblemList is every fault Load found; its message has one line per fault.
type ProblemList = redline.ProblemList

type cueEntry struct {
	Lemma      string   `yaml:"lemma"`
	Forms      []string `yaml:"forms"`
	Stance     string   `yaml:"stance"`
	Commitment string   `yaml:"commitment"`
	Threat     bool     `yaml:"threat"`
	Promise    bool     `yaml:"promise"`
}

type actionEntry struct {
	Topic   string              `yaml:"topic"`
	CAMEO   string              `yaml:"cameo"`
	Negated string              `yaml:"negated"`
	Verbs   []string            `yaml:"verbs"`
	Forms   map[string][]string `yaml:"forms"`
	Nouns   []string            `yaml:"nouns"`
}

// codeEntry has Code's fields in Code's order, so one converts to the other.
type codeEntry struct {
	Code      string  `yaml:"code"`
	Name      string  `yaml:"name"`
	Goldstein float64 `yaml:"goldstein"`
	PLOVER    string  `yaml:"plover"`
	Quad      int     `yaml:"quad"`
}

// Load reads verbs/cues.yaml, verbs/actions.yaml and verbs/cameo.yaml from
// fsys and compiles them. It reports every problem it finds, each as
// "file:line: message", in a ProblemList.
func Load(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{byLemma: map[string]*Cue{}, cues: map[string][]phrase{}, actions: map[string][]phrase{}, codes: map[string]Code{},
		topics: [2]map[string]string{{}, {}}}
	var probs ProblemList
	var codes []entry[codeEntry]
	var cues []entry[cueEntry]
	var actions []entry[actionEntry]
	probs = readEntries(fsys, "verbs/cameo.yaml", &codes, probs)
	probs = readEntries(fsys, "verbs/cues.yaml", &cues, probs)
	probs = readEntries(fsys, "verbs/actions.yaml", &actions, probs)
	for _, e := range codes {
		probs = l.addCode(e, probs)
	}
	for _, e := range cues {
		probs = l.addCue(e, probs)
	}
	for _, e := range actions {
		probs = l.addAction(e, probs)
	}
	for w, ps := range l.cues {
		l.firstWord(w).cues = newPhraseSet(ps)
	}
	for w, ps := range l.actions {
		l.firstWord(w).actions = newPhraseSet(ps)
	}
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	return l, nil
}

func (l *Lexicon) firstWord(w string) *firstWord {
	fw := l.first.Value(redline.FoldOf(w))
	if fw == nil {
		fw = &firstWord{}
		l.first.Put(w, fw)
	}
	return fw
}

// entry is one decoded list item with where it came from.
type entry[T any] struct {
	file string
	line int
	v    T
}

// readEntries decodes a YAML list file strictly: unknown fields are
// problems, reported at their line.
func readEntries[T any](fsys fs.FS, name string, out *[]entry[T], probs ProblemList) ProblemList {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return append(probs, Problem{File: name, Line: 0, Msg: fmt.Sprintf("read: %v", err)})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return append(probs, Problem{File: name, Line: yamlLine(err), Msg: fmt.Sprintf("parse: %v", err)})
	}
	if len(doc.Content) == 0 {
		return probs
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return append(probs, Problem{File: name, Line: list.Line, Msg: "want a list of entries"})
	}
	for _, item := range list.Content {
		var v T
		if p := strictDecode(item, &v); p != "" {
			probs = append(probs, Problem{File: name, Line: item.Line, Msg: p})
			continue
		}
		*out = append(*out, entry[T]{file: name, line: item.Line, v: v})
	}
	return probs
}

// strictDecode decodes node into v and reports unknown keys.
func strictDecode(node *yaml.Node, v any) string {
	var buf strings.Builder
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(node); err != nil {
		return err.Error()
	}
	dec := yaml.NewDecoder(strings.NewReader(buf.String()))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		msg := err.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg, "line") {
			msg = msg[i+2:]
		}
		return msg
	}
	return ""
}

func yamlLine(err error) int {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return 0
	}
	var line int
	if _, e := fmt.Sscanf(err.Error(), "yaml: line %d:", &line); e == nil {
		return line
	}
	return 0
}

func (l *Lexicon) addCode(e entry[codeEntry], probs ProblemList) ProblemList {
	c := e.v
	switch {
	case !digitsOnly(c.Code) || len(c.Code) < 2 || len(c.Code) > 4:
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("code %q is not a 2-4 digit CAMEO code", c.Code)})
	case c.Quad < 1 || c.Quad > 4:
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("code %s: quad %d is not 1-4", c.Code, c.Quad)})
	case c.Goldstein < -10 || c.Goldstein > 10:
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("code %s: goldstein %v is outside [-10, 10]", c.Code, c.Goldstein)})
	case c.PLOVER == "":
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("code %s: no plover category", c.Code)})
	}
	if _, dup := l.codes[c.Code]; dup {
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("code %s listed twice", c.Code)})
	}
	l.codes[c.Code] = Code(c)
	return probs
}

func (l *Lexicon) addCue(e entry[cueEntry], probs ProblemList) ProblemList {
	c := e.v
	cue := &Cue{Lemma: c.Lemma, Stance: redline.Stance(c.Stance), Commitment: redline.Commitment(c.Commitment),
		Threat: c.Threat, Promise: c.Promise}
	switch {
	case c.Lemma == "":
		return append(probs, Problem{File: e.file, Line: e.line, Msg: "cue without a lemma"})
	case c.Stance != "" && c.Stance != "favor" && c.Stance != "against":
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("cue %q: stance %q is not favor or against", c.Lemma, c.Stance)})
	case c.Commitment != "" && c.Commitment != "absolute" && c.Commitment != "firm" && c.Commitment != "hedged":
		return append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("cue %q: commitment %q is not absolute, firm or hedged", c.Lemma, c.Commitment)})
	}
	l.byLemma[c.Lemma] = cue
	for _, p := range inflect(c.Lemma, c.Forms) {
		p.cue = cue
		addPhrase(l.cues, p)
	}
	return probs
}

func (l *Lexicon) addAction(e entry[actionEntry], probs ProblemList) ProblemList {
	a := e.v
	if a.Topic == "" {
		return append(probs, Problem{File: e.file, Line: e.line, Msg: "action without a topic"})
	}
	for _, code := range []string{a.CAMEO, a.Negated} {
		if _, ok := l.codes[code]; code != "" && !ok {
			probs = append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("action %q: CAMEO code %q is not in verbs/cameo.yaml", a.Topic, code)})
		}
	}
	if a.CAMEO == "" {
		probs = append(probs, Problem{File: e.file, Line: e.line, Msg: fmt.Sprintf("action %q has no CAMEO code", a.Topic)})
	}
	act := &Action{Topic: a.Topic, CAMEO: a.CAMEO, Negated: a.Negated}
	for i, code := range []string{a.CAMEO, a.Negated} {
		if _, seen := l.topics[i][code]; code != "" && !seen {
			l.topics[i][code] = a.Topic
		}
	}
	for _, v := range a.Verbs {
		head := strings.Fields(v)[0]
		for _, p := range inflect(v, a.Forms[head]) {
			p.action = act
			addPhrase(l.actions, p)
		}
	}
	for _, n := range a.Nouns {
		addPhrase(l.actions, phrase{words: words(n), form: FormNoun, action: act})
	}
	return probs
}

func addPhrase(index map[string][]phrase, p phrase) {
	if len(p.words) == 0 {
		return
	}
	p.folds = make([]redline.Fold, len(p.words))
	for i, w := range p.words {
		p.folds[i] = redline.FoldOf(w)
	}
	index[p.words[0]] = append(index[p.words[0]], p)
	// Longest phrases first, so ties keep the more specific entry.
	sort.SliceStable(index[p.words[0]], func(i, j int) bool {
		return len(index[p.words[0]][i].words) > len(index[p.words[0]][j].words)
	})
}

// words splits a phrase into lower-case words, splitting "n't" and "'s" the
// way the segmenter does.
func words(s string) []string {
	return strings.Fields(strings.ToLower(s))
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
