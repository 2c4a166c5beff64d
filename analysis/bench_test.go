package analysis_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"redline"
	"redline/analysis"
	"redline/sqlite"
)

// benchStore fills a SQLite file with n synthetic statements and n events
// (REDLINE_BENCH_RECORDS, default 100,000 each) across 60 actors, five
// topics and 25 years, and returns it opened.
func benchStore(b *testing.B) (*sqlite.DB, func(string) string) {
	b.Helper()
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("REDLINE_BENCH_RECORDS")); err == nil && v > 0 {
		n = v
	}
	countryOf := func(id string) string { return id[:3] }
	db := sqlite.NewDB(filepath.Join(b.TempDir(), "bench.db"))
	db.CountryOf = countryOf
	if err := db.Open(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	rng := rand.New(rand.NewSource(1))
	const perDoc = 50
	for d := 0; d < n/perDoc; d++ {
		if _, err := db.SaveExtraction(context.Background(), syntheticDoc(rng, d, perDoc)); err != nil {
			b.Fatal(err)
		}
	}
	return db, countryOf
}

var (
	benchStates = []string{"IRN", "USA", "ISR", "RUS", "UKR", "PRK", "CHN", "GBR", "FRA", "DEU"}
	benchTopics = []string{"negotiate", "attack", "sanction", "withdraw", "meet"}
	benchStance = []redline.Stance{redline.StanceFavor, redline.StanceAgainst, redline.StanceNeutral}
)

// syntheticDoc makes one document with perDoc statements and perDoc events.
func syntheticDoc(rng *rand.Rand, d, perDoc int) *redline.Extraction {
	id := fmt.Sprintf("doc%07d", d)
	x := &redline.Extraction{Doc: redline.Document{ID: id, Published: redline.Day(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)), Text: id}}
	for i := 0; i < perDoc; i++ {
		day := redline.Day(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(25*365)))
		a := benchStates[rng.Intn(len(benchStates))]
		t := benchStates[rng.Intn(len(benchStates))]
		speaker := redline.ActorRef{ID: a + "-official-" + strconv.Itoa(rng.Intn(6)), Name: a + " official"}
		target := &redline.ActorRef{ID: t + "-state", Name: t}
		x.Statements = append(x.Statements, redline.Statement{Doc: id, Sentence: i, Speaker: speaker, Said: day,
			Kind: redline.QuoteIndirect, Text: "synthetic", Topic: benchTopics[rng.Intn(len(benchTopics))], Target: target,
			Stance: benchStance[rng.Intn(3)], Commitment: redline.CommitFirm, Conditions: []string{}})
		x.Events = append(x.Events, redline.Event{Doc: id, Sentence: i, Actor: redline.ActorRef{ID: a + "-state", Name: a},
			Target: target, Verb: benchTopics[rng.Intn(len(benchTopics))], CAMEO: "190", PLOVER: "ASSAULT", Date: day,
			Mode: redline.ModePublic, Quad: redline.QuadMaterialConflict, Text: "synthetic"})
	}
	return x
}

// BenchmarkReport times each analysis, reading the store, over a store of
// synthetic records. Targets: each analysis under 200 ms and the full
// report under 1 s at 1 million statements and events.
func BenchmarkReport(b *testing.B) {
	db, countryOf := benchStore(b)
	ctx := context.Background()
	read := func(b *testing.B) ([]redline.Statement, []redline.Event) {
		stmts, err := db.Statements(ctx, redline.StatementFilter{})
		if err != nil {
			b.Fatal(err)
		}
		evs, err := db.Events(ctx, redline.EventFilter{})
		if err != nil {
			b.Fatal(err)
		}
		return stmts, evs
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			read(b)
		}
	})
	stmts, evs := read(b)
	b.Run("timeline", func(b *testing.B) {
		for b.Loop() {
			analysis.Timeline(stmts, evs, "")
		}
	})
	b.Run("reversals", func(b *testing.B) {
		for b.Loop() {
			analysis.Reversals(stmts, analysis.DefaultWindow)
		}
	})
	b.Run("gaps", func(b *testing.B) {
		for b.Loop() {
			analysis.Gaps(stmts, evs, countryOf)
		}
	})
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			if _, err := analysis.Build(ctx, db, analysis.Options{CountryOf: countryOf}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
