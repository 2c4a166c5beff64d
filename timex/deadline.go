package timex

import (
	"strings"

	"redline"
)

// deadlines appends the deadlines of the current sentence, whose time
// expressions start at s.out[first]. A deadline is a future calendar time
// tied to the word "deadline" ("the October snapback deadline", "a
// deadline of 1 March for talks") or the goal of "by" after a modal or
// "to" ("must respond by March 1").
func (s *scanner) deadlines(ds []redline.Deadline, first int) []redline.Deadline {
	if first == len(s.out) || !s.mayHaveDeadline() {
		return ds
	}
	for k := first; k < len(s.out); k++ {
		x := s.out[k]
		a, b := s.tokenRange(x.Span)
		if a < 0 {
			continue
		}
		action, ok := s.deadlineAction(a, b)
		if !ok || !calendar(x) {
			continue
		}
		d, _ := redline.ParseDate(x.Value)
		if d.Start().Before(s.dct.start()) && !d.Overlaps(redline.Day(s.dct.start())) {
			continue
		}
		ds = append(ds, redline.Deadline{Sentence: s.sent, Action: action,
			Date: redline.Date{Value: x.Value, Grain: x.Grain, Anchor: x.Anchor}, Text: x.Text, Span: x.Span})
	}
	return ds
}

// mayHaveDeadline reports whether the sentence has "deadline" or "by".
func (s *scanner) mayHaveDeadline() bool {
	for i := range s.t {
		if s.t[i].kind == redline.TokenWord && (len(s.t[i].s) == 2 || len(s.t[i].s) >= 8) &&
			s.wordIn(i, "by", "deadline", "deadlines") {
			return true
		}
	}
	return false
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
	return strings.ToLower(s.t[k].s)
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
			return strings.ToLower(s.t[v].s), true
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
		sb.WriteString(strings.ToLower(s.t[i].s))
	}
	return sb.String()
}
