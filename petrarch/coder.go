package petrarch

import (
	"sync"

	"redline"
)

// Options are the coding switches PETRARCH reads from its configuration.
type Options struct {
	// RequireDyad drops events without both a source and a target; when
	// false the missing side is coded "---".
	RequireDyad bool
	// Commas selects the comma-delimited clauses deleted before coding.
	Commas CommaRule
	// The fields below are UD-PETRARCH's conventions, where its
	// dependency-based reading departs from PETRARCH's; UD sets them all.

	// NewActorLength, when above 0, lets a noun phrase of at most that many
	// words that no dictionary codes stand as an actor where a source or
	// target is wanted, coded by its text in capitals and quotes
	// ("\"THE MINISTRY OF MAGIC\""), as PETRARCH's new_actor_length does.
	NewActorLength int

	// JoinCodes keeps an actor code that names several actors ("A/B/C")
	// as one actor instead of one event per actor.
	JoinCodes bool
	// PassiveNoBy reads a passive verb with no "by" phrase as passive
	// still: its subject is the target and the first actor after it the
	// source ("X was criticized over its dispute with Y" is Y against X).
	PassiveNoBy bool
	// Lemmas lets a pattern word match its plural ("efforts" for
	// EFFORT), as matching lemmas does.
	Lemmas bool
	// AfterVerbOnly ignores patterns with words before the verb other than
	// a noun-phrase group ({...}), and keeps pattern words after the verb
	// in its clause (not past "that"); roles ($, +, %) are not limited.
	AfterVerbOnly bool
	// QuietSpeech codes no event for a speech verb ("said") that has no
	// target, even when a dyad is not required.
	QuietSpeech bool
	// OpenPhrases lets other words of a noun phrase come between the
	// words of an actor or agent written with "_" ("Ithilen state-run
	// television" for ITHILEN_TELEVISION).
	OpenPhrases bool
}

// DefaultOptions are PETRARCH's defaults.
func DefaultOptions() Options {
	return Options{RequireDyad: true, Commas: DefaultCommas}
}

// UD returns o with UD-PETRARCH's conventions turned on.
func (o Options) UD() Options {
	o.JoinCodes, o.PassiveNoBy, o.Lemmas, o.AfterVerbOnly, o.QuietSpeech, o.OpenPhrases = true, true, true, true, true, true
	return o
}

// Event is one coded event: who did what to whom.
type Event struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
	// Verb, SourceSpan and TargetSpan are byte ranges of the text: the
	// verb and the phrases the actors were read from (empty for an actor
	// coded "---").
	Verb       redline.Span `json:"verb"`
	SourceSpan redline.Span `json:"source_span"`
	TargetSpan redline.Span `json:"target_span"`
	// Pattern is the verb pattern that gave the code, as
	// "file:line: pattern", or "" when the verb's own code did.
	Pattern string `json:"pattern,omitempty"`
	// Negated is true when a negation governs the verb ("did not
	// attack"). PETRARCH codes such a verb as if it were not negated;
	// with an internal coding ontology loaded, Code is already the
	// refusal the ontology pairs the verb's code with.
	Negated bool `json:"negated,omitempty"`
}

// Issue is an issue code and how many of its phrases a sentence holds.
type Issue struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// Result is what coding one sentence gives.
type Result struct {
	Events []Event `json:"events"`
	// Discard is "sentence" or "story" when a discard phrase matched (then
	// there are no events), else "".
	Discard string  `json:"discard,omitempty"`
	Issues  []Issue `json:"issues,omitempty"`
}

// Coder codes sentences with a set of dictionaries. It is safe for
// concurrent use.
type Coder struct {
	Dict    *Dictionaries
	Options Options
	pool    sync.Pool
}

// NewCoder returns a coder with PETRARCH's default options.
func NewCoder(d *Dictionaries) *Coder {
	return &Coder{Dict: d, Options: DefaultOptions()}
}

// work is the scratch space of one coding, reused between sentences.
type work struct {
	sent    sentence
	words   []word
	breaks  []int // where the splitter would start a new sentence
	t       tagged
	m       matcher
	emitted []bool
	first   []int
}

func resizeInt(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func resizeBool(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// Code codes one sentence of text dated date (YYYYMMDD; 0 takes every
// actor's default code).
func (c *Coder) Code(text string, date int) Result {
	w, _ := c.pool.Get().(*work)
	if w == nil {
		w = &work{}
	}
	defer c.pool.Put(w)
	w.words, w.breaks = split(text, w.words, w.breaks[:0])
	whole := sentence{text: text, words: w.words}
	var res Result
	if kind := c.discard(&whole); kind != "" {
		res.Discard = kind
		return res
	}
	// A record is coded as one sentence, as PETRARCH codes it; a text
	// too long to be one is coded a sentence at a time, in parts of at
	// most maxWords.
	from := 0
	for from < len(w.words) {
		to := len(w.words)
		if to-from > longText {
			to = from + 1
			for _, b := range w.breaks {
				if b > from && b-from <= maxWords {
					to = b
				}
			}
			if to == from+1 {
				to = min(from+maxWords, len(w.words))
			}
		}
		res.Events = c.codePart(w, text, w.words[from:to], date, res.Events)
		from = to
	}
	if len(res.Events) > 0 {
		res.Issues = c.issues(&whole)
	}
	return res
}

// longText is the length in words above which a text is coded a sentence
// at a time, and maxWords the most words coded as one sentence.
const (
	longText = 150
	maxWords = 400
)

// codePart codes the words of one sentence and appends its events.
func (c *Coder) codePart(w *work, text string, words []word, date int, out []Event) []Event {
	w.sent = sentence{text: text, words: deleteCommaClauses(words, c.Options.Commas)}
	t := &w.t
	t.reset(&w.sent)
	t.tagPhrases(c.Dict, c.Options.OpenPhrases)
	t.judgeVerbs(c.Dict)
	t.chunk()
	t.mergeLinks()
	t.groupNPs(c.Dict, date, c.Options.JoinCodes, c.Options.NewActorLength)
	w.m = matcher{t: t, d: c.Dict, lemmas: c.Options.Lemmas, afterOnly: c.Options.AfterVerbOnly}
	for i := range w.sent.words {
		w.m.bloom.add(w.sent.words[i].fold)
	}
	w.emitted = resizeBool(w.emitted, len(t.verbs))
	w.first = resizeInt(w.first, len(t.verbs))
	cd := coding{c: c, t: t, m: &w.m, emitted: w.emitted, first: w.first}
	base := len(out)
	for vi := range t.verbs {
		if t.verbs[vi].noun {
			continue
		}
		n := len(out)
		cd.first[vi] = n
		if pv := cd.speechGovernor(vi); pv >= 0 && cd.first[pv] >= base {
			if evs, ok := cd.transform(vi, pv); ok {
				out = append(out[:cd.first[pv]], evs...)
				cd.emitted[vi] = true
				continue
			}
		}
		out = cd.verbEvents(vi, out)
		cd.emitted[vi] = cd.emitted[vi] || len(out) > n
	}
	return out
}

// discard returns "story" or "sentence" when a discard phrase is in s.
func (c *Coder) discard(s *sentence) string {
	kind := ""
	for i := range s.words {
		if m, ok := c.Dict.Discards.trie.longest(s, i, tightGap); ok {
			if c.Dict.Discards.Phrases[m.val].Story {
				return "story"
			}
			kind = "sentence"
		}
	}
	return kind
}

// issues counts the issue phrases of s.
func (c *Coder) issues(s *sentence) []Issue {
	is := c.Dict.Issues
	if len(is.phrases) == 0 {
		return nil
	}
	var counts map[int32]int
	var off map[int32]bool
	for i := 0; i < len(s.words); i++ {
		m, ok := is.trie.longest(s, i, tightGap)
		if !ok {
			continue
		}
		p := is.phrases[m.val]
		if p.code < 0 {
			if off == nil {
				off = map[int32]bool{}
			}
			off[p.section] = true
		} else {
			if counts == nil {
				counts = map[int32]int{}
			}
			counts[m.val]++
		}
		i = m.end - 1
	}
	byCode := map[string]int{}
	var order []string
	for pi, n := range counts {
		p := is.phrases[pi]
		if off[p.section] {
			continue
		}
		code := is.Codes[p.code]
		if byCode[code] == 0 {
			order = append(order, code)
		}
		byCode[code] += n
	}
	sortStrings(order)
	out := make([]Issue, 0, len(order))
	for _, code := range order {
		out = append(out, Issue{Code: code, Count: byCode[code]})
	}
	return out
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// coding holds what coding one sentence needs beyond the tags.
type coding struct {
	c       *Coder
	t       *tagged
	m       *matcher
	emitted []bool // per verb: it gave an event, or an infinitive under one
	first   []int  // per verb: where its events start in the sentence's list
	probe   bool   // code a verb as if no clause above it had coded
}

// verbEvents appends the events of verb vi.
func (cd *coding) verbEvents(vi int, out []Event) []Event {
	t := cd.t
	v := &t.verbs[vi]
	d := cd.c.Dict
	entry := &d.Verbs.entries[v.entry]
	code := entry.code
	p, r, matched := cd.m.best(v)
	if matched {
		code = p.Code
	} else {
		r = noRoles()
	}
	if !code.Paired && (code.Active == "" || code.Active == nullCode) {
		return out
	}
	if cd.negated(v) && d.ontology != nil {
		if n, ok := d.ontology.negate(code.Active); ok {
			code.Active = n
		}
	}
	subject, ok := cd.subjectOf(vi, r)
	if !ok {
		return out
	}
	if subject < 0 && r.source < 0 && cd.c.Options.NewActorLength > 0 {
		subject = cd.newActorBefore(v)
	}
	src, tgt := r.source, r.target
	switch {
	case r.compound >= 0 && r.compoundBefore:
		return cd.reciprocal(out, v, p, code, r.compound, tgt)
	case r.compound >= 0:
		tgt = r.compound
	}
	passive := !matched && cd.passive(v)
	if passive && cd.raising(v) {
		// "was seen to break": the infinitive carries the event; "is said
		// to": a speech event, read actively.
		if !t.s.words[v.form].is(cSay) {
			return out
		}
		passive = false
	}
	if src < 0 {
		switch {
		case passive:
			src = cd.byAgent(v)
			if src < 0 && cd.c.Options.PassiveNoBy {
				src = cd.object(v, subject, true)
			}
			if src < 0 {
				src = subject
				passive = false
			}
		case r.source < 0:
			src = subject
		}
	}
	if tgt < 0 {
		switch {
		case passive:
			tgt = subject
		case r.source >= 0 && t.groups[r.source].start > v.start:
			tgt = subject
		default:
			tgt = cd.object(v, src, !matched)
			if tgt < 0 && cd.c.Options.NewActorLength > 0 {
				tgt = cd.newActorAfter(v)
			}
		}
	}
	if tgt < 0 && cd.c.Options.QuietSpeech && t.s.words[v.form].is(cSay) {
		return out
	}
	return cd.emit(out, v, p, code, src, tgt)
}

// emit appends the events from every member of group src to every member
// of group tgt (-1 for none).
func (cd *coding) emit(out []Event, v *verbAt, p *Pattern, code Code, src, tgt int) []Event {
	srcs, tgts := cd.members(src), cd.members(tgt)
	for _, s := range srcs {
		for _, g := range tgts {
			sNull, gNull := s.code == "" || s.code == nullCode, g.code == "" || g.code == nullCode
			if sNull && gNull || cd.c.Options.RequireDyad && (sNull || gNull) {
				continue
			}
			if s.code != "" && s.code == g.code {
				continue
			}
			if code.Active != "" && code.Active != nullCode {
				out = cd.add(out, v, p, s, g, code.Active)
			}
			if code.Paired && code.Passive != "" && code.Passive != nullCode {
				out = cd.add(out, v, p, g, s, code.Passive)
			}
		}
	}
	return out
}

// members returns a group's mentions, or one empty mention for none.
func (cd *coding) members(g int) []mention {
	if g < 0 {
		return []mention{{}}
	}
	return cd.t.groups[g].members
}

// reciprocal codes a verb whose % matched a compound before it: every
// member acts on every other ("A and B met").
func (cd *coding) reciprocal(out []Event, v *verbAt, p *Pattern, code Code, g, tgt int) []Event {
	ms := cd.t.groups[g].members
	if len(ms) < 2 {
		return cd.emit(out, v, p, code, g, tgt)
	}
	for i := range ms {
		for j := range ms {
			if i != j && ms[i].code != ms[j].code {
				out = cd.add(out, v, p, ms[i], ms[j], code.Active)
			}
		}
	}
	return out
}

func (cd *coding) add(out []Event, v *verbAt, p *Pattern, s, g mention, code string) []Event {
	sc, gc := s.code, g.code
	if sc == "" {
		sc = nullCode
	}
	if gc == "" {
		gc = nullCode
	}
	for _, e := range out {
		if e.Source == sc && e.Target == gc && e.Code == code {
			return out
		}
	}
	words := cd.t.s.words
	ev := Event{Source: sc, Target: gc, Code: code, Verb: spanOf(words, v.span), Negated: cd.negated(v)}
	if s.end > s.start {
		ev.SourceSpan = spanOf(words, s.span)
	}
	if g.end > g.start {
		ev.TargetSpan = spanOf(words, g.span)
	}
	if p != nil {
		ev.Pattern = p.File + ":" + itoa(p.Line) + ": " + p.Text
	}
	return append(out, ev)
}

func spanOf(words []word, sp span) redline.Span {
	return redline.Span{Start: words[sp.start].span.Start, End: words[sp.end-1].span.End}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

var (
	subordinators = redline.NewFoldSet("after", "before", "when", "while", "because", "although", "though",
		"since", "until", "if", "unless", "whereas", "once", "where", "that", "which", "who", "whom", "whether")
	foldThat = redline.FoldOf("that")
)
