package petrarch

import (
	"strings"

	"redline"
)

// newActorBefore returns a group for the noun phrase no dictionary codes
// that is the subject of verb v, with the phrases it links to by "of",
// if it is short enough to be a new actor.
func (cd *coding) newActorBefore(v *verbAt) int {
	t := cd.t
	for k := v.aux - 1; k >= 0; k-- {
		w := &t.s.words[k]
		switch {
		case w.is(cSeam):
		case t.npOf[k] >= 0:
			sp := t.nps[t.npOf[k]].span
			for sp.start >= 2 && t.s.words[sp.start-1].fold == foldOf && t.npOf[sp.start-2] >= 0 {
				sp.start = t.nps[t.npOf[sp.start-2]].start
			}
			return cd.newActor(sp)
		case w.is(cStop | cSub | cComma | cPron):
			return -1
		}
	}
	return -1
}

// newActorAfter returns a group for the first noun phrase after verb v,
// with the phrases "of" links to it ("the Ministry of Magic"), if it is
// short enough to be a new actor.
func (cd *coding) newActorAfter(v *verbAt) int {
	t := cd.t
	for k := v.end; k < len(t.s.words); k++ {
		if t.s.words[k].is(cStop) {
			return -1
		}
		if t.npOf[k] < 0 {
			continue
		}
		sp := t.nps[t.npOf[k]].span
		for sp.end+1 < len(t.s.words) && t.s.words[sp.end].fold == foldOf && t.npOf[sp.end+1] >= 0 {
			sp.end = t.nps[t.npOf[sp.end+1]].end
		}
		return cd.newActor(sp)
	}
	return -1
}

// newActor makes a group of one mention coded by the words of sp, or
// returns -1 when they are too many.
func (cd *coding) newActor(sp span) int {
	t := cd.t
	code, n := newActorCode(t.s, sp)
	if n == 0 || n > cd.c.Options.NewActorLength {
		return -1
	}
	t.groups = append(t.groups, group{span: sp, members: []mention{{span: sp, code: code}}})
	return len(t.groups) - 1
}

// newActorCode returns the code of a new actor, its words in capitals and
// quotes without possessive marks, and how many words it has.
func newActorCode(s *sentence, sp span) (string, int) {
	var words []string
	for k := sp.start; k < sp.end; k++ {
		if s.words[k].is(cPunct) || s.words[k].fold == foldPossS || s.words[k].fold == foldPossS2 {
			continue
		}
		words = append(words, upperASCII(s.words[k].span.In(s.text)))
	}
	return `"` + strings.Join(words, " ") + `"`, len(words)
}

// transform applies PETRARCH-2's transformations to a use of force that
// a speech verb reports, and reports whether one applied: "A said A will
// attack B" is A threatening B (138), "A said A attacked B" A claiming
// responsibility (015), "A said B attacked C" A accusing B (112). The
// events replace those of the speech verb pv.
func (cd *coding) transform(vi, pv int) ([]Event, bool) {
	t := cd.t
	cd.probe = true
	evs := cd.verbEvents(vi, nil)
	cd.probe = false
	sayer := cd.subject(pv, -1)
	if sayer < 0 || len(evs) == 0 {
		return nil, false
	}
	future, past := cd.tense(&t.verbs[vi])
	var out []Event
	for _, m := range t.groups[sayer].members {
		for _, e := range evs {
			if len(e.Code) < 2 || e.Code[:2] < "18" || e.Code[:2] > "20" {
				continue
			}
			ev := e
			ev.Source, ev.SourceSpan = m.code, spanOf(t.s.words, m.span)
			switch {
			case e.Source == m.code && future:
				ev.Code = "138"
			case e.Source == m.code && past:
				ev.Code = "015"
			case e.Source != m.code && past:
				ev.Code, ev.Target, ev.TargetSpan = "112", e.Source, e.SourceSpan
			default:
				continue
			}
			ev.Pattern = "transformation: " + e.Code + " reported by a speech verb"
			out = appendNew(out, ev)
		}
	}
	return out, len(out) > 0
}

// appendNew appends e unless an event with its source, target and code is
// there already.
func appendNew(out []Event, e Event) []Event {
	for _, x := range out {
		if x.Source == e.Source && x.Target == e.Target && x.Code == e.Code {
			return out
		}
	}
	return append(out, e)
}

// tense reports whether verb v is future (will, would, shall) or past (a
// past form, or a perfect).
func (cd *coding) tense(v *verbAt) (future, past bool) {
	s := cd.t.s
	for k := v.aux; k < v.start; k++ {
		w := &s.words[k]
		switch {
		case w.is(cModal) && futureWords.Has(w.fold):
			future = true
		case w.is(cHave):
			past = true
		}
	}
	if cd.c.Dict.Verbs.entries[v.entry].form == formPast && !future {
		past = true
	}
	return future, past
}

var futureWords = redline.NewFoldSet("will", "would", "shall", "'ll", "wo")
