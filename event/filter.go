package event

import (
	"strings"
	"sync"

	"redline"
	"redline/segment"
)

// discarded reports whether a sentence holds a discard phrase.
func (c *Coder) discarded(s *sentence) bool {
	list := c.Discards
	if list == nil {
		list = DefaultDiscards
	}
	if len(list) == 0 || len(s.toks) == 0 {
		return false
	}
	idx := discardIndexOf(list)
	var buf [32]byte
	for t, tok := range s.toks {
		w := tok.Span.In(s.text)
		if len(w) > len(buf) {
			continue
		}
		for _, words := range idx[string(redline.AppendLower(buf[:0], w))] {
			if t+len(words) <= len(s.toks) && sameWords(s, t, words) {
				return true
			}
		}
	}
	return false
}

// sameWords reports whether the tokens of s from t on spell words.
func sameWords(s *sentence, t int, words []string) bool {
	for j, w := range words[1:] {
		if !strings.EqualFold(s.toks[t+1+j].Span.In(s.text), w) {
			return false
		}
	}
	return true
}

// discardIndexes caches, per discard list, its phrases split into tokens
// the way the segmenter splits sentences and indexed by their first word,
// so a sentence is checked with one look-up per token.
var discardIndexes sync.Map // *string (the list's first element) -> map[string][][]string

func discardIndexOf(list []string) map[string][][]string {
	if idx, ok := discardIndexes.Load(&list[0]); ok {
		return idx.(map[string][][]string)
	}
	idx := map[string][][]string{}
	for _, p := range list {
		var words []string
		for _, sent := range segment.Split(p) {
			for _, tok := range sent.Tokens {
				words = append(words, strings.ToLower(tok.Span.In(p)))
			}
		}
		if len(words) > 0 {
			idx[words[0]] = append(idx[words[0]], words)
		}
	}
	discardIndexes.Store(&list[0], idx)
	return idx
}

// Dedupe applies the one-a-day rule of event datasets to dated events:
// of events of one document with the same date, actor, target and CAMEO
// code, only the first is kept. Run it after the events have their dates
// (extract.Pipeline sets them); the order is kept.
func Dedupe(evs []redline.Event) []redline.Event {
	type key struct{ doc, date, actor, target, code string }
	seen := map[key]bool{}
	var out []redline.Event
	for _, e := range evs {
		k := key{e.Doc, e.Date.Value, e.Actor.ID + "/" + e.Actor.Name + "/" + e.Actor.Sector, "", e.CAMEO}
		if e.Target != nil {
			k.target = e.Target.ID + "/" + e.Target.Name + "/" + e.Target.Sector
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}
