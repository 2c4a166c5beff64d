package timex

import (
	"redline"
)

// match is one expression found by a rule: tokens [a, b) of the sentence,
// or the byte span sp when it is set (for parts of one token, "2009-2010").
type match struct {
	a, b   int
	sp     redline.Span
	val    string
	g      redline.Grain
	typ    redline.TimeType
	mod    string
	anchor redline.Anchor
	p      point // the calendar value, when cal is true
	cal    bool
}

// scanner holds the state of one Tag call: the document, its date, the
// narrative time in force, and the tokens of the current sentence.
type scanner struct {
	text     string
	fold     []byte // text with ASCII letters in lower case (see foldASCII)
	dct      point
	narr     point
	narrVal  string // narr.value(), kept so that no sentence formats it again
	hasNarr  bool
	narrSent int
	// explicit is true when the narrative time was written out or computed
	// from the narrative, not taken from the document date; only such a
	// time lends its year to bare months.
	explicit bool
	sent     int
	t        []tok
	// deadlineWord is true when the sentence has one of deadlineWords.
	deadlineWord bool
	cues         []cue
	cuesDone     bool
	out          []redline.TimeExpr
	sents        []int
}

// sentence finds the expressions of the current sentence.
func (s *scanner) sentence() {
	s.cuesDone = false
	var m match
	for i := 0; i < len(s.t); {
		if !s.trigger(i) || !s.matchAt(i, &m) {
			i++
			continue
		}
		s.emit(&m)
		if m.b <= i {
			m.b = i + 1
		}
		i = m.b
	}
}

// trigger reports whether token i may start an expression.
func (s *scanner) trigger(i int) bool {
	t := &s.t[i]
	switch t.kind {
	case redline.TokenNumber:
		return true
	case redline.TokenWord:
		return t.start
	case redline.TokenQuote:
		return i+1 < len(s.t) && s.t[i+1].nk == nDecade
	}
	return false
}

// matchAt tries every rule at token i and reports whether one matched,
// writing the longest match to *best. A match is large, and writing it in
// place saves copying it on its way back to sentence.
func (s *scanner) matchAt(i int, best *match) bool {
	t := &s.t[i]
	found := false
	switch {
	case t.kind == redline.TokenNumber || t.kind == redline.TokenQuote:
		*best, found = s.matchNumber(i)
	case t.lex.is(cMonth):
		*best, found = s.matchMonth(i)
	case t.lex.is(cWeekday):
		*best, found = s.matchWeekday(i)
	}
	var m match
	if t.kind == redline.TokenWord && s.matchWords(i, &m) && (!found || m.b > best.b) {
		*best, found = m, true
	}
	if t.lex.is(cNumber | cVague | cApprox) {
		if q, ok := s.matchQuantity(i); ok && (!found || q.b > best.b) {
			*best, found = q, true
		}
	}
	return found
}

// matchWords tries the rules that start with a word and reports whether
// one matched, writing its match to *m.
func (s *scanner) matchWords(i int, m *match) (ok bool) {
	t := &s.t[i]
	switch {
	case t.hy > 0:
		*m, ok = s.matchHyphen(i)
	case t.lex.is(cDeictic):
		*m, ok = s.matchDeictic(i)
	case t.lex.is(cRef):
		*m, ok = s.matchRef(i)
	case t.lex.is(cEvery | cAdverbSet):
		*m, ok = s.matchSet(i)
	case t.lex.is(cMod):
		*m, ok = s.matchMod(i)
	case t.lex.is(cSeason):
		*m, ok = s.matchSeason(i, 0)
	case t.lex.is(cRel) || s.word(i, "the"):
		*m, ok = s.matchRel(i)
	case t.lex.is(cOrdinal):
		*m, ok = s.matchOrdinal(i)
	case s.str(i)[0] == 'Q' || s.word(i, "fiscal"):
		*m, ok = s.matchQuarterCode(i)
	case s.word(i, "final"):
		*m, ok = s.matchOrdinal(i)
	case t.lex.is(cNoon):
		*m, ok = s.matchClockWord(i)
	case t.lex.u != uNone:
		*m, ok = s.matchBareUnit(i)
	}
	return ok
}

// emit appends a match as a time expression and updates the narrative
// time in force with calendar values.
func (s *scanner) emit(m *match) {
	sp := m.sp
	if sp == (redline.Span{}) {
		sp = redline.Span{Start: s.t[m.a].span.Start, End: s.t[m.b-1].span.End}
	}
	anchor := m.anchor
	if anchor == "" {
		anchor = redline.AnchorNone
	}
	s.out = append(s.out, redline.TimeExpr{Text: s.text[sp.Start:sp.End], Span: sp, Value: m.val, Grain: m.g,
		Type: m.typ, Mod: m.mod, Anchor: anchor})
	s.sents = append(s.sents, s.sent)
	if m.cal && !s.wordIn(m.a-1, "since", "until", "till") {
		s.narr, s.narrVal, s.hasNarr, s.narrSent = m.p, m.val, true, s.sent
		s.explicit = anchor != redline.AnchorDocument
	}
}

// calMatch returns a match of tokens [a, b) holding the calendar point p.
func calMatch(a, b int, p point, anchor redline.Anchor) (match, bool) {
	if !p.valid() {
		return match{}, false
	}
	typ := redline.TimeDate
	if p.g == redline.GrainTime {
		typ = redline.TimeTime
	}
	return match{a: a, b: b, val: p.value(), g: p.g, typ: typ, anchor: anchor, p: p, cal: true}, true
}

// refMatch returns a match of tokens [a, b) holding a reference value.
func refMatch(a, b int, ref int) (match, bool) {
	return match{a: a, b: b, val: refValues[ref], typ: redline.TimeDate, anchor: redline.AnchorDocument}, true
}

// word reports whether token i exists and is w, ignoring the case of ASCII
// letters; w is in lower case.
func (s *scanner) word(i int, w string) bool {
	return i >= 0 && i < len(s.t) && string(s.lower(i)) == w
}

// wordIn reports whether token i is one of ws, which are in lower case.
func (s *scanner) wordIn(i int, ws ...string) bool {
	if i < 0 || i >= len(s.t) {
		return false
	}
	low := s.lower(i)
	for _, w := range ws {
		if string(low) == w {
			return true
		}
	}
	return false
}

// lx returns the lexicon entry of token i, or nothing out of range.
func (s *scanner) lx(i int) lex {
	if i < 0 || i >= len(s.t) {
		return lex{}
	}
	return s.t[i].lex
}

// punct reports whether token i is the punctuation p.
func (s *scanner) punct(i int, p string) bool {
	return i >= 0 && i < len(s.t) && s.t[i].kind == redline.TokenPunct && s.str(i) == p
}

// boundary reports whether token i is past the end or is punctuation or a
// quotation mark, so that a phrase before it ends there.
func (s *scanner) boundary(i int) bool {
	return i >= len(s.t) || s.t[i].kind == redline.TokenPunct || s.t[i].kind == redline.TokenQuote
}

// plural reports whether a unit word is plural ("years").
func plural(w string) bool { return len(w) > 1 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') }
