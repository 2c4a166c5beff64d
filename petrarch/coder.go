package petrarch

import (
	"strings"
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
	w.words = split(text, w.words)
	w.sent = sentence{text: text, words: w.words}
	var res Result
	if kind := c.discard(&w.sent); kind != "" {
		res.Discard = kind
		return res
	}
	w.sent.words = deleteCommaClauses(w.sent.words, c.Options.Commas)
	w.sent.low = nil
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
	for vi := range t.verbs {
		if t.verbs[vi].noun {
			continue
		}
		n := len(res.Events)
		cd.first[vi] = n
		if pv := cd.speechGovernor(vi); pv >= 0 {
			if evs, ok := cd.transform(vi, pv); ok {
				res.Events = append(res.Events[:cd.first[pv]], evs...)
				cd.emitted[vi] = true
				continue
			}
		}
		res.Events = cd.verbEvents(vi, res.Events)
		cd.emitted[vi] = cd.emitted[vi] || len(res.Events) > n
	}
	if len(res.Events) > 0 {
		res.Issues = c.issues(&w.sent)
	}
	return res
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

// newActorBefore returns a group for the noun phrase no dictionary codes
// that is the subject of verb v, with the phrases it links to by "of",
// if it is short enough to be a new actor.
func (cd *coding) newActorBefore(v *verbAt) int {
	t := cd.t
	for k := v.aux - 1; k >= 0; k-- {
		w := &t.s.words[k]
		switch {
		case w.is(cSeam):
		case t.npOf[k] >= 0:
			sp := t.nps[t.npOf[k]].span
			for sp.start >= 2 && t.s.words[sp.start-1].fold == foldOf && t.npOf[sp.start-2] >= 0 {
				sp.start = t.nps[t.npOf[sp.start-2]].start
			}
			return cd.newActor(sp)
		case w.is(cStop | cSub | cComma | cPron):
			return -1
		}
	}
	return -1
}

// newActorAfter returns a group for the first noun phrase after verb v,
// with the phrases "of" links to it ("the Ministry of Magic"), if it is
// short enough to be a new actor.
func (cd *coding) newActorAfter(v *verbAt) int {
	t := cd.t
	for k := v.end; k < len(t.s.words); k++ {
		if t.s.words[k].is(cStop) {
			return -1
		}
		if t.npOf[k] < 0 {
			continue
		}
		sp := t.nps[t.npOf[k]].span
		for sp.end+1 < len(t.s.words) && t.s.words[sp.end].fold == foldOf && t.npOf[sp.end+1] >= 0 {
			sp.end = t.nps[t.npOf[sp.end+1]].end
		}
		return cd.newActor(sp)
	}
	return -1
}

// newActor makes a group of one mention coded by the words of sp, or
// returns -1 when they are too many.
func (cd *coding) newActor(sp span) int {
	t := cd.t
	code, n := newActorCode(t.s, sp)
	if n == 0 || n > cd.c.Options.NewActorLength {
		return -1
	}
	t.groups = append(t.groups, group{span: sp, members: []mention{{span: sp, code: code}}})
	return len(t.groups) - 1
}

// newActorCode returns the code of a new actor, its words in capitals and
// quotes without possessive marks, and how many words it has.
func newActorCode(s *sentence, sp span) (string, int) {
	var words []string
	for k := sp.start; k < sp.end; k++ {
		if s.words[k].is(cPunct) || s.words[k].fold == foldPossS || s.words[k].fold == foldPossS2 {
			continue
		}
		words = append(words, upperASCII(s.words[k].span.In(s.text)))
	}
	return `"` + strings.Join(words, " ") + `"`, len(words)
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
	ev := Event{Source: sc, Target: gc, Code: code, Verb: spanOf(words, v.span)}
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

// subjectOf returns the subject of verb vi (a group, or -1), or false
// when the verb should give no event of its own: an infinitive whose
// governing verb already gave one ("said to be about to restore",
// "abandoned efforts to stop").
func (cd *coding) subjectOf(vi int, r roles) (int, bool) {
	t := cd.t
	v := &t.verbs[vi]
	s := t.s
	if !cd.probe && cd.underCodedClause(vi) {
		cd.emitted[vi] = true
		return -1, false
	}
	if r.before >= 0 {
		// A pattern matched a compound before the verb: the subject is
		// further left, whatever lies between.
		for k := r.before - 1; k >= 0; k-- {
			if g := int(t.groupOf[k]); g >= 0 && g != r.source && g != r.target && g != r.compound {
				return g, true
			}
		}
		return -1, true
	}
	to := -1
	for k := v.aux; k < v.start; k++ {
		if s.words[k].is(cTo) {
			to = k
			break
		}
	}
	if to >= 0 {
		if pv := cd.previousVerb(vi, to); pv >= 0 {
			if cd.emitted[pv] && !cd.probe {
				cd.emitted[vi] = true // so that a chain ("to be allowed to leave") stays covered
				return -1, false
			}
			if g := cd.subject(pv, r.target); g >= 0 {
				return g, true
			}
		}
	}
	return cd.subject(vi, r.target), true
}

// speechGovernor returns the speech verb ("said", "told") whose
// complement verb vi heads, or -1: the verb before vi in its clause, with
// no comma between them.
func (cd *coding) speechGovernor(vi int) int {
	t := cd.t
	pv := cd.previousVerb(vi, t.verbs[vi].aux)
	if pv < 0 || !t.s.words[t.verbs[pv].form].is(cSay) {
		return -1
	}
	for k := t.verbs[pv].end; k < t.verbs[vi].aux; k++ {
		if t.s.words[k].is(cComma|cStop) || t.verbOf[k] >= 0 {
			return -1
		}
	}
	return pv
}

// transform applies PETRARCH-2's transformations to a use of force that
// a speech verb reports, and reports whether one applied: "A said A will
// attack B" is A threatening B (138), "A said A attacked B" A claiming
// responsibility (015), "A said B attacked C" A accusing B (112). The
// events replace those of the speech verb pv.
func (cd *coding) transform(vi, pv int) ([]Event, bool) {
	t := cd.t
	cd.probe = true
	evs := cd.verbEvents(vi, nil)
	cd.probe = false
	sayer := cd.subject(pv, -1)
	if sayer < 0 || len(evs) == 0 {
		return nil, false
	}
	future, past := cd.tense(&t.verbs[vi])
	var out []Event
	for _, m := range t.groups[sayer].members {
		for _, e := range evs {
			if len(e.Code) < 2 || e.Code[:2] < "18" || e.Code[:2] > "20" {
				continue
			}
			ev := e
			ev.Source, ev.SourceSpan = m.code, spanOf(t.s.words, m.span)
			switch {
			case e.Source == m.code && future:
				ev.Code = "138"
			case e.Source == m.code && past:
				ev.Code = "015"
			case e.Source != m.code && past:
				ev.Code, ev.Target, ev.TargetSpan = "112", e.Source, e.SourceSpan
			default:
				continue
			}
			ev.Pattern = "transformation: " + e.Code + " reported by a speech verb"
			out = appendNew(out, ev)
		}
	}
	return out, len(out) > 0
}

// appendNew appends e unless an event with its source, target and code is
// there already.
func appendNew(out []Event, e Event) []Event {
	for _, x := range out {
		if x.Source == e.Source && x.Target == e.Target && x.Code == e.Code {
			return out
		}
	}
	return append(out, e)
}

// tense reports whether verb v is future (will, would, shall) or past (a
// past form, or a perfect).
func (cd *coding) tense(v *verbAt) (future, past bool) {
	s := cd.t.s
	for k := v.aux; k < v.start; k++ {
		w := &s.words[k]
		switch {
		case w.is(cModal) && futureWords.Has(w.fold):
			future = true
		case w.is(cHave):
			past = true
		}
	}
	if cd.c.Dict.Verbs.entries[v.entry].form == formPast && !future {
		past = true
	}
	return future, past
}

var futureWords = redline.NewFoldSet("will", "would", "shall", "'ll", "wo")

// underCodedClause reports whether verb vi is in a clause that a
// subordinator or a complementizer hangs off an earlier verb that gave an
// event ("restored ties after crowds burned down its embassy", "noted
// that Cirith Ungol regretted"): PETRARCH codes such a clause only when
// the clause above it codes nothing.
func (cd *coding) underCodedClause(vi int) bool {
	t := cd.t
	s := t.s
	v := &t.verbs[vi]
	for k := v.aux - 1; k >= 0; k-- {
		w := &s.words[k]
		switch {
		case w.is(cStop | cComma):
			return false
		case t.verbOf[k] >= 0 && !t.verbs[t.verbOf[k]].noun:
			return false
		case subordinators.Has(w.fold):
			if w.fold == foldThat && !(k > 0 && (t.verbOf[k-1] >= 0 && !t.verbs[t.verbOf[k-1]].noun || s.words[k-1].is(cSay))) {
				continue // "that group": a determiner
			}
			pv := cd.previousVerb(vi, k)
			return pv >= 0 && cd.emitted[pv]
		}
	}
	return false
}

var (
	subordinators = redline.NewFoldSet("after", "before", "when", "while", "because", "although", "though",
		"since", "until", "if", "unless", "whereas", "once", "where", "that", "which", "who", "whom", "whether")
	foldThat = redline.FoldOf("that")
)

// subject returns the group that is the subject of verb vi: for a verb
// joined by "and" to an earlier one, that verb's subject; else the
// nearest compound before the verb group within its clause. A pronoun
// subject stands for the compound before it in its clause. exclude is a
// group a pattern already used.
func (cd *coding) subject(vi, exclude int) int {
	t := cd.t
	v := &t.verbs[vi]
	s := t.s
	start := v.aux
	if start > 0 && s.words[start-1].is(cConj) {
		if pv := cd.previousVerb(vi, start); pv >= 0 {
			return cd.subject(pv, exclude)
		}
	}
	for k := start - 1; k >= 0; k-- {
		if g := t.groupOf[k]; g >= 0 {
			if int(g) == exclude {
				k = t.groups[g].start
				continue
			}
			return int(g)
		}
		w := &s.words[k]
		if t.npOf[k] >= 0 || w.is(cSeam) {
			continue
		}
		switch {
		case w.is(cPron):
			return cd.antecedent(k)
		case w.is(cStop | cSub | cComma):
			return -1
		}
	}
	return -1
}

// previousVerb returns the nearest verb before word k in the same clause,
// or -1.
func (cd *coding) previousVerb(vi, k int) int {
	t := cd.t
	for j := vi - 1; j >= 0; j-- {
		pv := &t.verbs[j]
		if pv.noun || pv.end > k {
			continue
		}
		for x := pv.end; x < k; x++ {
			if t.s.words[x].is(cStop) {
				return -1
			}
		}
		return j
	}
	return -1
}

// antecedent returns the nearest compound before a pronoun at word k.
func (cd *coding) antecedent(k int) int {
	t := cd.t
	if f := t.s.words[k].fold; f == foldThere {
		return -1
	}
	for j := k - 1; j >= 0; j-- {
		if g := t.groupOf[j]; g >= 0 {
			return int(g)
		}
		if t.s.words[j].is(cComma | cStop) {
			return -1
		}
	}
	return -1
}

var foldThere = redline.FoldOf("there")

// object returns the first compound after verb v other than src, within
// its sentence part. A compound right after a comma that is the subject
// of a verb after it ("..., a Bree official said") starts another clause
// and is not taken. Unless a pattern said otherwise (strict false), an
// infinitive of a verb the dictionary does not know, right after v, ends
// the search too: "proposed to take up the issue with the World Bank".
func (cd *coding) object(v *verbAt, src int, strict bool) int {
	t := cd.t
	comma := -2
	for k := v.end; k < len(t.s.words); k++ {
		if g := t.groupOf[k]; g >= 0 && int(g) != src {
			if t.groups[g].start == comma+1 && cd.beforeVerb(t.groups[g].end) {
				return -1
			}
			return int(g)
		}
		switch w := &t.s.words[k]; {
		case w.is(cStop):
			return -1
		case w.is(cComma):
			comma = k
		case strict && k == v.end && w.is(cTo) && k+1 < len(t.s.words) && t.verbOf[k+1] < 0 && cd.verbish(k+1):
			return -1
		}
	}
	return -1
}

// verbish reports whether word k is a verb: a dictionary verb judged one,
// or a word of no known kind outside any noun phrase.
func (cd *coding) verbish(k int) bool {
	t := cd.t
	if vi := t.verbOf[k]; vi >= 0 {
		return !t.verbs[vi].noun
	}
	return t.npOf[k] < 0 && t.s.words[k].class&^cCap == 0
}

// beforeVerb reports whether a verb group starts at word k.
func (cd *coding) beforeVerb(k int) bool {
	t := cd.t
	for ; k < len(t.s.words); k++ {
		w := &t.s.words[k]
		if vi := t.verbOf[k]; vi >= 0 {
			return !t.verbs[vi].noun
		}
		if w.is(cSay) {
			return true
		}
		if !w.is(aux) {
			return false
		}
	}
	return false
}

// passive reports whether verb v is passive: a form of "be" governs it
// ("was opposed", "was fiercely opposed") and it is not an -ing form.
func (cd *coding) passive(v *verbAt) bool {
	s := cd.t.s
	if strings.HasSuffix(s.lower(v.form), "ing") {
		return false
	}
	for k := v.start - 1; k >= v.aux; k-- {
		w := &s.words[k]
		switch {
		case w.is(cBe):
			return true
		case w.is(cAdv | cNeg | cConj):
			continue
		default:
			return false
		}
	}
	return false
}

// raising reports whether "to" and a verb follow verb v.
func (cd *coding) raising(v *verbAt) bool {
	t := cd.t
	k := v.end
	return k+1 < len(t.s.words) && t.s.words[k].is(cTo) && (t.s.words[k+1].is(cBe|cHave) || cd.verbish(k+1))
}

// byAgent returns the compound after "by" following a passive verb.
func (cd *coding) byAgent(v *verbAt) int {
	t := cd.t
	for k := v.end; k+1 < len(t.s.words); k++ {
		w := &t.s.words[k]
		if w.is(cStop) {
			return -1
		}
		if w.is(cBy) {
			if g := t.groupOf[k+1]; g >= 0 {
				return int(g)
			}
			return -1
		}
	}
	return -1
}

// negated reports whether a negation sits in verb v's group of
// auxiliaries after any "to" ("did not attack", not "will not try to").
func (cd *coding) negated(v *verbAt) bool {
	s := cd.t.s
	for k := v.start - 1; k >= v.aux; k-- {
		w := &s.words[k]
		if w.is(cTo) {
			return false
		}
		if w.is(cNeg) {
			return true
		}
	}
	return false
}
