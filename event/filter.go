package event

import (
	"redline"
	"redline/segment"
)

// discarded reports whether a sentence holds a discard phrase.
func (c *Coder) discarded(s *sentence) bool {
	c.discardOnce.Do(c.indexDiscards)
	if c.discardIndex.Len() == 0 {
		return false
	}
	for t, tok := range s.toks {
		for _, words := range c.discardIndex.Value(tok.Fold) {
			if t+len(words) <= len(s.toks) && sameWords(s.toks[t:], words) {
				return true
			}
		}
	}
	return false
}

// sameWords reports whether toks start with words.
func sameWords(toks []redline.Token, words []redline.Fold) bool {
	for j, w := range words {
		if toks[j].Fold != w {
			return false
		}
	}
	return true
}

// indexDiscards splits the discard phrases into words the way the
// segmenter splits sentences and indexes them by their first word, so a
// sentence is checked with one look-up per token.
func (c *Coder) indexDiscards() {
	list := c.Discards
	if list == nil {
		list = DefaultDiscards
	}
	for _, p := range list {
		var words []redline.Fold
		for _, sent := range segment.Split(p) {
			for _, tok := range sent.Tokens {
				words = append(words, tok.Fold)
			}
		}
		if len(words) > 0 {
			c.discardIndex.PutFold(words[0], append(c.discardIndex.Value(words[0]), words))
		}
	}
}

// Dedupe applies the one-a-day rule of event datasets to dated events:
// of events of one document with the same date, actor, target and CAMEO
// code, only the first is kept. Run it after the events have their dates
// (extract.Pipeline sets them); the order is kept.
//
// It filters evs in place: the result shares evs's array.
func Dedupe(evs []redline.Event) []redline.Event {
	type key struct {
		doc, date, code string
		actor, target   redline.ActorRef
		hasTarget       bool
	}
	keyOf := func(e *redline.Event) key {
		k := key{doc: e.Doc, date: e.Date.Value, code: e.CAMEO, actor: e.Actor}
		if e.Target != nil {
			k.target, k.hasTarget = *e.Target, true
		}
		return k
	}
	// A document has a handful of events; comparing each with those kept
	// costs less than a map until there are dozens.
	const mapFrom = 32
	var seen map[key]bool
	out := evs[:0]
	for i := range evs {
		k := keyOf(&evs[i])
		if seen != nil {
			if seen[k] {
				continue
			}
			seen[k] = true
		} else {
			dup := false
			for j := range out {
				if keyOf(&out[j]) == k {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			if len(out) == mapFrom {
				seen = make(map[key]bool, len(evs))
				for j := range out {
					seen[keyOf(&out[j])] = true
				}
				seen[k] = true
			}
		}
		out = append(out, evs[i])
	}
	return out
}
