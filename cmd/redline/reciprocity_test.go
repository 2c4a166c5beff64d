package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"redline"
	"redline/reciprocity"
)

// dyadTotals reads every stored event and sums, in each direction between
// IRN and USA, the stored Goldstein weights of those that happened and are
// dated within one month; coarse counts the others of the dyad.
func dyadTotals(t *testing.T, path string) (net [2]float64, events [2]int, coarse int) {
	t.Helper()
	db, countryOf, err := openExisting(&common{}, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	evs, err := db.Events(context.Background(), redline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	side := func(id string) string { return cmp.Or(countryOf(id), id) }
	for _, ev := range evs {
		if ev.Target == nil || !reciprocity.Happened(ev.Mode) {
			continue
		}
		dir := -1
		switch a, b := side(ev.Actor.ID), side(ev.Target.ID); {
		case a == "IRN" && b == "USA":
			dir = 0
		case a == "USA" && b == "IRN":
			dir = 1
		}
		if dir < 0 {
			continue
		}
		start, end, ok := ev.Date.Interval()
		if !ok || start.Format("2006-01") != end.AddDate(0, 0, -1).Format("2006-01") {
			coarse++
			continue
		}
		net[dir] += ev.Goldstein
		events[dir]++
	}
	return net, events, coarse
}

func TestReciprocityOnTheDemoCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := run(t, "", "demo", "--db", db); code != exitOK {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	net, events, coarse := dyadTotals(t, db)
	if events[0] == 0 || events[1] == 0 {
		t.Fatalf("the demo corpus has %v events between IRN and USA; the test needs both directions", events)
	}

	// Over the dyad's own span the series starts and ends with an event.
	// Whether or not its few events can be fitted, the series is printed,
	// and its totals are the store's.
	code, out, errs := run(t, "", "reciprocity", "--db", db, "--dyad", "IRN,USA", "--period", "month")
	if code != exitOK && !strings.Contains(errs, "singular regression: IRN–USA over") {
		t.Errorf("reciprocity --period month: exit %d, %s", code, errs)
	}
	for i, name := range []string{"IRN→USA", "USA→IRN"} {
		want := fmt.Sprintf("  %-14s %7d", name, events[i])
		line := lineWith(out, want)
		if line == "" || !strings.Contains(line, fmt.Sprintf(" %+9.1f ", net[i])) {
			t.Errorf("no totals line %q with net %+.1f in:\n%s", want, net[i], out)
		}
	}
	if strings.Contains(out+errs, "NaN") {
		t.Errorf("NaN in the output:\n%s%s", out, errs)
	}

	// Running on to the end of 2025 puts the last events' lags in the fit.
	code, out, errs = run(t, "", "reciprocity", "--db", db, "--dyad", "IRN,USA", "--period", "month", "--to", "2025-12", "--json")
	if code != exitOK {
		t.Fatalf("reciprocity --to 2025-12 --json: exit %d, %s", code, errs)
	}
	var r struct {
		Series struct {
			Periods []string
			AB, BA  struct{ Net []float64 }
			Coarse  int
		}
		Totals []struct {
			Net    float64
			Events int
		}
		Criterion string
		VAR       struct{ P int }
		Granger   []struct{ F, P float64 }
		Responses []struct{ Cumulative, P float64 }
		Verdicts  []struct {
			Side, Kind, Text string
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("JSON: %v\n%.500s", err, out)
	}
	if len(r.Series.Periods) == 0 || r.Series.Periods[0] != "2013-02" || r.Series.Periods[len(r.Series.Periods)-1] != "2025-12" {
		t.Errorf("periods %v…, want 2013-02 to 2025-12", r.Series.Periods[:min(3, len(r.Series.Periods))])
	}
	for i, flow := range [][]float64{r.Series.AB.Net, r.Series.BA.Net} {
		var sum float64
		for _, v := range flow {
			sum += v
		}
		if math.Abs(sum-net[i]) > 1e-9 || math.Abs(r.Totals[i].Net-net[i]) > 1e-9 || r.Totals[i].Events != events[i] {
			t.Errorf("direction %d: series sums to %v, totals %+v; the store's events give %v in %d events", i, sum, r.Totals[i], net[i], events[i])
		}
	}
	if r.Series.Coarse != coarse {
		t.Errorf("coarse = %d, the store has %d events of the dyad dated more coarsely than a month", r.Series.Coarse, coarse)
	}
	if r.Criterion != "AIC" || r.VAR.P < 1 || r.VAR.P > reciprocity.DefaultMaxLag || len(r.Granger) != 2 || len(r.Verdicts) != 2 {
		t.Errorf("criterion %s, VAR(%d), %d Granger tests, %d verdicts", r.Criterion, r.VAR.P, len(r.Granger), len(r.Verdicts))
	}
	for i, g := range r.Granger {
		if !(g.F >= 0) || !(g.P >= 0 && g.P <= 1) || !(r.Responses[i].P >= 0 && r.Responses[i].P <= 1) {
			t.Errorf("test %d: F %v, p %v, response p %v", i, g.F, g.P, r.Responses[i].P)
		}
	}
	if v := r.Verdicts[0]; v.Side != "USA" || v.Text == "" {
		t.Errorf("first verdict = %+v, want USA's response to IRN", v)
	}

	// The text form of the same run has every section.
	code, out, _ = run(t, "", "reciprocity", "--db", db, "--dyad", "IRN,USA", "--period", "month", "--to", "2025-12")
	for _, want := range []string{"SERIES", "CROSS-CORRELATION", "VAR: ", "chosen by AIC", "GRANGER", "F(", "IMPULSE RESPONSES (simple", "signs ", "VERDICT"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("text output (exit %d) lacks %q", code, want)
		}
	}

	// Six months cannot carry four lags.
	code, _, errs = run(t, "", "reciprocity", "--db", db, "--dyad", "IRN,USA", "--period", "month", "--from", "2025-01", "--to", "2025-06")
	if code != exitError || !strings.Contains(errs, "not enough periods: IRN–USA has 6 months (2025-01 to 2025-06), and a VAR with up to 4 lags needs at least 14") {
		t.Errorf("six months: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "", "reciprocity", "--db", db, "--dyad", "IRN,ATA")
	if code != exitError || !strings.Contains(errs, "no events between IRN and ATA") {
		t.Errorf("a dyad with no events: exit %d, %q", code, errs)
	}
}

func TestReciprocityUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	writeFile(t, filepath.Dir(db), "a.md", "---\ndate: 2025-03-01\n---\nWashington imposed sanctions on Tehran on 28 February.\n")
	if code, _, errs := run(t, "", "ingest", "--db", db, filepath.Join(filepath.Dir(db), "a.md")); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	for _, args := range [][]string{
		{"--dyad", "IRN"},
		{"--dyad", "IRN,IRN"},
		{"--dyad", "IRN,USA,ISR"},
		{"--dyad", "ali-khamenei,USA"}, // a person, not a side
		{"--dyad", "IRN,USA", "--period", "day"},
		{"--dyad", "IRN,USA", "--lags", "0"},
		{"--dyad", "IRN,USA", "--from", "March"},
		{"--dyad", "IRN,USA", "--from", "2025-06", "--to", "2025-01"},
		{"--dyad", "IRN,USA", "extra"},
	} {
		if code, _, _ := run(t, "", append([]string{"reciprocity", "--db", db}, args...)...); code != exitUsage {
			t.Errorf("reciprocity %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// lineWith returns the first line of s that starts with prefix, or "".
func lineWith(s, prefix string) string {
	for line := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}
