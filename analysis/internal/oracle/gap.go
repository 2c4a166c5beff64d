package oracle

import (
	"cmp"
	"slices"
	"time"

	"redline"
	"redline/analysis/internal/rules"
)

// Gaps finds statements against an action while the speaker's side (the
// speaker's state, or the speaker itself) carried out that action toward
// the same target, with the two dates overlapping at their grains. A
// statement with no target matches events toward any target. Negated,
// future and hypothetical events did not happen and never count; covert
// and alleged ones do, and the explanation says so.
//
// Events are indexed once by side and action and sorted by date, so each
// statement looks only at the deeds of its own side in its own time:
// the work grows with the records, not with their product.
func Gaps(stmts []redline.Statement, evs []redline.Event, countryOf func(string) string) []Gap {
	idx := indexDeeds(evs, countryOf)
	out := []Gap{}
	for _, st := range stmts {
		if st.Stance != redline.StanceAgainst || st.Topic == "" || st.Speaker.ID == "" {
			continue // a speaker outside the dictionary has no known side
		}
		side := countryOf(st.Speaker.ID)
		from, to, ok := st.Said.Interval()
		if !ok {
			continue
		}
		for _, verb := range rules.Contradicting(st.Topic) {
			for _, d := range idx.during(deedKey{side, verb}, from, to) {
				if st.Target != nil && d.other != countryOf(st.Target.ID) {
					continue
				}
				out = append(out, Gap{Statement: st, Event: d.ev, Explanation: rules.ExplainGap(st, d.ev)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Gap) int {
		return cmp.Or(a.Statement.Said.Compare(b.Statement.Said), a.Event.Date.Compare(b.Event.Date))
	})
	return out
}

// deedKey files a deed under the side that did it and its action.
type deedKey struct{ side, verb string }

// indexedDeed is a deed with its interval and the other side.
type indexedDeed struct {
	ev         redline.Event
	other      string
	start, end time.Time
}

// deedIndex holds deeds by side and action, each list sorted by start,
// with the longest interval in it so searches know how far back to look.
type deedIndex struct {
	lists   map[deedKey][]indexedDeed
	longest map[deedKey]time.Duration
}

// indexDeeds files every deed that happened. A mutual action (talks, a
// meeting) is filed under both sides: a meeting with Iran is Iran meeting.
func indexDeeds(evs []redline.Event, countryOf func(string) string) *deedIndex {
	idx := &deedIndex{lists: map[deedKey][]indexedDeed{}, longest: map[deedKey]time.Duration{}}
	for _, ev := range evs {
		start, end, ok := ev.Date.Interval()
		if !ok || !rules.Happened(ev.Mode) || !rules.Deed(ev) || !doing(ev) {
			continue
		}
		actor, other := sides(ev, countryOf)
		idx.add(deedKey{actor, ev.Verb}, indexedDeed{ev, other, start, end})
		if rules.Mutual[ev.Verb] && other != "" && other != actor {
			idx.add(deedKey{other, ev.Verb}, indexedDeed{ev, actor, start, end})
		}
	}
	for k, l := range idx.lists {
		slices.SortStableFunc(l, func(a, b indexedDeed) int { return a.start.Compare(b.start) })
		idx.lists[k] = l
	}
	return idx
}

func (idx *deedIndex) add(k deedKey, d indexedDeed) {
	idx.lists[k] = append(idx.lists[k], d)
	if l := d.end.Sub(d.start); l > idx.longest[k] {
		idx.longest[k] = l
	}
}

// during returns the deeds filed under k whose intervals overlap [from, to).
func (idx *deedIndex) during(k deedKey, from, to time.Time) []indexedDeed {
	var out []indexedDeed
	idx.each(k, from, to, func(d indexedDeed) bool {
		out = append(out, d)
		return true
	})
	return out
}

// each calls fn, in order of start, for the deeds filed under k whose
// intervals overlap [from, to), until fn returns false.
func (idx *deedIndex) each(k deedKey, from, to time.Time, fn func(indexedDeed) bool) {
	l := idx.lists[k]
	earliest := from.Add(-idx.longest[k])
	i, _ := slices.BinarySearchFunc(l, earliest, func(d indexedDeed, t time.Time) int { return d.start.Compare(t) })
	for ; i < len(l) && l[i].start.Before(to); i++ {
		if l[i].end.After(from) && !fn(l[i]) {
			return
		}
	}
}

// sides returns the states of an event's actor and target ("" for none).
func sides(ev redline.Event, countryOf func(string) string) (actor, target string) {
	actor = countryOf(ev.Actor.ID)
	if ev.Target != nil {
		target = countryOf(ev.Target.ID)
	}
	return actor, target
}

// doing reports whether an event does its action rather than undoing it:
// a cooperative action carries a cooperation code (quad 1 or 2).
func doing(ev redline.Event) bool {
	return !rules.CooperativeVerbs[ev.Verb] || ev.Quad == redline.QuadVerbalCooperation || ev.Quad == redline.QuadMaterialCooperation
}
