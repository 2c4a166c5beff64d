package analysis

import (
	"cmp"
	"strings"
	"time"

	"redline"
	"redline/analysis/internal/rules"
)

// Reversals finds, for each speaker, topic and target, consecutive
// statements whose stances have opposite signs and whose dates lie within
// window of each other. Neutral statements and statements with no topic
// take no side and are skipped, and so are statements with no target on a
// topic done to someone (TargetedTopics): two such statements are not
// known to concern the same party. Two statements whose dates overlap at
// their grains (the same day, or a day inside a month) belong to one
// occasion and are never a reversal.
func Reversals(stmts []redline.Statement, window time.Duration) []Reversal {
	f := newFrame(digestOf(stmts, nil), nil)
	found := f.reversals(window, "")
	out := make([]Reversal, 0, len(found))
	for _, i := range f.orderReversals(found, 0) {
		r := found[i]
		out = append(out, r.make(f, &stmts[r.before], &stmts[r.after]))
	}
	return out
}

// TargetedTopics are the topics of actions done to another party
// (attacking, negotiating, sanctioning someone): a statement on one of
// them whose target the text did not give makes no reversal. Topics such
// as ceasefire, withdraw or test-weapons need no target.
var TargetedTopics = rules.TargetedTopics

// reversal is a reversal found in a frame: the digest indexes of the
// statements before and after, and the days between them.
type reversal struct {
	before, after int32
	rank          int32 // of the later date
	days          int
}

func (r reversal) make(f *frame, before, after *redline.Statement) Reversal {
	return Reversal{Speaker: after.Speaker, Topic: f.d.Words[f.d.Statements[r.after].Topic], Target: after.Target,
		Before: *before, After: *after, Days: r.days}
}

// reversals finds the reversals among the frame's statements, by the
// speaker with ID actor when actor is not empty, grouped by speaker, topic
// and target in order of first appearance and then by date. Each group is
// sorted by date once and walked once: an occasion is a run of statements
// whose dates overlap its first's, and each two consecutive occasions are
// judged by opposed.
func (f *frame) reversals(window time.Duration, actor string) []reversal {
	st := f.d.Statements
	groups, n := f.statementGroups()
	local := make([]int32, n) // groups renumbered in order of first appearance here
	for i := range local {
		local[i] = -1
	}
	var next int32
	in := make([]sided, 0, len(st)) // the statements that take a side
	for i := range st {
		s := &st[i]
		if f.w[s.Topic].empty || f.w[s.Stance].neutral || f.d.Dates[s.Said].Value == "" || s.Target == 0 && f.w[s.Topic].targeted ||
			actor != "" && f.d.Actors[s.Speaker].ID != actor {
			continue
		}
		g := groups[i]
		if local[g] < 0 {
			local[g], next = next, next+1
		}
		in = append(in, sided{local[g], s.Said, s.Stance, int32(i)})
	}
	sorted := order(len(in), [2]uint64{uint64(next), uint64(f.ranks)}, func(i int) [2]uint64 {
		return [2]uint64{uint64(in[i].group), uint64(f.rank[in[i].said])}
	})
	recs := make([]sided, len(in))
	for n, j := range sorted {
		recs[n] = in[j]
	}
	var out []reversal
	var occ []int // where each occasion of the group starts in recs, and where the group ends
	for lo := 0; lo < len(recs); {
		hi := lo + 1
		for hi < len(recs) && recs[hi].group == recs[lo].group {
			hi++
		}
		occ = occ[:0]
		for n := lo; n < hi; n++ {
			if len(occ) == 0 || !f.span[recs[occ[len(occ)-1]].said].overlaps(f.span[recs[n].said]) {
				occ = append(occ, n)
			}
		}
		occ = append(occ, hi)
		for k := 1; k+1 < len(occ); k++ {
			if r, ok := f.opposed(recs[occ[k-1]:occ[k]], recs[occ[k]:occ[k+1]], window); ok {
				out = append(out, r)
			}
		}
		lo = hi
	}
	return out
}

// sided is a statement that takes a side: its group, date and stance and
// its digest index.
type sided struct{ group, said, stance, i int32 }

// opposed returns the reversal between two consecutive occasions of one
// group, if any: the first statement of the later occasion whose stance
// differs from one of the earlier's, paired with the last such of the
// earlier, so that the answer does not depend on input order within an
// occasion; and only when the two lie within window.
func (f *frame) opposed(before, after []sided, window time.Duration) (reversal, bool) {
	last, other := before[len(before)-1], -1 // other: the last whose stance differs from last's
	for k := len(before) - 2; k >= 0 && other < 0; k-- {
		if before[k].stance != last.stance {
			other = k
		}
	}
	for _, b := range after {
		a := last
		if b.stance == last.stance {
			if other < 0 {
				continue
			}
			a = before[other]
		}
		days := daysBetween(f.span[a.said].start, f.span[b.said].start)
		if days < 0 || time.Duration(days)*24*time.Hour > window {
			return reversal{}, false
		}
		return reversal{a.i, b.i, f.rank[b.said], days}, true
	}
	return reversal{}, false
}

// daysBetween returns the whole days from day a to day b as
// Time.Sub(...).Hours()/24 counts them: at most about 292 years either
// way, where a time.Duration ends.
func daysBetween(a, b int32) int {
	const most = 106751
	return min(max(int(b)-int(a), -most), most)
}

// orderReversals returns the indexes of the limit latest reversals (all
// when limit <= 0) in the order of Reversals: by the date of the later
// statement, then the speaker's ID, then as found.
func (f *frame) orderReversals(found []reversal, limit int) []int {
	st := f.d.Statements
	rank := func(i int) int32 { return found[i].rank }
	return latest(len(found), limit, f.ranks, rank, func(a, b int) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)),
			strings.Compare(f.d.Actors[st[found[a].after].Speaker].ID, f.d.Actors[st[found[b].after].Speaker].ID),
			cmp.Compare(a, b))
	})
}
