package quote

import (
	"redline"
	"redline/verb"
)

// lexHits holds the verb lexicon's matches for every token of a document,
// looked up once: the stages below ask about the same tokens many times.
type lexHits struct {
	first   []int        // index of each sentence's first token in the dense arrays
	cue     []int32      // per token: index into cues, or -1
	action  []int32      // per token: index into actions, or -1
	cues    []verb.Match // sparse matches, End relative to the sentence
	actions []verb.Match
}

func newLexHits(text string, sents []redline.Sentence, lex *verb.Lexicon) *lexHits {
	n := 0
	h := &lexHits{first: make([]int, len(sents))}
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
			c, isCue, m, ok := lex.At(text, s.Tokens, t)
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

// cueAt returns the reporting cue starting at token t of sentence s.
func (h *lexHits) cueAt(s, t int) (verb.Match, bool) {
	if i := h.cue[h.first[s]+t]; i >= 0 {
		return h.cues[i], true
	}
	return verb.Match{}, false
}

// actionAt returns the action phrase starting at the token with dense
// index k. Its End is relative to the token's sentence.
func (h *lexHits) actionAt(k int32) (verb.Match, bool) {
	if i := h.action[k]; i >= 0 {
		return h.actions[i], true
	}
	return verb.Match{}, false
}
