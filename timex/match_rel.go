package timex

import (
	"strings"

	"redline"
)

// matchRel reads expressions that start with "the" or a relation word:
// "last week", "next month", "this spring", "last July", "the following
// day", "that year", "the past two years", "the past", "the future".
func (s *scanner) matchRel(i int) (match, bool) {
	a, j := i, i
	the := s.word(i, "the")
	if the {
		// load lets "the" start an expression only where this test passes.
		if j+1 >= len(s.t) || s.t[j+1].lex.cls == 0 && s.t[j+1].kind != redline.TokenNumber {
			return match{}, false
		}
		j++
		if m, ok := s.matchAfterThe(i, j); ok {
			return m, true
		}
	}
	if !s.lx(j).is(cRel) {
		return match{}, false
	}
	rel := int(s.t[j].lex.val)
	k := j + 1
	if s.wordIn(k, "fiscal", "financial", "calendar") {
		k++
	}
	if rel == relThat && s.word(k, "very") {
		k++
	}
	if m, ok := s.relDuration(a, k, rel, the); ok {
		return m, true
	}
	lk := s.lx(k)
	switch {
	case lk.u != uNone && s.t[k].kind == redline.TokenWord:
		return s.relUnit(a, k, rel, the)
	case lk.is(cMonth) && s.t[k].upper && !lk.is(cAbbr) && !the:
		return s.relMonth(a, k, rel)
	case lk.is(cSeason):
		m, ok := s.matchSeason(k, rel)
		m.a = a
		return m, ok
	case lk.is(cWeekday) && s.t[k].upper && !the:
		return s.withPart(a, k+1, s.weekdayRel(int(lk.val), relSign(rel), k), redline.AnchorDocument)
	case lk.is(cPart) && rel == relThis:
		p := s.dct
		p.g, p.tod = redline.GrainTime, parts[lk.val]
		return calMatch(a, k+1, p, redline.AnchorDocument)
	case s.wordIn(k, "time", "moment") && rel == relThat:
		return s.narrativeRef(a, k+1)
	}
	return match{}, false
}

// matchAfterThe reads the expressions that need "the" before them.
func (s *scanner) matchAfterThe(a, j int) (match, bool) {
	lj := s.lx(j)
	switch {
	case s.word(j, "future"):
		return refMatch(a, j+1, refFuture)
	case s.word(j, "past") && !s.countable(j+1):
		return refMatch(a, j+1, refPast)
	case lj.is(cMod) && !lj.is(cDir):
		m, ok := s.matchMod(j)
		if ok {
			m.a = a
		}
		return m, ok
	case lj.is(cOrdinal) || (lj.is(cRel) && lj.val == relLast || s.word(j, "final")) && s.lx(j+1).u == uQuarter &&
		s.word(j+2, "of"):
		return s.matchOrdinal(j)
	case lj.u != uNone && lj.u > uHour && plural(s.str(j)) && s.wordIn(a-1, "over", "for", "through", "throughout"):
		return durMatch(a, j+1, quant{vague: true, u: lj.u}, "")
	case s.wordIn(j, "time", "moment") && s.word(a-1, "at"):
		return s.narrativeRef(a, j+1)
	case lj.u != uNone && lj.u >= uDay && s.lx(j+1).is(cDir) && s.boundary(j+2):
		return s.dayBefore(a, j)
	case lj.is(cSeason):
		m, ok := s.matchSeason(j, 0)
		return m, ok
	}
	return match{}, false
}

// dayBefore reads "the day before", "the year after": the narrative time
// moved by one unit.
func (s *scanner) dayBefore(a, j int) (match, bool) {
	n := 1
	if d := s.t[j+1].lex.dir; d == dirBefore || d == dirEarlier {
		n = -1
	} else if d != dirAfter && d != dirLater {
		return match{}, false
	}
	p, anchor := s.relative(n, unitGrain[s.t[j].lex.u])
	return calMatch(a, j+2, p, anchor)
}

// narrativeRef reads "at the time", "at that very moment": the narrative
// time in force, or PAST_REF when none is.
func (s *scanner) narrativeRef(a, b int) (match, bool) {
	if !s.hasNarr {
		return refMatch(a, b, refPast)
	}
	return calMatch(a, b, s.narr, redline.AnchorNarrative)
}

// relSign maps a relation to -1 (before), +1 (after) or 0.
func relSign(rel int) int {
	switch rel {
	case relLast, relPast, relPrevious:
		return -1
	case relNext, relComing, relFollowing:
		return 1
	}
	return 0
}

// relDuration reads "the past two years", "the next few months", "recent
// weeks": durations ending or starting now.
func (s *scanner) relDuration(a, k, rel int, the bool) (match, bool) {
	switch rel {
	case relThis, relSame, relThat, relCurrent:
		return match{}, false
	}
	q, ok := s.quantity(k)
	if !ok {
		if t := s.lx(k); t.u != uNone && strings.HasSuffix(s.str(k), "s") && s.t[k].kind == redline.TokenWord {
			q = quant{vague: true, end: k + 1, u: t.u}
			ok = true
		}
	}
	if !ok || q.u == uNone {
		return match{}, false
	}
	return durMatch(a, q.end, q, "")
}

// relUnit reads a relation and a unit: "last week" and "this year" from the
// document date, "the following day" and "that year" from the narrative.
func (s *scanner) relUnit(a, k, rel int, the bool) (match, bool) {
	u := s.t[k].lex.u
	g := unitGrain[u]
	if u == uWeekend || u == uFortnight {
		g = redline.GrainWeek
	}
	if g == redline.GrainTime {
		if rel == relPast || rel == relLast {
			return durMatch(a, k+1, quant{n: 1, u: u, end: k + 1}, "")
		}
		return match{}, false
	}
	switch {
	case rel == relPast && the, the && s.wordIn(a-1, "over", "within", "throughout") &&
		(rel == relNext || rel == relPast || rel == relLast || rel == relFollowing || rel == relComing),
		the && s.word(a-1, "for") && (rel == relNext || rel == relFollowing || rel == relComing):
		return durMatch(a, k+1, quant{n: 1, u: u, end: k + 1}, "")
	case rel == relRecent:
		return match{}, false
	case rel == relPrevious || rel == relFollowing || rel == relSame || rel == relThat ||
		the && (rel == relNext):
		p, anchor := s.relative(relSign(rel), g)
		return calMatch(a, k+1, p, anchor)
	}
	return calMatch(a, k+1, s.deictic(relSign(rel), g), redline.AnchorDocument)
}

// relMonth reads "last July", "next March", "this May".
func (s *scanner) relMonth(a, k, rel int) (match, bool) {
	switch rel {
	case relThis, relLast, relNext, relPast, relComing:
		return calMatch(a, k+1, s.lastMonth(int(s.t[k].lex.val), relSign(rel)), redline.AnchorDocument)
	}
	return match{}, false
}

// matchDeictic reads "today", "yesterday", "tomorrow" and "tonight", with
// a part of the day after them ("yesterday morning").
func (s *scanner) matchDeictic(i int) (match, bool) {
	v := int(s.t[i].lex.val)
	if v == 100 {
		p := s.dct
		p.g, p.tod = redline.GrainTime, "NI"
		return calMatch(i, i+1, p, redline.AnchorDocument)
	}
	p := day(s.dct.start().AddDate(0, 0, v))
	return s.withPart(i, i+1, p, redline.AnchorDocument)
}

// matchRef reads "now", "currently", "recently", "soon".
func (s *scanner) matchRef(i int) (match, bool) {
	if s.punct(i+1, "-") || s.word(i-1, "as") || s.word(i+1, "that") && s.word(i, "now") {
		return match{}, false
	}
	return refMatch(i, i+1, int(s.t[i].lex.val))
}

// matchMod reads modified expressions: "early next year", "late 2019",
// "mid-February", "the end of the year", "earlier this month".
func (s *scanner) matchMod(i int) (match, bool) {
	md := int(s.t[i].lex.val)
	k := i + 1
	switch md {
	case modEnd, modBeginning, modMiddle:
		if !s.word(k, "of") {
			return match{}, false
		}
		k++
	case modEarlier, modLater:
		if !s.wordIn(k, "this", "today", "that", "tonight") {
			return match{}, false
		}
	}
	inner, ok := s.innerAt(k)
	if !ok || !inner.cal {
		return match{}, false
	}
	inner.a = i
	inner.mod = modName(md)
	return inner, true
}

// innerAt reads the expression a modifier applies to: any calendar
// expression, or "the year", "the month", "year" meaning the year in force.
func (s *scanner) innerAt(k int) (match, bool) {
	a := k
	if s.word(k, "the") {
		k++
	}
	if lk := s.lx(k); lk.u != uNone && lk.u >= uWeek && s.t[k].kind == redline.TokenWord && !s.lx(k+1).is(cDir) {
		p, anchor := s.theUnit(unitGrain[lk.u], k)
		return calMatch(a, k+1, p, anchor)
	}
	var m match
	ok := k < len(s.t) && s.trigger(a) && s.matchAt(a, &m)
	return m, ok
}

// theUnit returns "the year" or "the month" at token i: the document
// date's, as news uses them ("by the end of the year"). "That year" is the
// narrative's and is read by relUnit.
func (s *scanner) theUnit(g redline.Grain, i int) (point, redline.Anchor) {
	return s.deictic(0, g), redline.AnchorDocument
}

// modName returns the TimeML modifier of a modifier word.
func modName(md int) string {
	switch md {
	case modEarly, modBeginning:
		return "START"
	case modMid, modMiddle:
		return "MID"
	case modLate, modEnd:
		return "END"
	}
	return ""
}

// matchSet reads recurrences: "every week", "each year", "every two
// years", "every Monday", "every morning", "annually", "per day".
func (s *scanner) matchSet(i int) (match, bool) {
	t := &s.t[i]
	if t.lex.is(cAdverbSet) {
		return setMatch(i, i+1, "P1"+unitSym(t.lex.u), unitGrain[t.lex.u])
	}
	k := i + 1
	if s.word(k, "other") {
		q := quant{n: 2, end: k + 2, u: s.lx(k + 1).u}
		if q.u == uNone {
			return match{}, false
		}
		return setMatch(i, q.end, durValue(q), unitGrain[q.u])
	}
	if q, ok := s.quantity(k); ok && q.u != uNone && !q.vague {
		return setMatch(i, q.end, durValue(q), unitGrain[q.u])
	}
	lk := s.lx(k)
	switch {
	case lk.u != uNone && s.t[k].kind == redline.TokenWord:
		return setMatch(i, k+1, durValue(quant{n: 1, u: lk.u}), unitGrain[lk.u])
	case lk.is(cWeekday) && s.t[k].upper:
		return setMatch(i, k+1, "XXXX-WXX-"+string(rune('0'+isoWeekday(int(lk.val)))), redline.GrainDay)
	case lk.is(cPart):
		return setMatch(i, k+1, "XXXX-XX-XXT"+parts[lk.val], redline.GrainTime)
	case lk.is(cSeason) && !s.word(k, "fall"):
		return setMatch(i, k+1, "XXXX-"+seasons[lk.val], redline.GrainSeason)
	}
	return match{}, false
}

func isoWeekday(wd int) int {
	if wd == 0 {
		return 7
	}
	return wd
}

func setMatch(a, b int, val string, g redline.Grain) (match, bool) {
	return match{a: a, b: b, val: val, g: g, typ: redline.TimeSet, anchor: redline.AnchorNone}, true
}
