package timex

import (
	"fmt"
	"strconv"
	"strings"

	"redline"
)

// deadlines appends the deadlines of the current sentence, whose time
// expressions start at s.out[first]. A deadline is a future calendar time
// tied to the word "deadline" ("the October snapback deadline", "a
// deadline of 1 March for talks") or the goal of "by" after a modal or
// "to" ("must respond by March 1").
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

// deadlineWords are the words without which a sentence holds no deadline:
// "by", "deadline" and the verbs of expiry. The lexicon marks them, so
// that loading a sentence notes whether it has one.
var deadlineWords = append([]string{"by", "deadline", "deadlines"}, keys(expiryVerbs)...)

// expiring reads "<action> lapses on TIME" before the time at token a
// and returns the action: the words before the verb, without determiners.
func (s *scanner) expiring(a int) (string, bool) {
	if !s.wordIn(a-1, "on", "in", "at", "by") {
		return "", false
	}
	v := a - 2
	if s.word(v, "out") { // "runs out on"
		v--
	}
	if v < 1 || !expiryVerbs[strings.ToLower(s.tokText(v))] { // only where "on"/"in"/"at"/"by" precedes a time
		return "", false
	}
	if s.word(v-1, "to") && s.word(v-2, "due") { // "was due to expire on"
		v -= 2
	}
	if s.wordIn(v-1, "is", "are", "was", "were") { // "is due on"
		v--
	}
	var words []string
	for k := v - 1; k >= 0 && len(words) < 3 && s.t[k].kind == redline.TokenWord; k-- {
		w := strings.ToLower(s.str(k))
		if w == "itself" || w == "themselves" {
			continue // "the mechanism itself lapses"
		}
		if w == "'s" || w == "’s" || deadlineStops[w] {
			break
		}
		words = append([]string{w}, words...)
	}
	if len(words) == 0 {
		return "", false
	}
	return strings.Join(words, " "), true
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
	if s.word(a-1, "by") {
		if v, ok := s.modalVerb(a - 1); ok {
			return v, true
		}
	}
	if v, ok := s.expiring(a); ok {
		return v, true
	}
	return "", false
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
