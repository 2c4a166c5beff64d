package dyad

import (
	"math"
	"math/rand/v2"
	"testing"

	"redline/escalation"
)

func TestFitCounts(t *testing.T) {
	// A plays tit-for-tat against B, who opens with a defection.
	m := record(t, "CC CD DC CD DC CC CC")
	r := Fit(m)
	a, b := r[0], r[1]
	wantA := Rule{Count: [4]int{2, 2, 2, 0}, Coop: [4]int{2, 0, 2, 0}}
	if a.Count != wantA.Count || a.Coop != wantA.Coop || a.Side != "A" || a.Other != "B" || a.Acts != 6 {
		t.Errorf("A's rule %+v, want counts %v and %v", a, wantA.Count, wantA.Coop)
	}
	// B sees the same periods with its own move first.
	wantB := Rule{Count: [4]int{2, 2, 2, 0}, Coop: [4]int{1, 1, 2, 0}}
	if b.Count != wantB.Count || b.Coop != wantB.Coop {
		t.Errorf("B's rule %+v, want counts %v and %v", b, wantB.Count, wantB.Coop)
	}
	// Posterior means (coop+1)/(count+2).
	want := [4]float64{3.0 / 4, 1.0 / 4, 3.0 / 4, 1.0 / 2}
	for s := range 4 {
		if math.Abs(a.Mean[s]-want[s]) > 1e-12 {
			t.Errorf("A's P(C | %s) = %v, want %v", State(s), a.Mean[s], want[s])
		}
		if !(a.Low[s] < a.Mean[s] && a.Mean[s] < a.High[s]) {
			t.Errorf("A's interval after %s [%v, %v] does not hold the mean %v", State(s), a.Low[s], a.High[s], a.Mean[s])
		}
	}
}

// TestSparseGivesThePrior checks that a state never seen gives the
// prior's mean and interval, and that one period gives Beta(2, 1).
func TestSparseGivesThePrior(t *testing.T) {
	r := Fit(record(t, "CC CC"))[0]
	if r.Count != [4]int{1, 0, 0, 0} || r.Coop != [4]int{1, 0, 0, 0} {
		t.Fatalf("counts %v %v", r.Count, r.Coop)
	}
	for _, s := range []State{CD, DC, DD} {
		if r.Mean[s] != 0.5 || math.Abs(r.Low[s]-0.025) > 1e-9 || math.Abs(r.High[s]-0.975) > 1e-9 {
			t.Errorf("after unseen %s: %v [%v, %v], want the prior's 0.5 [0.025, 0.975]", s, r.Mean[s], r.Low[s], r.High[s])
		}
	}
	// Beta(2, 1) has mean 2/3 and quantiles sqrt(q).
	if math.Abs(r.Mean[CC]-2.0/3) > 1e-12 || math.Abs(r.Low[CC]-math.Sqrt(0.025)) > 1e-9 || math.Abs(r.High[CC]-math.Sqrt(0.975)) > 1e-9 {
		t.Errorf("after one CC: %v [%v, %v], want 2/3 [%.6f, %.6f]", r.Mean[CC], r.Low[CC], r.High[CC], math.Sqrt(0.025), math.Sqrt(0.975))
	}
	// A record of one period has nothing to fit: every probability is the
	// prior's, and there is nothing to compare.
	r = Fit(record(t, "DD"))[1]
	if r.Transitions() != 0 || r.Mean != [4]float64{0.5, 0.5, 0.5, 0.5} {
		t.Errorf("one period: %+v", r)
	}
	if _, refs := r.Compare(); refs != nil {
		t.Errorf("Compare on no periods = %v", refs)
	}
}

// play generates a record of n periods between two memory-one rules,
// without noise, from CC.
func play(n int, a, b [4]float64, seed uint64) *Moves {
	rng := rand.New(rand.NewPCG(seed, 1))
	m := &Moves{Sides: [2]string{"A", "B"}}
	s := CC
	for range n {
		x, y := escalation.Defect, escalation.Defect
		if rng.Float64() < a[s] {
			x = escalation.Cooperate
		}
		if rng.Float64() < b[s.Swap()] {
			y = escalation.Cooperate
		}
		s = StateOf(x, y)
		m.Labels = append(m.Labels, "")
		for i, v := range []escalation.Action{x, y} {
			m.Moves[i] = append(m.Moves[i], v)
			m.Acted[i] = append(m.Acted[i], true)
		}
	}
	return m
}

// TestFitRecoversARule fits two known rules from 20,000 generated periods:
// every probability within four posterior standard deviations, and the
// intervals hold the truth.
func TestFitRecoversARule(t *testing.T) {
	truth := [2][4]float64{{0.9, 0.2, 0.6, 0.1}, {0.8, 0.35, 0.5, 0.05}}
	rules := Fit(play(20_000, truth[0], truth[1], 7))
	held, worst := 0, 0.0
	for i, r := range rules {
		for s := range 4 {
			worst = max(worst, math.Abs(r.Mean[s]-truth[i][s]))
			n := float64(r.Count[s])
			sd := math.Sqrt(r.Mean[s] * (1 - r.Mean[s]) / (n + 3))
			if n < 500 || math.Abs(r.Mean[s]-truth[i][s]) > 4*sd {
				t.Errorf("side %d after %s: %.4f from %v periods, truth %.2f (sd %.4f)", i, State(s), r.Mean[s], n, truth[i][s], sd)
			}
			if r.Low[s] <= truth[i][s] && truth[i][s] <= r.High[s] {
				held++
			}
		}
	}
	if held < 7 { // 95% intervals: 8 of 8 expected, 7 allowed
		t.Errorf("the 95%% intervals held the truth %d times in 8", held)
	}
	t.Logf("largest error %.4f; the intervals held the truth %d times in 8", worst, held)
}

func TestCompareFindsTheNearest(t *testing.T) {
	tft, _ := escalation.AsMemoryOne(mustLookup(t, "tit-for-tat"), escalation.DefaultGame)
	wsls, _ := escalation.AsMemoryOne(mustLookup(t, "wsls"), escalation.DefaultGame)
	random := [4]float64{0.5, 0.5, 0.5, 0.5}
	rules := Fit(play(2000, tft.P, random, 3))
	self, refs := rules[0].Compare()
	near := Nearest(refs)
	if len(near) != 1 || near[0].Strategy != "tit-for-tat" || near[0].Brier != 0 || near[0].Agreement != 1 {
		t.Errorf("nearest to a tit-for-tat record: %+v", near)
	}
	if self.Strategy != "fitted" || !(self.Brier > 0 && self.Brier < 0.01) {
		t.Errorf("the fitted rule's own score: %+v", self)
	}
	rules = Fit(play(2000, random, wsls.P, 3))
	if _, refs := rules[1].Compare(); !nearestIs(refs, "win-stay-lose-shift") {
		t.Errorf("nearest to a win-stay-lose-shift record: %+v", refs)
	}
	// Against itself from CC, win-stay-lose-shift only ever shows CC, and
	// every rule that cooperates after CC fits as well.
	rules = Fit(play(50, wsls.P, wsls.P, 3))
	_, refs = rules[0].Compare()
	var tied []string
	for _, l := range Nearest(refs) {
		tied = append(tied, l.Strategy)
	}
	if got := join(tied); got != "cooperator tit-for-tat generous-tit-for-tat win-stay-lose-shift grim persist" {
		t.Errorf("tied nearest on an all-CC record: %s", got)
	}
	// A record in which each side keeps its move is persist's.
	rules = Fit(record(t, "CD CD CD CD DD DD DD"))
	if _, refs := rules[0].Compare(); !nearestIs(refs, "persist") {
		t.Errorf("nearest to a persistent record: %+v", refs)
	}
}

func nearestIs(refs []Likeness, name string) bool {
	n := Nearest(refs)
	return len(n) == 1 && n[0].Strategy == name
}

func mustLookup(tb testing.TB, name string) escalation.Strategy {
	tb.Helper()
	s, ok := Lookup(name)
	if !ok {
		tb.Fatalf("no strategy %q", name)
	}
	return s
}

func TestReferences(t *testing.T) {
	var names []string
	for _, s := range References() {
		names = append(names, s.Name)
	}
	want := "cooperator defector tit-for-tat generous-tit-for-tat alternator win-stay-lose-shift random grim persist"
	if got := join(names); got != want {
		t.Errorf("References() = %s\nwant %s", got, want)
	}
	if _, ok := Lookup("Grim"); !ok {
		t.Error("Lookup(Grim) failed")
	}
	if s, ok := Lookup("tft"); !ok || s.Name != "tit-for-tat" {
		t.Error("Lookup(tft) failed")
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestNewRule(t *testing.T) {
	if _, err := NewRule("A", "B", [4]int{1, 0, 0, 0}, [4]int{2, 0, 0, 0}); err == nil {
		t.Error("NewRule accepted more cooperations than periods")
	}
	r, err := NewRule("A", "B", [4]int{10, 0, 0, 0}, [4]int{10, 0, 0, 0})
	if err != nil || math.Abs(r.Mean[CC]-11.0/12) > 1e-12 {
		t.Errorf("NewRule = %+v, %v", r, err)
	}
}
