package verb

import "redline"

// Hits holds a lexicon's matches at every token of a document, looked up
// once: the statement and event stages ask about the same tokens many
// times. Tokens are addressed by sentence and token index, or by their
// dense index across the document (Index).
type Hits struct {
	first   []int   // dense index of each sentence's first token
	at      []int32 // per token: index into hits, or -1 when nothing starts there
	actions []bool  // per sentence: whether any action phrase starts in it
	hits    []hit
}

// hit is what starts at one token: a cue, an action or both, each with
// the token index past its end (0 when there is none), packed small since
// a document has thousands.
type hit struct {
	cue                 *Cue
	action              *Action
	cueEnd, actionEnd   int32
	cueForm, actionForm Form
}

// Scan looks up every token of a document's sentences.
func (l *Lexicon) Scan(text string, sents []redline.Sentence) *Hits {
	return l.ScanInto(new(Hits), text, sents)
}

// ScanInto looks up every token of a document's sentences into h, reusing
// its arrays, and returns h. What h held before is gone, so a caller
// reuses a Hits only once it is done with the document it was for.
func (l *Lexicon) ScanInto(h *Hits, text string, sents []redline.Sentence) *Hits {
	n := 0
	h.first = resize(h.first, len(sents))
	h.actions = resize(h.actions, len(sents))
	clear(h.actions)
	for i, s := range sents {
		h.first[i] = n
		n += len(s.Tokens)
	}
	h.at = resize(h.at, n)
	if cap(h.hits) < n/8 {
		h.hits = make([]hit, 0, n/8) // about one token in ten starts a cue or an action
	}
	clear(h.hits[:cap(h.hits)]) // drop the last document's pointers
	h.hits = h.hits[:0]
	for i, s := range sents {
		at := h.at[h.first[i] : h.first[i]+len(s.Tokens)]
		for t := range s.Tokens {
			at[t] = -1
			fw := l.lookup(text, s.Tokens, t)
			if fw == nil {
				continue
			}
			c, isCue := longest(&fw.cues, s.Tokens, t)
			m, isAction := longest(&fw.actions, s.Tokens, t)
			h.actions[i] = h.actions[i] || isAction
			if isCue || isAction {
				at[t] = int32(len(h.hits))
				h.hits = append(h.hits, hit{cue: c.Cue, action: m.Action, cueEnd: int32(c.End), actionEnd: int32(m.End),
					cueForm: c.Form, actionForm: m.Form})
			}
		}
	}
	return h
}

// HasAction reports whether an action phrase starts anywhere in sentence
// s. Most sentences hold none, and a stage that codes actions can pass
// them by.
func (h *Hits) HasAction(s int) bool { return h.actions[s] }

// Index returns the dense index of token t of sentence s.
func (h *Hits) Index(s, t int) int { return h.first[s] + t }

// CueAt returns the reporting cue starting at token t of sentence s. Its
// End is a token index within the sentence.
func (h *Hits) CueAt(s, t int) (Match, bool) {
	if i := h.at[h.first[s]+t]; i >= 0 && h.hits[i].cue != nil {
		x := &h.hits[i]
		return Match{End: int(x.cueEnd), Form: x.cueForm, Cue: x.cue}, true
	}
	return Match{}, false
}

// ActionAt returns the action phrase starting at token t of sentence s.
// Its End is a token index within the sentence.
func (h *Hits) ActionAt(s, t int) (Match, bool) {
	return h.ActionAtIndex(h.first[s] + t)
}

// ActionAtIndex returns the action phrase starting at the token with
// dense index k. Its End is a token index within the token's sentence.
func (h *Hits) ActionAtIndex(k int) (Match, bool) {
	if i := h.at[k]; i >= 0 && h.hits[i].action != nil {
		x := &h.hits[i]
		return Match{End: int(x.actionEnd), Form: x.actionForm, Action: x.action}, true
	}
	return Match{}, false
}

// resize returns s with length n, reusing its array when it is large
// enough. The elements are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
