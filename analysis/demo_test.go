package analysis_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"redline"
	"redline/analysis"
	"redline/dict"
	"redline/examples"
	"redline/extract"
	"redline/ingest"
)

// demoRecords runs the pipeline over the demo corpus.
func demoRecords(t *testing.T) ([]redline.Statement, []redline.Event, func(string) string) {
	t.Helper()
	stmts, evs, _, countryOf := demoRecordsWithDeadlines(t)
	return stmts, evs, countryOf
}

// demoRecordsWithDeadlines runs the pipeline over the demo corpus and
// keeps its deadlines too.
func demoRecordsWithDeadlines(t *testing.T) ([]redline.Statement, []redline.Event, []redline.Deadline, func(string) string) {
	t.Helper()
	p, err := extract.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	var stmts []redline.Statement
	var evs []redline.Event
	var dls []redline.Deadline
	err = ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			return err
		}
		x := p.Run(d)
		stmts = append(stmts, x.Statements...)
		evs = append(evs, x.Events...)
		dls = append(dls, x.Deadlines...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return stmts, evs, dls, p.Actors.CountryOf
}

// TestDemoFindings checks findings that examples/EXPECTED.md, written
// before the analyses, says a careful analyst draws from the demo corpus.
// Each is a regression test: the analyses found it when it was written.
func TestDemoFindings(t *testing.T) {
	stmts, evs, countryOf := demoRecords(t)

	t.Run("Khamenei reverses on talks with Washington, February to April 2025", func(t *testing.T) {
		found := false
		for _, r := range analysis.Reversals(stmts, analysis.DefaultWindow) {
			found = found || (r.Speaker.ID == "ali-khamenei" && r.Topic == "negotiate" && r.Target != nil && r.Target.ID == "USA" &&
				r.Before.Stance == redline.StanceAgainst && strings.HasPrefix(r.Before.Said.Value, "2025-02") &&
				r.After.Stance == redline.StanceFavor && strings.HasPrefix(r.After.Said.Value, "2025-04"))
		}
		if !found {
			t.Error("no reversal by ali-khamenei on negotiate toward USA from 2025-02 against to 2025-04 favor")
		}
	})

	t.Run("Russia denied plans to attack, then invaded", func(t *testing.T) {
		found := false
		for _, g := range analysis.Gaps(stmts, evs, countryOf) {
			found = found || (countryOf(g.Statement.Speaker.ID) == "RUS" && g.Statement.Topic == "attack" &&
				strings.HasPrefix(g.Event.Date.Value, "2022-02") && g.Event.PLOVER == "ASSAULT")
		}
		if !found {
			t.Error("no gap between Russia's denials of an attack and the February 2022 invasion")
		}
	})

	t.Run("no gap sets a statement against its own words", func(t *testing.T) {
		for _, g := range analysis.Gaps(stmts, evs, countryOf) {
			if g.Statement.Doc == g.Event.Doc && g.Statement.Span.Overlaps(g.Event.Span) {
				t.Errorf("gap inside the statement's own words: %s", g.Explanation)
			}
		}
	})

	t.Run("Pezeshkian open to dialogue while Khamenei rejects talks", func(t *testing.T) {
		found := false
		for _, s := range analysis.Splits(stmts, countryOf) {
			found = found || (s.Country == "IRN" && s.Topic == "negotiate" &&
				s.Favor.Speaker.ID == "masoud-pezeshkian" && s.Against.Speaker.ID == "ali-khamenei")
		}
		if !found {
			t.Error("no split between masoud-pezeshkian (favor) and ali-khamenei (against) on negotiate")
		}
	})

	t.Run("the 2018 ban on talks was softened in April 2025", func(t *testing.T) {
		found := false
		for _, r := range analysis.Redlines(stmts, evs, countryOf) {
			found = found || (r.Statement.Speaker.ID == "ali-khamenei" && r.Statement.Topic == "negotiate" &&
				r.Statement.Said.Value == "2018-08-13" && r.Status == analysis.StatusSoftened)
		}
		if !found {
			t.Error("the 2018-08-13 red line on negotiate is not softened")
		}
	})

	t.Run("two of three rejections of talks were followed by talks", func(t *testing.T) {
		rep := analysis.Precedents(stmts, evs, analysis.PrecedentQuery{Actor: "ali-khamenei", Topic: "negotiate",
			Stance: redline.StanceAgainst}, countryOf)
		found := false
		for _, b := range rep.BaseRates {
			found = found || (b.PLOVER == "" && b.Topic == "negotiate" && b.Followed == 2 && b.Of == 3)
		}
		if !found {
			t.Errorf("base rates %+v lack 2 of 3 for negotiate", rep.BaseRates)
		}
	})
}

// TestDemoDeadlines checks deadlines from the table "Deadlines relative to
// each article's date" in examples/EXPECTED.md, written before the code:
// each row below was found when this test was written, 14 of the 18
// rows of 27 found then (the others are looser matches of grain or text).
func TestDemoDeadlines(t *testing.T) {
	stmts, _, dls, _ := demoRecordsWithDeadlines(t)
	entries := analysis.Deadlines(dls, stmts, time.Time{})
	for _, want := range []struct{ date, what string }{
		{"2013-02-26", "the Almaty talks"},
		{"2017-08-21", "Ulchi Freedom Guardian"},
		{"2018-08-06", "the first wind-down of sanctions"},
		{"2018-11-04", "the second wind-down"},
		{"2018-11-05", "the second tranche of sanctions"},
		{"2019", "Kim's year-end deadline"},
		{"2019-07-21", "working-level talks within two to three weeks"},
		{"2022-02-20", "the end of the Belarus drill"},
		{"2025-04-19", "the second round in Oman"},
		{"2025-07-03", "Trump's decision within two weeks of 19 June"},
		{"2025-08-08", "Trump's shortened tariff deadline"},
		{"2025-09-02", "the original 50 days"},
		{"2025-09-27", "snapback completing 30 days after the trigger"},
		{"2025-10-18", "the snapback mechanism lapses"},
	} {
		found := false
		for _, e := range entries {
			found = found || e.Deadline.Date.Value == want.date
		}
		if !found {
			t.Errorf("no deadline on %s (%s)", want.date, want.what)
		}
	}
	for _, e := range entries {
		if e.Deadline.Date.Value < "2013" {
			t.Errorf("deadline %s (%q) lies before every article of the corpus", e.Deadline.Date.Value, e.Deadline.Text)
		}
	}
}
