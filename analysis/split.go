package analysis

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"time"

	"redline"
)

// SplitWindow is the longest gap between two statements that Splits still
// counts as the same moment: 30 days, about one news cycle of a policy
// debate, so that a president's opening and a leader's rebuff a fortnight
// later are set side by side while positions months apart are not.
const SplitWindow = 30 * 24 * time.Hour

// Split is two actors of one state on opposite sides of the same issue at
// the same time: one for the action, one against it. Days is the gap
// between the two statements' dates in days, 0 when they overlap at their
// grains.
type Split struct {
	Country string            `json:"country"`
	Topic   string            `json:"topic"`
	Target  *redline.ActorRef `json:"target"`
	Favor   redline.Statement `json:"favor"`
	Against redline.Statement `json:"against"`
	Days    int               `json:"days"`
}

// Splits finds pairs of statements by different speakers of the same
// state (countryOf agrees and is not empty), neither of them the state
// itself (a state's own voice set against its leader is more often a
// reported denial or a reversal than a split), one for and one against the
// same topic toward the same target's side (or both toward none), whose
// dates overlap at their grains or lie within SplitWindow of each other.
// Speakers outside the dictionary, neutral statements and statements with
// no topic are skipped. Reports of one pair of occasions (same speakers and
// dates) count once. Splits are ordered by the later statement's date.
func Splits(stmts []redline.Statement, countryOf func(string) string) []Split {
	f := newFrame(digestOf(stmts, nil), countryOf)
	found := f.splits("")
	out := make([]Split, 0, len(found))
	for _, i := range f.orderSplits(found, 0) {
		s := found[i]
		out = append(out, s.make(f, &stmts[s.favor], &stmts[s.against]))
	}
	return out
}

// split is a split found in a frame: the state, the digest indexes of the
// statements for and against, and the days between them.
type split struct {
	country, favor, against int32
	days                    int
}

func (s split) make(f *frame, favor, against *redline.Statement) Split {
	target := favor.Target
	if target == nil {
		target = against.Target
	}
	return Split{Country: f.strs.strs[s.country], Topic: favor.Topic, Target: target, Favor: *favor, Against: *against, Days: s.days}
}

// splits finds the splits among the frame's statements, with one side by
// the speaker with ID actor when actor is not empty, in the order in which
// Splits meets them: by state, topic and target side in order of first
// appearance, then favourable statement by statement.
//
// A favourable or hostile statement by the same speaker with the same date
// as one before it in its group can only repeat that one's pairs, so it is
// set aside before pairing (unless some value is written at two grains,
// when the pairs are checked one by one instead), and what is left pairs
// with no repeats.
func (f *frame) splits(actor string) []split {
	st := f.d.Statements
	type key struct{ country, topic, target int32 }
	groups := map[key]int32{}
	var in, group []int32
	for i := range st {
		s := &st[i]
		if !f.hasID(s.Speaker) || f.w[s.Topic].empty || f.w[s.Stance].sign == 0 || f.d.Dates[s.Said].Value == "" {
			continue
		}
		c := f.sideOfActor(s.Speaker)
		if f.strs.strs[c] == "" || c == f.id[s.Speaker] {
			continue // "Iran said" is the state's one voice, not one of its actors
		}
		k := key{c, s.Topic, f.sideOfRef(s.Target)}
		g, ok := groups[k]
		if !ok {
			g = int32(len(groups))
			groups[k] = g
		}
		in, group = append(in, int32(i)), append(group, g)
	}
	keep := f.firstOfOccasion(in, group, len(groups))
	// Favourable statements stay in group order; hostile ones are sorted
	// by start within their group.
	var lo int32
	for _, i := range in {
		lo = min(lo, f.span[st[i].Said].start)
	}
	byStart := order(len(in), [2]uint64{uint64(len(groups)), 1 << 32}, func(n int) [2]uint64 {
		return [2]uint64{uint64(group[n]), uint64(f.span[st[in[n]].Said].start - lo)}
	})
	against := make([][]int32, len(groups)) // per group, its hostile statements by start
	longest := make([]int32, len(groups))
	for _, n := range byStart {
		s := &st[in[n]]
		if span := f.span[s.Said]; keep[n] && span.ok && s.Stance == f.against {
			against[group[n]] = append(against[group[n]], in[n])
			longest[group[n]] = max(longest[group[n]], span.end-span.start)
		}
	}
	favor := make([][]int32, len(groups)) // per group, its favourable statements in order
	for n, i := range in {
		if s := &st[i]; keep[n] && f.span[s.Said].ok && s.Stance == f.favor {
			favor[group[n]] = append(favor[group[n]], i)
		}
	}
	countries := make([]int32, len(groups))
	for k, g := range groups {
		countries[g] = k.country
	}
	var seen map[[4]int32]bool // pairs already found, when some value has two grains
	if f.ambiguousValues() {
		seen = map[[4]int32]bool{}
	}
	var out []split
	for g := range int32(len(groups)) {
		clear(seen)
		for _, i := range favor[g] {
			out = f.pairs(out, countries[g], i, against[g], longest[g], seen, actor)
		}
	}
	return out
}

// firstOfOccasion reports, for each statement in (of group[n]), whether
// it is the first in its group with its stance, speaker and date.
func (f *frame) firstOfOccasion(in, group []int32, groups int) []bool {
	st := f.d.Statements
	termBits := bits.Len(uint(len(f.d.Dates)))
	tuple := func(n int) [2]uint64 {
		s := &st[in[n]]
		return [2]uint64{uint64(group[n])<<1 | uint64(boolBit(s.Stance == f.against)),
			uint64(f.key[s.Speaker])<<termBits | uint64(s.Said)}
	}
	sorted := order(len(in), [2]uint64{uint64(groups) << 1, uint64(len(f.strs.strs)) << termBits}, tuple)
	keep := make([]bool, len(in))
	for k, n := range sorted {
		keep[n] = k == 0 || tuple(int(sorted[k-1])) != tuple(int(n))
	}
	return keep
}

func boolBit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ambiguousValues reports whether two of the frame's dates have one value
// at two grains, so that records with the same value may differ in date.
func (f *frame) ambiguousValues() bool {
	seen := make(map[int32]bool, len(f.value))
	for _, v := range f.value {
		if seen[v] {
			return true
		}
		seen[v] = true
	}
	return false
}

// pairs appends the splits of the favourable statement fi with the hostile
// statements against of its group, ordered by start, the longest of whose
// dates covers longest days. seen, when not nil, holds the pairs of
// speakers and date values already found in the group.
func (f *frame) pairs(out []split, country, fi int32, against []int32, longest int32, seen map[[4]int32]bool, actor string) []split {
	st := f.d.Statements
	fs, fspan := &st[fi], f.span[st[fi].Said]
	from := fspan.start - int32(SplitWindow/oneDay) - longest
	i, _ := slices.BinarySearchFunc(against, from, func(a int32, t int32) int { return cmp.Compare(f.span[st[a].Said].start, t) })
	for ; i < len(against) && f.span[st[against[i]].Said].start <= fspan.end+int32(SplitWindow/oneDay); i++ {
		as := &st[against[i]]
		if f.key[as.Speaker] == f.key[fs.Speaker] {
			continue
		}
		days, ok := splitDays(fspan, f.span[as.Said])
		if !ok {
			continue
		}
		if seen != nil {
			p := [4]int32{f.key[fs.Speaker], f.key[as.Speaker], f.value[fs.Said], f.value[as.Said]}
			if seen[p] {
				continue
			}
			seen[p] = true
		}
		if actor == "" || f.d.Actors[fs.Speaker].ID == actor || f.d.Actors[as.Speaker].ID == actor {
			out = append(out, split{country, fi, against[i], days})
		}
	}
	return out
}

// splitDays returns the number of days between two intervals, 0 when they
// overlap, and whether it is within SplitWindow.
func splitDays(a, b interval) (int, bool) {
	var gap int32
	switch {
	case a.end <= b.start:
		gap = b.start - a.end + 1
	case b.end <= a.start:
		gap = a.start - b.end + 1
	}
	return int(gap), time.Duration(gap)*oneDay <= SplitWindow
}

// orderSplits returns the indexes of the limit latest splits (all when
// limit <= 0) in the order of Splits: by the later statement's date, then
// state and topic, then as found.
func (f *frame) orderSplits(found []split, limit int) []int {
	st := f.d.Statements
	rank := func(i int) int32 { return max(f.rank[st[found[i].favor].Said], f.rank[st[found[i].against].Said]) }
	return latest(len(found), limit, f.ranks, rank, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(f.strs.strs[found[a].country], f.strs.strs[found[b].country]),
			strings.Compare(f.d.Words[st[found[a].favor].Topic], f.d.Words[st[found[b].favor].Topic]), cmp.Compare(a, b))
	})
}
