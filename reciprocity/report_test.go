package reciprocity

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// seriesOf makes a weekly IRN–USA series of the two net flows, each
// period's net one event.
func seriesOf(ab, ba []float64) *Series {
	n := len(ab)
	d := Dyad{"IRN", "USA"}
	s := &Series{Dyad: d, Period: Week, Start: make([]time.Time, n), Labels: make([]string, n),
		AB: newFlow(d.A, d.B, n), BA: newFlow(d.B, d.A, n)}
	first := Week.index(dayNumber(day("2020-01-06")))
	for i := range n {
		s.Start[i], s.Labels[i] = Week.start(first+i), Week.label(first+i)
		if ab[i] != 0 {
			s.AB.add(i, ab[i])
		}
		if ba[i] != 0 {
			s.BA.add(i, ba[i])
		}
	}
	return s
}

// responding simulates a dyad in which B answers A's last period with
// coefficient b and A ignores B.
func responding(seed uint64, n int, b float64) *Series {
	rng := rand.New(rand.NewPCG(seed, seed))
	y := simulate(rng, n, []float64{-1, 0.5}, [][][]float64{{{0.3, 0}, {b, 0.2}}}, [][]float64{{4, 0}, {0, 4}})
	return seriesOf(y[0], y[1])
}

func TestAnalyzeVerdicts(t *testing.T) {
	for _, tt := range []struct {
		name string
		b    float64
		kind string
		sig  bool
	}{
		{"reciprocity", 0.5, KindReciprocity, true},
		{"inverse", -0.5, KindInverse, true},
	} {
		r, err := Analyze(responding(41, 250, tt.b), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		v := r.Verdicts[0]
		t.Logf("%s: %s; %s", tt.name, v.Text, r.Verdicts[1].Text)
		if v.Side != "USA" || v.To != "IRN" || v.Kind != tt.kind || v.Significant != tt.sig {
			t.Errorf("%s: USA's verdict = %+v", tt.name, v)
		}
		if !strings.Contains(v.Text, "USA answers IRN") || !strings.Contains(v.Text, "IRN→USA") {
			t.Errorf("%s: verdict text %q", tt.name, v.Text)
		}
		if r.Granger[0].P > 1e-4 {
			t.Errorf("%s: IRN→USA does not Granger-cause USA→IRN: %+v", tt.name, r.Granger[0])
		}
		// IRN ignores USA.
		if back := r.Verdicts[1]; back.Significant || !strings.HasPrefix(back.Text, "no significant response of IRN to USA") {
			t.Errorf("%s: IRN's verdict = %+v", tt.name, back)
		}
		if r.Lags.ByAIC < 1 || r.VAR.P != r.Lags.ByAIC || r.Criterion != "AIC" || len(r.CrossCorrelation) != 2*DefaultMaxLag+1 {
			t.Errorf("%s: lag %d (AIC chose %d), %d cross-correlations", tt.name, r.VAR.P, r.Lags.ByAIC, len(r.CrossCorrelation))
		}
		if r.Responses[0].Horizon != DefaultHorizon || r.Roots[0] >= 1 {
			t.Errorf("%s: horizon %d, roots %v", tt.name, r.Responses[0].Horizon, r.Roots)
		}
	}
}

func TestAnalyzeIndependent(t *testing.T) {
	r, err := Analyze(responding(43, 250, 0), Options{MaxLag: 3, Horizon: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range r.Verdicts {
		if v.Significant {
			t.Errorf("independent flows: %s", v.Text)
		}
	}
	if r.Responses[1].Horizon != 5 || r.Lags.Max != 3 {
		t.Errorf("options not applied: horizon %d, max lag %d", r.Responses[1].Horizon, r.Lags.Max)
	}
}

func TestAnalyzeDegenerate(t *testing.T) {
	short := seriesOf([]float64{-5, 0, 4, 0, 0, -2, 0, 1, 0, 3}, []float64{0, 1, 0, -3, 0, 0, 2, 0, -1, 0})
	_, err := Analyze(short, Options{})
	if !errors.Is(err, ErrTooShort) || !strings.Contains(err.Error(), "IRN–USA has 10 weeks (2020-W02 to 2020-W11), and a VAR with up to 4 lags needs at least 14") {
		t.Errorf("10 weeks, 4 lags: %v", err)
	}
	if _, err := Analyze(short, Options{MaxLag: 2}); err != nil {
		t.Errorf("10 weeks, 2 lags: %v", err)
	}
	if _, err := Analyze(seriesOf(nil, nil), Options{}); !errors.Is(err, ErrTooShort) || !strings.Contains(err.Error(), "has 0 weeks,") {
		t.Errorf("no periods: %v", err)
	}
	silent := seriesOf([]float64{-5, 0, 4, 0, 0, -2, 0, 1, 0, 3, 2, 0, -1, 0, 4}, make([]float64, 15))
	if _, err := Analyze(silent, Options{}); !errors.Is(err, ErrConstant) || !strings.Contains(err.Error(), "USA→IRN has no events in any of the 15 weeks") {
		t.Errorf("no events from USA: %v", err)
	}
	ab := []float64{-5, 0, 4, 0, 0, -2, 0, 1, 0, 3, 2, 0, -1, 0, 4, 1}
	ba := make([]float64, len(ab))
	for i := range ab {
		ba[i] = -2 * ab[i]
	}
	if _, err := Analyze(seriesOf(ab, ba), Options{MaxLag: 2}); !errors.Is(err, ErrSingular) || !strings.Contains(err.Error(), "singular regression: IRN–USA over 16 weeks: the past values of the two flows are collinear") {
		t.Errorf("one flow a multiple of the other: %v", err)
	}
}

func TestAnalyzeNotes(t *testing.T) {
	// Two events in 40 weeks: the series is mostly empty.
	ab, ba := make([]float64, 40), make([]float64, 40)
	ab[5], ba[20], ab[30], ba[33] = -5, 4, 1, -2
	r, err := Analyze(seriesOf(ab, ba), Options{MaxLag: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) == 0 || !strings.Contains(r.Notes[0], "only 4 of the 40 weeks have an event") {
		t.Errorf("notes = %q", r.Notes)
	}
}
