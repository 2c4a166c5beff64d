package event

import (
	"redline"
	"redline/verb"
)

// action is one action phrase found in a sentence: the phrase at token t,
// and, for a frame ("agreed to", "threatened to"), the action it frames.
type action struct {
	t, end  int
	match   verb.Match
	frame   frame
	inner   *verb.Action
	innerAt int // token of the framed action, or -1
}

// action reads the phrase m at token t, with the action it frames when it
// is a frame.
func (c *Coder) action(s *sentence, t int, m verb.Match) action {
	a := action{t: t, end: m.End, match: m, frame: frameOf(m.Action), innerAt: -1}
	if a.frame == noFrame {
		return a
	}
	if k, im, ok := c.innerAction(s, m.End); ok {
		a.inner, a.innerAt, a.end = im.Action, k, im.End
	}
	return a
}

// innerAction finds the action a frame takes as its object: the first
// action phrase within ten tokens after it in the same clause ("urged
// Uganda to repatriate", "threatened to impose import restrictions").
func (c *Coder) innerAction(s *sentence, from int) (int, verb.Match, bool) {
	for k := from; k < len(s.toks) && k < from+10; k++ {
		switch s.word(k) {
		case ",", ";", ":", ".", "but", "while", "after", "before", "because", "as":
			return 0, verb.Match{}, false
		}
		if m, ok := s.hits.ActionAt(s.index, k); ok {
			return k, m, true
		}
	}
	return 0, verb.Match{}, false
}

// events builds the events of one action: actor before, target after, in
// both directions for a compound actor.
func (c *Coder) events(s *sentence, a action) []redline.Event {
	actors := s.actorsBefore(a.t)
	if len(actors) == 0 && c.NewActors {
		if m, ok := s.newActor(a.t); ok {
			actors = []redline.Mention{m}
		}
	}
	target := s.targetOf(a)
	if a.inner == nil && s.passive(a.t, a.match) {
		if by := s.byAgent(a.match.End); by != nil {
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
	code, topic, mode := s.codeOf(a)
	return c.build(s, a, actors, target, code, topic, mode)
}

// codeOf returns the CAMEO code, topic and mode of an action. A frame
// composes with its object; a refused cooperative act is a rejection
// (12x); a future or conditional cooperative act is an intent (03x) and a
// future or conditional deed of force a threat (13x).
func (s *sentence) codeOf(a action) (code, topic string, mode redline.Mode) {
	act := a.match.Action
	mode = s.mode(a.t, a.end)
	if a.inner != nil {
		return framed(a, mode)
	}
	code, topic = act.CAMEO, act.Topic
	if modeClasses.Value(s.toks[a.t].Fold)&negationWord != 0 {
		return code, topic, redline.ModeNegated // "refused to meet", a refusal phrase of its own
	}
	switch {
	case mode == redline.ModeNegated && (cooperative(code) || act.Negated != ""):
		code = refusal(act)
	case mode == redline.ModeFuture || mode == redline.ModeHypothetical:
		if cooperative(code) && code[:2] >= "04" {
			code = lookup(intentCodes, code, "030")
		} else if materialConflict(code) {
			code = lookup(threatCodes, code, "130")
		}
	}
	return code, topic, mode
}

// framed codes a frame with its object. A refusal keeps the refused
// action as its topic, in the negated mode ("refused to negotiate" is
// about negotiating, which did not happen); intents, threats, appeals and
// demands are speech acts that did happen, and take the frame's topic.
func framed(a action, mode redline.Mode) (string, string, redline.Mode) {
	f := a.frame
	if mode == redline.ModeNegated && f == intentFrame {
		f = rejectFrame // "did not agree to meet"
	}
	if f == rejectFrame {
		return combine(f, a.inner), a.inner.Topic, redline.ModeNegated
	}
	return combine(f, a.inner), a.match.Action.Topic, mode
}

// build makes one event per actor; with two actors and no target each is
// the other's target ("Iran and the United States held talks").
func (c *Coder) build(s *sentence, a action, actors []redline.Mention, target *redline.Mention, code, topic string, mode redline.Mode) []redline.Event {
	info, _ := c.Lexicon.Code(code)
	span := redline.Span{Start: s.toks[a.t].Span.Start, End: s.toks[a.end-1].Span.End}
	var out []redline.Event
	for i, m := range actors {
		tgt := target
		if len(actors) == 2 && tgt == nil {
			tgt = &actors[1-i]
		}
		if tgt != nil && tgt.Actor.ID == m.Actor.ID && tgt.Actor.Name == m.Actor.Name {
			tgt = nil
		}
		ev := redline.Event{
			Sentence: s.index, Actor: s.ref(m), Verb: topic, CAMEO: code, PLOVER: info.PLOVER,
			Mode: mode, Goldstein: info.Goldstein, Quad: info.Quad, Text: span.In(s.text), Span: span,
		}
		if ev.Actor.Sector == "MIL" && militaryKill[code] {
			// Armed forces killing or wounding is conventional force, 190.
			c.setCode(&ev, "190")
		}
		if tgt != nil {
			ref := s.ref(*tgt)
			ev.Target = &ref
		}
		out = append(out, ev)
	}
	return out
}

// militaryKill are the assault codes that armed forces' deeds fall under
// 190 instead.
var militaryKill = map[string]bool{"180": true, "1823": true}

func (c *Coder) setCode(ev *redline.Event, code string) {
	info, _ := c.Lexicon.Code(code)
	ev.CAMEO, ev.PLOVER, ev.Goldstein, ev.Quad = code, info.PLOVER, info.Goldstein, info.Quad
}

// ref returns the actor of a mention, narrowed to a sector when a role
// noun follows a state ("Iranian negotiators" is IRN, GOV).
func (s *sentence) ref(m redline.Mention) redline.ActorRef {
	r := m.Actor
	if r.Sector == "" {
		r.Sector = s.sectorAfter(m)
	}
	return r
}

// targetOf returns the target of an action: for a frame, the first actor
// between the frame and its object ("urged Uganda to repatriate"), else
// the first after the object; otherwise the first after the phrase.
func (s *sentence) targetOf(a action) *redline.Mention {
	if a.inner != nil {
		limit := s.toks[a.innerAt].Span.Start
		if m := s.targetAfter(a.match.End); m != nil && m.Span.End <= limit {
			return m
		}
		return s.targetAfter(a.end)
	}
	return s.targetAfter(a.match.End)
}

// dedupe keeps the first of events with the same actor, target, code and
// mode within one sentence. Across sentences the events may have different
// dates, which the coder does not know: Dedupe applies the one-a-day rule
// once they are dated.
func dedupe(evs []redline.Event) []redline.Event {
	type key struct {
		actorID, actorName, targetID, targetName, code string
		mode                                           redline.Mode
		sentence                                       int
	}
	seen := map[key]bool{}
	out := evs[:0]
	for _, e := range evs {
		key := key{actorID: e.Actor.ID, actorName: e.Actor.Name, code: e.CAMEO, mode: e.Mode, sentence: e.Sentence}
		if e.Target != nil {
			key.targetID, key.targetName = e.Target.ID, e.Target.Name
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}
