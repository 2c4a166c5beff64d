package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/sqlite"
)

// randomExtractions returns n documents of random records: every grain,
// values that are not calendar dates, missing and empty targets, speakers
// outside the dictionary, conditions, threats and every mode, so that the
// digest meets each case it must encode.
func randomExtractions(rng *rand.Rand, n int) []*redline.Extraction {
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	date := func() redline.Date {
		v := pick("2013", "2013-02", "2013-02-07", "2013-Q1", "2013-SU", "199X", "19XX", "2025-W06",
			"2013-02-07T10:30", "2012-12-30", "2014-01-01", "PRESENT_REF", "")
		d, err := redline.ParseDate(v)
		if err != nil {
			d = redline.Date{Value: v}
		}
		d.Anchor = redline.Anchor(pick("sentence", "published", ""))
		return d
	}
	actor := func() *redline.ActorRef {
		switch rng.Intn(6) {
		case 0:
			return nil
		case 1:
			return &redline.ActorRef{}
		case 2:
			return &redline.ActorRef{Name: pick("a crowd", "officials")}
		}
		id := pick("IRN", "USA", "ali-khamenei", "donald-trump")
		return &redline.ActorRef{ID: id, Name: "name of " + id, Sector: pick("", "GOV")}
	}
	var out []*redline.Extraction
	for d := range n {
		id := fmt.Sprintf("%x", rng.Int63())
		x := &redline.Extraction{Doc: redline.Document{ID: id, Text: id}}
		for i := range rng.Intn(8) {
			var speaker redline.ActorRef
			if a := actor(); a != nil {
				speaker = *a
			}
			st := redline.Statement{Sentence: i - d%2, Speaker: speaker, Said: date(), Kind: redline.QuoteDirect,
				Text: "words", Topic: pick("", "negotiate", "attack"), Target: actor(),
				Stance:     redline.Stance(pick("favor", "against", "neutral")),
				Commitment: redline.Commitment(pick("absolute", "firm", "hedged", "none")),
				Threat:     rng.Intn(3) == 0, Promise: rng.Intn(4) == 0}
			switch rng.Intn(3) {
			case 0:
				st.Conditions = []string{"if attacked"}
			case 1:
				st.Conditions = []string{}
			}
			x.Statements = append(x.Statements, st)
		}
		for i := range rng.Intn(8) {
			var a redline.ActorRef
			if r := actor(); r != nil {
				a = *r
			}
			x.Events = append(x.Events, redline.Event{Sentence: i, Actor: a, Target: actor(), Verb: pick("", "negotiate", "attack"),
				CAMEO: pick("040", "190", "057", ""), PLOVER: pick("CONSULT", "ASSAULT", ""), Date: date(),
				Mode: redline.Mode(pick("public", "covert", "negated", "future")), Quad: rng.Intn(5), Text: "deed"})
		}
		out = append(out, x)
	}
	return out
}

// checkDigest fails t unless db's digest holds, in order, what its
// Statements and Events return, and StatementsAt and EventsAt return them
// again by ref.
func checkDigest(t *testing.T, db *sqlite.DB) {
	t.Helper()
	ctx := context.Background()
	g, err := db.Digest(ctx)
	if err != nil {
		t.Fatalf("Digest: %v", err)
	}
	stmts, err := db.Statements(ctx, redline.StatementFilter{})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(ctx, redline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Statements) != len(stmts) || len(g.Events) != len(evs) {
		t.Fatalf("Digest has %d statements and %d events, want %d and %d", len(g.Statements), len(g.Events), len(stmts), len(evs))
	}
	target := func(i int32) *redline.ActorRef {
		if i == 0 {
			return nil
		}
		return &g.Actors[i]
	}
	date := func(i int32, d redline.Date) redline.Date {
		return redline.Date{Value: g.Dates[i].Value, Grain: g.Dates[i].Grain, Anchor: d.Anchor}
	}
	var srefs, erefs []int64
	for i, s := range g.Statements {
		want := stmts[i]
		got := want
		got.Doc, got.Sentence, got.Speaker, got.Target = g.Docs[s.Doc], int(s.Sentence), g.Actors[s.Speaker], target(s.Target)
		got.Said, got.Topic = date(s.Said, want.Said), g.Words[s.Topic]
		got.Stance, got.Commitment = redline.Stance(g.Words[s.Stance]), redline.Commitment(g.Words[s.Commitment])
		got.Threat, got.Promise = s.Threat, s.Promise
		if s.Conditional != (len(want.Conditions) > 0) {
			t.Errorf("statement %d: Conditional = %v, conditions %q", i, s.Conditional, want.Conditions)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("digest statement %d mismatch (-want +got):\n%s", i, diff)
		}
		srefs = append(srefs, s.Ref)
	}
	for i, e := range g.Events {
		want := evs[i]
		got := want
		got.Doc, got.Sentence, got.Actor, got.Target = g.Docs[e.Doc], int(e.Sentence), g.Actors[e.Actor], target(e.Target)
		got.Date, got.Verb, got.CAMEO, got.PLOVER = date(e.Date, want.Date), g.Words[e.Verb], g.Words[e.CAMEO], g.Words[e.PLOVER]
		got.Mode, got.Quad = redline.Mode(g.Words[e.Mode]), int(e.Quad)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("digest event %d mismatch (-want +got):\n%s", i, diff)
		}
		erefs = append(erefs, e.Ref)
	}
	gotStmts, err := db.StatementsAt(ctx, srefs)
	if err != nil {
		t.Fatalf("StatementsAt: %v", err)
	}
	if diff := cmp.Diff(stmts, gotStmts); diff != "" {
		t.Errorf("StatementsAt(every ref) mismatch (-want +got):\n%s", diff)
	}
	gotEvs, err := db.EventsAt(ctx, erefs)
	if err != nil {
		t.Fatalf("EventsAt: %v", err)
	}
	if diff := cmp.Diff(evs, gotEvs); diff != "" {
		t.Errorf("EventsAt(every ref) mismatch (-want +got):\n%s", diff)
	}
}

func TestDB_Digest(t *testing.T) {
	ctx := context.Background()
	xs := randomExtractions(rand.New(rand.NewSource(1)), 80)
	t.Run("Saved", func(t *testing.T) {
		db := MustOpenDB(t, ":memory:")
		for _, x := range xs[:10] {
			if _, err := db.SaveExtraction(ctx, x); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SaveExtractions(ctx, xs[10:]); err != nil {
			t.Fatal(err)
		}
		checkDigest(t, db)
	})
	t.Run("Filled", func(t *testing.T) {
		// A store written before digests existed, or by an older version,
		// has documents without one; opening it fills them in.
		dsn := filepath.Join(t.TempDir(), "redline.db")
		db := MustOpenDB(t, dsn)
		if _, err := db.SaveExtractions(ctx, xs); err != nil {
			t.Fatal(err)
		}
		raw, err := sql.Open("sqlite", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.Exec(`DELETE FROM digests WHERE doc % 3 = 0`); err != nil {
			t.Fatal(err)
		}
		checkDigest(t, MustOpenDB(t, dsn))
	})
	t.Run("Centuries", func(t *testing.T) {
		// Days far apart are sorted rather than counted.
		db := MustOpenDB(t, ":memory:")
		wide := randomExtractions(rand.New(rand.NewSource(2)), 20)
		for i, x := range wide {
			for j := range x.Statements {
				x.Statements[j].Said = redline.Date{Value: []string{"0100", "1500", "9000", "2013"}[(i+j)%4], Grain: redline.GrainYear}
			}
		}
		if _, err := db.SaveExtractions(ctx, wide); err != nil {
			t.Fatal(err)
		}
		checkDigest(t, db)
	})
	t.Run("Empty", func(t *testing.T) {
		g, err := MustOpenDB(t, ":memory:").Digest(ctx)
		if err != nil || len(g.Statements)+len(g.Events) != 0 || len(g.Actors) != 1 {
			t.Errorf("Digest of an empty store = %+v, %v; want no records and only the missing actor", g, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t, ":memory:")
		if _, err := db.StatementsAt(ctx, []int64{1 << 30}); redline.ErrorCode(err) != redline.ENOTFOUND {
			t.Errorf("StatementsAt(unknown) error = %v, want ENOTFOUND", err)
		}
		if _, err := db.EventsAt(ctx, []int64{1 << 30}); redline.ErrorCode(err) != redline.ENOTFOUND {
			t.Errorf("EventsAt(unknown) error = %v, want ENOTFOUND", err)
		}
	})
}
