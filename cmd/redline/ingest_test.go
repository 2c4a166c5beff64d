package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline/dict"
)

// storedEvent is what the tests read back of an event exported as JSONL.
type storedEvent struct {
	Actor     struct{ ID, Name, Sector string }
	Target    *struct{ ID, Name, Sector string }
	CAMEO     string `json:"cameo"`
	PLOVER    string `json:"plover"`
	Verb      string
	Date      struct{ Value string }
	Mode      string
	Goldstein float64
	Quad      int
	Text      string
}

// exportEvents returns the events stored in db, as "redline export
// --format jsonl" writes them.
func exportEvents(t *testing.T, db string) []storedEvent {
	t.Helper()
	code, out, errs := run(t, "", "export", "--db", db, "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("export exit %d: %s", code, errs)
	}
	var evs []storedEvent
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var ev storedEvent
		if err := dec.Decode(&ev); err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev)
	}
	return evs
}

// brief writes an event as "ACTOR(NAME)/SECTOR CODE TARGET DATE MODE".
func (e storedEvent) brief() string {
	s := e.Actor.ID + "(" + e.Actor.Name + ")"
	if e.Actor.Sector != "" {
		s += "/" + e.Actor.Sector
	}
	s += " " + e.CAMEO
	if e.Target != nil {
		s += " " + e.Target.ID + "(" + e.Target.Name + ")"
	}
	return s + " " + e.Date.Value + " " + e.Mode
}

const arnorArticle = `---
title: Arnor and Gondor
date: 2008-08-06
source: test
---
Arnor police restored ties with Gondor on Monday.

Arnor did not accuse Gondor.

Gondor restored ties with Arnor on 1 July 2008, officials said.
`

// A document with no time expression: its events take its date.
const arnorUndated = `---
title: Arnor again
date: 2008-08-06
source: test
---
Arnor accused Gondor.
`

func TestIngestPetrarch(t *testing.T) {
	dir := petrarchDict(t)
	in := t.TempDir()
	writeFile(t, in, "a.md", arnorArticle)
	writeFile(t, in, "b.md", arnorUndated)
	db := filepath.Join(t.TempDir(), "r.db")
	code, out, errs := run(t, "", "ingest", "--db", db, "--dict", "petrarch:"+dir, in)
	if code != exitOK {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "(2 new,") || !strings.Contains(out, "4 events") {
		t.Errorf("ingest summary = %q, want 2 new documents and 4 events", out)
	}
	if !strings.Contains(errs, "verbs.txt:7: ") {
		t.Errorf("stderr lacks the malformed pattern: %q", errs)
	}
	var got []string
	for _, e := range exportEvents(t, db) {
		got = append(got, e.brief())
	}
	want := []string{
		"GON(GON) 064 ARN(ARN) 2008-07-01 public",        // the date the sentence gives
		"ARN(ARNCOP)/COP 064 GON(GON) 2008-08-04 public", // "on Monday" before the publication day
		"ARN(ARN) 112 GON(GON) 2008-08-04 negated",       // "did not accuse", dated as the sentence before
		"ARN(ARN) 112 GON(GON) 2008-08-06 public",        // no time: the publication day
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stored events (-want +got):\n%s", diff)
	}
	evs := exportEvents(t, db)
	if e := evs[1]; e.PLOVER != "COOPERATE" || e.Goldstein != 7 || e.Quad != 2 || e.Verb != "cooperate" || e.Text != "restored" {
		t.Errorf("event %+v: want PLOVER COOPERATE, Goldstein 7, quad 2, topic cooperate, text \"restored\"", e)
	}

	code, out, errs = run(t, "", "ingest", "--db", db, "--dict", "petrarch:"+dir, in)
	if code != exitOK || !strings.Contains(out, "(0 new, 2 already stored,") {
		t.Errorf("second ingest: exit %d, %q %s; want nothing new", code, out, errs)
	}
	code, _, errs = run(t, "", "ingest", "--db", db, in)
	if code != exitError || !strings.Contains(errs, "holds events coded with PETRARCH or TABARI dictionaries") {
		t.Errorf("ingest with redline's coder into a PETRARCH store: exit %d, %s; want the conflict", code, errs)
	}
	if n := len(exportEvents(t, db)); n != 4 {
		t.Errorf("%d events after the refused ingest, want 4", n)
	}
}

// TestExtractPetrarch codes with PETRARCH's dictionaries without storing,
// while redline's dictionaries still find statements and resolve their
// speakers' offices at the date.
func TestExtractPetrarch(t *testing.T) {
	dir := petrarchDict(t)
	in := writeFile(t, t.TempDir(), "a.md", arnorArticle+"\nThe Iranian foreign minister said talks were useless.\n")
	code, out, errs := run(t, "", "extract", "--json", "--dict", "petrarch:"+dir, in)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, errs)
	}
	var x extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Events) != 3 || x.Events[0].CAMEO != "064" || x.Events[0].Actor.Name != "ARNCOP" {
		t.Errorf("events = %+v, want PETRARCH's 3, the first ARNCOP 064", x.Events)
	}
	found := false
	for _, st := range x.Statements {
		found = found || st.Speaker.ID == "manouchehr-mottaki" // foreign minister in 2008
	}
	if !found {
		t.Errorf("statements = %+v, want the Iranian foreign minister's, Mottaki", x.Statements)
	}
}

// TestIngestRedlineDict ingests with a directory of redline's own
// dictionaries, which keeps redline's event coder, and refuses PETRARCH's
// events into the same store.
func TestIngestRedlineDict(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, dict.FS); err != nil {
		t.Fatal(err)
	}
	in := writeFile(t, t.TempDir(), "a.md", article)
	db := filepath.Join(t.TempDir(), "r.db")
	code, _, errs := run(t, "", "ingest", "--db", db, "--dict", dir, in)
	if code != exitOK {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	evs := exportEvents(t, db)
	if len(evs) == 0 || evs[0].Actor.ID != "ali-khamenei" || evs[0].Target == nil || evs[0].Target.ID != "USA" {
		t.Errorf("events = %+v, want Khamenei's rejection of the United States", evs)
	}
	code, _, errs = run(t, "", "ingest", "--db", db, "--dict", dir, "--dict", "petrarch:"+petrarchDict(t), in)
	if code != exitError || !strings.Contains(errs, "holds events of redline's own event coder") {
		t.Errorf("PETRARCH ingest into a redline store: exit %d, %s; want the conflict", code, errs)
	}
}

func TestDictSpecErrors(t *testing.T) {
	petr := petrarchDict(t)
	missing := filepath.Join(t.TempDir(), "none")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no directory after petrarch:", []string{"--dict", "petrarch:"}, "petrarch: names no directory"},
		{"missing PETRARCH directory", []string{"--dict", "petrarch:" + missing}, "petrarch:" + missing + ": no such directory"},
		{"missing TABARI project", []string{"--dict", "tabari:" + missing}, "tabari:" + missing + ": no such project file"},
		{"missing directory", []string{"--dict", missing}, "no directory " + missing + ": want a directory of redline's dictionaries (actors/, verbs/), petrarch:DIR or tabari:PROJECT"},
		{"unknown kind", []string{"--dict", "phoenix:" + petr}, "no directory phoenix:"},
		{"PETRARCH directory without petrarch:", []string{"--dict", petr}, petr + " holds PETRARCH dictionaries: give petrarch:" + petr},
		{"two PETRARCH sets", []string{"--dict", "petrarch:" + petr, "--dict", "petrarch:" + petr}, "PETRARCH or TABARI dictionaries given twice"},
	}
	in := writeFile(t, t.TempDir(), "a.md", article)
	for _, tt := range tests {
		args := append([]string{"ingest", "--db", filepath.Join(t.TempDir(), "r.db")}, tt.args...)
		code, _, errs := run(t, "", append(args, in)...)
		if code != exitUsage || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, errs, exitUsage, tt.want)
		}
	}
	// A PETRARCH directory whose configuration names a missing file.
	os.Remove(filepath.Join(petr, "verbs.txt"))
	code, _, errs := run(t, "", "extract", "--dict", "petrarch:"+petr, in)
	if code != exitError || !strings.Contains(errs, "--dict petrarch:"+petr+": ") || !strings.Contains(errs, "verbs.txt") {
		t.Errorf("missing verb file: exit %d, %q", code, errs)
	}
	code, _, errs = run(t, "", "dict", "check", "--dict", "petrarch:"+petr)
	if code != exitUsage || !strings.Contains(errs, "redline petrarch check --dict petrarch:") {
		t.Errorf("dict check with a PETRARCH spec: exit %d, %q", code, errs)
	}
}
