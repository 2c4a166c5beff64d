package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/internal/storetest"
	"redline/sqlite"
)

// MustOpenDB returns an open DB for dsn that looks countries up with
// storetest.CountryOf, and closes it when tb ends.
func MustOpenDB(tb testing.TB, dsn string) *sqlite.DB {
	tb.Helper()
	db := sqlite.NewDB(dsn)
	db.CountryOf = storetest.CountryOf
	if err := db.Open(); err != nil {
		tb.Fatalf("Open(%q): %v", dsn, err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close(%q): %v", dsn, err)
		}
	})
	return db
}

func TestDB_Memory(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) redline.Store {
		return MustOpenDB(tb, ":memory:")
	})
}

func TestDB_File(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) redline.Store {
		return MustOpenDB(tb, filepath.Join(tb.TempDir(), "sub", "redline.db"))
	})
}

func TestDB_Reopen(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "redline.db")
	db := sqlite.NewDB(dsn)
	if err := db.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	storetest.MustSave(t, db, storetest.Fixtures()...)
	want := storetest.MustCounts(t, db)
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	for range 2 { // each reopen must find the migrations applied
		db = MustOpenDB(t, dsn)
		if diff := cmp.Diff(want, storetest.MustCounts(t, db)); diff != "" {
			t.Errorf("Counts after reopen mismatch (-want +got):\n%s", diff)
		}
		created, err := db.SaveExtraction(context.Background(), storetest.Fixtures()[0])
		if err != nil || created {
			t.Errorf("SaveExtraction(d1) after reopen = %v, %v; want false, nil", created, err)
		}
		if err := db.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
}

func TestDB_SaveExtraction_ErrInvalid(t *testing.T) {
	db := MustOpenDB(t, ":memory:")
	otherDoc := storetest.Fixtures()[0]
	otherDoc.Events[1].Doc = "d2"
	tests := []struct {
		name string
		in   *redline.Extraction
	}{
		{"Nil", nil},
		{"NoID", &redline.Extraction{Doc: redline.Document{Text: "text"}}},
		{"OtherDocument", otherDoc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			created, err := db.SaveExtraction(context.Background(), tt.in)
			if created || redline.ErrorCode(err) != redline.EINVALID {
				t.Errorf("SaveExtraction() = %v, %v; want false, code %s", created, err, redline.EINVALID)
			}
		})
	}
	if diff := cmp.Diff(redline.Counts{}, storetest.MustCounts(t, db)); diff != "" {
		t.Errorf("Counts mismatch (-want +got):\n%s", diff)
	}
}

func TestDB_CountryOfNil(t *testing.T) {
	db := sqlite.NewDB(":memory:")
	if err := db.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer db.Close()
	storetest.MustSave(t, db, storetest.Fixtures()...)
	// Without a lookup every actor is its own country.
	ss, err := db.Statements(context.Background(), redline.StatementFilter{Country: "ali-khamenei"})
	if err != nil {
		t.Fatalf("Statements: %v", err)
	}
	if len(ss) != 3 {
		t.Errorf("Statements(Country: ali-khamenei) returned %d statements, want 3", len(ss))
	}
}

func TestDB_ErrNotOpen(t *testing.T) {
	db := sqlite.NewDB(":memory:")
	if _, err := db.Counts(context.Background()); err == nil {
		t.Errorf("Counts on unopened DB: error nil, want one")
	}
	if err := db.Close(); err != nil {
		t.Errorf("Close on unopened DB: %v", err)
	}
	if err := sqlite.NewDB("").Open(); err == nil {
		t.Errorf(`Open with DSN "": error nil, want one`)
	}
}

// TestDB_DeleteDocument checks that deleting a document, which no method
// does yet, takes its records and their full-text entries with it.
func TestDB_DeleteDocument(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "redline.db")
	db := MustOpenDB(t, dsn)
	storetest.MustSave(t, db, storetest.Fixtures()...)

	raw, err := sql.Open("sqlite", dsn+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer raw.Close()
	mustExec := func(query string) {
		t.Helper()
		if _, err := raw.Exec(query); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	const check = `INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')`
	mustExec(check)
	mustExec(`DELETE FROM documents WHERE id = 'd3'`)
	mustExec(check)

	want := redline.Counts{Documents: 2, Statements: 4, Events: 4, Times: 3, Deadlines: 1}
	if diff := cmp.Diff(want, storetest.MustCounts(t, db)); diff != "" {
		t.Errorf("Counts after delete mismatch (-want +got):\n%s", diff)
	}
	ss, err := db.Statements(context.Background(), redline.StatementFilter{Search: "snapback"})
	if err != nil || len(ss) != 0 {
		t.Errorf("Statements(Search: snapback) after delete = %d statements, %v; want none", len(ss), err)
	}
}

func TestDB_SaveExtractions(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t, ":memory:")
	fx := storetest.Fixtures()
	storetest.MustSave(t, db, fx[0])
	created, err := db.SaveExtractions(ctx, []*redline.Extraction{fx[0], fx[1], fx[2], fx[1]})
	if err != nil || created != 2 {
		t.Fatalf("SaveExtractions(d1 stored, d2, d3, d2 again) = %d, %v; want 2, nil", created, err)
	}
	want := storetest.MustCounts(t, db)

	bad := storetest.Fixtures()[0]
	bad.Doc.ID = "new"
	bad.Statements[0].Doc = "other"
	if _, err := db.SaveExtractions(ctx, []*redline.Extraction{{Doc: redline.Document{ID: "fine"}}, bad}); redline.ErrorCode(err) != redline.EINVALID {
		t.Errorf("SaveExtractions(fine, invalid) error = %v, want EINVALID", err)
	}
	if diff := cmp.Diff(want, storetest.MustCounts(t, db)); diff != "" {
		t.Errorf("a failed SaveExtractions stored something (-want +got):\n%s", diff)
	}
}

func TestDB_ClaimSetting(t *testing.T) {
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "redline.db")
	db := MustOpenDB(t, dsn)
	for _, tt := range []struct{ value, want string }{{"petrarch", "petrarch"}, {"redline", "petrarch"}} {
		if got, err := db.ClaimSetting(ctx, "event_coder", tt.value); err != nil || got != tt.want {
			t.Errorf("ClaimSetting(event_coder, %s) = %q, %v; want %q", tt.value, got, err, tt.want)
		}
	}
	db.Close()
	db = MustOpenDB(t, dsn)
	if got, err := db.ClaimSetting(ctx, "event_coder", "redline"); err != nil || got != "petrarch" {
		t.Errorf("ClaimSetting after reopen = %q, %v; want petrarch", got, err)
	}
}

// TestDB_SettingsMigration opens a store filled before settings existed:
// its events were coded by redline's coder.
func TestDB_SettingsMigration(t *testing.T) {
	ctx := context.Background()
	dsn := filepath.Join(t.TempDir(), "redline.db")
	db := MustOpenDB(t, dsn)
	storetest.MustSave(t, db, storetest.Fixtures()[0])
	db.Close()
	raw, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DROP TABLE settings; DELETE FROM migrations WHERE name = '0004_settings.sql'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db = MustOpenDB(t, dsn)
	if got, err := db.ClaimSetting(ctx, "event_coder", "petrarch"); err != nil || got != "redline" {
		t.Errorf("ClaimSetting on an old store = %q, %v; want redline", got, err)
	}
	if got, err := MustOpenDB(t, ":memory:").ClaimSetting(ctx, "event_coder", "petrarch"); err != nil || got != "petrarch" {
		t.Errorf("ClaimSetting on a new store = %q, %v; want petrarch", got, err)
	}
}
