package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"redline/analysis"
)

const forbidsTalks = `---
title: Leader forbids talks
date: 2018-08-14
source: test
---
Iran's Supreme Leader Ali Khamenei on Monday, 13 August 2018, banned negotiations with the United States.

"Negotiations with the US would definitely harm us and they are forbidden," Khamenei said on 13 August 2018.
`

const secretTalks = `---
title: Secret talks in Oman
date: 2019-03-10
source: test
---
Iran held secret talks with the United States in Muscat on 3 March 2019.
`

// runCmd calls one of Main's command methods directly, with buffers for
// its streams, and returns its output and error.
func runCmd(t *testing.T, fn func(*Main, context.Context, []string) error, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	err = fn(m, context.Background(), args)
	return out.String(), errb.String(), err
}

// mustIngest stores the given articles in a new database and returns its path.
func mustIngest(t *testing.T, articles ...string) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	args := []string{"ingest", "--db", db}
	for i, a := range articles {
		args = append(args, writeFile(t, dir, string(rune('a'+i))+".md", a))
	}
	run := func(m *Main, ctx context.Context, args []string) error { return m.Run(ctx, args) }
	if _, errs, err := runCmd(t, run, args...); err != nil {
		t.Fatalf("ingest: %v %s", err, errs)
	}
	return db
}

func TestRedlinesCommand(t *testing.T) {
	db := mustIngest(t, forbidsTalks, secretTalks)
	out, errs, err := runCmd(t, (*Main).runRedlines, "--db", db, "--json", "--actor", "ali-khamenei")
	if err != nil {
		t.Fatalf("redlines: %v %s", err, errs)
	}
	var lines []analysis.RedLine
	if err := json.Unmarshal([]byte(out), &lines); err != nil {
		t.Fatalf("redlines JSON: %v\n%s", err, out)
	}
	if len(lines) != 1 {
		t.Fatalf("redlines = %d, want 1: %s", len(lines), out)
	}
	rl := lines[0]
	if rl.Statement.Said.Value != "2018-08-13" || rl.Status != analysis.StatusCrossed || !rl.OpposedButPermitted {
		t.Errorf("red line %s: status %s, opposed but permitted %v; want 2018-08-13, crossed, true",
			rl.Statement.Said.Value, rl.Status, rl.OpposedButPermitted)
	}
	if len(rl.History) != 1 || rl.History[0].Event == nil || rl.History[0].Event.Date.Value != "2019-03-03" {
		t.Errorf("history = %+v, want the covert talks of 2019-03-03", rl.History)
	}
	if !strings.Contains(out, `"follow_ups": []`) {
		t.Errorf("follow_ups must be an empty list, not null:\n%s", out)
	}

	out, _, err = runCmd(t, (*Main).runRedlines, "--db", db)
	if err != nil || !strings.Contains(out, "1 crossed") || !strings.Contains(out, "opposed but permitted") {
		t.Errorf("redlines table: %v\n%s", err, out)
	}
	out, _, err = runCmd(t, (*Main).runRedlines, "--db", db, "--json", "--actor", "USA")
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("redlines --actor USA = %q, %v; want []", out, err)
	}
}

func TestSplitsCommand(t *testing.T) {
	db := mustIngest(t, forbidsTalks)
	out, errs, err := runCmd(t, (*Main).runSplits, "--db", db, "--json")
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("splits = %q, %v %s; want []", out, err, errs)
	}
	if out, _, err := runCmd(t, (*Main).runSplits, "--db", db); err != nil || !strings.Contains(out, "SPLITS (0)") {
		t.Errorf("splits table = %q, %v", out, err)
	}
}

func TestRedlinesUsage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	m := &Main{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	for _, tt := range []struct {
		name string
		fn   func(*Main, context.Context, []string) error
		args []string
		want int
	}{
		{"redlines: missing database", (*Main).runRedlines, []string{"--db", missing}, exitError},
		{"splits: missing database", (*Main).runSplits, []string{"--db", missing}, exitError},
		{"redlines: unexpected argument", (*Main).runRedlines, []string{"--db", missing, "extra"}, exitUsage},
		{"splits: bad flag", (*Main).runSplits, []string{"--frobnicate"}, exitUsage},
		{"redlines: help", (*Main).runRedlines, []string{"-h"}, exitOK},
	} {
		_, _, err := runCmd(t, tt.fn, tt.args...)
		if got := m.exitCode(err); got != tt.want {
			t.Errorf("%s: exit %d, want %d (%v)", tt.name, got, tt.want, err)
		}
	}
}
