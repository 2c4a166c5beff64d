package timex

import (
	"strconv"
	"strings"

	"redline"
)

// matchBareUnit reads a plural unit without a number as a vague duration
// where English uses it so: "for years", "within minutes", "days before".
func (s *scanner) matchBareUnit(i int) (match, bool) {
	t := &s.t[i]
	if !strings.HasSuffix(s.str(i), "s") || t.upper {
		return match{}, false
	}
	q := quant{vague: true, u: t.lex.u, end: i + 1}
	if d := s.lx(i + 1).dir; d == dirAgo {
		return refMatch(i, i+2, refPast)
	} else if d != 0 && d != dirHence {
		return durMatch(i, i+1, q, "")
	}
	if s.wordIn(i-1, "for", "within", "in", "over", "took", "take", "takes", "taking", "spent", "lasted") &&
		!s.word(i+1, "of") && !s.lx(i-1).is(cApprox) || s.word(i-1, "over") {
		return durMatch(i, i+1, q, "")
	}
	return match{}, false
}

// matchHyphen reads hyphenated words: "mid-2014", "mid-February",
// "three-month", "third-quarter", "decades-long".
func (s *scanner) matchHyphen(i int) (match, bool) {
	w, low := s.str(i), s.lower(i)
	h := s.t[i].hy
	head, rest := lookup(low[:h]), low[h+1:]
	switch {
	case head.is(cMod) && (head.val == modMid || head.val == modEarly || head.val == modLate):
		return s.modHyphen(i, head, h+1)
	case head.is(cNumber) || head.is(cVague):
		if n, ok := compoundNumber(low); ok && s.lx(i+1).u != uNone {
			q, _ := s.quantityFrom(quant{n: n}, i+1)
			return durMatch(i, i+2, q, "")
		}
		u := lookup(rest)
		if u.u == uNone || u.u == uSecond && head.val == 1 {
			return match{}, false
		}
		q := quant{n: int(head.val), u: u.u, vague: head.is(cVague)}
		return durMatch(i, i+1, q, "")
	case head.is(cOrdinal) && lookup(rest).u == uQuarter:
		return s.quarter(i, i+1, int(head.val))
	case head.u != uNone && string(rest) == "long":
		q := quant{n: 1, u: head.u, vague: strings.HasSuffix(w[:h], "s")}
		return durMatch(i, i+1, q, "")
	}
	return match{}, false
}

// quantityFrom completes a quantity whose number is known with the unit at
// token j.
func (s *scanner) quantityFrom(q quant, j int) (quant, bool) {
	q.u, q.end = s.lx(j).u, j+1
	return q, q.u != uNone
}

// modHyphen reads "mid-2014", "late-2019", "mid-February", "mid-1990s";
// the year or month starts at byte r of token i.
func (s *scanner) modHyphen(i int, head lex, r int) (match, bool) {
	mod := modName(int(head.val))
	var p point
	var anchor redline.Anchor = redline.AnchorNone
	switch nk, n, width := readNumber(s.str(i)[r:]); {
	case nk == nInt && width == 4:
		p = point{g: redline.GrainYear, y: n}
	case nk == nDecade && width == 4:
		p = point{g: redline.GrainDecade, y: n}
	default:
		l := lookup(s.lower(i)[r:])
		if !l.is(cMonth) || l.is(cAbbr) {
			return match{}, false
		}
		p, anchor = s.resolveMonth(int(l.val), i)
	}
	m, ok := calMatch(i, i+1, p, anchor)
	m.mod = mod
	return m, ok
}

// matchOrdinal reads "the first quarter of 2009", "the fourth quarter",
// "the twentieth century"; i is the ordinal (or "last").
func (s *scanner) matchOrdinal(i int) (match, bool) {
	lk := s.lx(i + 1)
	n := int(s.t[i].lex.val)
	if s.t[i].lex.is(cRel) || s.word(i, "final") {
		n = 4
	}
	a := i
	if s.word(i-1, "the") {
		a = i - 1
	}
	switch {
	case lk.u == uQuarter:
		return s.quarter(a, i+2, n)
	case lk.u == uCentury:
		return s.century(i, i, n)
	case s.word(i+1, "half") && (n == 1 || n == 2):
		return s.half(a, i+2, n)
	}
	return match{}, false
}

// half reads "the first half of 2013" and "the second half": TimeML's
// "2013-H1" is no redline calendar value, so a half is its year with the
// modifier START or END.
func (s *scanner) half(a, j, n int) (match, bool) {
	p, anchor, b := s.deictic(0, redline.GrainYear), redline.AnchorDocument, j
	if s.word(j, "of") {
		if inner, ok := s.innerAt(j + 1); ok && inner.cal && inner.g == redline.GrainYear {
			p, anchor, b = inner.p, inner.anchor, inner.b
		}
	}
	m, ok := calMatch(a, b, p, anchor)
	m.mod = "START"
	if n == 2 {
		m.mod = "END"
	}
	return m, ok
}

// quarter finishes quarter n whose words end at token j, with an optional
// year: "of 2009", "of last year", "2013".
func (s *scanner) quarter(a, j, n int) (match, bool) {
	if n < 1 || n > 4 {
		return match{}, false
	}
	k := j
	if s.wordIn(k, "of", "in") {
		k++
	}
	if inner, ok := s.innerAt(k); ok && inner.cal && inner.g == redline.GrainYear {
		p := point{g: redline.GrainQuarter, y: inner.p.y, q: n}
		return calMatch(a, inner.b, p, inner.anchor)
	}
	cur := at(s.dct.start(), redline.GrainQuarter)
	p := point{g: redline.GrainQuarter, y: s.dct.y, q: n}
	switch s.tenseAt(a) {
	case tensePast:
		if n > cur.q {
			p.y--
		}
	case tenseFuture:
		if n < cur.q {
			p.y++
		}
	}
	return calMatch(a, j, p, redline.AnchorDocument)
}

// matchQuarterCode reads "Q3 2013", "Q3" and "fiscal 2013".
func (s *scanner) matchQuarterCode(i int) (match, bool) {
	w := s.str(i)
	if s.word(i, "fiscal") {
		j := i + 1
		if s.word(j, "year") {
			j++
		}
		if y, ok := s.yearAfterMonth(j); ok {
			return calMatch(i, j+1, point{g: redline.GrainYear, y: y}, redline.AnchorNone)
		}
		return match{}, false
	}
	if len(w) != 2 || w[1] < '1' || w[1] > '4' {
		return match{}, false
	}
	return s.quarter(i, i+1, int(w[1]-'0'))
}

// matchClock reads "10:30", "10:30 a.m. GMT", "15:00 GMT Saturday"; a
// clock with seconds and no meridiem is a duration ("3:07:35").
func (s *scanner) matchClock(i int) (match, bool) {
	w := s.str(i)
	f := strings.Split(w, ":")
	if len(f) < 2 || len(f) > 3 || len(f[1]) != 2 {
		return match{}, false
	}
	h, mi := atoi(f[0]), atoi(f[1])
	sec := 0
	if len(f) == 3 {
		if sec = atoi(f[2]); sec < 0 || sec > 59 || len(f[2]) != 2 {
			return match{}, false
		}
	}
	if h < 0 || mi < 0 || mi > 59 {
		return match{}, false
	}
	j := i + 1
	if len(f) == 3 && !s.lx(j).is(cMeridiem) {
		v := "PT" + strconv.Itoa(h) + "H" + strconv.Itoa(mi) + "M" + strconv.Itoa(sec) + "S"
		return match{a: i, b: j, val: v, g: redline.GrainTime, typ: redline.TimeDuration, anchor: redline.AnchorNone}, true
	}
	return s.clockAt(i, j, h, mi)
}

// dayInSentence returns the day of the last day-grain expression of the
// current sentence, which a clock time without a day of its own belongs
// to, or the document date.
func (s *scanner) dayInSentence() (point, redline.Anchor) {
	for k := len(s.out) - 1; k >= 0 && s.sents[k] == s.sent; k-- {
		if x := s.out[k]; x.Grain == redline.GrainDay || x.Grain == redline.GrainTime {
			if d, err := redline.ParseDate(x.Value); err == nil {
				return day(d.Start()), x.Anchor
			}
		}
	}
	return s.dct, redline.AnchorDocument
}

// matchHour reads "8 pm", "10 a.m.".
func (s *scanner) matchHour(i int) (match, bool) {
	t := &s.t[i]
	if t.nk != nInt || t.n < 1 || t.n > 12 || !s.lx(i+1).is(cMeridiem) {
		return match{}, false
	}
	return s.clockAt(i, i+1, t.n, 0)
}

// matchClockWord reads "noon" and "midnight".
func (s *scanner) matchClockWord(i int) (match, bool) {
	return s.clockAt(i, i+1, int(s.t[i].lex.val), 0)
}

// clockAt finishes a time of day h:mi whose tokens start at a and continue
// at j with an optional meridiem, time zone and day.
func (s *scanner) clockAt(a, j, h, mi int) (match, bool) {
	if s.lx(j).is(cMeridiem) {
		pm := s.lower(j)[0] == 'p'
		switch {
		case pm && h < 12:
			h += 12
		case !pm && h == 12:
			h = 0
		}
		j++
	}
	if h > 24 {
		return match{}, false
	}
	zone := ""
	if s.lx(j).is(cZone) && s.t[j].upper {
		if s.wordIn(j, "utc", "gmt") {
			zone = "Z"
		}
		j++
	}
	p, anchor := s.dayInSentence()
	switch lj := s.lx(j); {
	case lj.is(cWeekday) && s.t[j].upper:
		p, j = s.resolveWeekday(int(lj.val), j), j+1
	case lj.is(cDeictic) && lj.val != 100:
		p, j = day(s.dct.start().AddDate(0, 0, int(lj.val))), j+1
	case s.word(j, "on") && s.lx(j+1).is(cWeekday) && s.t[j+1].upper:
		p = s.resolveWeekday(int(s.lx(j+1).val), j+1)
	case s.punct(j, ",") && s.lx(j+1).is(cMonth):
		if m, ok := s.matchMonth(j + 1); ok && m.g == redline.GrainDay {
			p, anchor = m.p, m.anchor
		}
	}
	p.g = redline.GrainTime
	tod := appendPad(make([]byte, 0, 8), h, 2) // "10:30Z"
	tod = append(tod, ':')
	tod = appendPad(tod, mi, 2)
	p.tod = string(append(tod, zone...))
	return calMatch(a, j, p, anchor)
}
