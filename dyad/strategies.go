package dyad

import (
	"strings"

	"redline/escalation"
)

// extra are memory-one rules that read an observed record well and that
// escalation's registry does not hold in memory-one form.
var extra = []escalation.Strategy{
	memoryOne("grim", "the memory-one form of grudger: cooperates only after both cooperated, so one defection by either side starts a defection that never ends by itself",
		[4]float64{1, 0, 0, 0}),
	memoryOne("persist", "repeats its own last move whatever the other did: a posture that no act of the other changes",
		[4]float64{1, 1, 0, 0}),
}

func memoryOne(name, desc string, p [4]float64) escalation.Strategy {
	return escalation.Strategy{
		Name:        name,
		Description: desc,
		New: func(escalation.Game) escalation.Player {
			return &escalation.MemoryOne{Start: p[CC], P: p}
		},
	}
}

// Lookup returns the strategy called name: grim or persist, or any that
// escalation.Lookup knows.
func Lookup(name string) (escalation.Strategy, bool) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, s := range extra {
		if s.Name == key {
			return s, true
		}
	}
	return escalation.Lookup(name)
}

// Extra returns the strategies Lookup knows besides escalation's.
func Extra() []escalation.Strategy { return append([]escalation.Strategy(nil), extra...) }

// References returns the named memory-one rules a fitted rule is compared
// with: those of escalation's registry (cooperator, defector, tit-for-tat,
// generous tit-for-tat in the default game, alternator, win-stay-lose-shift,
// random), each response vector once (suspicious tit-for-tat answers as
// tit-for-tat does), then grim and persist.
func References() []escalation.Strategy {
	var out []escalation.Strategy
	seen := map[[4]float64]bool{}
	for _, s := range append(escalation.Strategies(), extra...) {
		m, ok := escalation.AsMemoryOne(s, escalation.DefaultGame)
		if !ok || seen[m.P] {
			continue
		}
		seen[m.P] = true
		out = append(out, s)
	}
	return out
}
