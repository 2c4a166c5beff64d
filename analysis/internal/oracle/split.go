package oracle

import (
	"cmp"
	"slices"
	"time"

	"redline"
	"redline/analysis/internal/rules"
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
	type key struct{ country, topic, target string }
	groups := map[key][]redline.Statement{}
	var order []key
	for _, st := range stmts {
		if st.Speaker.ID == "" || st.Topic == "" || rules.Sign(st.Stance) == 0 || st.Said.IsZero() {
			continue
		}
		c := countryOf(st.Speaker.ID)
		if c == "" || c == st.Speaker.ID {
			continue // "Iran said" is the state's one voice, not one of its actors
		}
		k := key{c, st.Topic, sideOf(st.Target, countryOf)}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], st)
	}
	out := []Split{}
	for _, k := range order {
		out = append(out, splitsIn(k.country, groups[k])...)
	}
	slices.SortStableFunc(out, func(a, b Split) int {
		return cmp.Or(later(a).Compare(later(b)), cmp.Compare(a.Country, b.Country), cmp.Compare(a.Topic, b.Topic))
	})
	return out
}

// splitsIn pairs the favourable and hostile statements of one group. The
// hostile ones are sorted by date so each favourable statement looks only
// at those within the window of it.
func splitsIn(country string, g []redline.Statement) []Split {
	type dated struct {
		st         redline.Statement
		start, end time.Time
	}
	var against []dated
	var longest time.Duration
	for _, a := range g {
		if start, end, ok := a.Said.Interval(); ok && a.Stance == redline.StanceAgainst {
			against = append(against, dated{a, start, end})
			longest = max(longest, end.Sub(start))
		}
	}
	slices.SortStableFunc(against, func(x, y dated) int { return x.start.Compare(y.start) })
	type pair struct{ favor, against, favorSaid, againstSaid string }
	seen := map[pair]bool{}
	var out []Split
	for _, f := range g {
		fs, fe, ok := f.Said.Interval()
		if !ok || f.Stance != redline.StanceFavor {
			continue
		}
		from := fs.Add(-SplitWindow - longest)
		i, _ := slices.BinarySearchFunc(against, from, func(d dated, t time.Time) int { return d.start.Compare(t) })
		for ; i < len(against) && !against[i].start.After(fe.Add(SplitWindow)); i++ {
			a := against[i].st
			if rules.ActorKey(a.Speaker) == rules.ActorKey(f.Speaker) {
				continue
			}
			days, ok := gapDays(f.Said, a.Said)
			p := pair{rules.ActorKey(f.Speaker), rules.ActorKey(a.Speaker), f.Said.Value, a.Said.Value}
			if !ok || seen[p] {
				continue
			}
			seen[p] = true
			target := f.Target
			if target == nil {
				target = a.Target
			}
			out = append(out, Split{Country: country, Topic: f.Topic, Target: target, Favor: f, Against: a, Days: days})
		}
	}
	return out
}

// gapDays returns the number of days between the intervals of two dates,
// 0 when they overlap, and whether it is within SplitWindow.
func gapDays(a, b redline.Date) (int, bool) {
	s1, e1, ok1 := a.Interval()
	s2, e2, ok2 := b.Interval()
	if !ok1 || !ok2 {
		return 0, false
	}
	var gap time.Duration
	switch {
	case e1.Before(s2) || e1.Equal(s2):
		gap = s2.Sub(e1) + 24*time.Hour
	case e2.Before(s1) || e2.Equal(s1):
		gap = s1.Sub(e2) + 24*time.Hour
	}
	return int(gap.Hours() / 24), gap <= SplitWindow
}

func later(s Split) redline.Date {
	if s.Favor.Said.Compare(s.Against.Said) > 0 {
		return s.Favor.Said
	}
	return s.Against.Said
}
