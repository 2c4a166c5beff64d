package ach

import (
	"context"
	"math"
	"os"
	"slices"
	"testing"
)

// MustParse parses an ACH file from testdata or fails the test.
func MustParse(tb testing.TB, name string) *File {
	tb.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := Parse(name, b)
	if err != nil {
		tb.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

// MustScore builds and scores a file that has no queries.
func MustScore(tb testing.TB, f *File) *Result {
	tb.Helper()
	m, err := Build(context.Background(), f, nil, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return Score(m)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// The worked example of the research note on ACH, exactly: weighted
// inconsistency -5.4142, -0.7071, -2.8284 and inconsistency 3, 1, 3; H2
// leads; dropping E3 keeps the order.
func TestWorkedExample(t *testing.T) {
	r := MustScore(t, MustParse(t, "worked.yaml"))
	wantW := []float64{-(4 + math.Sqrt2), -1 / math.Sqrt2, -2 * math.Sqrt2}
	wantRounded := []float64{-5.4142, -0.7071, -2.8284}
	wantN := []int{3, 1, 3}
	for j, h := range r.Hypotheses {
		if !near(h.WeightedInconsistency, wantW[j], 1e-12) || math.Round(h.WeightedInconsistency*1e4)/1e4 != wantRounded[j] {
			t.Errorf("%s weighted inconsistency = %.6f, want %.4f", h.ID, h.WeightedInconsistency, wantRounded[j])
		}
		if h.Inconsistency != wantN[j] {
			t.Errorf("%s inconsistency = %d, want %d", h.ID, h.Inconsistency, wantN[j])
		}
	}
	if !slices.Equal(r.Leaders.PARC, []string{"H2"}) || r.Hypotheses[1].Rank != 1 {
		t.Errorf("PARC leaders = %v, want [H2]", r.Leaders.PARC)
	}
	if got := []int{r.Hypotheses[0].Rank, r.Hypotheses[1].Rank, r.Hypotheses[2].Rank}; !slices.Equal(got, []int{3, 1, 2}) {
		t.Errorf("PARC ranks = %v, want [3 1 2]", got)
	}
	for _, s := range r.Sensitivity {
		if s.ID != "E3" {
			continue
		}
		if !slices.Equal(s.PARCOrder, []string{"H2", "H3", "H1"}) || s.ChangesPARC {
			t.Errorf("without E3: order %v, changes leader %v; want H2, H3, H1 and no change", s.PARCOrder, s.ChangesPARC)
		}
	}
	if d := r.Evidence[3].Diagnosticity; d != 0 {
		t.Errorf("E4 (C, C, C) diagnosticity = %v, want 0", d)
	}
}

func TestPosterior(t *testing.T) {
	r := MustScore(t, MustParse(t, "worked.yaml"))
	// By hand: w = 2, √2, 1/√2, 1 and the likelihoods of the ratings.
	l := func(r Rating) float64 { return math.Log(r.Likelihood()) }
	logs := []float64{
		2*l(II) + math.Sqrt2*l(I) + l(C)/math.Sqrt2 + l(C),
		2*l(C) + math.Sqrt2*l(CC) + l(I)/math.Sqrt2 + l(C),
		2*l(N) + math.Sqrt2*l(I) + l(II)/math.Sqrt2 + l(C),
	}
	sum := 0.0
	for _, x := range logs {
		sum += math.Exp(x)
	}
	total := 0.0
	for j, h := range r.Hypotheses {
		if want := math.Exp(logs[j]) / sum; !near(h.Posterior, want, 1e-12) {
			t.Errorf("%s posterior = %.6f, want %.6f", h.ID, h.Posterior, want)
		}
		total += h.Posterior
	}
	if !near(total, 1, 1e-12) {
		t.Errorf("posteriors sum to %v", total)
	}
	if !slices.Equal(r.Leaders.Posterior, []string{"H2"}) {
		t.Errorf("posterior leaders = %v, want [H2]", r.Leaders.Posterior)
	}
}

func item(id string, cred, rel Level, rs ...Rating) Item {
	return Item{ID: id, Entry: id, Credibility: cred, Relevance: rel, Ratings: rs}
}

func TestPriorsAndNA(t *testing.T) {
	hyps := []Hypothesis{{ID: "a", Prior: 3}, {ID: "b", Prior: 1}}
	// No evidence: the posterior is the normalised prior.
	r := Score(&Matrix{Hypotheses: hyps})
	if !near(r.Hypotheses[0].Posterior, 0.75, 1e-12) || !near(r.Hypotheses[0].Prior, 0.75, 1e-12) {
		t.Errorf("posterior with no evidence = %v, want the prior 0.75", r.Hypotheses[0].Posterior)
	}
	// Priors as large as a float holds are normalised, not overflowed.
	r = Score(&Matrix{Hypotheses: []Hypothesis{{ID: "a", Prior: 1e308}, {ID: "b", Prior: 1e308}}})
	if !near(r.Hypotheses[0].Posterior, 0.5, 1e-12) {
		t.Errorf("posterior with priors 1e308 = %v, want 0.5", r.Hypotheses[0].Posterior)
	}
	// An item rated NA everywhere changes nothing and discriminates nothing.
	m := &Matrix{Hypotheses: hyps, Items: []Item{item("x", High, High, NA, NA)}}
	r = Score(m)
	if !near(r.Hypotheses[0].Posterior, 0.75, 1e-12) || r.Evidence[0].Diagnosticity != 0 {
		t.Errorf("NA/NA item: posterior %v, diagnosticity %v", r.Hypotheses[0].Posterior, r.Evidence[0].Diagnosticity)
	}
	// NA beside II: the II hypothesis loses by the likelihood ratio 1/0.05.
	m = &Matrix{Hypotheses: []Hypothesis{{ID: "a"}, {ID: "b"}}, Items: []Item{item("x", Medium, Medium, NA, II)}}
	r = Score(m)
	if want := 1 / 1.05; !near(r.Hypotheses[0].Posterior, want, 1e-12) {
		t.Errorf("NA/II posterior of a = %v, want %v", r.Hypotheses[0].Posterior, want)
	}
	if want := math.Log(20); !near(r.Evidence[0].Diagnosticity, want, 1e-12) {
		t.Errorf("NA/II diagnosticity = %v, want ln 20", r.Evidence[0].Diagnosticity)
	}
}

func TestDiagnosticity(t *testing.T) {
	for _, tc := range []struct {
		it   Item
		want float64
	}{
		{item("same", High, High, C, C, C), 0},
		{item("neutral", Medium, Medium, N, N), 0},
		{item("cc-ii", Medium, Medium, CC, N, II), math.Log(0.95 / 0.05)},
		{item("cc-ii high", High, High, CC, II), 2 * math.Log(0.95/0.05)},
		{item("c-i low", Low, Medium, C, I), math.Log(4) / math.Sqrt2},
	} {
		if got := Diagnosticity(&tc.it); !near(got, tc.want, 1e-12) {
			t.Errorf("Diagnosticity(%s) = %v, want %v", tc.it.ID, got, tc.want)
		}
	}
}

func TestSensitivityFlip(t *testing.T) {
	hyps := []Hypothesis{{ID: "a"}, {ID: "b"}}
	m := &Matrix{Hypotheses: hyps, Items: []Item{
		item("key", High, High, C, II), // alone makes a lead
		item("weak", Low, Low, I, C),   // leans to b, too little to win
		item("flat", Medium, Medium, C, C),
	}}
	r := Score(m)
	if !slices.Equal(r.Leaders.PARC, []string{"a"}) || !slices.Equal(r.Leaders.Posterior, []string{"a"}) {
		t.Fatalf("leaders = %+v, want a", r.Leaders)
	}
	got := map[string]Sensitivity{}
	for _, s := range r.Sensitivity {
		got[s.ID] = s
	}
	if s := got["key"]; !s.ChangesPARC || !s.ChangesPosterior || !slices.Equal(s.PARCLeaders, []string{"b"}) || s.PosteriorShift < 0.5 {
		t.Errorf("without key: %+v; want b to lead under both", s)
	}
	if s := got["flat"]; s.ChangesPARC || s.ChangesPosterior || s.PosteriorShift > 1e-12 {
		t.Errorf("without flat: %+v; want nothing to change", s)
	}
	// Removing the only item that separates two hypotheses leaves a tie:
	// both lead, and the leader set has changed.
	m = &Matrix{Hypotheses: hyps, Items: []Item{item("only", Medium, Medium, I, C)}}
	r = Score(m)
	if s := r.Sensitivity[0]; !s.ChangesPARC || !slices.Equal(s.PARCLeaders, []string{"a", "b"}) {
		t.Errorf("without the only item: %+v; want a tie", s)
	}
}

func TestIndicatorsRanked(t *testing.T) {
	m := &Matrix{Hypotheses: []Hypothesis{{ID: "a"}, {ID: "b"}}, Pending: []Item{
		item("mild", Medium, Medium, C, N),
		item("strong", Medium, High, CC, II),
		item("flat", Medium, Medium, C, C),
	}}
	r := Score(m)
	var ids []string
	for _, in := range r.Indicators {
		ids = append(ids, in.ID)
	}
	if !slices.Equal(ids, []string{"strong", "mild", "flat"}) {
		t.Errorf("indicators = %v, want strong, mild, flat", ids)
	}
	if r.Hypotheses[0].Posterior != 0.5 {
		t.Errorf("pending items must not count: posterior %v", r.Hypotheses[0].Posterior)
	}
}

func TestManyItemsDoNotUnderflow(t *testing.T) {
	m := &Matrix{Hypotheses: []Hypothesis{{ID: "a"}, {ID: "b"}}}
	for range 2000 {
		m.Items = append(m.Items, item("x", High, High, II, I))
	}
	r := Score(m)
	p := r.Hypotheses[1].Posterior
	if math.IsNaN(p) || !near(p, 1, 1e-12) || !near(r.Hypotheses[0].Posterior+p, 1, 1e-12) {
		t.Errorf("posteriors = %v, %v", r.Hypotheses[0].Posterior, p)
	}
}
