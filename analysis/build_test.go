package analysis

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"redline"
	"redline/sqlite"
)

// storeOf saves records in a new in-memory store, one extraction per
// document, and returns it with the records as the store returns them.
func storeOf(t *testing.T, stmts []redline.Statement, evs []redline.Event) (*sqlite.DB, []redline.Statement, []redline.Event) {
	t.Helper()
	db := sqlite.NewDB(":memory:")
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	docs := map[string]*redline.Extraction{}
	var xs []*redline.Extraction
	doc := func(id string) *redline.Extraction {
		if docs[id] == nil {
			docs[id] = &redline.Extraction{Doc: redline.Document{ID: id, Text: id}}
			xs = append(xs, docs[id])
		}
		return docs[id]
	}
	for _, s := range stmts {
		x := doc(s.Doc)
		x.Statements = append(x.Statements, s)
	}
	for _, e := range evs {
		x := doc(e.Doc)
		x.Events = append(x.Events, e)
	}
	ctx := context.Background()
	if _, err := db.SaveExtractions(ctx, xs); err != nil {
		t.Fatal(err)
	}
	stmts, err := db.Statements(ctx, redline.StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	evs, err = db.Events(ctx, redline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return db, stmts, evs
}

// lastOf returns the last n of s, all of s when n is 0.
func lastOf[T any](s []T, n int) []T {
	if n > 0 && len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestBuild checks that a report built over a store's digest, whole,
// limited or narrowed to one actor, holds what the analyses find over the
// store's records.
func TestBuild(t *testing.T) {
	ctx := context.Background()
	for seed := range int64(20) {
		rng := rand.New(rand.NewSource(seed))
		stmts, evs := randomRecordsForBuild(rng)
		db, stmts, evs := storeOf(t, stmts, evs)
		for _, limit := range []int{0, 1, 3} {
			for _, actor := range []string{"", "ali-khamenei", "IRN"} {
				t.Run(fmt.Sprintf("%d/limit %d/actor %q", seed, limit, actor), func(t *testing.T) {
					r, err := Build(ctx, db, Options{CountryOf: randomCountryOf, Limit: limit, Actor: actor})
					if err != nil {
						t.Fatal(err)
					}
					checkBuild(t, r, stmts, evs, limit, actor)
				})
			}
		}
	}
}

func randomRecordsForBuild(rng *rand.Rand) ([]redline.Statement, []redline.Event) {
	return randomRecords(rng, 1+rng.Intn(150), []int{400, 20}[rng.Intn(2)], rng.Intn(3) == 0)
}

// checkBuild compares r with the analyses over stmts and evs.
func checkBuild(t *testing.T, r *Report, stmts []redline.Statement, evs []redline.Event, limit int, actor string) {
	t.Helper()
	about := func(ids ...string) bool {
		for _, id := range ids {
			if actor == "" || id == actor {
				return true
			}
		}
		return false
	}
	timeline := Timeline(stmts, evs, actor)
	var reversals []Reversal
	for _, rv := range Reversals(stmts, DefaultWindow) {
		if about(rv.Speaker.ID) {
			reversals = append(reversals, rv)
		}
	}
	var gaps []Gap
	for _, g := range Gaps(stmts, evs, randomCountryOf) {
		if about(g.Statement.Speaker.ID, g.Event.Actor.ID) {
			gaps = append(gaps, g)
		}
	}
	var lines []RedLine
	statuses := map[string]int{StatusHeld: 0, StatusReaffirmed: 0, StatusSoftened: 0, StatusCrossed: 0}
	for _, rl := range Redlines(stmts, evs, randomCountryOf) {
		if about(rl.Statement.Speaker.ID) {
			lines = append(lines, rl)
			statuses[rl.Status]++
		}
	}
	var splits []Split
	for _, s := range Splits(stmts, randomCountryOf) {
		if about(s.Favor.Speaker.ID, s.Against.Speaker.ID) {
			splits = append(splits, s)
		}
	}
	want := Totals{Timeline: len(timeline), Reversals: len(reversals), Gaps: len(gaps), Redlines: len(lines),
		Statuses: statuses, Splits: len(splits)}
	got := r.Totals
	got.Deadlines = 0
	sameJSON(t, "Totals", got, want)
	sameJSON(t, "Timeline", r.Timeline, nonNil(lastOf(timeline, limit)))
	sameJSON(t, "Reversals", r.Reversals, nonNil(lastOf(reversals, limit)))
	sameJSON(t, "Gaps", r.Gaps, nonNil(lastOf(gaps, limit)))
	sameJSON(t, "Redlines", r.Redlines, nonNil(lastOf(lines, limit)))
	sameJSON(t, "Splits", r.Splits, nonNil(lastOf(splits, limit)))
}

// TestBuildPrecedents checks that a report narrowed to one actor carries
// the base rates of its patterns, the same ones Precedents draws from all
// the records, and that a report for everyone carries none.
func TestBuildPrecedents(t *testing.T) {
	day := func(s string) redline.Date { d, _ := redline.ParseDate(s); return d }
	iran, usa := redline.ActorRef{ID: "IRN", Name: "Iran"}, redline.ActorRef{ID: "USA", Name: "United States"}
	leader := redline.ActorRef{ID: "IRN-leader", Name: "Leader"}
	stmts := []redline.Statement{
		{Doc: "d1", Sentence: 0, Speaker: leader, Said: day("2013-02-07"), Topic: "negotiate", Target: &usa, Stance: redline.StanceAgainst, Commitment: redline.CommitFirm},
		{Doc: "d2", Sentence: 0, Speaker: leader, Said: day("2018-08-13"), Topic: "negotiate", Target: &usa, Stance: redline.StanceAgainst, Commitment: redline.CommitAbsolute},
		{Doc: "d9", Sentence: 0, Speaker: leader, Said: day("2024-01-01"), Topic: "attack", Target: &usa, Stance: redline.StanceFavor, Commitment: redline.CommitFirm},
	}
	evs := []redline.Event{
		{Doc: "d3", Sentence: 0, Actor: usa, Target: &iran, Verb: "negotiate", CAMEO: "046", PLOVER: "CONSULT", Date: day("2013-03"), Mode: redline.ModeCovert, Quad: redline.QuadVerbalCooperation},
	}
	db, all, allEvs := storeOf(t, stmts, evs)
	countryOf := func(id string) string { return id[:3] }
	ctx := context.Background()
	rep, err := Build(ctx, db, Options{Actor: "IRN-leader", CountryOf: countryOf})
	if err != nil {
		t.Fatal(err)
	}
	want := Precedents(all, allEvs, PrecedentQuery{Actor: "IRN-leader", Topic: "negotiate", Stance: redline.StanceAgainst}, countryOf)
	var wantRate *BaseRate
	for i, b := range want.BaseRates {
		if b.PLOVER == "" {
			wantRate = &want.BaseRates[i]
		}
	}
	if wantRate == nil || wantRate.Followed != 1 {
		t.Fatalf("Precedents found %+v, want the 2013 rejection followed by talks", want.BaseRates)
	}
	found := false
	for _, b := range rep.Precedents {
		if b.Topic == "negotiate" && b.Stance == redline.StanceAgainst {
			found = true
			if b.Followed != wantRate.Followed || b.Of+b.Pending != wantRate.Of+wantRate.Pending {
				t.Errorf("report base rate %+v, Precedents %+v", b, *wantRate)
			}
		}
	}
	if !found {
		t.Errorf("report precedents %+v lack the rejections of talks", rep.Precedents)
	}
	everyone, err := Build(ctx, db, Options{CountryOf: countryOf})
	if err != nil {
		t.Fatal(err)
	}
	if len(everyone.Precedents) != 0 {
		t.Errorf("a report for every actor has precedents %+v", everyone.Precedents)
	}
}

// TestActorRecords checks that the precedents drawn from an actor's
// records alone, with the record's end taken from the digest, are those
// drawn from every record, for a speaker and for a state.
func TestActorRecords(t *testing.T) {
	stmts, evs := randomRecords(rand.New(rand.NewSource(7)), 400, 400, false)
	countryOf := randomCountryOf
	db, all, allEvs := storeOf(t, stmts, evs)
	ctx := context.Background()
	d, err := db.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []PrecedentQuery{
		{Actor: "ali-khamenei", Topic: "negotiate", Stance: redline.StanceAgainst},
		{Actor: "IRN", Topic: "negotiate", Stance: redline.StanceAgainst},
		{Actor: "donald-trump", Topic: "attack", Stance: redline.StanceFavor},
	} {
		want := Precedents(all, allEvs, q, countryOf)
		some, someEvs, err := ActorRecords(ctx, db, d, q.Actor, countryOf)
		if err != nil {
			t.Fatal(err)
		}
		q.End = DigestEnd(d)
		got := Precedents(some, someEvs, q, countryOf)
		got.Query.End, want.Query.End = time.Time{}, time.Time{}
		sameJSON(t, "Precedents of "+q.Actor, got, want)
		if len(want.Cases) == 0 {
			t.Errorf("query %+v found no case; the test proves nothing", q)
		}
	}
}
