package factual

import (
	"strings"

	"redline"
)

// Certainty and polarity values.
const (
	Certain  = "certain"
	Probable = "probable"
	Possible = "possible"
	Pos      = "pos"
	Neg      = "neg"
)

// Factuality is how a text presents one event. Certainty is Certain,
// Probable or Possible; Polarity is Pos or Neg; Future says the event is
// presented as yet to happen. Cue is the word that decided the last
// attribute that differs from the default (certain, positive, not future),
// or empty.
type Factuality struct {
	Certainty string `json:"certainty"`
	Polarity  string `json:"polarity"`
	Future    bool   `json:"future"`
	Cue       string `json:"cue,omitempty"`
}

// Assess judges the event mention at span event, a verb or a noun, in
// sentence sent of text. A span that covers no token of the sentence is
// certain, positive and not future.
func Assess(text string, sent redline.Sentence, event redline.Span) Factuality {
	r := reader{text: text, toks: sent.Tokens, f: Factuality{Certainty: Certain, Polarity: Pos}}
	i0, i1 := r.locate(event)
	if i0 < 0 {
		return r.f
	}
	var buf [64]string
	if len(r.toks) <= len(buf) {
		r.words = buf[:len(r.toks)]
	} else {
		r.words = make([]string, len(r.toks))
	}
	r.assess(i0, i1)
	return r.f
}

// reader holds one assessment.
type reader struct {
	text   string
	toks   []redline.Token
	words  []string // normalised words, filled on demand
	f      Factuality
	viaObj bool // the chain went through a direct object: governors no longer hedge
	// reported is set when a reporting verb governs the event's clause
	reported bool
}

// locate returns the first and last tokens the span overlaps, or -1.
func (r *reader) locate(sp redline.Span) (int, int) {
	i0, i1 := -1, -1
	for i, t := range r.toks {
		if t.Span.Overlaps(sp) || (sp.Len() == 0 && t.Span.Start == sp.Start) {
			if i0 < 0 {
				i0 = i
			}
			i1 = i
		}
	}
	return i0, i1
}

// word returns token i in lower case with curly apostrophes made
// straight, or "" outside the sentence.
func (r *reader) word(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	if w := r.words[i]; w != "" {
		return w
	}
	w := r.toks[i].Span.In(r.text)
	if needsFolding(w) {
		w = strings.ReplaceAll(strings.ToLower(w), "’", "'")
	}
	r.words[i] = w
	return w
}

// needsFolding reports whether w has upper-case or non-ASCII bytes.
func needsFolding(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func (r *reader) setCert(c, cue string) {
	if c != "" && r.f.Certainty == Certain {
		r.f.Certainty, r.f.Cue = c, cue
	}
}

// setCertGov sets the certainty a governor gives, unless the chain reached
// it through a direct object: in "plans to cut 13,000 jobs" the jobs are
// not hedged, only the cutting.
func (r *reader) setCertGov(c, cue string) {
	if !r.viaObj {
		r.setCert(c, cue)
	}
}

func (r *reader) setNeg(cue string) {
	if r.f.Polarity == Pos {
		r.f.Polarity, r.f.Cue = Neg, cue
	}
}

func (r *reader) setFuture(cue string) {
	if !r.f.Future {
		r.f.Future = true
		if r.f.Cue == "" {
			r.f.Cue = cue
		}
	}
}

// assess walks the chain of frames above the event, then reads the noun
// phrase rules for noun-like events.
func (r *reader) assess(i0, i1 int) {
	pos := i0
	np := -1
	for level := 0; level < 4 && pos >= 0; level++ {
		g := r.group(pos)
		r.applyGroup(&g, level)
		next := -1
		switch {
		case g.hasTo:
			next = r.infinitive(g.stop, level)
		case g.stop == pos-1:
			if level == 0 {
				np = r.nounPhrase(pos)
			}
			next = r.direct(pos, np, level)
		default:
			next = r.thatClause(g.stop, level)
		}
		pos = next
	}
	if g := r.group(i0); g.stop == i0-1 && !g.hasTo {
		r.predicate(i0, i1, np >= 0 && r.clauseInitial(np))
	}
	if w := r.word(i0); (isBe(w) || w == "has" || w == "have" || w == "had") && negators[r.word(i1+1)] {
		r.setNeg(r.word(i1 + 1)) // "his intent [was] not to"
	}
	r.futureInPast(i0)
}

// futureInPast undoes the hedge of "would" in "would like", a polite
// present. (MEANTIME is split on reported "would": "said the planes would
// meet demand" is certain, "said it would axe 10,000 jobs" probable; the
// hedge stays.)
func (r *reader) futureInPast(i0 int) {
	if r.f.Cue == "would" && r.f.Certainty != Certain && r.word(i0) == "like" {
		r.f.Certainty = Certain
	}
}

// clauseInitial reports whether the noun phrase starting at token k opens
// its clause, where a subject stands.
func (r *reader) clauseInitial(k int) bool {
	return k == 0 || boundaries[r.word(k-1)] || r.word(k-1) == "that" || r.toks[k-1].Kind != redline.TokenWord
}
