package analysis

import (
	"cmp"
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

// split is a split found in a frame: the digest indexes of the
// statements for and against; the rank of the later date; and the split's
// place in the order in which Splits meets them: its group's number, then
// the statement for (by index), then the place of the statement against
// among its group's, by date.
type split struct {
	favor, against int32
	rank           int32
	group, place   int32
}

func (s split) make(f *frame, favor, against *redline.Statement) Split {
	target := favor.Target
	if target == nil {
		target = against.Target
	}
	days, _ := splitDays(f.span[f.d.Statements[s.favor].Said], f.span[f.d.Statements[s.against].Said])
	return Split{Country: f.strs.strs[f.sideOfActor(f.d.Statements[s.favor].Speaker)], Topic: favor.Topic, Target: target,
		Favor: *favor, Against: *against, Days: days}
}

// splits finds the splits among the frame's statements, with one side by
// the speaker with ID actor when actor is not empty.
//
// Statements are grouped by state, topic and target side, and each group
// sorted by date once. A statement by the same speaker with the same date
// and stance as one before it can only repeat that one's pairs, so it is
// set aside, and the statements for then sweep the statements against in
// date order: each pair of occasions is met once. (When some value is
// written at two grains, two dates of one value may still pair twice; the
// pairs are then put in Splits' order and the repeats dropped.)
func (f *frame) splits(actor string) []split {
	st := f.d.Statements
	groups := f.grouper()
	in := make([]dated, 0, len(st)/2) // the statements that can pair
	for i := range st {
		s := &st[i]
		if !f.hasID(s.Speaker) || f.w[s.Topic].empty || f.w[s.Stance].sign == 0 || f.d.Dates[s.Said].Value == "" {
			continue
		}
		c := f.sideOfActor(s.Speaker)
		if f.strs.strs[c] == "" || c == f.id[s.Speaker] {
			continue // "Iran said" is the state's one voice, not one of its actors
		}
		g := groups.id(c, s.Topic, f.sideOfRef(s.Target))
		if span := f.span[s.Said]; span.ok && (s.Stance == f.favor || s.Stance == f.against) {
			in = append(in, dated{span, f.key[s.Speaker], s.Said, int32(i), g, s.Stance == f.favor})
		}
	}
	sorted, bounds := groupBy(in, groups.len(), func(d dated) int32 { return d.place },
		func(d dated) int64 { return int64(d.span.start) })
	var out []split
	var favor, against []dated
	for g := range int32(groups.len()) {
		favor, against = favor[:0], against[:0]
		for _, d := range sorted[bounds[g]:bounds[g+1]] {
			if d.favor {
				favor = f.addOccasion(favor, d)
			} else {
				d.place = int32(len(against))
				against = f.addOccasion(against, d)
			}
		}
		out = f.sweep(out, g, favor, against, actor)
	}
	if f.ambiguousValues() {
		out = f.dropRepeats(out)
	}
	return out
}

// dated is a statement of a group ready to pair: its interval, speaker
// key, date, digest index, place among the group's statements against, by
// date (its group until then), and whether it is for or against.
type dated struct {
	span                interval
	key, date, i, place int32
	favor               bool
}

// addOccasion appends d to l, which is sorted by start, unless a statement
// of l with the same start has d's speaker and date.
func (f *frame) addOccasion(l []dated, d dated) []dated {
	for k := len(l) - 1; k >= 0 && l[k].span.start == d.span.start; k-- {
		if l[k].key == d.key && l[k].date == d.date {
			return l
		}
	}
	return append(l, d)
}

// sweep appends the splits of one group: each statement for (by date)
// with the statements against (by date) within SplitWindow of it.
func (f *frame) sweep(out []split, g int32, favor, against []dated, actor string) []split {
	const window = int32(SplitWindow / oneDay)
	var longest int32
	for _, a := range against {
		longest = max(longest, a.span.end-a.span.start)
	}
	from := 0
	for _, fv := range favor {
		for from < len(against) && against[from].span.start < fv.span.start-window-longest {
			from++
		}
		for _, a := range against[from:] {
			if a.span.start > fv.span.end+window {
				break
			}
			if a.key == fv.key {
				continue
			}
			if _, ok := splitDays(fv.span, a.span); !ok {
				continue
			}
			if actor == "" || f.d.Actors[f.d.Statements[fv.i].Speaker].ID == actor || f.d.Actors[f.d.Statements[a.i].Speaker].ID == actor {
				out = append(out, split{fv.i, a.i, max(f.rank[fv.date], f.rank[a.date]), g, a.place})
			}
		}
	}
	return out
}

// dropRepeats keeps, of the splits that pair the same two speakers on the
// same two date values, the first in Splits' order. (Splits kept for one
// actor lose nothing by it: a repeat pairs the same speakers.)
func (f *frame) dropRepeats(found []split) []split {
	slices.SortFunc(found, func(a, b split) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.favor, b.favor), cmp.Compare(a.place, b.place))
	})
	st := f.d.Statements
	seen := map[[4]int32]bool{}
	out := found[:0]
	for _, s := range found {
		fs, as := &st[s.favor], &st[s.against]
		p := [4]int32{f.key[fs.Speaker], f.key[as.Speaker], f.value[fs.Said], f.value[as.Said]}
		if !seen[p] {
			seen[p] = true
			out = append(out, s)
		}
	}
	return out
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
// state and topic, then as Splits meets them.
func (f *frame) orderSplits(found []split, limit int) []int {
	st := f.d.Statements
	rank := func(i int) int32 { return found[i].rank }
	return latest(len(found), limit, f.ranks, rank, func(a, b int) int {
		x, y := &found[a], &found[b]
		return cmp.Or(cmp.Compare(x.rank, y.rank),
			strings.Compare(f.strs.strs[f.sideOfActor(st[x.favor].Speaker)], f.strs.strs[f.sideOfActor(st[y.favor].Speaker)]),
			strings.Compare(f.d.Words[st[x.favor].Topic], f.d.Words[st[y.favor].Topic]),
			cmp.Compare(x.group, y.group), cmp.Compare(x.favor, y.favor), cmp.Compare(x.place, y.place))
	})
}
