package analysis

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"redline"
	"redline/analysis/internal/oracle"
)

// randomRecords returns n statements and n events drawn from a small world
// (six actors, a few topics, dates of every grain within the given number
// of days from 2024, some not calendar dates at all) so that the same
// speakers, topics, targets and days meet often: the cases where grouping,
// occasions, ties and order are decided. A tiny world has two people of
// one state, two states, and talks and meetings alone.
func randomRecords(rng *rand.Rand, n, days int, tiny bool) ([]redline.Statement, []redline.Event) {
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	ids, topics := []string{"IRN", "USA", "ISR", "ali-khamenei", "masoud-pezeshkian", "donald-trump"},
		[]string{"", "negotiate", "meet", "attack", "sanction", "agree"}
	if tiny {
		ids, topics = []string{"IRN", "USA", "ali-khamenei", "masoud-pezeshkian"}, []string{"negotiate", "meet"}
	}
	actor := func() redline.ActorRef {
		switch rng.Intn(8) {
		case 0:
			return redline.ActorRef{Name: pick("a crowd", "officials")} // outside the dictionary
		case 1:
			return redline.ActorRef{}
		}
		id := pick(ids...)
		return redline.ActorRef{ID: id, Name: "name of " + id}
	}
	target := func() *redline.ActorRef {
		if rng.Intn(5) == 0 {
			return nil
		}
		a := actor()
		return &a
	}
	date := func() redline.Date {
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(days))
		v := base.Format("2006-01-02")
		switch rng.Intn(14) {
		case 0:
			v = base.Format("2006-01")
		case 1:
			v = base.Format("2006")
		case 2:
			v = fmt.Sprintf("%d-Q%d", base.Year(), (int(base.Month())+2)/3)
		case 3:
			y, w := base.ISOWeek()
			v = fmt.Sprintf("%d-W%02d", y, w)
		case 4:
			v = base.Format("2006-01-02T15:04")
		case 5:
			v = pick("PRESENT_REF", "", "202X")
		}
		d, err := redline.ParseDate(v)
		if err != nil {
			return redline.Date{Value: v}
		}
		return d
	}
	var stmts []redline.Statement
	var evs []redline.Event
	for i := range n {
		doc := fmt.Sprintf("d%d", rng.Intn(n/4+1))
		st := redline.Statement{Doc: doc, Sentence: rng.Intn(4), Speaker: actor(), Said: date(), Text: fmt.Sprintf("s%d", i),
			Topic: pick(topics...), Target: target(),
			Stance:     redline.Stance(pick("favor", "against", "neutral", "favor", "against", "")),
			Commitment: redline.Commitment(pick("absolute", "firm", "firm", "hedged", "none")),
			Threat:     rng.Intn(5) == 0, Promise: rng.Intn(8) == 0}
		if rng.Intn(4) == 0 {
			st.Conditions = []string{"if attacked"}
		}
		stmts = append(stmts, st)
		evs = append(evs, redline.Event{Doc: doc, Sentence: rng.Intn(4), Actor: actor(), Target: target(),
			Verb: pick(topics...), CAMEO: pick("040", "042", "057", "190", "163", ""),
			PLOVER: pick("CONSULT", "ASSAULT", ""), Date: date(), Mode: redline.Mode(pick("public", "covert", "alleged", "negated", "future")),
			Quad: rng.Intn(5), Text: fmt.Sprintf("e%d", i)})
	}
	return stmts, evs
}

// randomCountryOf places the people of randomRecords in their states.
func randomCountryOf(id string) string {
	switch id {
	case "ali-khamenei", "masoud-pezeshkian":
		return "IRN"
	case "donald-trump":
		return "USA"
	}
	return id
}

// sameJSON fails t unless got and want encode to the same JSON.
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if string(g) != string(w) {
		t.Fatalf("%s differs from the oracle:\n got %.2000s\nwant %.2000s", what, g, w)
	}
}

// TestEquivalence runs each analysis and the oracle, the analysis as it
// was first written, over random records, and requires the same answer.
func TestEquivalence(t *testing.T) {
	for seed := range int64(600) {
		rng := rand.New(rand.NewSource(seed))
		stmts, evs := randomRecords(rng, 1+rng.Intn(150), []int{400, 400, 20}[seed%3], seed%5 == 4)
		window := []time.Duration{DefaultWindow, 10 * 24 * time.Hour, 1000 * 24 * time.Hour}[seed%7%3]
		if seed%4 == 0 {
			// One value at two grains: "2024-03" as a month and as a
			// value whose grain was never set.
			for i := range stmts {
				if rng.Intn(2) == 0 {
					stmts[i].Said.Grain = ""
				}
			}
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			sameJSON(t, "Reversals", Reversals(stmts, window), oracle.Reversals(stmts, window))
			sameJSON(t, "Gaps", Gaps(stmts, evs, randomCountryOf), oracle.Gaps(stmts, evs, randomCountryOf))
			sameJSON(t, "Redlines", Redlines(stmts, evs, randomCountryOf), oracle.Redlines(stmts, evs, randomCountryOf))
			sameJSON(t, "Splits", Splits(stmts, randomCountryOf), oracle.Splits(stmts, randomCountryOf))

			f := newFrame(digestOf(stmts, evs), randomCountryOf)
			lines := f.redLines("")
			fl := f.follower(f.deeds(), lines, lines)
			got := fl.statuses(lines)
			for i, rl := range lines {
				if want := fl.ledger(rl).status; got[i] != want {
					t.Errorf("statuses: red line %d (%+v) is %s, its ledger ends %s", rl, stmts[rl], got[i], want)
				}
			}
		})
	}
}

func TestFarFuture(t *testing.T) {
	if got := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400; got != int64(farFuture) {
		t.Errorf("farFuture = %d, want %d", farFuture, got)
	}
	if got := (time.Time{}).Unix() / 86400; got != zeroDay {
		t.Errorf("zeroDay = %d, want %d", zeroDay, got)
	}
}

// TestEquivalenceEdges checks, against the oracle, cases too rare for
// random records to meet reliably.
func TestEquivalenceEdges(t *testing.T) {
	t.Run("an occasion that softens, then reaffirms", func(t *testing.T) {
		stmts := []redline.Statement{
			said(khamenei, "2025-01-10", redline.StanceAgainst, redline.CommitFirm, &usa),
			said(khamenei, "2025-03-01", redline.StanceFavor, redline.CommitFirm, &usa),
			said(khamenei, "2025-03-01", redline.StanceAgainst, redline.CommitFirm, &usa),
		}
		sameJSON(t, "Redlines", Redlines(stmts, nil, sideOfTest), oracle.Redlines(stmts, nil, sideOfTest))
		f := newFrame(digestOf(stmts, nil), sideOfTest)
		lines := f.redLines("")
		fl := f.follower(f.deeds(), lines, lines)
		if got := fl.statuses(lines); got[0] != StatusReaffirmed {
			t.Errorf("statuses = %v, want reaffirmed first", got)
		}
	})
	t.Run("one month written at two grains", func(t *testing.T) {
		undated := said(pezeshkian, "2025-02", redline.StanceFavor, redline.CommitHedged, &usa)
		undated.Said.Grain = ""
		stmts := []redline.Statement{
			said(pezeshkian, "2025-02", redline.StanceFavor, redline.CommitHedged, &usa), undated,
			said(khamenei, "2025-02-07", redline.StanceAgainst, redline.CommitFirm, &usa),
		}
		got := Splits(stmts, sideOfTest)
		sameJSON(t, "Splits", got, oracle.Splits(stmts, sideOfTest))
		if len(got) != 1 {
			t.Errorf("Splits = %d, want 1: the two reports of February are one occasion", len(got))
		}
	})
}
