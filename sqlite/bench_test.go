package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"redline"
	"redline/internal/storetest"
)

// benchExtraction returns an extraction the size of a long news article:
// n statements, n events, n time expressions and one deadline, drawn from
// the fixtures.
func benchExtraction(id string, n int) *redline.Extraction {
	fx := storetest.Fixtures()
	x := &redline.Extraction{Doc: fx[0].Doc}
	x.Doc.ID = id
	for i := range n {
		f := fx[i%len(fx)]
		x.Statements = append(x.Statements, f.Statements[i%len(f.Statements)])
		x.Events = append(x.Events, f.Events[i%len(f.Events)])
		x.Times = append(x.Times, f.Times[i%len(f.Times)])
	}
	x.Deadlines = fx[2].Deadlines
	return x
}

// BenchmarkSaveExtraction saves documents of 10 statements and 10 events
// each and reports records (statements plus events) saved per second.
func BenchmarkSaveExtraction(b *testing.B) {
	for _, bb := range []struct {
		name string
		dsn  func(b *testing.B) string
	}{
		{"Memory", func(*testing.B) string { return ":memory:" }},
		{"File", func(b *testing.B) string { return filepath.Join(b.TempDir(), "bench.db") }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			const n = 10
			db := MustOpenDB(b, bb.dsn(b)) // a new database for every round
			xs := make([]*redline.Extraction, b.N)
			for i := range xs {
				xs[i] = benchExtraction(fmt.Sprintf("%s-%d", b.Name(), i), n)
			}
			ctx := context.Background()
			b.ResetTimer()
			for i := range b.N {
				if _, err := db.SaveExtraction(ctx, xs[i]); err != nil {
					b.Fatalf("SaveExtraction: %v", err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(2*n*b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
