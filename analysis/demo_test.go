package analysis_test

import (
	"context"
	"strings"
	"testing"

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
	p, err := extract.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	var stmts []redline.Statement
	var evs []redline.Event
	err = ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			return err
		}
		x := p.Run(d)
		stmts = append(stmts, x.Statements...)
		evs = append(evs, x.Events...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return stmts, evs, p.Actors.CountryOf
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
