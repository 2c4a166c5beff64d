package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"redline"
)

// TestSearchPlans checks that the three ways of answering a full-text
// query give the page a plain sort of the matches gives: "alpha" is in
// every statement (looked up row by row in date order), "beta" in one in
// eighteen (a set read in date order), "gamma" in one in a hundred (the
// matches sorted).
func TestSearchPlans(t *testing.T) {
	ctx := context.Background()
	db := NewDB(":memory:")
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const docs, per = 800, 50
	var xs []*redline.Extraction
	var all []redline.Statement
	for d := range docs {
		id := fmt.Sprintf("d%04d", d)
		x := &redline.Extraction{Doc: redline.Document{ID: id, Text: id, Published: redline.Day(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))}}
		for i := range per {
			n := d*per + i
			words := []string{"alpha"}
			if n%18 == 0 {
				words = append(words, "beta")
			}
			if n%100 == 0 {
				words = append(words, "gamma")
			}
			day := redline.Day(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (n*7919)%3000))
			st := redline.Statement{Doc: id, Sentence: i, Speaker: redline.ActorRef{ID: "a", Name: "A"}, Said: day,
				Text: strings.Join(words, " ") + fmt.Sprintf(" n%d", n), Topic: "t", Stance: redline.StanceNeutral,
				Kind: redline.QuoteIndirect, Commitment: redline.CommitNone}
			x.Statements = append(x.Statements, st)
			all = append(all, st)
		}
		xs = append(xs, x)
	}
	if _, err := db.SaveExtractions(ctx, xs); err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(all, func(a, b redline.Statement) int {
		if c := strings.Compare(a.Said.Value, b.Said.Value); c != 0 {
			return c
		}
		if c := strings.Compare(a.Doc, b.Doc); c != 0 {
			return c
		}
		return a.Sentence - b.Sentence
	})
	for _, tt := range []struct {
		word string
		plan int
	}{{"alpha", searchCommon}, {"beta", searchDense}, {"gamma", searchSparse}} {
		tx, err := db.beginRead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := searchPlan(ctx, tx, tt.word)
		tx.Rollback()
		if err != nil || plan != tt.plan {
			t.Errorf("searchPlan(%q) = %d, %v; want %d", tt.word, plan, err, tt.plan)
		}
		var want []string
		for _, st := range all {
			if strings.Contains(st.Text, tt.word) {
				want = append(want, st.Text)
			}
		}
		want = want[5:35]
		got, err := db.Statements(ctx, redline.StatementFilter{Search: tt.word, Limit: 30, Offset: 5})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, st := range got {
			texts = append(texts, st.Text)
		}
		if !slices.Equal(texts, want) {
			t.Errorf("Statements(Search: %q) page = %v, want %v", tt.word, texts, want)
		}
	}
}

func TestMmapSize(t *testing.T) {
	db := NewDB(t.TempDir() + "/m.db")
	db.MmapSize = 1 << 24
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	if err := db.db.QueryRow(`PRAGMA mmap_size`).Scan(&n); err != nil || n != 1<<24 {
		t.Errorf("mmap_size = %d, %v; want %d", n, err, 1<<24)
	}
}
