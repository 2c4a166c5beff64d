package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// precedentArticles are the inputs of the end-to-end tests: two
// rejections of talks (one reported twice in its article), a telephone
// call between the presidents that followed the first, and a later
// article on the snapback that keeps the record going past both horizons.
var precedentArticles = map[string]string{
	"rejection-2013.md": `---
title: Khamenei rejects talks
date: 2013-02-08
---
Iran's Supreme Leader Ali Khamenei on Thursday rejected direct negotiations with the United States.

"Negotiating with America is not wise," Khamenei said on 7 February 2013.
`,
	"call-2013.md": `---
title: Obama and Rouhani speak
date: 2013-09-28
---
President Barack Obama and President Hassan Rouhani spoke by telephone on 27 September 2013.
`,
	"rejection-2018.md": `---
title: Khamenei forbids talks
date: 2018-08-14
---
Khamenei said on 13 August 2018 that negotiations with the United States were forbidden.
`,
	"snapback-2025.md": `---
title: Snapback looms
date: 2025-08-28
---
Britain, France and Germany triggered the snapback on Thursday, ahead of the October snapback deadline.

Iran has threatened to leave the Nuclear Non-Proliferation Treaty if UN sanctions return.
`,
}

// mustIngestPrecedents writes the articles, ingests them into a new
// database and returns its path.
func mustIngestPrecedents(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	var paths []string
	for name, text := range precedentArticles {
		paths = append(paths, writeFile(t, dir, name, text))
	}
	m, _, errb := precedentMain()
	if err := m.Run(context.Background(), append([]string{"ingest", "--db", db}, paths...)); err != nil {
		t.Fatalf("ingest: %v: %s", err, errb)
	}
	return db
}

// precedentMain returns a Main writing to buffers.
func precedentMain() (*Main, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}, &out, &errb
}

func TestPrecedentsCommand(t *testing.T) {
	db := mustIngestPrecedents(t)
	args := []string{"--db", db, "--actor", "ali-khamenei", "--topic", "negotiate", "--stance", "against"}
	m, out, errb := precedentMain()
	if err := m.runPrecedents(context.Background(), append(args, "--json")); err != nil {
		t.Fatalf("precedents --json: %v: %s", err, errb)
	}
	var r struct {
		Horizon string
		Cases   []struct {
			Statement struct{ Said struct{ Value string } }
			Occasion  []json.RawMessage
			Followed  map[string][]json.RawMessage
			Deeds     []json.RawMessage
		}
		BaseRates []struct {
			Text     string
			Followed int
			Of       int
		} `json:"base_rates"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("precedents JSON: %v\n%s", err, out)
	}
	if len(r.Cases) != 2 || len(r.Cases[0].Occasion) != 2 || len(r.Cases[0].Deeds) == 0 || len(r.Cases[1].Deeds) != 0 {
		t.Fatalf("cases = %+v, want the 2013 speech once (2 statements) followed by the call, and 2018 followed by nothing", r.Cases)
	}
	want := "1 of 2 rejections of negotiate were followed by negotiate within 24 months"
	if len(r.BaseRates) == 0 || r.BaseRates[0].Text != want {
		t.Errorf("base rates = %+v, want first %q", r.BaseRates, want)
	}
	for _, tt := range []struct {
		horizon   string
		want, not []string
	}{
		{"24m", []string{"horizon 24 months", "1 of 2 rejections", "✓ CONSULT", "2013-02-07", "2018-08-13"}, nil},
		{"6m", []string{"horizon 6 months", "0 of 2 rejections"}, []string{"CONSULT"}}, // the call came after seven months
	} {
		m, out, errb := precedentMain()
		if err := m.runPrecedents(context.Background(), append(args, "--horizon", tt.horizon)); err != nil {
			t.Fatalf("precedents --horizon %s: %v: %s", tt.horizon, err, errb)
		}
		for _, s := range tt.want {
			if !strings.Contains(out.String(), s) {
				t.Errorf("precedents --horizon %s lacks %q:\n%s", tt.horizon, s, out)
			}
		}
		for _, s := range tt.not {
			if strings.Contains(out.String(), s) {
				t.Errorf("precedents --horizon %s shows %q:\n%s", tt.horizon, s, out)
			}
		}
	}
}

func TestDeadlinesCommand(t *testing.T) {
	db := mustIngestPrecedents(t)
	m, out, errb := precedentMain()
	if err := m.runDeadlines(context.Background(), []string{"--db", db, "--after", "2025-08-28", "--json"}); err != nil {
		t.Fatalf("deadlines --json: %v: %s", err, errb)
	}
	var r struct {
		Deadlines []struct {
			Action       string
			Days         *int
			Consequences []struct{ Kind, Why string }
		}
		Scenarios []struct {
			If        string
			Statement struct{ Topic string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("deadlines JSON: %v\n%s", err, out)
	}
	if len(r.Deadlines) != 1 || r.Deadlines[0].Action != "snapback" || r.Deadlines[0].Days == nil || *r.Deadlines[0].Days != 34 {
		t.Fatalf("deadlines = %+v, want the snapback in 34 days", r.Deadlines)
	}
	if cs := r.Deadlines[0].Consequences; len(cs) != 1 || cs[0].Kind != "threat" || !strings.Contains(cs[0].Why, "sanction") {
		t.Errorf("consequences = %+v, want Iran's threat, linked by sanction", cs)
	}
	if len(r.Scenarios) != 1 || r.Scenarios[0].If != "if UN sanctions return" || r.Scenarios[0].Statement.Topic != "withdraw" {
		t.Errorf("scenarios = %+v, want NPT exit if UN sanctions return", r.Scenarios)
	}
	m, out, errb = precedentMain()
	if err := m.runDeadlines(context.Background(), []string{"--db", db, "--after", "2025-11-01"}); err != nil {
		t.Fatalf("deadlines: %v: %s", err, errb)
	}
	if !strings.Contains(out.String(), "DEADLINES after 2025-11-01 (0)") || !strings.Contains(out.String(), "SCENARIOS (1)") {
		t.Errorf("deadlines table after the deadline passed:\n%s", out)
	}
}

func TestPrecedentsUsage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	precedents := func(m *Main, args []string) error { return m.runPrecedents(context.Background(), args) }
	deadlines := func(m *Main, args []string) error { return m.runDeadlines(context.Background(), args) }
	tests := []struct {
		name string
		run  func(*Main, []string) error
		args []string
		want int
	}{
		{"no stance", precedents, []string{"--actor", "IRN", "--topic", "negotiate"}, exitUsage},
		{"bad stance", precedents, []string{"--actor", "IRN", "--topic", "negotiate", "--stance", "maybe"}, exitUsage},
		{"minutes are not a horizon", precedents, []string{"--actor", "IRN", "--topic", "negotiate", "--stance", "against", "--horizon", "24h"}, exitUsage},
		{"no database", precedents, []string{"--db", missing, "--actor", "IRN", "--topic", "negotiate", "--stance", "against"}, exitError},
		{"bad date", deadlines, []string{"--after", "7 Feb"}, exitUsage},
		{"stray argument", deadlines, []string{"--db", missing, "x"}, exitUsage},
		{"help", deadlines, []string{"-h"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, errb := precedentMain()
			if code := m.exitCode(tt.run(m, tt.args)); code != tt.want {
				t.Errorf("exit %d, want %d: %s", code, tt.want, errb)
			}
		})
	}
}
