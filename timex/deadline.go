package timex

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"redline"
)

// deadlines appends the deadlines of the current sentence, whose time
// expressions start at s.out[first]. A deadline is a future calendar time
// tied to the word "deadline" ("the October snapback deadline", "a
// deadline of 1 March for talks"), the goal of "by", "until" or "no later
// than" after a modal or "to" ("must respond by March 1"), the time
// something expires, begins or is scheduled for ("the mechanism lapses on
// 18 October", "a second round is set for 19 April"), or the end of a
// period a modal sentence promises to act within ("will decide within two
// weeks").
//
// A scheduled event is not a deadline in the strict sense, but an analyst
// counts down to it the same way, and Deadline's Action, Date, Text and
// Span describe it fully, so it is kept as one rather than given a type of
// its own.
func (s *scanner) deadlines(ds []redline.Deadline, first int) []redline.Deadline {
	if first == len(s.out) || !s.deadlineWord {
		return ds
	}
	for k := first; k < len(s.out); k++ {
		x := s.out[k]
		a, b := s.tokenRange(x.Span)
		if a < 0 {
			continue
		}
		if x.Type == redline.TimeDuration {
			if d, ok := s.periodDeadline(x, a); ok {
				ds = append(ds, d)
			}
			continue
		}
		action, ok := s.deadlineAction(a, b)
		if !ok {
			continue
		}
		d, ok := calendarDate(x)
		if !ok {
			continue
		}
		if d.Start().Before(s.dct.start()) && !d.Overlaps(redline.Day(s.dct.start())) {
			// A deadline lies ahead: a month or day written without its year
			// ("lapses on 18 October") is the next one, not the last.
			next, ok := nextYear(x)
			if !ok || s.tenseAt(a) == tensePast {
				continue // "the deadline of 1 January passed"
			}
			s.out[k].Value, x.Value = next, next
		}
		ds = append(ds, redline.Deadline{Sentence: s.sent, Action: action,
			Date: redline.Date{Value: x.Value, Grain: x.Grain, Anchor: x.Anchor}, Text: x.Text, Span: x.Span})
	}
	return ds
}

// nextYear returns the value of x one year on, for a month or day whose
// year the document date supplied; ok is false for anything else.
func nextYear(x redline.TimeExpr) (string, bool) {
	if x.Anchor != redline.AnchorDocument || (x.Grain != redline.GrainDay && x.Grain != redline.GrainMonth) || len(x.Value) < 7 {
		return "", false
	}
	y, err := strconv.Atoi(x.Value[:4])
	if err != nil {
		return "", false
	}
	next := fmt.Sprintf("%04d%s", y+1, x.Value[4:])
	if _, err := redline.ParseDate(next); err != nil {
		return "", false // 29 February
	}
	return next, true
}

// expiryVerbs say that something runs out at a time: "the snapback power
// lapses on 18 October", "the ceasefire expires at midnight".
var expiryVerbs = setOf("expires", "expire", "lapses", "lapse", "ends", "runs", "falls", "due", "terminates")

// startVerbs say that something scheduled begins at a time: "the exercise
// begins on 21 August", "talks resume on Monday". Only present forms: a
// past form ("began on") tells history, not a date to watch.
var startVerbs = setOf("begins", "starts", "resumes", "opens", "convenes")

// scheduleWords put a thing on the calendar: "is set for", "is due to
// resume on", "is scheduled to end on".
var scheduleWords = setOf("set", "scheduled", "slated", "planned", "due")

// modals are the words that make a sentence promise or threaten what it
// says, so that a period in it ("within two weeks") can end in a deadline.
var modals = setOf("will", "would", "must", "shall", "should", "'ll", "’ll")

// deadlineWords are the words without which a sentence holds no deadline:
// "by", "until", "than", "deadline", the verbs of expiry and start, the
// words of scheduling and the modals. The lexicon marks them, so that
// loading a sentence notes whether it has one.
var deadlineWords = slices.Concat([]string{"by", "until", "than", "deadline", "deadlines"}, keys(expiryVerbs),
	keys(startVerbs), keys(scheduleWords), keys(modals))

// expiring reads "<action> lapses on TIME" or "<action> begins on TIME"
// before the time at token a and returns the action: the words naming the
// verb's subject (see subjectBefore).
func (s *scanner) expiring(a int) (string, bool) {
	if !s.wordIn(a-1, "on", "in", "at", "by") {
		return "", false
	}
	v := a - 2
	if s.word(v, "out") { // "runs out on"
		v--
	}
	verb := strings.ToLower(s.tokText(v))
	if v < 1 || !expiryVerbs[verb] && !startVerbs[verb] { // only where "on"/"in"/"at"/"by" precedes a time
		return "", false
	}
	if s.word(v-1, "to") && s.word(v-2, "due") { // "was due to expire on"
		v -= 2
	}
	if s.wordIn(v-1, "is", "are", "was", "were") { // "is due on"
		v--
	}
	subject := s.subjectBefore(v)
	return subject, subject != ""
}

// scheduled reads "<action> is set for TIME" and "due to resume ... on
// TIME" before the time at token a. The action is the thing set, or the
// verb after "to"; up to six tokens ("in Almaty, Kazakhstan,") may stand
// between that verb and the time.
func (s *scanner) scheduled(a int) (string, bool) {
	if s.word(a-1, "for") && scheduleWords[strings.ToLower(s.tokText(a-2))] && !s.word(a-2, "due") {
		v := a - 2
		if s.wordIn(v-1, "is", "are", "was", "were", "been", "be") {
			v--
		}
		subject := s.subjectBefore(v)
		return subject, subject != ""
	}
	if !s.wordIn(a-1, "on", "in", "at", "for") {
		return "", false
	}
	for j := a - 2; j >= 1 && j >= a-8; j-- {
		if s.word(j, "to") && scheduleWords[strings.ToLower(s.tokText(j-1))] {
			verb := s.tokText(j + 1)
			if j+1 < a-1 && s.t[j+1].kind == redline.TokenWord && !deadlineStops[verb] && verb == strings.ToLower(verb) {
				return verb, true
			}
			return "", false // "due to the storm": "because of", not a schedule
		}
		if s.punct(j, ";") || s.punct(j, ":") {
			break
		}
	}
	return "", false
}

// subjectBefore returns up to three words naming the subject of the verb
// at token v, without determiners: "the mechanism lapses" gives
// "mechanism". Where a relative pronoun stands between ("Ulchi Freedom
// Guardian, which begins") it reads the words before the comma; where an
// aside does ("The first wind-down, covering dollars, ends") it reads the
// phrase that opens the clause. It returns "" when it finds no words.
func (s *scanner) subjectBefore(v int) string {
	end := v - 1
	if s.wordIn(end, "which", "that") {
		end--
	}
	if s.punct(end, ",") && !s.wordIn(v-1, "which", "that") {
		start := end
		for start > 0 && !s.punct(start-1, ";") {
			start--
		}
		for end = start; end < v && s.t[end].kind == redline.TokenWord; end++ {
		}
	}
	if s.punct(end, ",") {
		end--
	}
	var words []string
	for k := end; k >= 0 && len(words) < 3 && s.t[k].kind == redline.TokenWord; k-- {
		w := strings.ToLower(s.str(k))
		if w == "itself" || w == "themselves" {
			continue // "the mechanism itself lapses"
		}
		if w == "'s" || w == "’s" || deadlineStops[w] {
			break
		}
		words = append([]string{w}, words...)
	}
	return strings.Join(words, " ")
}

// deadlineStops end the words naming what expires, read backwards.
var deadlineStops = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"which": true, "that": true, "and": true, "of": true, "to": true, "this": true, "these": true,
}

func (s *scanner) tokText(i int) string {
	if i < 0 || i >= len(s.t) {
		return ""
	}
	return s.str(i)
}

// tokenRange returns the tokens [a, b) of the current sentence that span sp
// covers, or -1.
func (s *scanner) tokenRange(sp redline.Span) (int, int) {
	a := -1
	for i := range s.t {
		if s.t[i].span.Start >= sp.Start && a < 0 {
			a = i
		}
		if s.t[i].span.End >= sp.End && a >= 0 {
			return a, i + 1
		}
	}
	return -1, -1
}

// deadlineAction finds the action of a time at tokens [a, b): the words
// between it and a following "deadline", the noun after "deadline for",
// or the verb after a modal or "to" before "by".
func (s *scanner) deadlineAction(a, b int) (string, bool) {
	for j := b; j < len(s.t) && j <= b+3; j++ {
		if s.word(j, "deadline") || s.word(j, "deadlines") {
			return s.words(b, j), true
		}
		if s.t[j].kind != redline.TokenWord {
			break
		}
	}
	for k := a - 1; k >= 0 && k >= a-6; k-- {
		if s.word(k, "deadline") {
			action := s.actionAfterFor(k + 1)
			if action == "" {
				action = s.actionAfterFor(b)
			}
			return action, true
		}
		if s.t[k].kind != redline.TokenWord {
			break
		}
	}
	if limit, ok := s.limitWord(a); ok {
		if v, ok := s.modalVerb(limit); ok {
			return v, true
		}
	}
	if v, ok := s.expiring(a); ok {
		return v, true
	}
	return s.scheduled(a)
}

// limitWord finds, before the time at token a, the word that makes it a
// limit: "by", "until" or "no later than"; it returns the word's first
// token.
func (s *scanner) limitWord(a int) (int, bool) {
	switch {
	case s.wordIn(a-1, "by", "until"):
		return a - 1, true
	case s.word(a-1, "than") && s.word(a-2, "later") && s.word(a-3, "no"):
		return a - 3, true
	}
	return -1, false
}

// actionAfterFor reads "for talks" or "for Iran to respond" after a
// deadline noun; it returns "" when there is none.
func (s *scanner) actionAfterFor(k int) string {
	if !s.word(k, "for") {
		return ""
	}
	k++
	if s.wordIn(k, "a", "an", "the", "its", "their", "his", "her") {
		k++
	}
	if k >= len(s.t) || s.t[k].kind != redline.TokenWord || s.t[k].lex.cls != 0 {
		return ""
	}
	return strings.ToLower(s.str(k))
}

// modalVerb finds, before token by, the verb after the nearest "to",
// "must", "will" or "should".
func (s *scanner) modalVerb(by int) (string, bool) {
	for j := by - 1; j >= 0 && j >= by-8; j-- {
		if s.wordIn(j, "to", "must", "will", "should", "shall", "would", "'ll") && j+1 < by &&
			s.t[j+1].kind == redline.TokenWord {
			v := j + 1
			for v+1 < by && s.wordIn(v, "be", "have", "been", "not", "also") && s.t[v+1].kind == redline.TokenWord {
				v++ // "must be ready by": the action is "ready", not "be"
			}
			return strings.ToLower(s.str(v)), true
		}
	}
	return "", false
}

// words joins the lower-cased words of tokens [a, b).
func (s *scanner) words(a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(strings.ToLower(s.str(i)))
	}
	return sb.String()
}

// periodDeadline reads "within the next two weeks", "in 50 days" or
// "within two to three weeks" (the later end counts) at token a of a
// sentence with a modal: a promise or threat to act inside a period. The
// deadline is the period's last day counted from the day the sentence
// speaks from: the day in force in the narrative ("On 19 June the White
// House read out: 'I will decide within two weeks'"), else the publication
// day. A period without a number ("within days", "within hours of the
// strike") has no last day, and one that ended before publication is
// history.
func (s *scanner) periodDeadline(x redline.TimeExpr, a int) (redline.Deadline, bool) {
	if s.wordIn(a-1, "to", "or") && (s.t[a-2].kind == redline.TokenNumber || s.lx(a-2).is(cNumber)) {
		a -= 2 // "within two to three weeks"
	}
	if a < 1 || !s.wordIn(a-1, "within", "in") || !s.hasModal() {
		return redline.Deadline{}, false
	}
	years, months, days, ok := countedPeriod(x.Value)
	if !ok {
		return redline.Deadline{}, false
	}
	from, anchor, ok := s.speakingDay()
	if !ok {
		return redline.Deadline{}, false
	}
	due := from.AddDate(years, months, days)
	if due.Before(s.dct.start()) {
		return redline.Deadline{}, false
	}
	action, _ := s.modalVerb(a)
	return redline.Deadline{Sentence: s.sent, Action: action,
		Date: redline.Date{Value: due.Format("2006-01-02"), Grain: redline.GrainDay, Anchor: anchor},
		Text: x.Text, Span: x.Span}, true
}

// countedPeriod splits a duration of whole days, weeks, months or years
// ("P50D", "P2W") into the arguments of time.AddDate; ok is false for
// times of day and unknown counts ("PT3H", "PXD").
func countedPeriod(value string) (years, months, days int, ok bool) {
	if len(value) < 3 || value[0] != 'P' {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(value[1 : len(value)-1])
	if err != nil || n <= 0 {
		return 0, 0, 0, false
	}
	switch value[len(value)-1] {
	case 'D':
		return 0, 0, n, true
	case 'W':
		return 0, 0, 7 * n, true
	case 'M':
		return 0, n, 0, true
	case 'Y':
		return n, 0, 0, true
	}
	return 0, 0, 0, false
}

// speakingDay returns the day the current sentence speaks from: the
// narrative time in force when it is a day or finer, else the publication
// day when no time is in force. A coarser narrative time ("in 2019 he
// said he would decide within two weeks") names no day, and ok is false.
func (s *scanner) speakingDay() (time.Time, redline.Anchor, bool) {
	if !s.hasNarr {
		return s.dct.start(), redline.AnchorDocument, true
	}
	if s.narr.g != redline.GrainDay && s.narr.g != redline.GrainTime {
		return time.Time{}, "", false
	}
	return date(s.narr.y, s.narr.m, s.narr.d), redline.AnchorNarrative, true
}

// hasModal reports whether the current sentence has one of modals.
func (s *scanner) hasModal() bool {
	for i := range s.t {
		if s.t[i].kind == redline.TokenWord && modals[string(s.lower(i))] {
			return true
		}
	}
	return false
}
