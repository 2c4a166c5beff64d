package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"redline"
)

// Run runs the conformance suite against the stores open returns. open is
// called once per subtest and must return a new, empty store that looks
// countries up with CountryOf, and arrange for it to be closed when tb ends.
//
// Beyond what redline.Store documents, the suite expects records to order
// by the first day their date covers, with undated records first and ties
// broken by document ID then position in the document, and EINVALID for a
// negative limit or offset and for a malformed search.
func Run(t *testing.T, open func(tb testing.TB) redline.Store) {
	t.Run("SaveExtraction", func(t *testing.T) { testSaveExtraction(t, open) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, open) })
	t.Run("Statements", func(t *testing.T) { testStatements(t, open) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open) })
	t.Run("Events", func(t *testing.T) { testEvents(t, open) })
	t.Run("Deadlines", func(t *testing.T) { testDeadlines(t, open) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, open) })
}

// MustSave saves each extraction in s and fails tb unless each is new.
func MustSave(tb testing.TB, s redline.Store, xs ...*redline.Extraction) {
	tb.Helper()
	for _, x := range xs {
		created, err := s.SaveExtraction(context.Background(), x)
		if err != nil {
			tb.Fatalf("SaveExtraction(%s): %v", x.Doc.ID, err)
		} else if !created {
			tb.Fatalf("SaveExtraction(%s) = false, want true", x.Doc.ID)
		}
	}
}

// MustCounts returns the counts of s or fails tb.
func MustCounts(tb testing.TB, s redline.Store) redline.Counts {
	tb.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		tb.Fatalf("Counts: %v", err)
	}
	return c
}

// fixtureCounts is what a store holds after saving Fixtures.
var fixtureCounts = redline.Counts{Documents: 3, Statements: 7, Events: 6, Times: 5, Deadlines: 2}

// wantErrorCode fails t unless err carries the given redline error code.
func wantErrorCode(t *testing.T, call string, err error, code string) {
	t.Helper()
	if got := redline.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", call, err, got, code)
	}
}

func testSaveExtraction(t *testing.T, open func(testing.TB) redline.Store) {
	t.Run("RoundTrip", func(t *testing.T) {
		s := open(t)
		xs := Fixtures()
		MustSave(t, s, xs...)
		for _, want := range Fixtures() {
			compareExtraction(t, s, want)
		}
		if diff := cmp.Diff(fixtureCounts, MustCounts(t, s)); diff != "" {
			t.Errorf("Counts mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("Duplicate", func(t *testing.T) {
		s := open(t)
		MustSave(t, s, Fixtures()...)
		again := Fixtures()[0]
		again.Doc.Title = "changed"
		again.Statements = append(again.Statements, again.Statements[0])
		created, err := s.SaveExtraction(context.Background(), again)
		if err != nil || created {
			t.Fatalf("SaveExtraction(%s) again = %v, %v; want false, nil", again.Doc.ID, created, err)
		}
		if diff := cmp.Diff(fixtureCounts, MustCounts(t, s)); diff != "" {
			t.Errorf("Counts after re-save mismatch (-want +got):\n%s", diff)
		}
		compareExtraction(t, s, Fixtures()[0])
	})
	t.Run("Cancelled", func(t *testing.T) {
		s := open(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := s.SaveExtraction(ctx, Fixtures()[0]); err == nil {
			t.Errorf("SaveExtraction with cancelled context: error nil, want one")
		}
		if diff := cmp.Diff(redline.Counts{}, MustCounts(t, s)); diff != "" {
			t.Errorf("Counts after cancelled save mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		s := open(t)
		x := &redline.Extraction{Doc: redline.Document{ID: "empty", Text: ""}}
		MustSave(t, s, x)
		compareExtraction(t, s, x)
		if diff := cmp.Diff(redline.Counts{Documents: 1}, MustCounts(t, s)); diff != "" {
			t.Errorf("Counts mismatch (-want +got):\n%s", diff)
		}
	})
}

// compareExtraction checks that s holds want's document and records, each
// record stamped with the document ID. Records are compared in span order.
func compareExtraction(t *testing.T, s redline.Store, want *redline.Extraction) {
	t.Helper()
	ctx := context.Background()
	id := want.Doc.ID
	docs, err := s.Documents(ctx, redline.DocumentFilter{ID: id})
	if err != nil {
		t.Fatalf("Documents(%s): %v", id, err)
	}
	if diff := cmp.Diff([]redline.Document{want.Doc}, docs); diff != "" {
		t.Errorf("Documents(%s) mismatch (-want +got):\n%s", id, diff)
	}
	ss, err := s.Statements(ctx, redline.StatementFilter{Doc: id})
	if err != nil {
		t.Fatalf("Statements(%s): %v", id, err)
	}
	for i := range want.Statements {
		want.Statements[i].Doc = id
	}
	if diff := diffRecords(want.Statements, ss, func(r redline.Statement) int { return r.Span.Start }); diff != "" {
		t.Errorf("Statements(%s) mismatch (-want +got):\n%s", id, diff)
	}
	es, err := s.Events(ctx, redline.EventFilter{Doc: id})
	if err != nil {
		t.Fatalf("Events(%s): %v", id, err)
	}
	for i := range want.Events {
		want.Events[i].Doc = id
	}
	if diff := diffRecords(want.Events, es, func(r redline.Event) int { return r.Span.Start }); diff != "" {
		t.Errorf("Events(%s) mismatch (-want +got):\n%s", id, diff)
	}
	compareDeadlines(t, s, want)
}

// diffRecords compares two lists of records in the order of the key start
// returns, which must differ between the records of one list. It takes a
// nil list and an empty one to be equal, but not nil and empty fields.
func diffRecords[T any](want, got []T, start func(T) int) string {
	if len(want) == 0 && len(got) == 0 {
		return ""
	}
	return cmp.Diff(want, got, cmpopts.SortSlices(func(a, b T) bool { return start(a) < start(b) }))
}

// compareDeadlines checks that s holds want's deadlines.
func compareDeadlines(t *testing.T, s redline.Store, want *redline.Extraction) {
	t.Helper()
	all, err := s.Deadlines(context.Background())
	if err != nil {
		t.Fatalf("Deadlines: %v", err)
	}
	var got []redline.Deadline
	for _, d := range all {
		if d.Doc == want.Doc.ID {
			got = append(got, d)
		}
	}
	for i := range want.Deadlines {
		want.Deadlines[i].Doc = want.Doc.ID
	}
	if diff := diffRecords(want.Deadlines, got, func(r redline.Deadline) int { return r.Span.Start }); diff != "" {
		t.Errorf("Deadlines of %s mismatch (-want +got):\n%s", want.Doc.ID, diff)
	}
}

func testDocuments(t *testing.T, open func(testing.TB) redline.Store) {
	s := open(t)
	MustSave(t, s, Fixtures()...)
	tests := []struct {
		name string
		in   redline.DocumentFilter
		want []string
	}{
		{"All", redline.DocumentFilter{}, []string{"d2", "d1", "d3"}},
		{"ID", redline.DocumentFilter{ID: "d1"}, []string{"d1"}},
		{"Limit", redline.DocumentFilter{Limit: 2}, []string{"d2", "d1"}},
		{"Offset", redline.DocumentFilter{Limit: 2, Offset: 2}, []string{"d3"}},
		{"OffsetPastEnd", redline.DocumentFilter{Offset: 3}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := s.Documents(context.Background(), tt.in)
			if err != nil {
				t.Fatalf("Documents(%+v): %v", tt.in, err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.ID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Documents(%+v) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.Documents(context.Background(), redline.DocumentFilter{ID: "nope"})
		wantErrorCode(t, "Documents(nope)", err, redline.ENOTFOUND)
	})
}

func testConcurrent(t *testing.T, open func(testing.TB) redline.Store) {
	s := open(t)
	const workers, perWorker = 8, 10
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, workers*perWorker*2)
	for w := range workers {
		wg.Go(func() {
			for i := range perWorker {
				x := Fixtures()[i%3]
				x.Doc.ID = fmt.Sprintf("w%d-%d", w, i)
				if created, err := s.SaveExtraction(ctx, x); err != nil || !created {
					errs <- fmt.Errorf("SaveExtraction(%s) = %v, %v; want true, nil", x.Doc.ID, created, err)
				}
				if _, err := s.Statements(ctx, redline.StatementFilter{Search: "iran", Limit: 5}); err != nil {
					errs <- fmt.Errorf("statements: %v", err)
				}
			}
		})
	}
	// Every worker also races to save one shared document.
	var createdShared sync.Map
	for w := range workers {
		wg.Go(func() {
			created, err := s.SaveExtraction(ctx, Fixtures()[0])
			if err != nil {
				errs <- fmt.Errorf("SaveExtraction(d1): %v", err)
			}
			createdShared.Store(w, created)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	n := 0
	createdShared.Range(func(_, v any) bool {
		if v.(bool) {
			n++
		}
		return true
	})
	if n != 1 {
		t.Errorf("concurrent saves of d1 created it %d times, want 1", n)
	}
	c := MustCounts(t, s)
	if want := workers*perWorker + 1; c.Documents != want {
		t.Errorf("Counts().Documents = %d, want %d", c.Documents, want)
	}
}
