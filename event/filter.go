package event

import (
	"strings"

	"redline"
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
	sp := redline.Span{Start: s.toks[0].Span.Start, End: s.toks[len(s.toks)-1].Span.End}
	text := sp.In(s.text)
	for _, p := range list {
		if len(p) <= len(text) && containsFold(text, p) {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case phrase p in any
// case, without allocating.
func containsFold(s, p string) bool {
	for i := 0; i+len(p) <= len(s); i++ {
		if (s[i]|0x20) == p[0] && strings.EqualFold(s[i:i+len(p)], p) {
			return true
		}
	}
	return false
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
