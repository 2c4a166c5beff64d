package analysis

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
	"redline/sqlite"
)

// benchGenerator names the records syntheticDoc makes. Bump it whenever
// they change, so that cached stores made by an older generator are not
// reused.
const benchGenerator = 1

// benchStore returns a SQLite store of n synthetic statements and n events
// (REDLINE_BENCH_RECORDS, default 100,000 each) across 60 actors, five
// topics and 25 years. Generating a million of each takes minutes, so the
// file is cached in the OS temporary directory under the count and
// benchGenerator and reused by later runs; REDLINE_BENCH_FRESH=1 makes a
// new one. The benchmarks only read the store.
func benchStore(b *testing.B) (*sqlite.DB, func(string) string) {
	b.Helper()
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("REDLINE_BENCH_RECORDS")); err == nil && v > 0 {
		n = v
	}
	countryOf := func(id string) string { return id[:3] }
	dir := filepath.Join(os.TempDir(), "redline-bench")
	path := filepath.Join(dir, fmt.Sprintf("report-g%d-%d.db", benchGenerator, n))
	if _, err := os.Stat(path); err != nil || os.Getenv("REDLINE_BENCH_FRESH") == "1" {
		start := time.Now()
		if err := generateStore(dir, path, n, countryOf); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %s in %v", path, time.Since(start).Round(time.Second))
	}
	db := sqlite.NewDB(path)
	db.CountryOf = countryOf
	if err := db.Open(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db, countryOf
}

// generateStore writes the synthetic store to a temporary file beside path
// and renames it into place once it is complete and closed, so that an
// interrupted run leaves no half-filled cache behind.
func generateStore(dir, path string, n int, countryOf func(string) string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	db := sqlite.NewDB("file:" + tmp + "?_pragma=cache_size(-262144)") // 256 MiB: the indexes stay in memory
	db.CountryOf = countryOf
	if err := db.Open(); err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(1))
	const perDoc, perTx = 50, 1000
	var batch []*redline.Extraction
	for d := 0; d < n/perDoc; d++ {
		batch = append(batch, syntheticDoc(rng, d, perDoc))
		if len(batch) == perTx || d == n/perDoc-1 {
			if _, err := db.SaveExtractions(context.Background(), batch); err != nil {
				db.Close()
				return err
			}
			batch = batch[:0]
		}
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
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

// benchLimit is how many entries of each section the benchmarked report
// shows, as redline report does by default.
const benchLimit = 50

// loop runs fn as b.Loop asks and reports, beside the wall-clock time,
// the processor time per run (cpu-ms/op): all of the process's threads,
// the garbage collector's included.
func loop(b *testing.B, fn func()) {
	start := cpuTime()
	for b.Loop() {
		fn()
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkReport times the report over a store of synthetic records:
// reading the store's digest, then each analysis over it (its section of
// the report: finding every entry, keeping the latest benchLimit and
// reading their records), then the whole report from the store. Targets:
// each analysis under 200 ms and the full report under 1 s at 1 million
// statements and events. The totals found are reported with the times.
func BenchmarkReport(b *testing.B) {
	db, countryOf := benchStore(b)
	ctx := context.Background()
	digest := func(b *testing.B) *redline.Digest {
		d, err := db.Digest(ctx)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	b.Run("digest", func(b *testing.B) {
		loop(b, func() { digest(b) })
	})
	d := digest(b)
	opts := Options{CountryOf: countryOf, Window: DefaultWindow, Limit: benchLimit}
	section := func(name string, find func(*builder), total func(Totals) int) {
		b.Run(name, func(b *testing.B) {
			var bd *builder
			loop(b, func() {
				bd = &builder{f: newFrame(d, countryOf), opts: opts}
				bd.f.resolveSides()
				find(bd)
				if err := bd.fetch(ctx, db); err != nil {
					b.Fatal(err)
				}
				bd.report()
			})
			b.ReportMetric(float64(total(bd.totals)), "found")
		})
	}
	section("timeline", (*builder).findTimeline, func(t Totals) int { return t.Timeline })
	section("reversals", (*builder).findReversals, func(t Totals) int { return t.Reversals })
	section("gaps", func(bd *builder) { bd.findGaps(bd.f.deeds()) }, func(t Totals) int { return t.Gaps })
	section("redlines", func(bd *builder) { bd.findRedlines(bd.f.deeds) }, func(t Totals) int { return t.Redlines })
	section("splits", (*builder).findSplits, func(t Totals) int { return t.Splits })
	b.Run("full", func(b *testing.B) {
		loop(b, func() {
			if _, err := Build(ctx, db, opts); err != nil {
				b.Fatal(err)
			}
		})
	})
}
