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
