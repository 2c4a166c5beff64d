package verb

import "redline"

// Hits holds a lexicon's matches at every token of a document, looked up
// once: the statement and event stages ask about the same tokens many
// times. Tokens are addressed by sentence and token index, or by their
// dense index across the document (Index).
type Hits struct {
	first   []int   // dense index of each sentence's first token
	cue     []int32 // per token: index into cues, or -1
	action  []int32 // per token: index into actions, or -1
	cues    []Match
	actions []Match
}

// Scan looks up every token of a document's sentences.
func (l *Lexicon) Scan(text string, sents []redline.Sentence) *Hits {
	n := 0
	h := &Hits{first: make([]int, len(sents))}
	for i, s := range sents {
		h.first[i] = n
		n += len(s.Tokens)
	}
	h.cue = make([]int32, n)
	h.action = make([]int32, n)
	for i, s := range sents {
		for t := range s.Tokens {
			k := h.first[i] + t
			h.cue[k], h.action[k] = -1, -1
			c, isCue, m, ok := l.At(text, s.Tokens, t)
			if isCue {
				h.cue[k] = int32(len(h.cues))
				h.cues = append(h.cues, c)
			}
			if ok {
				h.action[k] = int32(len(h.actions))
				h.actions = append(h.actions, m)
			}
		}
	}
	return h
}

// Index returns the dense index of token t of sentence s.
func (h *Hits) Index(s, t int) int { return h.first[s] + t }

// CueAt returns the reporting cue starting at token t of sentence s. Its
// End is a token index within the sentence.
func (h *Hits) CueAt(s, t int) (Match, bool) {
	if i := h.cue[h.first[s]+t]; i >= 0 {
		return h.cues[i], true
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
	if i := h.action[k]; i >= 0 {
		return h.actions[i], true
	}
	return Match{}, false
}
