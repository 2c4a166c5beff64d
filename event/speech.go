package event

import "redline"

// speechActs codes the content of reported speech in a sentence as the
// speech act it is (Coder.SpeechActs): the first action of each content
// span, with the speaker as its actor when the content names none ("Iran
// said it will attack" has Iran as the actor of a threat). Content whose
// action a frame outside it already coded ("threatened to [attack]") is
// left alone.
func (c *Coder) speechActs(s *sentence) []redline.Event {
	if len(s.toks) == 0 {
		return nil
	}
	whole := redline.Span{Start: s.toks[0].Span.Start, End: s.toks[len(s.toks)-1].Span.End}
	var out []redline.Event
	for _, sp := range s.skip {
		if !whole.Contains(sp) {
			continue
		}
		k0 := s.tokenAt(sp.Start)
		if k0 < 0 || s.usedIn(k0, sp) {
			continue
		}
		speaker, ok := c.speaker(s, k0)
		if !ok {
			speaker, ok = s.speakerAfter(sp) // "..., according to Iran"; "..., Iran said"
		}
		if !ok {
			continue
		}
		out = append(out, c.firstAct(s, k0, sp, speaker)...)
	}
	return out
}

// leading returns the skip spans that follow their reporting cue. Content
// before its cue ("Israeli soldiers arrested 100 Palestinians, military
// sources said"; "..., according to the ministry") is the author's report
// with its source named after it, and is coded as such.
func (c *Coder) leading(s *sentence) []redline.Span {
	out := make([]redline.Span, 0, len(s.skip))
	for _, sp := range s.skip {
		k0 := s.tokenAt(sp.Start)
		if k0 < 0 || sp.End > s.toks[len(s.toks)-1].Span.End || sp.Start < s.toks[0].Span.Start || c.cueBefore(s, k0) >= 0 {
			out = append(out, sp)
		}
	}
	return out
}

// cueBefore returns the token of a reporting cue ending shortly before
// token k0, or -1.
func (c *Coder) cueBefore(s *sentence, k0 int) int {
	for k := k0 - 1; k >= 0 && k >= k0-6; k-- {
		if m, ok := s.hits.CueAt(s.index, k); ok && m.End <= k0 {
			return k
		}
	}
	return -1
}

// firstAct codes the first action of a content span.
func (c *Coder) firstAct(s *sentence, k0 int, sp redline.Span, speaker redline.Mention) []redline.Event {
	for t := k0; t < len(s.toks) && s.toks[t].Span.End <= sp.End; t++ {
		m, ok := s.hits.ActionAt(s.index, t)
		if !ok || !s.isEvent(t, m) {
			continue
		}
		a := c.action(s, t, m)
		s.markUsed(t, a.end)
		return c.speechAct(s, a, speaker, sp)
	}
	return nil
}

// speechAct codes one action of reported content. The actor is the
// nearest mention before it inside the content, else the speaker. A
// speaker reporting another actor's deed of force accuses that actor
// (112), as "A said B attacked" does in PETRARCH-2.
func (c *Coder) speechAct(s *sentence, a action, speaker redline.Mention, sp redline.Span) []redline.Event {
	actors := []redline.Mention{speaker}
	limit := s.toks[a.t].Span.Start
	for i := len(s.mentions) - 1; i >= 0; i-- {
		if m := s.mentions[i]; m.Span.Start >= sp.Start && m.Span.End <= limit {
			actors[0] = m
			break
		}
	}
	target := s.targetOf(a)
	code, topic, mode := s.codeOf(a)
	other := actors[0]
	switch {
	case !s.otherThan(speaker, other):
	case s.obliged(a.t) && a.inner == nil:
		// "Russia said Sudan must return the helicopter": a demand on Sudan.
		code, topic, mode = combine(demandFrame, a.match.Action), "demand", redline.ModePublic
		actors, target = []redline.Mention{speaker}, &other
	case materialConflict(code) && (mode == redline.ModePublic || mode == redline.ModeAlleged):
		code, topic, mode = "112", "accuse", redline.ModePublic
		actors, target = []redline.Mention{speaker}, &other
	}
	return c.build(s, a, actors, target, code, topic, mode)
}

// otherThan reports whether a content's actor is a known actor other than
// the speaker and the speaker's state.
func (s *sentence) otherThan(speaker, other redline.Mention) bool {
	return speaker.Actor.ID != "" && other.Actor.ID != speaker.Actor.ID &&
		(other.Country == "" || other.Country != speaker.Country)
}

// obliged reports whether a modal of obligation ("must", "should", "has
// to", "needs to") stands just before token t.
func (s *sentence) obliged(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		switch s.word(k) {
		case "must", "should", "ought":
			return true
		case "to":
			if k > 0 && (s.word(k-1) == "has" || s.word(k-1) == "have" || s.word(k-1) == "needs" || s.word(k-1) == "need") {
				return true
			}
		}
	}
	return false
}

// speaker returns the actor of the reporting cue that ends shortly before
// the content starting at token k0.
func (c *Coder) speaker(s *sentence, k0 int) (redline.Mention, bool) {
	k := c.cueBefore(s, k0)
	if k < 0 {
		return redline.Mention{}, false
	}
	if ms := s.actorsBefore(k); len(ms) > 0 {
		return ms[0], true
	}
	if c.NewActors {
		return s.newActor(k)
	}
	return redline.Mention{}, false
}

// speakerAfter returns the first mention after a content span, the
// speaker of content that comes before its cue.
func (s *sentence) speakerAfter(sp redline.Span) (redline.Mention, bool) {
	for _, m := range s.mentions {
		if m.Span.Start >= sp.End {
			return m, true
		}
	}
	return redline.Mention{}, false
}

// usedIn reports whether any token of a span from token k0 was already
// coded.
func (s *sentence) usedIn(k0 int, sp redline.Span) bool {
	for t := k0; t < len(s.toks) && s.toks[t].Span.End <= sp.End; t++ {
		if s.isUsed(t) {
			return true
		}
	}
	return false
}
