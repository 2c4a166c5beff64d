package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run drives the program end to end and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code = m.exitCode(m.Run(context.Background(), args))
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const article = `---
title: Leader rejects talks
date: 2025-02-07
source: test
---
Iran's Supreme Leader Ali Khamenei on Friday rejected negotiations with the United States.

"Negotiating with America is not intelligent, wise or honourable," Khamenei said on 7 February 2025.

Just ten days earlier, Iran had signalled openness to diplomacy.
`

// extraction mirrors the machine-readable contract of "extract --json".
type extraction struct {
	Doc struct {
		ID, Path, Title string
		Published       struct{ Value, Grain string }
	}
	Times []struct {
		Text, Value, Grain, Type, Anchor string
		Span                             [2]int
	}
	Statements []struct {
		Speaker    struct{ ID, Name string }
		Said       struct{ Value, Grain string }
		Kind, Text string
		Span       [2]int
		Topic      string
		Target     *struct{ ID, Name string }
		Stance     string
		Score      float64
		Commitment string
		Conditions []string
		Threat     bool
		Promise    bool
	}
	Events []struct {
		Actor     struct{ ID, Name string }
		Target    *struct{ ID, Name string }
		CAMEO     string `json:"cameo"`
		PLOVER    string `json:"plover"`
		Date      struct{ Value, Grain string }
		Mode      string
		Goldstein float64
		Quad      int
		Text      string
		Span      [2]int
	}
}

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "a.md", article)
	code, out, errs := run(t, "", "extract", "--json", path)
	if code != exitOK {
		t.Fatalf("extract exit %d, stderr %s", code, errs)
	}
	var x extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatalf("extract output is not one JSON object: %v\n%s", err, out)
	}
	if x.Doc.Published.Value != "2025-02-07" || x.Doc.Title != "Leader rejects talks" || len(x.Doc.ID) != 32 {
		t.Errorf("doc = %+v", x.Doc)
	}
	text := article[strings.Index(article, "Iran's"):]
	var direct bool
	for _, st := range x.Statements {
		if got := text[st.Span[0]:st.Span[1]]; !strings.Contains(st.Text, strings.TrimSpace(got)[:5]) {
			t.Errorf("statement span %v = %q, text %q", st.Span, got, st.Text)
		}
		if st.Kind == "direct" && st.Speaker.ID == "ali-khamenei" && st.Said.Value == "2025-02-07" && st.Stance == "against" {
			direct = true
		}
	}
	if !direct {
		t.Errorf("no direct statement by ali-khamenei on 2025-02-07 against: %+v", x.Statements)
	}
	for _, tm := range x.Times {
		if text[tm.Span[0]:tm.Span[1]] != tm.Text {
			t.Errorf("time span %v = %q, text %q", tm.Span, text[tm.Span[0]:tm.Span[1]], tm.Text)
		}
	}
}

func TestIngestTwiceStoresOnce(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "a.md", article)
	db := filepath.Join(dir, "r.db")
	if code, out, errs := run(t, "", "ingest", "--db", db, path); code != exitOK || !strings.Contains(out, "1 new") {
		t.Fatalf("first ingest: exit %d, out %q, err %q", code, out, errs)
	}
	code, out, errs := run(t, "", "ingest", "--db", db, "--json", path)
	if code != exitOK {
		t.Fatalf("second ingest exit %d: %s", code, errs)
	}
	var s summary
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.New != 0 || s.Skipped != 1 {
		t.Errorf("second ingest summary = %+v (%v), want 0 new, 1 already stored", s, err)
	}
	code, out, errs = run(t, "", "report", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("report exit %d: %s", code, errs)
	}
	var r struct {
		Counts                                                     struct{ Documents, Statements int }
		Timeline, Reversals, Gaps, Redlines, Precedents, Deadlines []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report JSON: %v", err)
	}
	if r.Counts.Documents != 1 || r.Counts.Statements == 0 || len(r.Timeline) == 0 {
		t.Errorf("report counts = %+v, timeline %d", r.Counts, len(r.Timeline))
	}
	if r.Redlines == nil || r.Precedents == nil || r.Gaps == nil || r.Reversals == nil || r.Deadlines == nil {
		t.Error("report sections must be lists, not null")
	}
}

func TestBadInputsAreReportedAndTheRunGoesOn(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.md", article)
	writeFile(t, dir, "binary.txt", "abc\x00def")
	writeFile(t, dir, "invalid.txt", "---\ndate: 2025-01-01\n---\nbad \xff byte\n")
	writeFile(t, dir, "empty.txt", "")
	writeFile(t, dir, "nofence.md", "---\ntitle: x\ndate: 2025-01-01\nbody with no closing fence\n")
	writeFile(t, dir, "lines.jsonl", `{"id":"1","title":"t","date":"2025-01-02","text":"Iran said talks are useless."}`+"\n{broken\n")
	db := filepath.Join(dir, "r.db")
	code, _, errs := run(t, "", "ingest", "--db", db, dir)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d (some inputs failed); stderr:\n%s", code, exitPartial, errs)
	}
	for _, name := range []string{"binary.txt", "invalid.txt", "empty.txt", "nofence.md", "lines.jsonl:2"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	_, out, _ := run(t, "", "report", "--db", db, "--json")
	if !strings.Contains(out, `"documents": 2`) {
		t.Errorf("report after a partial run should count the 2 good documents:\n%.300s", out)
	}
}

func TestStdin(t *testing.T) {
	code, out, errs := run(t, "Khamenei said talks with the United States were useless.", "extract", "--date", "2018-08-13", "--json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"published":{"value":"2018-08-13"`) {
		t.Errorf("stdin document did not take --date: %s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"extract"}, {"ingest", "--workers=x", "a"}, {"extract", "--date", "7 Feb", "a"}} {
		if code, _, _ := run(t, "", args...); code != exitUsage {
			t.Errorf("redline %v exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, _ := run(t, "", "report", "--db", filepath.Join(t.TempDir(), "none.db")); code != exitError {
		t.Errorf("report on a missing database exit %d, want %d", code, exitError)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := run(t, "", "demo", "--db", db)
	if code != exitOK {
		t.Fatalf("demo exit %d: %s", code, errs)
	}
	for _, want := range []string{"TIMELINE", "STANCE REVERSALS", "SAY-DO GAPS", "DEADLINES", db} {
		if !strings.Contains(out+errs, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if code, _, errs := run(t, "", "demo", "--db", db); code != exitOK || !strings.Contains(errs, "(0 new,") {
		t.Errorf("second demo run: exit %d, %s; want nothing new", code, errs)
	}
}

func TestVersionAndDictCheck(t *testing.T) {
	if code, out, _ := run(t, "", "version"); code != exitOK || !strings.HasPrefix(out, "redline ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, out, errs := run(t, "", "dict", "check"); code != exitOK || !strings.Contains(out, "dictionaries ok") {
		t.Errorf("dict check: exit %d, %q %q", code, out, errs)
	}
	bad := t.TempDir()
	os.MkdirAll(filepath.Join(bad, "verbs"), 0o755)
	os.MkdirAll(filepath.Join(bad, "actors"), 0o755)
	writeFile(t, filepath.Join(bad, "verbs"), "cues.yaml", "- {lemma: say, colour: red}\n")
	code, out, _ := run(t, "", "dict", "check", "--dict", bad)
	if code != exitError || !strings.Contains(out, "verbs/cues.yaml:1:") {
		t.Errorf("dict check on a bad dictionary: exit %d, %q", code, out)
	}
}

func TestErrorsAreNotSwallowed(t *testing.T) {
	m := &Main{Stderr: &bytes.Buffer{}}
	if m.exitCode(errors.New("boom")) != exitError {
		t.Error("a plain error must exit 1")
	}
}

func TestEvalTimex(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "time", "te3-platinum")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/data not found: %v", err)
	}
	code, out, errs := run(t, "", "eval", "timex", "--json", dir)
	if code != exitOK {
		t.Fatalf("eval timex exit %d: %s", code, errs)
	}
	var sc struct {
		Value struct{ F1 float64 }
	}
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Value.F1 < 0.85 {
		t.Errorf("TE3 value F1 = %.3f, below the 0.85 target", sc.Value.F1)
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	path := writeFile(t, dir, "a.md", "---\ndate: 2025-03-01\n---\nWashington imposed sanctions on Tehran on 28 February.\n")
	if code, _, errs := run(t, "", "ingest", "--db", db, path); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	for format, want := range map[string]string{
		"phoenix": "USA", "plover": `"event":"SANCTION"`, "csv": "cameo", "jsonl": `"cameo":"163"`,
	} {
		code, out, errs := run(t, "", "export", "--db", db, "--format", format)
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("export --format %s: exit %d, output %q lacks %q (%s)", format, code, out, want, errs)
		}
	}
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "xml"); code != exitUsage {
		t.Errorf("export --format xml exit %d, want %d", code, exitUsage)
	}
}

func TestAnalysisCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	writeFile(t, dir, "a.md", "---\ndate: 2025-02-07\n---\nKhamenei said on 7 February that negotiating with America is not wise.\n")
	writeFile(t, dir, "b.md", "---\ndate: 2025-04-16\n---\nKhamenei said on 15 April that talks with the United States had gone well.\n")
	if code, _, errs := run(t, "", "ingest", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, errs := run(t, "", "timeline", "--db", db, "--actor", "ali-khamenei", "--topic", "negotiate")
	if code != exitOK || !strings.Contains(out, "2025-02-07") || !strings.Contains(out, "2025-04-15") {
		t.Errorf("timeline: exit %d, %s %s", code, out, errs)
	}
	code, out, _ = run(t, "", "reversals", "--db", db, "--json")
	var revs []struct{ Days int }
	if code != exitOK || json.Unmarshal([]byte(out), &revs) != nil || len(revs) != 1 || revs[0].Days != 67 {
		t.Errorf("reversals: exit %d, %s; want one reversal 67 days apart", code, out)
	}
	if code, out, _ := run(t, "", "gaps", "--db", db, "--json"); code != exitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("gaps: exit %d, %q; want an empty list", code, out)
	}
	if code, _, _ := run(t, "", "timeline", "--db", db); code != exitUsage {
		t.Errorf("timeline without --actor: exit %d, want %d", code, exitUsage)
	}
}

func TestReportFormats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	writeFile(t, dir, "a.md", "---\ndate: 2025-02-07\n---\nKhamenei said: \"<script>alert(1)</script> Talks with America are not wise.\"\n")
	if code, _, errs := run(t, "", "ingest", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, _ := run(t, "", "report", "--db", db, "--format", "html")
	if code != exitOK || !strings.Contains(out, "<svg") || strings.Contains(out, "<script>alert") {
		t.Errorf("report --format html: exit %d; want an SVG chart and the article's script escaped", code)
	}
	if code, out, _ := run(t, "", "report", "--db", db, "--format", "markdown"); code != exitOK || !strings.Contains(out, "#") {
		t.Errorf("report --format markdown: exit %d, %.200s", code, out)
	}
	if code, _, _ := run(t, "", "report", "--db", db, "--format", "pdf"); code != exitUsage {
		t.Errorf("report --format pdf: exit %d, want %d", code, exitUsage)
	}
}
