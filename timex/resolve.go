package timex

import (
	"strings"
	"unicode/utf8"

	"redline"
)

// tense is the time a sentence's verbs point to.
type tense uint8

// Tenses.
const (
	tenseNone tense = iota
	tensePast
	tenseFuture
)

// cue is a word that marks the tense of the words around it.
type cue struct {
	at int
	t  tense
}

// cueWords maps the words that mark a tense to their role. The lexicon
// holds the same roles, so that loading a sentence finds them.
var cueWords = buildCueWords()

// cueRole is the part a word plays in marking a tense.
type cueRole uint8

// Roles of tense words.
const (
	cueFuture         cueRole = iota + 1
	cueFutureBeforeTo         // the future before "to" or "for": "expected to"
	cuePast
	cueTo // "to": the future before an infinitive ("to run")
)

func buildCueWords() map[string]cueRole {
	m := make(map[string]cueRole)
	for w := range pastWords {
		m[w] = cuePast
	}
	for w := range futureBeforeTo {
		m[w] = cueFutureBeforeTo
	}
	for w := range futureWords {
		m[w] = cueFuture
	}
	m["to"] = cueTo
	return m
}

// futureWords mark the future; "going", "set", "due", "expected",
// "scheduled" and "plans" count only before "to".
var futureWords = setOf("will", "'ll", "’ll", "shall", "would", "wo", "upcoming", "tomorrow", "next", "coming",
	"scheduled", "slated", "planned", "until")

var futureBeforeTo = setOf("going", "due", "set", "expected", "scheduled", "plans", "plan", "aims", "intends", "poised")

var pastWords = setOf("said", "was", "were", "had", "did", "told", "met", "went", "came", "began", "left", "took",
	"made", "gave", "held", "won", "lost", "saw", "fell", "rose", "fought", "sent", "spoke", "wrote", "became",
	"knew", "thought", "got", "ran", "led", "paid", "kept", "sold", "brought", "bought", "built", "felt", "heard",
	"found", "struck", "ago", "yesterday", "last", "earlier")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// keys returns the words of a set, in no order.
func keys(set map[string]bool) []string {
	ws := make([]string, 0, len(set))
	for w := range set {
		ws = append(ws, w)
	}
	return ws
}

// tenseAt returns the tense of the cue nearest to token i, preferring the
// cue before it on a tie ("arrived on Wednesday and will leave"), or
// tenseNone when the sentence has no cue. A time followed closely by
// "deadline" is always in the future.
func (s *scanner) tenseAt(i int) tense {
	for j := i + 1; j < len(s.t) && j <= i+4; j++ {
		if s.word(j, "deadline") {
			return tenseFuture
		}
	}
	if !s.cuesDone {
		s.cues = s.findCues(s.cues[:0])
		s.cuesDone = true
	}
	best, dist := tenseNone, 1<<30
	for _, c := range s.cues {
		d := c.at - i
		if d < 0 {
			d = -d
		}
		if d < dist {
			best, dist = c.t, d
		}
	}
	return best
}

// findCues lists the tense cues of the current sentence.
func (s *scanner) findCues(cues []cue) []cue {
	var buf [16]byte
	for i := range s.t {
		t := &s.t[i]
		str := s.str(i)
		if t.kind != redline.TokenWord || len(str) > len(buf) || str == "" {
			continue
		}
		w, role := s.lower(i), t.lex.cue
		if !isASCII(str) {
			// The lexicon folds ASCII letters alone; in full Unicode "İ"
			// and the Kelvin sign lower-case to the ASCII "i" and "k".
			w = redline.AppendLower(buf[:0], str)
			role = cueWords[string(w)]
		}
		switch {
		case role == cueFuture:
			cues = append(cues, cue{i, tenseFuture})
		case role == cueFutureBeforeTo && s.wordIn(i+1, "to", "for"):
			cues = append(cues, cue{i, tenseFuture})
		case role == cueTo && s.infinitive(i+1):
			cues = append(cues, cue{i, tenseFuture})
		case role == cuePast && !s.presentPassive(i):
			cues = append(cues, cue{i, tensePast})
		case len(w) > 4 && string(w[len(w)-2:]) == "ed" && !t.upper && !s.presentPassive(i):
			cues = append(cues, cue{i, tensePast})
		}
	}
	return cues
}

// isASCII reports whether w has only ASCII characters.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// infinitive reports whether token i looks like the verb of an infinitive
// ("to run"): a lower-case word that is not a determiner, pronoun, number
// or time word and not a past or -ing form.
func (s *scanner) infinitive(i int) bool {
	if i >= len(s.t) || s.t[i].kind != redline.TokenWord || s.t[i].upper || s.t[i].lex.cls != 0 {
		return false
	}
	w := s.str(i)
	if notVerbs[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") {
		return false
	}
	if i < 2 || s.wordIn(i-2, "due", "according", "close", "next", "up", "compared", "similar") {
		return false
	}
	g := s.str(i - 2)
	return !pastWords[strings.ToLower(g)] && !strings.HasSuffix(g, "ed")
}

var notVerbs = setOf("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
	"those", "him", "them", "us", "me", "it", "be", "have", "all", "both", "such", "date", "which", "whom", "what",
	"one", "other", "another", "power", "office", "court", "market", "work", "school", "war", "prison", "zero")

// presentPassive reports whether the "-ed" word at i follows a present form
// of "be" or "to be", as in "is expected", so that it does not mark the past.
func (s *scanner) presentPassive(i int) bool {
	return s.wordIn(i-1, "is", "are", "be", "am", "being", "'s", "'re", "set")
}

// resolveMonth returns the year-month of month m mentioned without a year
// at token i: the year in force when the narrative has moved away from the
// document's year in the same direction as the sentence's tense; else the
// previous or next such month from the document date by tense; else the
// nearest.
func (s *scanner) resolveMonth(m, i int) (point, redline.Anchor) {
	return s.resolveMonthFrom(m, i, true)
}

// resolveMonthFrom is resolveMonth; narrative says whether the year in
// force may be inherited (for bare months, not for written days).
func (s *scanner) resolveMonthFrom(m, i int, narrative bool) (point, redline.Anchor) {
	tn := s.tenseAt(i)
	if y, ok := s.narrativeYear(tn); ok && narrative {
		return point{g: redline.GrainMonth, y: y, m: m}, redline.AnchorNarrative
	}
	y, dm := s.dct.y, s.dct.m
	switch {
	case tn == tensePast && m > dm:
		y--
	case tn == tenseFuture && m < dm:
		y++
	case tn == tenseNone && m-dm > 6:
		y--
	case tn == tenseNone && dm-m > 6:
		y++
	}
	return point{g: redline.GrainMonth, y: y, m: m}, redline.AnchorDocument
}

// narrativeYear returns the year of the narrative time in force when a
// bare month should inherit it: the narrative is in another year than the
// document and the tense agrees (past before, future after), or there is
// no tense cue and the year was set in this or the previous sentence.
func (s *scanner) narrativeYear(tn tense) (int, bool) {
	if !s.hasNarr || !s.explicit || grainRank[s.narr.g] > grainRank[redline.GrainYear] {
		return 0, false
	}
	y := s.narr.y
	if s.narr.g == redline.GrainSeason && s.narr.s == "WI" && s.narr.y > 0 {
		y = s.narr.start().Year()
	}
	switch {
	case y == s.dct.y:
		return 0, false
	case y < s.dct.y && tn == tensePast, y > s.dct.y && tn == tenseFuture:
		return y, true
	case tn == tenseNone && s.sent-s.narrSent <= 1:
		return y, true
	}
	return 0, false
}

// resolveWeekday returns the day of weekday wd at token i: the latest on or
// before the document date in the past tense, the first on or after it in
// the future tense, else the nearest.
func (s *scanner) resolveWeekday(wd, i int) point {
	d := s.dct.start()
	diff := wd - int(d.Weekday()) // -6..6
	switch s.tenseAt(i) {
	case tensePast:
		if diff > 0 {
			diff -= 7
		}
	case tenseFuture:
		if diff < 0 {
			diff += 7
		}
	default:
		if diff > 3 {
			diff -= 7
		} else if diff < -3 {
			diff += 7
		}
	}
	return day(d.AddDate(0, 0, diff))
}

// base returns the narrative time in force, or the document date when none
// is, with the anchor to report.
func (s *scanner) base() (point, redline.Anchor) {
	if s.hasNarr {
		return s.narr, redline.AnchorNarrative
	}
	return s.dct, redline.AnchorDocument
}

// relative returns the narrative time moved by n units of grain u, at the
// coarser of the two grains: "a year later" after a day is a year, "ten
// days earlier" after a day is a day, "two weeks later" after a month is
// the month that the day two weeks after the month's first day falls in.
func (s *scanner) relative(n int, u redline.Grain) (point, redline.Anchor) {
	b, anchor := s.base()
	g := coarser(b.g, u)
	if g == redline.GrainTime {
		g = redline.GrainDay
	}
	if b.g == redline.GrainTime {
		b.g = redline.GrainDay
	}
	return b.shift(n, u, g), anchor
}

// deictic returns the document date moved by n units of grain u, at grain u.
func (s *scanner) deictic(n int, u redline.Grain) point {
	return s.dct.shift(n, u, u)
}

// lastMonth returns the latest month m strictly before the document's month
// (rel < 0), the first strictly after it (rel > 0), or the one of the
// document's year (rel 0).
func (s *scanner) lastMonth(m, rel int) point {
	y := s.dct.y
	switch {
	case rel < 0 && m >= s.dct.m:
		y--
	case rel > 0 && m <= s.dct.m:
		y++
	}
	return point{g: redline.GrainMonth, y: y, m: m}
}

// weekdayRel returns weekday wd of the previous week (rel < 0, strictly
// before the document date), of the next (strictly after), or by tense.
func (s *scanner) weekdayRel(wd, rel, i int) point {
	d := s.dct.start()
	diff := wd - int(d.Weekday())
	switch {
	case rel < 0:
		if diff >= 0 {
			diff -= 7
		}
	case rel > 0:
		if diff <= 0 {
			diff += 7
		}
	default:
		return s.resolveWeekday(wd, i)
	}
	return day(d.AddDate(0, 0, diff))
}

// yearOf returns the year of a 4-digit number token i, or false when the
// number is unlikely to be a year: outside 1900-2099 without a preposition
// before it, after a currency sign, or before a percent sign or a plural
// noun that is not a time word.
func (s *scanner) yearOf(i int) (int, bool) {
	t := &s.t[i]
	if t.nk != nInt || t.width != 4 {
		return 0, false
	}
	if s.punct(i-1, "$") || s.punct(i-1, "€") || s.punct(i-1, "£") || s.punct(i+1, "%") || s.word(i+1, "percent") {
		return 0, false
	}
	prep := s.wordIn(i-1, "in", "since", "of", "by", "until", "from", "before", "after", "during", "year", "to",
		"through", "and", "fiscal", "between", "circa", "early", "late", "mid")
	if t.n < 1900 || t.n > 2099 {
		if !prep || t.n < 1000 || t.n > 2199 {
			return 0, false
		}
	}
	if !prep && i+1 < len(s.t) {
		n, w := &s.t[i+1], s.str(i+1)
		if n.kind == redline.TokenWord && !n.upper && n.lex.cls == 0 && strings.HasSuffix(w, "s") &&
			!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "us") {
			return 0, false
		}
	}
	return t.n, true
}

// dayOf returns the day of month of number token i, or false.
func (s *scanner) dayOf(i int) (int, bool) {
	if i < 0 || i >= len(s.t) {
		return 0, false
	}
	t := &s.t[i]
	if (t.nk == nInt || t.nk == nOrdinal) && t.width <= 2 && t.n >= 1 && t.n <= 31 {
		return t.n, true
	}
	return 0, false
}
