package analysis

import (
	"context"
	"fmt"
	"math/rand"
	"testing"

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
