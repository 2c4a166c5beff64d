package timex

import (
	"redline"
)

// matchNumber handles expressions that start with a number: written
// dates ("2025-02-07", "7/8/07", "7 February 2025", "7th of February"),
// years and year ranges, decades, centuries, clock times and quantities.
func (s *scanner) matchNumber(i int) (match, bool) {
	t := &s.t[i]
	switch t.nk {
	case nISO:
		return s.matchISO(i)
	case nSlash:
		return s.matchSlash(i)
	case nDecade:
		return s.matchDecade(i, i)
	case nClock:
		return s.matchClock(i)
	case nRange:
		return s.matchRange(i)
	case nNone:
		if t.kind == redline.TokenQuote && i+1 < len(s.t) && s.t[i+1].nk == nDecade {
			return s.matchDecade(i, i+1)
		}
		return match{}, false
	}
	if m, ok := s.matchDayMonth(i); ok {
		return m, true
	}
	if t.nk == nOrdinal && s.lx(i+1).u == uCentury {
		return s.century(i, i, t.n)
	}
	if m, ok := s.matchQuantity(i); ok {
		return m, true
	}
	if m, ok := s.matchHour(i); ok {
		return m, true
	}
	if y, ok := s.yearOf(i); ok {
		return calMatch(i, i+1, point{g: redline.GrainYear, y: y}, redline.AnchorNone)
	}
	return match{}, false
}

// matchISO reads "2025-02-07" or "2025-02".
func (s *scanner) matchISO(i int) (match, bool) {
	w := s.str(i)
	p := point{g: redline.GrainMonth, y: atoi(w[:4]), m: atoi(w[5:7])}
	if len(w) == 10 {
		p.g, p.d = redline.GrainDay, atoi(w[8:])
	}
	return calMatch(i, i+1, p, redline.AnchorNone)
}

// matchSlash reads a US-style "2/7/2025" or "2/7/25".
func (s *scanner) matchSlash(i int) (match, bool) {
	w := s.str(i)
	var parts [3]int
	n, start := 0, 0
	for j := 0; j <= len(w); j++ {
		if j == len(w) || w[j] == '/' {
			if n == 3 {
				return match{}, false
			}
			parts[n] = atoi(w[start:j])
			n++
			start = j + 1
		}
	}
	if n != 3 || parts[2] < 0 {
		return match{}, false
	}
	y := parts[2]
	switch {
	case j2(w, parts[2]) && y < 50:
		y += 2000
	case j2(w, parts[2]):
		y += 1900
	}
	return calMatch(i, i+1, point{g: redline.GrainDay, y: y, m: parts[0], d: parts[1]}, redline.AnchorNone)
}

// j2 reports whether the last part of a slash date has two digits.
func j2(w string, y int) bool { return y < 100 && len(w) >= 3 && w[len(w)-3] == '/' }

// matchDecade reads "1990s", "'90s" or "the 90s"; token n holds the number.
func (s *scanner) matchDecade(a, n int) (match, bool) {
	t := &s.t[n]
	y := t.n
	if t.width == 2 {
		after := s.wordIn(n-1, "and", "or", "to") && n >= 2 && s.t[n-2].nk == nDecade
		if a == n && !s.word(n-1, "the") && !s.lx(n-1).is(cMod) && !after {
			return match{}, false
		}
		y += 1900
		if t.n < 20 {
			y += 100
		}
	}
	return calMatch(a, n+1, point{g: redline.GrainDecade, y: y}, redline.AnchorNone)
}

// matchRange splits "2009-2010" and "1957-58" into two years.
func (s *scanner) matchRange(i int) (match, bool) {
	t := &s.t[i]
	w := s.str(i)
	y1, y2 := atoi(w[:4]), atoi(w[5:])
	if len(w) == 7 {
		y2 += y1 / 100 * 100
	}
	if y1 < 1000 || y2 <= y1 || y2-y1 > 100 {
		return match{}, false
	}
	first, _ := calMatch(i, i+1, point{g: redline.GrainYear, y: y1}, redline.AnchorNone)
	first.sp = redline.Span{Start: t.span.Start, End: t.span.Start + 4}
	s.emit(&first)
	second, ok := calMatch(i, i+1, point{g: redline.GrainYear, y: y2}, redline.AnchorNone)
	second.sp = redline.Span{Start: t.span.Start + 5, End: t.span.End}
	return second, ok
}

// matchDayMonth reads "7 February", "7th February 2025" and "7th of
// February"; a year-less date takes its year from the month's resolution.
func (s *scanner) matchDayMonth(i int) (match, bool) {
	d, ok := s.dayOf(i)
	if !ok {
		return match{}, false
	}
	j := i + 1
	if s.word(j, "of") {
		j++
	}
	if !s.lx(j).is(cMonth) || !s.t[j].upper {
		return match{}, false
	}
	m := int(s.t[j].lex.val)
	j++
	if s.punct(j, ".") && s.t[j-1].lex.is(cAbbr) {
		j++
	}
	return s.fullDate(i, j, m, d)
}

// fullDate finishes a day and month at token j with an optional year
// (", 2025" or " 2025").
func (s *scanner) fullDate(a, j, m, d int) (match, bool) {
	k := j
	if s.punct(k, ",") {
		k++
	}
	if k < len(s.t) && s.t[k].nk == nInt && s.t[k].width == 4 {
		return calMatch(a, k+1, point{g: redline.GrainDay, y: s.t[k].n, m: m, d: d}, redline.AnchorNone)
	}
	p, anchor := s.resolveMonthFrom(m, a, false)
	if m == s.dct.m {
		p.y = s.dct.y
	}
	p.g, p.d = redline.GrainDay, d
	return calMatch(a, j, p, anchor)
}

// matchMonth reads expressions that start with a month name: "February 7",
// "Feb. 7, 2025", "February 2013", "February of 2013" and a bare
// "February", whose year comes from the tense or the narrative.
func (s *scanner) matchMonth(i int) (match, bool) {
	t := &s.t[i]
	if !t.upper {
		return match{}, false
	}
	m := int(t.lex.val)
	j := i + 1
	if t.lex.is(cAbbr) && s.punct(j, ".") {
		j++
	}
	if d, ok := s.dayOf(j); ok && !s.punct(j+1, ":") {
		if !(j+1 < len(s.t) && s.t[j+1].kind == redline.TokenWord && s.t[j+1].lex.u != uNone) {
			return s.fullDate(i, j+1, m, d)
		}
	}
	k := j
	if s.word(k, "of") || s.punct(k, ",") {
		k++
	}
	if y, ok := s.yearAfterMonth(k); ok {
		return calMatch(i, k+1, point{g: redline.GrainMonth, y: y, m: m}, redline.AnchorNone)
	}
	if s.word(k-1, "of") && s.lx(k).is(cRel) {
		if in, ok := s.matchRel(k); ok && in.cal && in.g == redline.GrainYear {
			return calMatch(i, in.b, point{g: redline.GrainMonth, y: in.p.y, m: m}, in.anchor)
		}
	}
	if t.lex.is(cAbbr) || !s.bareMonthOK(i) {
		return match{}, false
	}
	p, anchor := s.resolveMonth(m, i)
	return calMatch(i, i+1, p, anchor)
}

// yearAfterMonth returns the year at token k after a month name.
func (s *scanner) yearAfterMonth(k int) (int, bool) {
	if k >= len(s.t) || s.t[k].nk != nInt || s.t[k].width != 4 {
		return 0, false
	}
	return s.t[k].n, s.t[k].n >= 1000
}

// bareMonthOK reports whether a month name standing alone is a month:
// "May" and "March" need a preposition or modifier before them, and a
// month followed by a capitalised name ("April Ryan") is a name.
func (s *scanner) bareMonthOK(i int) bool {
	prep := s.wordIn(i-1, "in", "since", "until", "till", "by", "from", "of", "during", "through", "before",
		"after", "between", "and", "to", "early", "late", "mid", "last", "next", "this", "that", "each", "every",
		"or", "on", "the", "-", "end", "beginning", "for", "throughout", "around")
	if v := s.t[i].lex.val; (v == 5 || v == 3) && !prep {
		return false
	}
	if i+1 < len(s.t) && s.t[i+1].upper && !prep && s.t[i+1].lex.cls == 0 {
		return false
	}
	return true
}

// matchWeekday reads a weekday, with a part of the day ("Friday
// afternoon") or a written date after it ("Friday, February 7").
func (s *scanner) matchWeekday(i int) (match, bool) {
	t := &s.t[i]
	if !t.upper {
		return match{}, false
	}
	j := i + 1
	if s.punct(j, ",") {
		j++
	}
	if s.lx(j).is(cMonth) {
		if m, ok := s.matchMonth(j); ok && m.g == redline.GrainDay {
			m.a = i
			return m, true
		}
	}
	if _, ok := s.dayOf(j); ok && s.lx(j+1).is(cMonth) {
		if m, ok := s.matchDayMonth(j); ok {
			m.a = i
			return m, true
		}
	}
	p := s.resolveWeekday(int(t.lex.val), i)
	return s.withPart(i, i+1, p, redline.AnchorDocument)
}

// withPart extends a day point ending at token b with a part of the day
// after it ("morning", "night") into a time.
func (s *scanner) withPart(a, b int, p point, anchor redline.Anchor) (match, bool) {
	if s.lx(b).is(cPart) {
		p.g, p.tod = redline.GrainTime, parts[s.t[b].lex.val]
		return calMatch(a, b+1, p, anchor)
	}
	return calMatch(a, b, p, anchor)
}

// matchSeason reads a season with an optional year ("spring 2013", "the
// spring of 2013"); rel is a relation word before it (this, last, next) or 0.
func (s *scanner) matchSeason(i, rel int) (match, bool) {
	se := int(s.t[i].lex.val)
	j := i + 1
	if s.word(j, "of") && j+1 < len(s.t) && s.t[j+1].nk == nInt {
		j++
	}
	if j < len(s.t) && s.t[j].nk == nInt && s.t[j].width == 4 {
		return calMatch(i, j+1, point{g: redline.GrainSeason, y: s.t[j].n, s: seasons[se]}, redline.AnchorNone)
	}
	if rel == 0 && !s.bareSeasonOK(i) {
		return match{}, false
	}
	cur := at(s.dct.start(), redline.GrainSeason)
	p := cur
	p.s = seasons[se]
	if se == 3 { // winter is labelled by the year of its January
		p.y = s.dct.y
		if s.dct.m == 12 {
			p.y++
		}
	}
	switch {
	case rel == relLast && !p.start().Before(cur.start()):
		p.y--
	case rel == relNext && !p.start().After(cur.start()):
		p.y++
	case rel == 0 && s.tenseAt(i) == tensePast && p.start().After(cur.start()):
		p.y--
	case rel == 0 && s.tenseAt(i) == tenseFuture && p.start().Before(cur.start()):
		p.y++
	}
	return calMatch(i, j, p, redline.AnchorDocument)
}

// bareSeasonOK reports whether a season word without a relation is a
// season: after a preposition or "the", and "fall" not before "of".
func (s *scanner) bareSeasonOK(i int) bool {
	if s.word(i, "fall") && (s.word(i+1, "of") || !s.wordIn(i-1, "the", "this", "last", "next")) {
		return false
	}
	if s.t[i].upper && i > 0 && s.t[i-1].upper {
		return false // "Arab Spring"
	}
	return s.wordIn(i-1, "in", "the", "this", "during", "by", "since", "until", "over", "early", "late", "mid",
		"through", "last", "next", "each", "every", "that")
}

// century returns the century of an ordinal ("20th century") whose tokens
// start at a and whose ordinal value is n.
func (s *scanner) century(a, i, n int) (match, bool) {
	if n < 1 || n > 99 {
		return match{}, false
	}
	return calMatch(a, i+2, point{g: redline.GrainCentury, y: (n - 1) * 100}, redline.AnchorNone)
}
