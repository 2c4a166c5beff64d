package timex

import (
	"bytes"
	"strconv"

	"redline"
)

// quant is a number of units: "three years", "several days", "a month".
type quant struct {
	n     int
	half  bool // "two and a half"
	vague bool // "several", "few": an unknown number
	u     unit
	end   int // token after the unit
}

// countable reports whether token i is a number, a number word or a unit,
// so that "the past" before it is not PAST_REF.
func (s *scanner) countable(i int) bool {
	if i >= len(s.t) {
		return false
	}
	return s.t[i].kind == redline.TokenNumber || s.t[i].lex.cls&(cUnit|cNumber|cVague) != 0
}

// number reads a number at token k: digits, a number word, "a", "a few",
// "a couple of", "several"; it returns the token after it.
func (s *scanner) number(k int) (quant, int, bool) {
	if k >= len(s.t) {
		return quant{}, k, false
	}
	t := &s.t[k]
	switch {
	case t.kind == redline.TokenNumber:
		if t.nk != nInt || t.width > 4 {
			return quant{}, k, false
		}
		return quant{n: t.n}, k + 1, true
	case t.hy > 0:
		if n, ok := compoundNumber(s.lower(k)); ok {
			return quant{n: n}, k + 1, true
		}
	case t.lex.is(cVague):
		return quant{vague: true}, k + 1, true
	case t.lex.is(cNumber):
		if t.lex.val == 1 && len(s.str(k)) <= 2 { // "a", "an"
			if s.wordIn(k+1, "few", "couple") {
				q, j, _ := s.number(k + 1)
				return q, j, true
			}
		}
		if s.word(k, "couple") && s.word(k+1, "of") {
			return quant{n: 2}, k + 2, true
		}
		return quant{n: int(t.lex.val)}, k + 1, true
	}
	return quant{}, k, false
}

// compoundNumber reads "twenty-five", given in lower case.
func compoundNumber(low []byte) (int, bool) {
	i := bytes.IndexByte(low, '-')
	if i < 0 {
		return 0, false
	}
	a, b := lookup(low[:i]), lookup(low[i+1:])
	if a.is(cNumber) && b.is(cNumber) && a.val >= 20 && a.val%10 == 0 && b.val < 10 && b.val > 0 {
		return int(a.val + b.val), true
	}
	return 0, false
}

// quantity reads a number and a unit starting at token k.
func (s *scanner) quantity(k int) (quant, bool) {
	q, j, ok := s.number(k)
	if !ok {
		return quant{}, false
	}
	if s.word(j, "and") && s.word(j+1, "a") && s.word(j+2, "half") {
		q.half, j = true, j+3
	}
	if s.punct(j, "-") && s.t[k].kind == redline.TokenNumber {
		j++ // "12-hour"
	}
	if j >= len(s.t) || s.t[j].kind != redline.TokenWord || s.t[j].lex.u == uNone {
		return quant{}, false
	}
	q.u, q.end = s.t[j].lex.u, j+1
	if s.t[k].lex.val == 1 && len(s.str(k)) <= 2 && (q.u == uSecond || q.u == uQuarter) {
		return quant{}, false // "a second term", "a quarter of"
	}
	return q, true
}

// matchQuantity reads durations ("three years", "about a month"), times
// relative to the document date ("two years ago") or to the narrative
// ("ten days earlier", "a year later") and sets ("once a year").
func (s *scanner) matchQuantity(i int) (match, bool) {
	q, ok := s.quantity(i)
	if !ok && s.t[i].kind == redline.TokenNumber && s.wordIn(i+1, "and", "to", "or") {
		// "between 12 and 18 months": the first number shares the unit.
		if r, ok := s.quantity(i + 2); ok && s.t[i+2].kind == redline.TokenNumber && r.end == i+4 {
			n, _, _ := s.number(i)
			return durMatch(i, i+1, quant{n: n.n, u: r.u}, "")
		}
	}
	if !ok || s.wordIn(q.end, "old") || s.wordIn(i-1, "ages", "aged", "age") || s.punct(q.end, "-") && s.word(q.end+1, "old") {
		return match{}, false
	}
	a, mod := s.approx(i)
	rate := s.wordIn(i-1, "once", "twice", "times", "per") || i > 0 && s.t[i-1].kind == redline.TokenNumber
	if rate && s.t[i].lex.val == 1 && s.t[i].kind == redline.TokenWord && q.end == i+2 {
		return setMatch(i, q.end, durValue(quant{n: 1, u: q.u}), unitGrain[q.u])
	}
	if m, ok := s.anchoredQuantity(a, q, mod); ok {
		return m, true
	}
	return durMatch(a, q.end, q, mod)
}

// anchoredQuantity reads a quantity followed by "ago", "earlier", "later",
// "before", "after" or "from now": a point, not a duration.
func (s *scanner) anchoredQuantity(a int, q quant, mod string) (match, bool) {
	e := q.end
	if e >= len(s.t) {
		return match{}, false
	}
	d := s.t[e].lex.dir
	g := unitGrain[q.u]
	if g == redline.GrainTime || q.half {
		return match{}, false
	}
	n := q.n
	if q.u == uFortnight {
		n *= 2
	}
	switch {
	case d == dirAgo:
		if q.vague {
			return refMatch(a, e+1, refPast)
		}
		m, ok := calMatch(a, e+1, s.deictic(-n, g), redline.AnchorDocument)
		m.mod = mod
		return m, ok
	case d == dirHence:
		if q.vague {
			return refMatch(a, e+1, refFuture)
		}
		return calMatch(a, e+1, s.deictic(n, g), redline.AnchorDocument)
	case q.vague || s.word(e+1, "than"):
		return match{}, false
	case d == dirEarlier || d == dirLater || (d == dirBefore || d == dirAfter) && s.boundary(e+1):
		if d == dirEarlier || d == dirBefore {
			n = -n
		}
		p, anchor := s.relative(n, g)
		return calMatch(a, e+1, p, anchor)
	}
	return match{}, false
}

// approx looks before a quantity at token i for "about", "almost", "more
// than", "at least" and returns where the expression starts and its
// modifier.
func (s *scanner) approx(i int) (int, string) {
	switch {
	case s.word(i-1, "than") && s.wordIn(i-2, "more", "over"):
		return i - 2, "MORE_THAN"
	case s.word(i-1, "than") && s.wordIn(i-2, "less", "fewer"):
		return i - 2, "LESS_THAN"
	case s.word(i-1, "least") && s.word(i-2, "at"):
		return i - 2, "EQUAL_OR_MORE"
	case s.word(i-1, "to") && s.word(i-2, "up"):
		return i - 2, "EQUAL_OR_LESS"
	case s.lx(i-1).is(cApprox) && s.t[i-1].kind == redline.TokenWord && !s.lx(i).is(cVague):
		return i - 1, approxMods[s.t[i-1].lex.val]
	}
	return i, ""
}

// durMatch returns a duration match of tokens [a, b).
func durMatch(a, b int, q quant, mod string) (match, bool) {
	g := unitGrain[q.u]
	if q.u == uWeekend || q.u == uFortnight {
		g = redline.GrainWeek
	}
	return match{a: a, b: b, val: durValue(q), g: g, typ: redline.TimeDuration, mod: mod, anchor: redline.AnchorNone}, true
}

// durValue writes a quantity as a TimeML duration: "P3Y", "PT2H", "PXD".
func durValue(q quant) string {
	n, u := q.n, q.u
	switch u {
	case uDecade:
		n, u = 10*n, uYear
	case uCentury:
		n, u = 100*n, uYear
	case uQuarter:
		n, u = 3*n, uMonth
	case uFortnight:
		n, u = 2*n, uWeek
	case uWeekend:
		n, u = 2*n, uDay
	}
	num := strconv.Itoa(n)
	if q.half {
		num += ".5"
	}
	if q.vague {
		num = "X"
	}
	if u <= uHour {
		return "PT" + num + unitSym(u)
	}
	return "P" + num + unitSym(u)
}

// unitSym returns the TimeML letter of a unit.
func unitSym(u unit) string {
	switch u {
	case uSecond:
		return "S"
	case uMinute:
		return "M"
	case uHour:
		return "H"
	case uDay, uWeekend:
		return "D"
	case uWeek, uFortnight:
		return "W"
	case uMonth, uQuarter:
		return "M"
	}
	return "Y"
}
