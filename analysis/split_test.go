package analysis

import (
	"testing"

	"redline"
)

var pezeshkian = redline.ActorRef{ID: "masoud-pezeshkian", Name: "Masoud Pezeshkian"}

func TestSplits(t *testing.T) {
	rebuff := said(khamenei, "2025-02-07", redline.StanceAgainst, redline.CommitFirm, &usa)
	opening := func(date string) redline.Statement {
		return said(pezeshkian, date, redline.StanceFavor, redline.CommitHedged, &usa)
	}
	tests := []struct {
		name  string
		stmts []redline.Statement
		want  int
		days  int
	}{
		{"president open, leader against, a day apart", []redline.Statement{opening("2025-02-06"), rebuff}, 1, 1},
		{"a month-grain date overlaps the day", []redline.Statement{said(pezeshkian, "2025-02", redline.StanceFavor, redline.CommitNone, &usa), rebuff}, 1, 0},
		{"thirty days apart is inside the window", []redline.Statement{opening("2025-01-08"), rebuff}, 1, 30},
		{"forty-five days apart is outside it", []redline.Statement{opening("2024-12-24"), rebuff}, 0, 0},
		{"the same speaker is a reversal, not a split", []redline.Statement{said(khamenei, "2025-02-06", redline.StanceFavor, redline.CommitHedged, &usa), rebuff}, 0, 0},
		{"a speaker of another state", []redline.Statement{said(rubio, "2025-02-06", redline.StanceFavor, redline.CommitFirm, &usa), rebuff}, 0, 0},
		{"a different target", []redline.Statement{said(pezeshkian, "2025-02-06", redline.StanceFavor, redline.CommitHedged, &israel), rebuff}, 0, 0},
		{"a person and their state count as one target", []redline.Statement{said(pezeshkian, "2025-02-06", redline.StanceFavor, redline.CommitHedged, &trump), rebuff}, 1, 1},
		{"neutral takes no side", []redline.Statement{said(pezeshkian, "2025-02-06", redline.StanceNeutral, redline.CommitHedged, &usa), rebuff}, 0, 0},
		{"the state's own voice is not one of its actors", []redline.Statement{said(iran, "2025-02-06", redline.StanceFavor, redline.CommitFirm, &usa), rebuff}, 0, 0},
		{"a speaker outside the dictionary", []redline.Statement{said(redline.ActorRef{Name: "an Iranian diplomat"}, "2025-02-06", redline.StanceFavor, redline.CommitFirm, &usa), rebuff}, 0, 0},
		{"two reports of one pair count once", []redline.Statement{opening("2025-02-06"), opening("2025-02-06"), rebuff}, 1, 1},
		{"input order does not matter", []redline.Statement{rebuff, opening("2025-02-06")}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Splits(tt.stmts, sideOfTest)
			if len(got) != tt.want {
				t.Fatalf("Splits = %d, want %d: %+v", len(got), tt.want, got)
			}
			if tt.want == 0 {
				return
			}
			s := got[0]
			if s.Country != "IRN" || s.Topic != "negotiate" || s.Days != tt.days ||
				s.Favor.Speaker.ID != "masoud-pezeshkian" || s.Against.Speaker.ID != "ali-khamenei" {
				t.Errorf("Splits[0] = %s %s, %d days, favor %s, against %s; want IRN negotiate, %d days, pezeshkian, khamenei",
					s.Country, s.Topic, s.Days, s.Favor.Speaker.ID, s.Against.Speaker.ID, tt.days)
			}
		})
	}
}

func TestSplitsEmpty(t *testing.T) {
	if got := Splits(nil, sideOfTest); got == nil || len(got) != 0 {
		t.Errorf("Splits(nil) = %#v, want an empty list", got)
	}
}
