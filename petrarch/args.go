package petrarch

import (
	"strings"

	"redline"
)

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
			return t.antecedent(k)
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
	if w := s.words[v.form].span.In(s.text); len(w) > 3 && strings.EqualFold(w[len(w)-3:], "ing") {
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
