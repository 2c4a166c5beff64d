package petrarch

import (
	"redline"
)

// span is a run of words [start, end).
type span struct{ start, end int }

// np is a noun phrase: a run of words with no verb, preposition,
// conjunction or punctuation in it. actors and agents are the dictionary
// entries found in it, in order.
type np struct {
	span
	actor  int32   // first actor entry in the phrase, or -1
	agents []int32 // agent entries in order
}

// mention is a coded noun phrase: one actor code (or none) and the agents
// that go with it. A phrase whose actor has several codes ("A/B/C") is
// split into one mention per code unless codes are kept whole.
type mention struct {
	span
	code string
}

// group is a compound: the mentions of a coordinated run of noun phrases
// ("A, B and C"), coded as one argument of a verb.
type group struct {
	span
	members []mention
}

// verbAt is a dictionary verb found in the sentence.
type verbAt struct {
	span          // the verb's words, with any particles of a multi-word verb
	entry   int32 // verbs.entries index
	aux     int   // first word of the verb group (auxiliaries before the verb)
	noun    bool  // judged a noun: "an attack", "his visit"
	form    int   // word that is the verb itself
	subject int   // group index of the subject, -1 if none, -2 if not yet found
}

// tagged is what the tagger finds in a sentence.
type tagged struct {
	s        *sentence
	actorEnd []int32 // per word: end of the actor match starting here, 0 if none
	actorOf  []int32
	agentEnd []int32
	agentOf  []int32
	verbOf   []int32 // per word: index into verbs of a verb covering it, -1 if none
	nps      []np
	npOf     []int32 // per word: index into nps, -1 outside any
	groups   []group
	groupOf  []int32 // per word: index into groups, -1 outside any
	verbs    []verbAt
	// bufA, bufB and bufC are reused for the members of compounds.
	bufA, bufB, bufC []int
}

// npGap lets a loose connector of an actor or agent phrase skip up to two
// words that could sit inside a noun phrase ("Ithilen state-run
// television").
var npGap = gapRule{max: 2, skip: func(s *sentence, i int) bool {
	return !s.words[i].is(cPunct | cComma | cPrep | cTo | cBy | cConj | cSub | cBe | cHave | cDo | cModal | cNeg)
}}

// npGapOpen is npGap for dictionaries whose "_" is not kept to.
var npGapOpen = gapRule{max: npGap.max, skip: npGap.skip, open: true}

// tightGap allows no gap at all.
var tightGap = gapRule{max: 0, skip: func(*sentence, int) bool { return false }}

func (t *tagged) reset(s *sentence) {
	n := len(s.words)
	t.s = s
	t.actorEnd = resize(t.actorEnd, n, 0)
	t.actorOf = resize(t.actorOf, n, -1)
	t.agentEnd = resize(t.agentEnd, n, 0)
	t.agentOf = resize(t.agentOf, n, -1)
	t.verbOf = resize(t.verbOf, n, -1)
	t.npOf = resize(t.npOf, n, -1)
	t.groupOf = resize(t.groupOf, n, -1)
	t.nps = t.nps[:0]
	t.groups = t.groups[:0]
	t.verbs = t.verbs[:0]
}

func resize(b []int32, n int, v int32) []int32 {
	if cap(b) < n {
		b = make([]int32, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = v
	}
	return b
}

// tagPhrases finds actors, then agents where no actor is, then verbs
// where neither is, each longest first from left to right.
func (t *tagged) tagPhrases(d *Dictionaries, open bool) {
	s := t.s
	gap := npGap
	if open {
		gap = npGapOpen
	}
	for i := 0; i < len(s.words); i++ {
		if s.words[i].is(cPunct | cComma) {
			continue
		}
		if m, ok := d.Actors.trie.longest(s, i, gap); ok {
			t.actorEnd[i], t.actorOf[i] = int32(m.end), m.val
			for j := i + 1; j < m.end; j++ {
				t.actorOf[j] = m.val
			}
			i = m.end - 1
		}
	}
	for i := 0; i < len(s.words); i++ {
		if t.actorOf[i] >= 0 || s.words[i].is(cPunct|cComma) {
			continue
		}
		if m, ok := d.Agents.trie.longest(s, i, gap); ok && !t.overlapsActor(i, m.end) {
			t.agentEnd[i], t.agentOf[i] = int32(m.end), m.val
			for j := i + 1; j < m.end; j++ {
				t.agentOf[j] = m.val
			}
			i = m.end - 1
		}
	}
	for i := 0; i < len(s.words); i++ {
		if t.actorOf[i] >= 0 || t.agentOf[i] >= 0 || s.words[i].is(cPunct|cComma|cModal) {
			continue
		}
		m, ok := d.Verbs.trie.longest(s, i, tightGap)
		if !ok {
			continue
		}
		e := &d.Verbs.entries[m.val]
		start := i
		for k, w := range e.before {
			j := i - 1 - k
			if j < 0 || !w.matches(s, j) {
				start = -1
				break
			}
			start = j
		}
		if start < 0 {
			continue
		}
		v := verbAt{span: span{start, m.end}, entry: m.val, form: i, subject: -2}
		t.verbs = append(t.verbs, v)
		for j := start; j < m.end; j++ {
			t.verbOf[j] = int32(len(t.verbs) - 1)
		}
		i = m.end - 1
	}
}

func (t *tagged) overlapsActor(from, to int) bool {
	for j := from; j < to; j++ {
		if t.actorOf[j] >= 0 {
			return true
		}
	}
	return false
}

// judgeVerbs decides which dictionary verbs are nouns, and finds each
// verb's group of auxiliaries.
func (t *tagged) judgeVerbs(d *Dictionaries) {
	s := t.s
	for vi := range t.verbs {
		v := &t.verbs[vi]
		a := v.start
		for a > 0 && t.verbOf[a-1] < 0 {
			w := &s.words[a-1]
			switch {
			case w.is(aux):
				a--
				continue
			case w.is(cConj) && a >= 2 && s.words[a-2].is(cAdv) && s.words[a].is(cAdv):
				a-- // "heavily and unjustly"
				continue
			}
			break
		}
		v.aux = a
		v.noun = t.isNoun(v, d)
	}
}

// isNoun judges a dictionary verb a noun by what comes before it. Right
// after a determiner, possessive, preposition, number or degree word it
// is a noun ("an attack", "Gondor's visit"); after "to", an auxiliary, a
// pronoun or a conjunction it is a verb; so is a past form, and a form
// after an agent ("the official said") or an actor ("Gondor attacks"),
// unless it is a base form after an actor in a phrase that "a" or "an"
// opens ("an anti-Gondor parade"). Otherwise
// the words before it decide: a run of unknown words (adjectives, most
// likely) back to a determiner makes it a noun ("his first official
// visit"), back to a noun a verb ("the new mayor left").
func (t *tagged) isNoun(v *verbAt, d *Dictionaries) bool {
	s := t.s
	i := v.start
	if i == 0 {
		return false
	}
	prev := &s.words[i-1]
	switch {
	case prev.is(cDet | cPoss | cPrep | cBy | cNumber | cDegree):
		return true
	case prev.is(aux | cPron | cSub | cConj):
		return false
	}
	form := d.Verbs.entries[v.entry].form
	if form == formPast {
		return false
	}
	switch {
	case t.agentOf[i-1] >= 0:
		return false
	case t.actorOf[i-1] >= 0:
		return form == formBase && t.indefinite(i-1)
	}
	return t.determined(i - 1)
}

// determined reports whether the unknown words ending at word j go back to
// a determiner, possessive pronoun or preposition, rather than to a noun.
func (t *tagged) determined(j int) bool {
	s := t.s
	for k := j; k >= 0 && k >= j-4; k-- {
		w := &s.words[k]
		switch {
		case w.fold == foldPossS || w.fold == foldPossS2:
			return false // "Galadhon's new mayor": a possessor, then the noun
		case w.is(cDet | cPoss | cPrep | cBy):
			return true
		case t.verbOf[k] >= 0 && t.verbs[t.verbOf[k]].noun:
		case w.class&^cCap != 0 || t.actorOf[k] >= 0 || t.agentOf[k] >= 0 || t.verbOf[k] >= 0:
			return false
		}
	}
	return false
}

// indefinite reports whether the actor or agent phrase ending at word j
// is opened by "a" or "an", perhaps with a few words between.
func (t *tagged) indefinite(j int) bool {
	s := t.s
	for k := j; k >= 0 && k >= j-5; k-- {
		w := &s.words[k]
		switch {
		case w.fold == foldA || w.fold == foldAn:
			return true
		case t.actorOf[k] >= 0 || t.agentOf[k] >= 0:
		case w.is(cPunct) && s.text[w.span.Start] == '-':
		case w.class&^cCap != 0:
			return false
		}
	}
	return false
}

var (
	foldA      = redline.FoldOf("a")
	foldAn     = redline.FoldOf("an")
	foldPossS  = redline.FoldOf("'s")
	foldPossS2 = redline.FoldOf("’s")
)

// chunk groups the words into noun phrases.
func (t *tagged) chunk() {
	s := t.s
	for i := 0; i < len(s.words); {
		if !t.inNP(i) {
			i++
			continue
		}
		j := i
		for j < len(s.words) && t.inNP(j) {
			j++
		}
		p := np{span: span{i, j}, actor: -1}
		for k := i; k < j; k++ {
			if t.actorEnd[k] > 0 && p.actor < 0 {
				p.actor = t.actorOf[k]
			}
			if t.agentEnd[k] > 0 {
				p.agents = append(p.agents, t.agentOf[k])
			}
		}
		for k := i; k < j; k++ {
			t.npOf[k] = int32(len(t.nps))
		}
		t.nps = append(t.nps, p)
		i = j
	}
}

// inNP reports whether word i can belong to a noun phrase.
func (t *tagged) inNP(i int) bool {
	if t.actorOf[i] >= 0 || t.agentOf[i] >= 0 {
		return true
	}
	if vi := t.verbOf[i]; vi >= 0 {
		return t.verbs[vi].noun
	}
	w := &t.s.words[i]
	if w.class&^cCap == 0 && t.afterAux(i) {
		return false // "has begun", "was seen": an unknown verb
	}
	return !w.is(cPunct|cComma|cPrep|cTo|cBy|cConj|cSub|cBe|cHave|cDo|cModal|cNeg|cPron|cAdv) || w.is(cDet|cPoss)
}

// afterAux reports whether word i follows an auxiliary, "to" or a
// negation, perhaps with adverbs between.
func (t *tagged) afterAux(i int) bool {
	for k := i - 1; k >= 0; k-- {
		w := &t.s.words[k]
		switch {
		case w.is(cBe | cHave | cDo | cModal | cNeg | cTo):
			return true
		case w.is(cAdv) && !w.is(cPrep):
		default:
			return false
		}
	}
	return false
}
