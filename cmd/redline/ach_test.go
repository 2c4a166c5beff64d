package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// achResult mirrors the JSON of "ach score --json".
type achResult struct {
	Question   string
	Hypotheses []struct {
		ID                    string
		Inconsistency         int
		WeightedInconsistency float64 `json:"weighted_inconsistency"`
		Posterior             float64
	}
	Leaders  struct{ PARC, Posterior []string }
	Evidence []struct {
		ID            string
		Diagnosticity float64
		Suggested     bool
		Ratings       map[string]string
		Record        *struct{ Kind, Doc string }
	}
	Sensitivity []struct {
		ID               string
		PARCOrder        []string `json:"parc_order"`
		ChangesPARC      bool     `json:"changes_parc"`
		ChangesPosterior bool     `json:"changes_posterior"`
		PosteriorLeaders []string `json:"posterior_leaders"`
		PosteriorShift   float64  `json:"posterior_shift"`
		PARCLeaders      []string `json:"parc_leaders"`
	}
	Indicators []struct {
		ID            string
		Diagnosticity float64
		Query         map[string]string
	}
	Warnings []string
}

func scoreJSON(t *testing.T, args ...string) achResult {
	t.Helper()
	code, out, errs := run(t, "", append([]string{"ach", "score", "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("ach score %v: exit %d, %s", args, code, errs)
	}
	var r achResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("ach score JSON: %v\n%s", err, out)
	}
	return r
}

// The worked example scores as the research note says, with no database.
func TestACHWorkedExample(t *testing.T) {
	r := scoreJSON(t, filepath.Join("..", "..", "ach", "testdata", "worked.yaml"))
	want := []struct {
		id string
		n  int
		w  float64
	}{{"H1", 3, -5.4142}, {"H2", 1, -0.7071}, {"H3", 3, -2.8284}}
	for j, h := range r.Hypotheses {
		if h.ID != want[j].id || h.Inconsistency != want[j].n || math.Abs(h.WeightedInconsistency-want[j].w) > 5e-5 {
			t.Errorf("hypothesis %d = %+v, want %+v", j, h, want[j])
		}
	}
	if strings.Join(r.Leaders.PARC, ",") != "H2" {
		t.Errorf("PARC leaders = %v, want H2", r.Leaders.PARC)
	}
	for _, s := range r.Sensitivity {
		if s.ID == "E3" && (strings.Join(s.PARCOrder, ",") != "H2,H3,H1" || s.ChangesPARC) {
			t.Errorf("without E3: %+v, want the order kept", s)
		}
	}
}

// The example of examples/ach scores over the demo corpus, drawing items
// from the store.
func TestACHExampleOnDemoCorpus(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, filepath.Join("..", "..", "examples", "corpus")); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	file := filepath.Join("..", "..", "examples", "ach", "khamenei-talks.yaml")
	if code, out, errs := run(t, "", "ach", "check", file, "--db", db); code != exitOK || !strings.Contains(out, " ok: 3 hypotheses") {
		t.Errorf("ach check: exit %d, %q %q", code, out, errs)
	}
	r := scoreJSON(t, file, "--db", db)
	var ids []string
	sum := 0.0
	for _, h := range r.Hypotheses {
		ids = append(ids, h.ID)
		sum += h.Posterior
	}
	if strings.Join(ids, ",") != "bluff,refusal,conditional" || math.Abs(sum-1) > 1e-9 {
		t.Errorf("hypotheses %v, posteriors summing to %v; want the file's order and 1", ids, sum)
	}
	var fromStore, suggested, reviewed int
	for _, e := range r.Evidence {
		if e.Record == nil {
			continue
		}
		fromStore++
		if e.Suggested {
			suggested++
		} else {
			reviewed++
		}
	}
	if fromStore == 0 || suggested == 0 || reviewed == 0 {
		t.Errorf("store items %d, suggested %d, reviewed %d; want some of each", fromStore, suggested, reviewed)
	}
	if len(r.Sensitivity) != len(r.Evidence) {
		t.Errorf("%d sensitivity rows for %d items", len(r.Sensitivity), len(r.Evidence))
	}
	found := false
	for _, in := range r.Indicators {
		found = found || in.ID == "covert-after-snapback" && in.Query["mode"] == "covert" && in.Diagnosticity > 0
	}
	if !found {
		t.Errorf("indicators %+v lack the covert-talks query", r.Indicators)
	}
	code, out, _ := run(t, "", "ach", "score", file, "--db", db)
	for _, want := range []string{"MATRIX", "C*", "SCORES", "DIAGNOSTICITY", "SENSITIVITY", "INDICATORS TO WATCH"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("ach score text: exit %d, output lacks %q", code, want)
		}
	}
}

func TestACHBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", "question: Why?\nhypotheses:\n  - {id: a, text: A}\n  - {id: b, text: B, prior: x}\nevidence:\n  - {id: e, text: T, ratings: {a: C}}\n")
	code, _, errs := run(t, "", "ach", "score", bad)
	if code != exitUsage || !strings.Contains(errs, bad+":4: prior \"x\"") || !strings.Contains(errs, bad+":6: ") {
		t.Errorf("score of a bad file: exit %d, stderr %q; want every problem as file:line", code, errs)
	}
	code, out, _ := run(t, "", "ach", "check", bad)
	if code != exitError || strings.Count(out, bad+":") != 3 {
		t.Errorf("check of a bad file: exit %d, %q; want 3 problems and exit 1", code, out)
	}
	syntax := writeFile(t, dir, "syntax.yaml", "question: Why?\nhypotheses: [\n")
	if code, out, _ := run(t, "", "ach", "check", syntax); code != exitError || !strings.HasPrefix(out, syntax+":") {
		t.Errorf("check of broken YAML: exit %d, %q", code, out)
	}
	queries := writeFile(t, dir, "q.yaml", "question: Why?\nhypotheses: [{id: a, text: A}, {id: b, text: B}]\nevidence:\n  - {id: q, query: {actor: IRN}, rules: {a: C, b: I}}\n")
	if code, _, errs := run(t, "", "ach", "score", queries, "--db", filepath.Join(dir, "none.db")); code != exitError || !strings.Contains(errs, "no database") {
		t.Errorf("score of a query file with no database: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"ach"}, {"ach", "frobnicate"}, {"ach", "score"}, {"ach", "score", "a", "b"}, {"ach", "check", "--bogus", bad}} {
		if code, _, _ := run(t, "", args...); code != exitUsage {
			t.Errorf("redline %v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errs := run(t, "", "ach", "score", filepath.Join(dir, "missing.yaml")); code != exitError || !strings.Contains(errs, "no such file") {
		t.Errorf("score of a missing file: exit %d, %q", code, errs)
	}
}

// Text from the file reaches the terminal without control or
// bidirectional formatting characters.
func TestACHStripsControlCharacters(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "x.yaml", "question: \"Why \\e[31mred\\e[0m?\"\n"+
		"hypotheses: [{id: a, text: \"A \\u202Eevil\"}, {id: b, text: \"B\\x07\"}]\n"+
		"evidence:\n  - {id: e, text: \"line\\none\\rtwo\", ratings: {a: C, b: I}}\n")
	code, out, errs := run(t, "", "ach", "score", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.ContainsAny(out, "\x1b\x07\r\u202e") || !strings.Contains(out, "line one two") {
		t.Errorf("output carries control characters or lost the text:\n%q", out)
	}
}

// A review naming a record the store does not hold is reported, not
// dropped: a warning on score, a problem on check.
func TestACHStaleReview(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	writeFile(t, dir, "a.md", "---\ndate: 2025-02-07\n---\nKhamenei said on 7 February that negotiating with America is not wise.\n")
	if code, _, errs := run(t, "", "ingest", "--db", db, filepath.Join(dir, "a.md")); code != exitOK {
		t.Fatalf("ingest: %s", errs)
	}
	path := writeFile(t, dir, "q.yaml", "question: Why?\nhypotheses: [{id: a, text: A}, {id: b, text: B}]\nevidence:\n"+
		"  - id: q\n    query: {actor: ali-khamenei, topic: negotiate}\n    rules: {a: C, b: I}\n    confirmed: [q.s.gone.1]\n")
	code, out, errs := run(t, "", "ach", "score", path, "--db", db, "--json")
	var r achResult
	if code != exitOK || json.Unmarshal([]byte(out), &r) != nil || len(r.Warnings) != 1 || !strings.Contains(errs, path+":7: confirmed q.s.gone.1") {
		t.Errorf("score: exit %d, warnings %v, stderr %q", code, r.Warnings, errs)
	}
	if len(r.Evidence) == 0 || !r.Evidence[0].Suggested {
		t.Errorf("evidence = %+v; want the matched statement, still suggested", r.Evidence)
	}
	if code, out, _ := run(t, "", "ach", "check", path, "--db", db); code != exitError || !strings.Contains(out, path+":7:") {
		t.Errorf("check: exit %d, %q", code, out)
	}
	if code, _, _ := run(t, "", "ach", "check", path); code != exitOK {
		t.Errorf("check without --db: exit %d; the file alone is valid", code)
	}
}
