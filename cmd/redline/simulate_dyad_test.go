package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"redline/dyad"
	"redline/escalation"
	"redline/reciprocity"
)

// dyadOut mirrors the parts of "simulate dyad --json" the tests read.
type dyadOut struct {
	Dyad   struct{ A, B string }
	Period string
	Record struct {
		Coding  struct{ Threshold float64 }
		Periods []string
		States  []string
		Acted   [2][]bool
		Skipped int
		Last    string
	}
	Rules [2]struct {
		Side    string
		Count   [4]int
		Coop    [4]int
		P       [4]float64
		Low     [4]float64
		High    [4]float64
		Acts    int
		Usable  bool
		Nearest []string
	}
	Projection struct {
		Players   [2]string
		Start     string
		From      string
		Periods   int
		Runs      int
		Exact     *outcomeOut
		Simulated *outcomeOut
	}
}

type outcomeOut struct {
	States       [][4]float64
	Spiral, Calm hittingOut
	LongRun      *[4]float64 `json:"long_run"`
}

type hittingOut struct {
	Run      int
	ByPeriod []float64 `json:"by_period"`
	Within   float64
	Never    float64
	Mean     *float64 `json:"mean_period"`
	SE       *float64
	MeanSE   *float64 `json:"mean_period_se"`
}

// codeByHand reads the reciprocity series of the same dyad and codes it
// as the command's help says: above 0 cooperates, below 0 defects, a
// quiet period keeps the last move, and periods before both sides have
// acted are left out.
func codeByHand(t *testing.T, db string, args ...string) (labels, states []string) {
	t.Helper()
	code, out, errs := run(t, "", append([]string{"reciprocity", "--db", db, "--json"}, args...)...)
	var r struct {
		Series struct {
			Periods []string
			AB, BA  struct{ Net []float64 }
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("reciprocity --json: exit %d, %v: %s", code, err, errs)
	}
	var move [2]byte
	for k, p := range r.Series.Periods {
		for i, net := range []float64{r.Series.AB.Net[k], r.Series.BA.Net[k]} {
			switch {
			case net > 0:
				move[i] = 'C'
			case net < 0:
				move[i] = 'D'
			}
		}
		if move[0] != 0 && move[1] != 0 {
			labels = append(labels, p)
			states = append(states, string(move[:]))
		}
	}
	return labels, states
}

func TestSimulateDyadOnTheDemoCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := run(t, "", "demo", "--db", db); code != exitOK {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}

	// The demo holds a handful of events between Iran and the United
	// States: too few to fit a rule, which the command says after
	// printing the record.
	code, out, errs := run(t, "", "simulate", "dyad", "--db", db, "--dyad", "IRN,USA", "--period", "month")
	if code != exitError || !regexp.MustCompile(`too few acts to fit a response rule: of the \d+ months fitted \(\S+ to \S+\), IRN acted toward USA in \d+ and USA acted toward IRN in \d+; a fitted rule needs at least 10 acts of its side \(--min-acts\)`).MatchString(errs) {
		t.Errorf("sparse record: exit %d, %q", code, errs)
	}
	for _, want := range []string{"DYAD IRN–USA by month", "MOVES:", "RESPONSE RULES", "prior only", "NAMED RULES"} {
		if !strings.Contains(out, want) {
			t.Errorf("the record printed before the error lacks %q:\n%s", want, out)
		}
	}

	// Accepting rules that rest on the prior, the whole run goes through,
	// to the end of 2025 so that the record ends in quiet months.
	html := filepath.Join(t.TempDir(), "dyad.html")
	args := []string{"--period", "month", "--to", "2025-12"}
	code, out, errs = run(t, "", append([]string{"simulate", "dyad", "--db", db, "--dyad", "IRN,USA", "--min-acts", "0",
		"--noise", "0.05", "--runs", "20000", "--json", "--html", html}, args...)...)
	if code != exitOK {
		t.Fatalf("--min-acts 0: exit %d: %s", code, errs)
	}
	var got dyadOut
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("JSON: %v\n%.400s", err, out)
	}
	checkDemoRecord(t, &got, db, args)
	checkDemoProjection(t, &got)
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>Dyad projection: IRN and USA</title>", "<svg", "<polyline", "spiral (exact)", "Response rules"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML page lacks %q", want)
		}
	}

	// Named strategies need no fit, so the sparse record is enough to
	// start them from; the text form has every section.
	code, out, errs = run(t, "", "simulate", "dyad", "--db", db, "--dyad", "IRN,USA", "--period", "month", "--a", "tft", "--b", "grit", "--runs", "500")
	for _, want := range []string{"PROJECTION: 24 months after", "IRN plays tit-for-tat, USA plays grit", "no exact values", "STATES (simulated)", "mutual cooperation"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("named strategies (exit %d, %s) lack %q:\n%s", code, errs, want, out)
		}
	}

	// A range in which a side never acts, and a dyad with no events.
	code, _, errs = run(t, "", "simulate", "dyad", "--db", db, "--dyad", "IRN,USA", "--period", "month", "--from", "2014-01", "--to", "2014-12")
	if code != exitError || !strings.Contains(errs, "no events between IRN and USA") {
		t.Errorf("an empty range: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "", "simulate", "dyad", "--db", db, "--dyad", "IRN,ATA")
	if code != exitError || !strings.Contains(errs, "no events between IRN and ATA") {
		t.Errorf("a dyad with no events: exit %d, %q", code, errs)
	}
}

// checkDemoRecord compares the command's moves with the reciprocity
// series coded by hand, and its counts with the moves.
func checkDemoRecord(t *testing.T, got *dyadOut, db string, args []string) {
	t.Helper()
	labels, states := codeByHand(t, db, append([]string{"--dyad", "IRN,USA"}, args...)...)
	if strings.Join(got.Record.Periods, " ") != strings.Join(labels, " ") || strings.Join(got.Record.States, " ") != strings.Join(states, " ") {
		t.Errorf("record %v %v,\nby hand %v %v", got.Record.Periods, got.Record.States, labels, states)
	}
	if n := len(states); n < 2 || got.Record.Last != states[n-1] || got.Projection.Start != states[n-1] || got.Projection.From != "2025-12" {
		t.Errorf("last state %s, projection from %s at %s; by hand %v", got.Record.Last, got.Projection.Start, got.Projection.From, states)
	}
	for i, r := range got.Rules {
		total := 0
		for s := range 4 {
			total += r.Count[s]
			if r.Count[s] == 0 && r.P[s] != 0.5 {
				t.Errorf("%s after an unseen state: %v, want the prior's 0.5", r.Side, r.P[s])
			}
			if want := (float64(r.Coop[s]) + 1) / (float64(r.Count[s]) + 2); math.Abs(r.P[s]-want) > 1e-12 || !(r.Low[s] <= r.P[s] && r.P[s] <= r.High[s]) {
				t.Errorf("%s after state %d: %v [%v, %v], want %v", r.Side, s, r.P[s], r.Low[s], r.High[s], want)
			}
		}
		if total != len(states)-1 || !r.Usable || len(r.Nearest) == 0 {
			t.Errorf("rule %d: %d transitions for %d periods, usable %v, nearest %v", i, total, len(states), r.Usable, r.Nearest)
		}
	}
}

// checkDemoProjection holds the simulated figures to the exact ones.
func checkDemoProjection(t *testing.T, got *dyadOut) {
	t.Helper()
	p := got.Projection
	if p.Players != [2]string{"fitted", "fitted"} || p.Periods != 24 || p.Exact == nil || p.Simulated == nil || len(p.Exact.States) != 24 {
		t.Fatalf("projection %+v", p)
	}
	for _, h := range [][2]hittingOut{{p.Exact.Spiral, p.Simulated.Spiral}, {p.Exact.Calm, p.Simulated.Calm}} {
		ex, sim := h[0], h[1]
		if sim.SE == nil || math.Abs(sim.Within-ex.Within) > 3**sim.SE+1e-12 || math.Abs(ex.Never-(1-ex.Within)) > 1e-12 {
			t.Errorf("within the horizon: simulated %v, exact %v", sim.Within, ex.Within)
		}
		if ex.Mean != nil && sim.MeanSE != nil && math.Abs(*sim.Mean-*ex.Mean) > 3**sim.MeanSE {
			t.Errorf("mean period: simulated %v ± %v, exact %v", *sim.Mean, *sim.MeanSE, *ex.Mean)
		}
	}
	for k, d := range p.Exact.States {
		sum := d[0] + d[1] + d[2] + d[3]
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("period %d: shares sum to %v", k+1, sum)
		}
	}
}

func TestSimulateDyadUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	writeFile(t, filepath.Dir(db), "a.md", "---\ndate: 2025-03-01\n---\nWashington imposed sanctions on Tehran on 28 February.\n")
	if code, _, errs := run(t, "", "ingest", "--db", db, filepath.Join(filepath.Dir(db), "a.md")); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	for _, args := range [][]string{
		{},
		{"--dyad", "IRN"},
		{"--dyad", "IRN,USA", "--period", "day"},
		{"--dyad", "IRN,USA", "--quiet", "guess"},
		{"--dyad", "IRN,USA", "--threshold", "-1"},
		{"--dyad", "IRN,USA", "--a", "hawk"},
		{"--dyad", "IRN,USA", "--noise", "1.5"},
		{"--dyad", "IRN,USA", "--runs", "0"},
		{"--dyad", "IRN,USA", "--spiral", "0"},
		{"--dyad", "IRN,USA", "--periods", "-4"},
		{"--dyad", "IRN,USA", "--min-acts", "-1"},
		{"--dyad", "IRN,USA", "--a", "tft", "--b", "tft", "--spiral", "30", "--periods", "10"},
		{"--dyad", "IRN,USA", "extra"},
	} {
		if code, _, errs := run(t, "", append([]string{"simulate", "dyad", "--db", db}, args...)...); code != exitUsage || errs == "" {
			t.Errorf("simulate dyad %v: exit %d, %q; want %d and a message", args, code, errs, exitUsage)
		}
	}
}

// TestSimulateDyadHTMLEscapes renders a projection whose sides are named
// with markup: every name comes out as text.
func TestSimulateDyadHTMLEscapes(t *testing.T) {
	const evil = `<script>alert(1)</script>`
	s := &reciprocity.Series{Dyad: reciprocity.Dyad{A: evil, B: `"><img src=x onerror=alert(2)>`}, Period: reciprocity.Week}
	for k := range 12 {
		s.Start = append(s.Start, time.Date(2025, 1, 6+7*k, 0, 0, 0, 0, time.UTC))
		s.Labels = append(s.Labels, "<b>w"+strings.Repeat("i", k)+"</b>")
		s.AB.Net = append(s.AB.Net, float64(k%3-1))
		s.BA.Net = append(s.BA.Net, float64(k%2*2-1))
	}
	s.AB.From, s.BA.From = s.Dyad.A, s.Dyad.B
	mv, err := dyad.Code(s, dyad.Coding{})
	if err != nil {
		t.Fatal(err)
	}
	r := &dyadResult{Series: s, Moves: mv, Rules: dyad.Fit(mv), MinActs: 1}
	tft, _ := dyad.Lookup("tft")
	strategies := [2]escalation.Strategy{r.Rules[0].Strategy("fitted"), tft}
	if r.Projection, err = dyad.Project(context.Background(), mv, strategies, dyad.Options{Periods: 10, Runs: 100}); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := renderDyadHTML(&b, r, `<script>db</script>`); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if m := regexp.MustCompile(`(?i)<\s*(script|img|b>)`).FindString(page); m != "" {
		t.Errorf("the page holds a raw %q", m)
	}
	svg := page[strings.Index(page, "<svg"):strings.LastIndex(page, "</svg>")]
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;wiiiiiiiiiii&lt;/b&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks the escaped %q", want)
		}
	}
	if !strings.Contains(svg, "only &lt;script&gt;alert(1)&lt;/script&gt; cooperated") {
		t.Errorf("the chart's description does not hold the escaped side name:\n%.600s", svg)
	}
}
