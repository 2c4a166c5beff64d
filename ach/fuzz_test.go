package ach

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"redline"
)

// FuzzParse checks that no input makes Parse panic, that every failure is
// a list of problems under the file's name, and that whatever parses can
// be scored into posteriors that sum to 1.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"worked.yaml"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(header + "evidence:\n  - {id: q, query: {actor: IRN, from: 2013}, rules: {bluff: C, refusal: II}, confirmed: [q.s.a.1]}\n"))
	f.Add([]byte(header + "evidence:\n  - {id: w, text: T, watch: true, ratings: {bluff: NA, refusal: CC}}\n"))
	f.Add([]byte("question: &a x\nhypotheses: [*a, *a]\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("question: \"\\x00\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("f.yaml", data)
		if err != nil {
			var pl redline.ProblemList
			if !errors.As(err, &pl) || len(pl) == 0 {
				t.Fatalf("Parse error %v is not a problem list", err)
			}
			for _, p := range pl {
				if p.File != "f.yaml" || p.Line < 0 || strings.TrimSpace(p.Msg) == "" {
					t.Fatalf("bad problem %+v", p)
				}
			}
			return
		}
		if len(file.Hypotheses) < 2 || file.Question == "" {
			t.Fatalf("accepted a file with %d hypotheses, question %q", len(file.Hypotheses), file.Question)
		}
		m := &Matrix{Hypotheses: file.Hypotheses}
		for _, e := range file.Evidence {
			rs := e.Ratings
			if e.Query != nil {
				rs = e.Rules
			}
			if len(rs) != len(file.Hypotheses) {
				t.Fatalf("evidence %s has %d ratings for %d hypotheses", e.ID, len(rs), len(file.Hypotheses))
			}
			m.Items = append(m.Items, Item{ID: e.ID, Credibility: e.Credibility, Relevance: e.Relevance, Ratings: rs})
		}
		sum := 0.0
		for _, h := range Score(m).Hypotheses {
			sum += h.Posterior
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("posteriors sum to %v", sum)
		}
	})
}
