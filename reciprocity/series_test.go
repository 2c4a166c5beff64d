package reciprocity

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/sqlite"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodLabels(t *testing.T) {
	tests := []struct {
		day    string
		period Period
		want   string
		start  string
	}{
		{"2024-12-29", Week, "2024-W52", "2024-12-23"}, // a Sunday ends its week
		{"2024-12-30", Week, "2025-W01", "2024-12-30"}, // a Monday starts one, in ISO year 2025
		{"2025-01-05", Week, "2025-W01", "2024-12-30"},
		{"2025-01-06", Week, "2025-W02", "2025-01-06"},
		{"2020-12-31", Week, "2020-W53", "2020-12-28"},
		{"2021-01-03", Week, "2020-W53", "2020-12-28"},
		{"2021-01-04", Week, "2021-W01", "2021-01-04"},
		{"1970-01-01", Week, "1970-W01", "1969-12-29"}, // day 0 is a Thursday
		{"1969-12-28", Week, "1969-W52", "1969-12-22"}, // before day 0
		{"2025-01-31", Month, "2025-01", "2025-01-01"},
		{"2025-02-01", Month, "2025-02", "2025-02-01"},
		{"2024-02-29", Month, "2024-02", "2024-02-01"},
		{"1969-12-31", Month, "1969-12", "1969-12-01"},
	}
	for _, tt := range tests {
		i := tt.period.index(dayNumber(day(tt.day)))
		if got := tt.period.label(i); got != tt.want {
			t.Errorf("%s %s: label %q, want %q", tt.period, tt.day, got, tt.want)
		}
		if got := tt.period.start(i).Format(time.DateOnly); got != tt.start {
			t.Errorf("%s %s: starts %s, want %s", tt.period, tt.day, got, tt.start)
		}
	}
}

// countryOf places the people of the tests in their states.
func countryOf(id string) string {
	switch id {
	case "IRN", "ali-khamenei", "abbas-araghchi":
		return "IRN"
	case "USA", "donald-trump":
		return "USA"
	case "ISR":
		return "ISR"
	}
	return ""
}

func ev(date, actor, target string, w float64, mode redline.Mode) redline.Event {
	d, err := redline.ParseDate(date)
	if err != nil {
		panic(err)
	}
	e := redline.Event{Actor: redline.ActorRef{ID: actor, Name: actor}, Date: d, Mode: mode, Goldstein: w, CAMEO: cameoOf(w)}
	if target != "" {
		e.Target = &redline.ActorRef{ID: target, Name: target}
	}
	return e
}

// weights are the Goldstein weights of the CAMEO codes the tests use.
var weights = map[string]float64{"010": 0, "036": 4, "057": 8, "100": -5, "120": -4, "190": -10, "040": 1, "163": -8}

func cameoOf(w float64) string {
	for c, v := range weights {
		if v == w {
			return c
		}
	}
	panic("no code of weight")
}

// dyadEvents are events between IRN and USA around the turn of 2024 and
// 2025, with the cases that must not count.
var dyadEvents = []redline.Event{
	ev("2024-12-29", "IRN", "USA", -5, redline.ModePublic),                   // Sunday: 2024-W52, December
	ev("2024-12-30", "ali-khamenei", "donald-trump", -4, redline.ModePublic), // Monday: 2025-W01, December
	ev("2024-12-31", "USA", "IRN", 8, redline.ModeCovert),                    // 2025-W01, December
	ev("2025-01-01", "donald-trump", "IRN", 0, redline.ModePublic),           // 2025-W01, January: a statement, weight 0
	ev("2025-01-01", "USA", "abbas-araghchi", -10, redline.ModeAlleged),      // alleged counts
	ev("2025-01-20", "IRN", "USA", 4, redline.ModePublic),                    // 2025-W04
	ev("2025-02", "IRN", "USA", 1, redline.ModePublic),                       // month grain: only in the monthly series
	ev("2025-W06", "USA", "IRN", -8, redline.ModePublic),                     // 3-9 February: inside February
	ev("2025", "USA", "IRN", -10, redline.ModePublic),                        // year grain: never
	ev("2025-01-02", "IRN", "USA", -10, redline.ModeNegated),                 // did not happen
	ev("2025-01-02", "IRN", "USA", -10, redline.ModeFuture),                  // has not happened
	ev("2025-01-02", "IRN", "USA", -10, redline.ModeHypothetical),            // would happen
	ev("2025-01-02", "IRN", "", -10, redline.ModePublic),                     // no target
	ev("2025-01-02", "IRN", "ISR", -10, redline.ModePublic),                  // another dyad
	ev("2025-01-02", "ali-khamenei", "IRN", -4, redline.ModePublic),          // within one side
	ev("2025-01-02", "unknown-person", "USA", -4, redline.ModePublic),        // no side of the dyad
}

func TestNewSeriesWeekly(t *testing.T) {
	s, err := NewSeries(dyadEvents, Spec{Dyad: Dyad{"IRN", "USA"}, Period: Week, CountryOf: countryOf})
	if err != nil {
		t.Fatal(err)
	}
	wantLabels := []string{"2024-W52", "2025-W01", "2025-W02", "2025-W03", "2025-W04", "2025-W05", "2025-W06"}
	if diff := cmp.Diff(wantLabels, s.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if s.Start[1] != day("2024-12-30") || s.Start[1].Weekday() != time.Monday {
		t.Errorf("week 1 starts %v, want Monday 2024-12-30", s.Start[1])
	}
	wantAB := Flow{From: "IRN", To: "USA",
		Net:         []float64{-5, -4, 0, 0, 4, 0, 0},
		Cooperation: []float64{0, 0, 0, 0, 4, 0, 0},
		Conflict:    []float64{-5, -4, 0, 0, 0, 0, 0},
		Events:      []int{1, 1, 0, 0, 1, 0, 0},
		Cooperative: []int{0, 0, 0, 0, 1, 0, 0},
		Conflictual: []int{1, 1, 0, 0, 0, 0, 0}}
	wantBA := Flow{From: "USA", To: "IRN",
		Net:         []float64{0, -2, 0, 0, 0, 0, -8},
		Cooperation: []float64{0, 8, 0, 0, 0, 0, 0},
		Conflict:    []float64{0, -10, 0, 0, 0, 0, -8},
		Events:      []int{0, 3, 0, 0, 0, 0, 1},
		Cooperative: []int{0, 1, 0, 0, 0, 0, 0},
		Conflictual: []int{0, 1, 0, 0, 0, 0, 1}}
	if diff := cmp.Diff(wantAB, s.AB); diff != "" {
		t.Errorf("A→B (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantBA, s.BA); diff != "" {
		t.Errorf("B→A (-want +got):\n%s", diff)
	}
	if s.Coarse != 2 || s.Outside != 0 {
		t.Errorf("coarse %d, outside %d; want 2 (the month and the year), 0", s.Coarse, s.Outside)
	}
	if tot := s.BA.Totals(); tot != (Totals{Net: -10, Cooperation: 8, Conflict: -18, Events: 4, Cooperative: 1, Conflictual: 2, Active: 2}) {
		t.Errorf("B→A totals = %+v", tot)
	}
}

func TestNewSeriesMonthly(t *testing.T) {
	s, err := NewSeries(dyadEvents, Spec{Dyad: Dyad{"IRN", "USA"}, Period: Month, CountryOf: countryOf})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2024-12", "2025-01", "2025-02"}, s.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if want := []float64{-9, 4, 1}; !cmp.Equal(want, s.AB.Net) {
		t.Errorf("A→B net = %v, want %v (the month-grain event in February)", s.AB.Net, want)
	}
	if want := []float64{8, -10, -8}; !cmp.Equal(want, s.BA.Net) {
		t.Errorf("B→A net = %v, want %v (the week of 3-9 February in February)", s.BA.Net, want)
	}
	if s.Coarse != 1 {
		t.Errorf("coarse = %d, want 1 (the year)", s.Coarse)
	}
}

func TestNewSeriesRange(t *testing.T) {
	// The range is widened to whole periods and runs past the events; the
	// December events fall outside it.
	spec := Spec{Dyad: Dyad{"IRN", "USA"}, Period: Month, CountryOf: countryOf, From: day("2025-01-15"), To: day("2025-04-02")}
	s, err := NewSeries(dyadEvents, spec)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2025-01", "2025-02", "2025-03", "2025-04"}, s.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if want := []float64{4, 1, 0, 0}; !cmp.Equal(want, s.AB.Net) {
		t.Errorf("A→B net = %v, want %v", s.AB.Net, want)
	}
	if s.Outside != 3 {
		t.Errorf("outside = %d, want the 3 December events", s.Outside)
	}
	// The day before To decides the last period: To on the first of a
	// month ends the series with the month before.
	spec.To = day("2025-03-01")
	if s, _ := NewSeries(dyadEvents, spec); s.Labels[len(s.Labels)-1] != "2025-02" {
		t.Errorf("To 2025-03-01: last period %s, want 2025-02", s.Labels[len(s.Labels)-1])
	}
}

func TestNewSeriesBadSpec(t *testing.T) {
	for _, spec := range []Spec{
		{Dyad: Dyad{"IRN", ""}, Period: Week},
		{Dyad: Dyad{"IRN", "IRN"}, Period: Week},
		{Dyad: Dyad{"IRN", "USA"}, Period: "day"},
		{Dyad: Dyad{"IRN", "USA"}, Period: Week, From: day("2025-02-01"), To: day("2025-01-01")},
	} {
		if _, err := NewSeries(dyadEvents, spec); err == nil {
			t.Errorf("NewSeries(%+v) succeeded", spec)
		}
	}
	if _, err := ParsePeriod("fortnight"); err == nil || !strings.Contains(err.Error(), "week or month") {
		t.Errorf("ParsePeriod(fortnight) = %v", err)
	}
}

// TestFromDigest stores the events, reads the store's digest, and wants
// the series FromDigest's events make to be the series of the events
// themselves, with the one event of an unknown code handed back by ref.
func TestFromDigest(t *testing.T) {
	ctx := context.Background()
	db := sqlite.NewDB(":memory:")
	db.CountryOf = countryOf
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	evs := append([]redline.Event{}, dyadEvents...)
	odd := ev("2025-01-07", "IRN", "USA", -5, redline.ModePublic)
	odd.CAMEO, odd.Goldstein = "999", 2.5
	evs = append(evs, odd)
	x := &redline.Extraction{Doc: redline.Document{ID: "d1", Published: redline.Day(day("2025-03-01")), Text: "x"}}
	for i, e := range evs {
		e.Doc, e.Sentence = "d1", i
		x.Events = append(x.Events, e)
	}
	if _, err := db.SaveExtraction(ctx, x); err != nil {
		t.Fatal(err)
	}
	d, err := db.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	spec := Spec{Dyad: Dyad{"IRN", "USA"}, Period: Week, CountryOf: countryOf}
	weigh := func(code string) (float64, bool) { w, ok := weights[code]; return w, ok }
	got, unknown, err := FromDigest(d, spec, weigh)
	if err != nil {
		t.Fatal(err)
	}
	if len(unknown) != 1 {
		t.Fatalf("unknown = %v, want the one event of code 999", unknown)
	}
	full, err := db.EventsAt(ctx, unknown)
	if err != nil || len(full) != 1 || full[0].CAMEO != "999" {
		t.Fatalf("EventsAt(unknown) = %v, %v", full, err)
	}
	fromDigest, err := NewSeries(append(got, full...), spec)
	if err != nil {
		t.Fatal(err)
	}
	direct, err := NewSeries(evs, spec)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(direct, fromDigest); diff != "" {
		t.Errorf("series from the digest differs from the series of the events (-direct +digest):\n%s", diff)
	}
	if direct.AB.Net[2] != 2.5 {
		t.Errorf("A→B net in 2025-W02 = %v, want 2.5 (the unknown code's stored weight)", direct.AB.Net[2])
	}
}
