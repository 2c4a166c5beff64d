package analysis

import (
	"cmp"
	"slices"

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
	f := newFrame(digestOf(stmts, evs), countryOf)
	found := f.gaps(f.deeds(), "")
	out := make([]Gap, 0, len(found))
	for _, i := range f.orderGaps(found, 0) {
		g := found[i]
		out = append(out, makeGap(&stmts[g.stmt], &evs[g.ev]))
	}
	return out
}

// gap is a gap found in a frame: the digest indexes of the statement and
// the event.
type gap struct{ stmt, ev int32 }

func makeGap(st *redline.Statement, ev *redline.Event) Gap {
	return Gap{Statement: *st, Event: *ev, Explanation: rules.ExplainGap(*st, *ev)}
}

// gaps finds the gaps among the frame's records in the order in which
// Gaps meets them: by statement, then by contradicting action, then by
// the deed's date. With actor set it keeps the gaps whose speaker or
// whose event's actor has that ID.
func (f *frame) gaps(idx *deedIndex, actor string) []gap {
	var out []gap
	st, ev := f.d.Statements, f.d.Events
	for i := range st {
		s := &st[i]
		if s.Stance != f.against || f.w[s.Topic].empty || !f.hasID(s.Speaker) {
			continue // a speaker outside the dictionary has no known side
		}
		span := f.span[s.Said]
		if !span.ok {
			continue
		}
		side := f.sideOfActor(s.Speaker)
		for _, verb := range f.contradicted[s.Topic] {
			idx.each(idx.list(side, verb), span.start, span.end, func(d filing) bool {
				if s.Target != 0 && d.other != f.sideOfActor(s.Target) {
					return true
				}
				if actor == "" || f.d.Actors[s.Speaker].ID == actor || f.d.Actors[ev[d.ev].Actor].ID == actor {
					out = append(out, gap{int32(i), d.ev})
				}
				return true
			})
		}
	}
	return out
}

// orderGaps returns the indexes of the limit latest gaps (all when limit
// <= 0) in the order of Gaps: by the statement's date, then the event's,
// then as found.
func (f *frame) orderGaps(found []gap, limit int) []int {
	st, ev := f.d.Statements, f.d.Events
	rank := func(i int) int32 { return f.rank[st[found[i].stmt].Said] }
	return latest(len(found), limit, f.ranks, rank, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)),
			cmp.Compare(f.rank[ev[found[a].ev].Date], f.rank[ev[found[b].ev].Date]), cmp.Compare(a, b))
	})
}

// deedKey files a deed under the side that did it and its action, both
// interned in the frame.
type deedKey struct{ side, verb int32 }

// filing is a deed as filed under one side: the event, its interval and
// the other side.
type filing struct {
	ev, other  int32
	start, end int32
	crosses    int32 // the target side of the red lines of its side it may cross, or -1 (see crossedBy)
}

// deedIndex holds deeds by side and action in numbered lists, each sorted
// by start (then by the order of the events), with the longest interval in
// it so that searches know how far back to look.
type deedIndex struct {
	keys    *grouper // numbers the lists by side and action
	of      []deedKey
	lists   [][]filed
	longest []int32
}

// list returns the number of the list of deeds of side and action verb,
// or -1 when there is none.
func (idx *deedIndex) list(side, verb int32) int32 {
	if l, ok := idx.keys.find(side, verb, 0); ok {
		return l
	}
	return -1
}

// deeds files every event that is a deed that happened and does its
// action. A mutual action (talks, a meeting) is filed under both sides: a
// meeting with Iran is Iran meeting.
func (f *frame) deeds() *deedIndex {
	idx := &deedIndex{keys: f.grouper()}
	files := make([]filed, 0, len(f.d.Events))
	file := func(k deedKey, d filing) {
		l := idx.keys.id(k.side, k.verb, 0)
		if int(l) == len(idx.of) {
			idx.of = append(idx.of, k)
		}
		files = append(files, filed{l, d})
	}
	for i := range f.d.Events {
		e := &f.d.Events[i]
		span := f.span[e.Date]
		if !span.ok || !f.w[e.Mode].happened || !f.deed(e) || !f.doing(e) {
			continue
		}
		actor, other := f.sideOfActor(e.Actor), f.none
		if e.Target != 0 {
			other = f.sideOfActor(e.Target)
		}
		file(deedKey{actor, e.Verb}, filing{int32(i), other, span.start, span.end, f.sideOfRef(e.Target)})
		if f.w[e.Verb].mutual && f.strs.strs[other] != "" && other != actor {
			crosses := int32(-1)
			if f.talks(e) && f.sideOfRef(e.Target) == other {
				crosses = actor // a meeting with Iran is Iran meeting too
			}
			file(deedKey{other, e.Verb}, filing{int32(i), actor, span.start, span.end, crosses})
		}
	}
	sorted, bounds := groupBy(files, len(idx.of), func(d filed) int32 { return d.list },
		func(d filed) int64 { return int64(d.start) })
	idx.lists, idx.longest = make([][]filed, len(idx.of)), make([]int32, len(idx.of))
	for l := range idx.lists {
		idx.lists[l] = sorted[bounds[l]:bounds[l+1]:bounds[l+1]]
		for _, d := range idx.lists[l] {
			idx.longest[l] = max(idx.longest[l], d.end-d.start)
		}
	}
	return idx
}

// filed is a filing and the number of its list.
type filed struct {
	list int32
	filing
}

// each calls fn, in order of start, for the deeds of list k (none when
// k is -1) whose intervals overlap [from, to), until fn returns false.
func (idx *deedIndex) each(k int32, from, to int32, fn func(filing) bool) {
	if k < 0 {
		return
	}
	l := idx.lists[k]
	earliest := from - idx.longest[k]
	i, _ := slices.BinarySearchFunc(l, earliest, func(d filed, t int32) int { return cmp.Compare(d.start, t) })
	for ; i < len(l) && l[i].start < to; i++ {
		if l[i].end > from && !fn(l[i].filing) {
			return
		}
	}
}

// deed reports, for an event of the frame, what rules.Deed reports of an
// Event.
func (f *frame) deed(e *redline.EventDigest) bool {
	return e.Quad == redline.QuadMaterialCooperation || e.Quad == redline.QuadMaterialConflict || f.w[e.CAMEO].deedCode
}

// doing reports whether an event does its action rather than undoing it:
// a cooperative action carries a cooperation code (quad 1 or 2).
func (f *frame) doing(e *redline.EventDigest) bool {
	return !f.w[e.Verb].cooperative || e.Quad == redline.QuadVerbalCooperation || e.Quad == redline.QuadMaterialCooperation
}
