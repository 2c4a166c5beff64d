package event

import (
	"fmt"

	"redline"
	"redline/verb"
)

// events builds the events of one action at token t: actor before, target
// after, in both directions for a compound actor.
func (c *Coder) events(s *sentence, t int, m verb.Match) []redline.Event {
	actors := s.actorsBefore(t)
	target := s.targetAfter(m.End)
	if s.passive(t, m) {
		if by := s.byAgent(m.End); by != nil {
			target = nil
			if len(actors) > 0 {
				patient := actors[0]
				target = &patient
			}
			actors = []redline.Mention{*by}
		}
	}
	if len(actors) == 0 {
		return nil
	}
	mode := s.mode(t, m.End)
	code := m.Action.CAMEO
	if mode == redline.ModeNegated && m.Action.Negated != "" {
		code = m.Action.Negated
	}
	info, _ := c.Lexicon.Code(code)
	span := redline.Span{Start: s.toks[t].Span.Start, End: s.toks[m.End-1].Span.End}
	var out []redline.Event
	for i, a := range actors {
		tgt := target
		if len(actors) == 2 && tgt == nil {
			tgt = &actors[1-i] // "Iran and the United States held talks": each toward the other
		}
		if tgt != nil && tgt.Actor.ID == a.Actor.ID {
			tgt = nil
		}
		ev := redline.Event{
			Sentence: s.index, Actor: a.Actor, Verb: m.Action.Topic, CAMEO: code, PLOVER: info.PLOVER,
			Mode: mode, Goldstein: info.Goldstein, Quad: info.Quad, Text: span.In(s.text), Span: span,
		}
		if tgt != nil {
			ref := tgt.Actor
			ev.Target = &ref
		}
		out = append(out, ev)
	}
	return out
}

// actorsBefore returns the subject of an action at token t: the nearest
// mention before it in the clause, with a second one joined by "and".
func (s *sentence) actorsBefore(t int) []redline.Mention {
	start := s.toks[t].Span.Start
	for i := len(s.mentions) - 1; i >= 0; i-- {
		m := s.mentions[i]
		if m.Span.End > start || s.skipped(m.Span) {
			continue
		}
		if i > 0 && s.joinedByAnd(s.mentions[i-1], m) && s.mentions[i-1].Actor.ID != m.Actor.ID {
			return []redline.Mention{s.mentions[i-1], m}
		}
		return []redline.Mention{m}
	}
	return nil
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

// targetAfter returns the first mention within eight tokens after end.
func (s *sentence) targetAfter(end int) *redline.Mention {
	if end >= len(s.toks) {
		return nil
	}
	limit := s.toks[min(len(s.toks)-1, end+8)].Span.End
	from := s.toks[end].Span.Start
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Span.Start >= from && m.Span.End <= limit && !s.skipped(m.Span) {
			return m
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

// dedupe keeps the first of events with the same date-free key (actor,
// target, code, mode) within one document, as wire stories repeat them.
func dedupe(evs []redline.Event) []redline.Event {
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		tgt := ""
		if e.Target != nil {
			tgt = e.Target.ID
		}
		key := fmt.Sprint(e.Actor.ID, "|", tgt, "|", e.CAMEO, "|", e.Mode, "|", e.Sentence)
		if !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}
