package analysis

import (
	"cmp"
	"slices"
	"time"

	"redline"
)

// Reversals finds, for each speaker, topic and target, consecutive
// statements whose stances have opposite signs and whose dates lie within
// window of each other. Neutral statements and statements with no topic
// take no side and are skipped. Two statements whose dates overlap at
// their grains (the same day, or a day inside a month) belong to one
// occasion and are never a reversal.
func Reversals(stmts []redline.Statement, window time.Duration) []Reversal {
	type key struct{ speaker, topic, target string }
	groups := map[key][]redline.Statement{}
	var order []key
	for _, st := range stmts {
		if st.Topic == "" || st.Stance == redline.StanceNeutral || st.Said.IsZero() {
			continue
		}
		k := key{actorKey(st.Speaker), st.Topic, targetID(st.Target)}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], st)
	}
	out := []Reversal{}
	for _, k := range order {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b redline.Statement) int { return a.Said.Compare(b.Said) })
		for i := 1; i < len(g); i++ {
			a, b := g[i-1], g[i]
			if a.Stance == b.Stance || a.Said.Overlaps(b.Said) {
				continue // a change within one occasion is nuance, not a reversal
			}
			days := int(b.Said.Start().Sub(a.Said.Start()).Hours() / 24)
			if days < 0 || time.Duration(days)*24*time.Hour > window {
				continue
			}
			out = append(out, Reversal{Speaker: b.Speaker, Topic: k.topic, Target: b.Target, Before: a, After: b, Days: days})
		}
	}
	slices.SortStableFunc(out, func(a, b Reversal) int {
		return cmp.Or(a.After.Said.Compare(b.After.Said), cmp.Compare(a.Speaker.ID, b.Speaker.ID))
	})
	return out
}
