package oracle

import (
	"cmp"
	"slices"
	"time"

	"redline"
	"redline/analysis/internal/rules"
)

// Reversals finds, for each speaker, topic and target, consecutive
// statements whose stances have opposite signs and whose dates lie within
// window of each other. Neutral statements and statements with no topic
// take no side and are skipped, and so are statements with no target on a
// topic in rules.TargetedTopics. Two statements whose dates overlap at their grains
// (the same day, or a day inside a month) belong to one occasion and are
// never a reversal.
func Reversals(stmts []redline.Statement, window time.Duration) []Reversal {
	type key struct{ speaker, topic, target string }
	groups := map[key][]redline.Statement{}
	var order []key
	for _, st := range stmts {
		if st.Topic == "" || st.Stance == redline.StanceNeutral || st.Said.IsZero() || st.Target == nil && rules.TargetedTopics[st.Topic] {
			continue
		}
		k := key{rules.ActorKey(st.Speaker), st.Topic, rules.TargetID(st.Target)}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], st)
	}
	out := []Reversal{}
	for _, k := range order {
		occ := occasions(groups[k])
		for i := 1; i < len(occ); i++ {
			a, b, ok := opposed(occ[i-1], occ[i])
			if !ok {
				continue
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

// occasions sorts one speaker's statements on one topic and target by date
// and groups those whose dates overlap (one speech, one day) into
// occasions: a change within one occasion is nuance, not a reversal.
func occasions(g []redline.Statement) [][]redline.Statement {
	slices.SortStableFunc(g, func(a, b redline.Statement) int { return a.Said.Compare(b.Said) })
	var out [][]redline.Statement
	for _, st := range g {
		if n := len(out); n > 0 && out[n-1][0].Said.Overlaps(st.Said) {
			out[n-1] = append(out[n-1], st)
			continue
		}
		out = append(out, []redline.Statement{st})
	}
	return out
}

// opposed returns a statement of the earlier occasion and one of the later
// whose stances differ, preferring the last of the earlier occasion and
// the first of the later, so the answer does not depend on input order
// within an occasion.
func opposed(before, after []redline.Statement) (redline.Statement, redline.Statement, bool) {
	for _, b := range after {
		for i := len(before) - 1; i >= 0; i-- {
			if before[i].Stance != b.Stance {
				return before[i], b, true
			}
		}
	}
	return redline.Statement{}, redline.Statement{}, false
}
