package petrarch

import "redline"

// roles records which compounds a pattern's $, + and % elements matched,
// as indices into tagged.groups (-1 when unmatched), and how far left the
// pattern reached before the verb.
type roles struct {
	source, target, compound int
	compoundBefore           bool // % matched before the verb
	// before is the first word of the leftmost compound a role matched
	// before the verb, or -1.
	before int
	// words counts the words synsets matched beyond one each: of two
	// patterns with as many elements, the one that matched more text wins
	// ("austrian gold florin" before "florin").
	words int
}

func noRoles() roles { return roles{source: -1, target: -1, compound: -1, before: -1} }

// matcher matches one verb's patterns.
type matcher struct {
	t         *tagged
	d         *Dictionaries
	r         roles
	steps     int  // work done, bounded so that no pattern can blow up
	lemmas    bool // Options.Lemmas
	afterOnly bool // Options.AfterVerbOnly
	bloom     bloom
}

// maxSteps bounds the backtracking spent on one pattern.
const maxSteps = 4000

// best returns the most specific pattern of verb v that matches, and the
// roles it fixed.
func (m *matcher) best(v *verbAt) (*Pattern, roles, bool) {
	var best *Pattern
	var bestRoles roles
	e := &m.d.Verbs.entries[v.entry]
	for _, bi := range e.blocks {
		b := &m.d.Verbs.Blocks[bi]
		for pi := range b.Patterns {
			p := &b.Patterns[pi]
			if best != nil && p.weight < best.weight || p.Code.ignored() || m.afterOnly && p.wordsBefore || !m.mayMatch(p) {
				continue
			}
			m.r = noRoles()
			m.steps = 0
			if !m.seq(p.Lower, 0, v.end, 1) {
				continue
			}
			if !m.seq(p.Upper, 0, v.start-1, -1) {
				continue
			}
			if best == nil || p.weight > best.weight || m.r.words > bestRoles.words {
				best, bestRoles = p, m.r
			}
		}
	}
	return best, bestRoles, best != nil
}

// mayMatch reports whether every literal word of p is in the sentence, as
// far as its bloom filter can tell: most patterns fail this cheap test.
func (m *matcher) mayMatch(p *Pattern) bool {
	for i, f := range p.need {
		if !m.bloom.has(f) && !(m.lemmas && m.bloom.has(p.needPlural[i])) {
			return false
		}
	}
	return true
}

// bloom is a 256-bit set of the Folds of a sentence's words.
type bloom [4]uint64

func (b *bloom) add(f redline.Fold)      { b[f>>62] |= 1 << (f & 63) }
func (b *bloom) has(f redline.Fold) bool { return b[f>>62]&(1<<(f&63)) != 0 }

// seq matches elements es[k:] from word pos in direction dir (+1 after the
// verb, -1 before it).
func (m *matcher) seq(es []elem, k, pos, dir int) bool {
	if k == len(es) {
		return true
	}
	s := m.t.s
	e := &es[k]
	// Inside a group, the words between elements are limited: only
	// determiners in a prepositional phrase ("on a resolution"), only
	// words of the noun phrase in a noun-phrase group, where the last
	// modifier must touch the head unless it is coordinated ("death and
	// injury toll").
	inGroup := e.group != 0 && !e.first
	rule := e.group
	if e.first && e.outer != 0 {
		// The first word of a noun phrase inside a prepositional phrase
		// keeps to the rule of the prepositional phrase.
		inGroup, rule = true, e.outer
	}
	atHead := inGroup && rule == '{' && (dir > 0 && e.head || dir < 0 && k > 0 && es[k-1].head)
	gap := 0
	for p := pos; p >= 0 && p < len(s.words); p += dir {
		m.steps++
		if m.steps > maxSteps {
			return false
		}
		if (e.group != '{' || e.kind != elWord || m.t.npOf[p] >= 0) &&
			m.elemAt(e, p, dir, func(next int) bool { return m.seq(es, k+1, next, dir) }) {
			return true
		}
		if !e.loose {
			return false
		}
		if m.afterOnly && dir > 0 && s.words[p].is(cSub) && e.kind != elSource && e.kind != elTarget && e.kind != elCompound {
			return false // pattern words stay in the verb's clause
		}
		if inGroup {
			w := &s.words[p]
			gap++
			switch {
			case gap > 3:
				return false
			case rule == '(' && !w.is(cDet|cPoss):
				return false
			case rule == '{' && atHead && gap == 1 && !w.is(cConj):
				return false
			case rule == '{' && !npGap.skip(s, p) && !w.is(cConj):
				return false
			}
		}
	}
	return false
}

// elemAt matches element e at word p and, on success, calls next with the
// word after it (in direction dir); it reports whether next succeeded.
func (m *matcher) elemAt(e *elem, p, dir int, next func(int) bool) bool {
	t := m.t
	switch e.kind {
	case elWord:
		return (e.w.matches(t.s, p) || m.lemmas && e.plural != 0 && t.s.words[p].fold == e.plural) && next(p+dir)
	case elSynset:
		sy := &m.d.Verbs.Synsets[e.syn]
		idx := &sy.byFirst
		if dir < 0 {
			idx = &sy.byLast
		}
		for _, lists := range [2][]int32{idx.Value(t.s.words[p].fold), sy.other} {
			for _, mi := range lists {
				if end, ok := m.phrase(sy.Members[mi], p, dir); ok && m.counted(end, p, dir, next) {
					return true
				}
			}
		}
		return false
	case elAlt:
		for _, alt := range e.alts {
			if end, ok := m.phrase(alt, p, dir); ok && m.counted(end, p, dir, next) {
				return true
			}
		}
		return false
	case elSkip:
		// The rest of a noun phrase, from p on in the direction of
		// matching.
		np := t.npOf[p]
		if np < 0 {
			return false
		}
		x := t.nps[np]
		if dir > 0 {
			return next(x.end)
		}
		return next(x.start - 1)
	}
	g := t.groupOf[p]
	var after int
	switch {
	case g < 0 && t.s.words[p].is(cPron):
		// A pronoun in a role stands for the compound before it ("said
		// he regretted").
		a := t.antecedent(p)
		if a < 0 {
			return false
		}
		g, after = int32(a), p+dir
	case g < 0:
		return false
	case dir > 0 && t.groups[g].start == p:
		after = t.groups[g].end
	case dir < 0 && t.groups[g].end-1 == p:
		after = t.groups[g].start - 1
	default:
		return false
	}
	x := t.groups[g]
	if e.kind == elCompound && len(x.members) < 2 {
		return false
	}
	saved := m.r
	switch e.kind {
	case elSource:
		m.r.source = int(g)
	case elTarget:
		m.r.target = int(g)
	case elCompound:
		m.r.compound, m.r.compoundBefore = int(g), dir < 0
	}
	if dir < 0 && (m.r.before < 0 || x.start < m.r.before) {
		m.r.before = x.start
	}
	if next(after) {
		return true
	}
	m.r = saved
	return false
}

// antecedent returns the nearest compound before the pronoun at word k,
// within its clause part, or -1.
func (t *tagged) antecedent(k int) int {
	if t.s.words[k].fold == foldThere {
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

// counted calls next(end) with the extra words of a phrase matched from p
// counted in the roles.
func (m *matcher) counted(end, p, dir int, next func(int) bool) bool {
	n := (end - p) * dir
	m.r.words += n - 1
	if next(end) {
		return true
	}
	m.r.words -= n - 1
	return false
}

// phrase matches a run of adjacent elements (a synset member or an
// alternative) at word p in direction dir and returns the word after it.
func (m *matcher) phrase(es []elem, p, dir int) (int, bool) {
	s := m.t.s
	n := len(es)
	for i := 0; i < n; i++ {
		k := i
		if dir < 0 {
			k = n - 1 - i
		}
		if p < 0 || p >= len(s.words) {
			return 0, false
		}
		e := &es[k]
		switch e.kind {
		case elWord:
			if !e.w.matches(s, p) {
				return 0, false
			}
			p += dir
		case elSynset, elAlt:
			ok := false
			m.elemAt(e, p, dir, func(end int) bool { p, ok = end, true; return true })
			if !ok {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	return p, true
}
