package event

import (
	"redline"
	"redline/verb"
)

// actorsBefore returns the subject of an action at token t: the nearest
// mention before it, with a second one joined by "and". A comma-delimited
// aside just before the verb ("Pakistan, a key U.S. ally, has refused")
// is passed over for the mention before it; with none before, the aside's
// own mention stands for the subject it describes.
func (s *sentence) actorsBefore(t int) []redline.Mention {
	if open, ok := s.asideBefore(t); ok {
		if ms := s.mentionsBefore(s.toks[open].Span.Start); len(ms) > 0 {
			return ms
		}
	}
	return s.mentionsBefore(s.toks[t].Span.Start)
}

// mentionsBefore returns the last mention ending before byte offset limit,
// with the one before it when the two are joined by "and".
func (s *sentence) mentionsBefore(limit int) []redline.Mention {
	for i := len(s.mentions) - 1; i >= 0; i-- {
		m := s.mentions[i]
		if m.Span.End > limit || s.skipped(m.Span) {
			continue
		}
		if i > 0 && s.joinedByAnd(s.mentions[i-1], m) && s.mentions[i-1].Actor.ID != m.Actor.ID {
			return []redline.Mention{s.mentions[i-1], m}
		}
		return []redline.Mention{m}
	}
	return nil
}

// asideBefore finds a comma-delimited aside ending just before the verb at
// t (allowing auxiliaries and time words between) and returns the token of
// its opening comma.
func (s *sentence) asideBefore(t int) (int, bool) {
	k := t - 1
	for k >= 0 && k >= t-4 && preVerb[s.word(k)] {
		k--
	}
	if k <= 0 || s.word(k) != "," {
		return 0, false
	}
	for o := k - 1; o > 0 && o >= k-15; o-- {
		if s.word(o) == "," {
			return o, true
		}
	}
	return 0, false
}

// preVerb are words that stand between a subject and its verb.
var preVerb = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true, "will": true,
	"would": true, "also": true, "again": true, "today": true, "yesterday": true, "then": true, "now": true,
	"later": true, "reportedly": true, "allegedly": true, "on": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "finally": true,
}

// joinedByAnd reports whether two mentions read "A and B" (allowing "A and
// the B" or adjectives like "American and Iranian officials").
func (s *sentence) joinedByAnd(a, b redline.Mention) bool {
	between := redline.Span{Start: a.Span.End, End: b.Span.Start}.In(s.text)
	switch between {
	case " and ", " and the ", "-":
		return true
	}
	return false
}

// targetAfter returns the first mention within eight tokens after end,
// even inside a statement's content: the action is outside it, and the
// content starts with whom the action is toward.
func (s *sentence) targetAfter(end int) *redline.Mention {
	if end >= len(s.toks) {
		return nil
	}
	limit := s.toks[min(len(s.toks)-1, end+8)].Span.End
	from := s.toks[end].Span.Start
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Span.Start >= from && m.Span.End <= limit {
			return m // inside reported content too: "condemned [Israel for ...]"
		}
	}
	return nil
}

// passive reports a passive verb: a be-form just before a past form.
func (s *sentence) passive(t int, m verb.Match) bool {
	if m.Form != verb.FormPast && m.Form != verb.FormIrregular || t == 0 {
		return false
	}
	switch s.word(t - 1) {
	case "was", "were", "been", "being", "is", "are", "be":
		return true
	}
	return false
}

// byAgent returns the mention after "by" following a passive verb.
func (s *sentence) byAgent(end int) *redline.Mention {
	if end >= len(s.toks) || s.word(end) != "by" {
		return nil
	}
	return s.targetAfter(end + 1)
}
