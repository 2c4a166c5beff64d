package petrarch

import (
	"strings"
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
}

// npGap lets a loose connector of an actor or agent phrase skip up to two
// words that could sit inside a noun phrase ("Ithilen state-run
// television").
var npGap = gapRule{max: 2, skip: func(s *sentence, i int) bool {
	return !s.words[i].is(cPunct | cComma | cPrep | cTo | cBy | cConj | cSub | cBe | cHave | cDo | cModal | cNeg)
}}

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
func (t *tagged) tagPhrases(d *Dictionaries) {
	s := t.s
	for i := 0; i < len(s.words); i++ {
		if s.words[i].is(cPunct | cComma) {
			continue
		}
		if m, ok := d.Actors.trie.longest(s, i, npGap); ok {
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
		if m, ok := d.Agents.trie.longest(s, i, npGap); ok && !t.overlapsActor(i, m.end) {
			t.agentEnd[i], t.agentOf[i] = int32(m.end), m.val
			for j := i + 1; j < m.end; j++ {
				t.agentOf[j] = m.val
			}
			i = m.end - 1
		}
	}
	for i := 0; i < len(s.words); i++ {
		if t.actorOf[i] >= 0 || t.agentOf[i] >= 0 || s.words[i].is(cPunct|cComma) {
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
func (t *tagged) judgeVerbs() {
	s := t.s
	for vi := range t.verbs {
		v := &t.verbs[vi]
		a := v.start
		for a > 0 && s.words[a-1].is(aux) && t.verbOf[a-1] < 0 {
			a--
		}
		v.aux = a
		v.noun = t.isNoun(v)
	}
}

// isNoun judges a dictionary verb a noun when what comes right before it
// makes it one: a determiner, a possessive, a preposition, a number, or
// an adjective run that starts with one of those ("his first official
// visit"). A word after "to", an auxiliary, a pronoun or a noun phrase
// stays a verb, as does a past form.
func (t *tagged) isNoun(v *verbAt) bool {
	s := t.s
	i := v.start
	if i == 0 {
		return false
	}
	prev := &s.words[i-1]
	switch {
	case prev.is(cDet | cPoss | cPrep | cBy | cNumber):
		return true
	case prev.is(aux | cPron | cSub | cConj):
		return false
	}
	if t.actorOf[i-1] >= 0 || t.agentOf[i-1] >= 0 {
		return false
	}
	if pastForm(s.lower(v.form)) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		w := &s.words[j]
		switch {
		case w.is(cDet | cPoss | cPrep | cBy):
			return true
		case w.class&^cCap != 0 || t.verbOf[j] >= 0 || t.actorOf[j] >= 0 || t.agentOf[j] >= 0:
			return false
		}
	}
	return false
}

// pastForm reports whether a verb form looks like a past tense or
// participle.
func pastForm(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") ||
		strings.HasSuffix(w, "ought") || strings.HasSuffix(w, "ught")
}

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
	return !w.is(cPunct|cComma|cPrep|cTo|cBy|cConj|cSub|cBe|cHave|cDo|cModal|cNeg|cPron|cAdv) || w.is(cDet|cPoss)
}
