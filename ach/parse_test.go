package ach

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"redline"
)

const header = `question: Is the rejection of talks a bluff?
hypotheses:
  - {id: bluff, text: "A strategic bluff; talks go on through back channels", prior: 0.5}
  - {id: refusal, text: "A genuine refusal", prior: 0.5}
`

// The example of the issue parses as written.
func TestParseIssueExample(t *testing.T) {
	src := header + `evidence:
  - id: e1
    text: "Secret talks in Oman while the leader publicly rejected talks (2013)"
    credibility: high      # low | medium | high
    relevance: high
    ratings: {bluff: C, refusal: II}
  - id: e2
    query: {actor: IRN, topic: negotiate, mode: covert, target: USA}
    rules: {bluff: C, refusal: II}
`
	f, err := Parse("bluff.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Question != "Is the rejection of talks a bluff?" || len(f.Hypotheses) != 2 || len(f.Evidence) != 2 {
		t.Fatalf("file = %+v", f)
	}
	e1, e2 := f.Evidence[0], f.Evidence[1]
	if e1.Credibility != High || e1.Relevance != High || !slices.Equal(e1.Ratings, []Rating{C, II}) || e1.Line != 6 {
		t.Errorf("e1 = %+v", e1)
	}
	want := Query{Actor: "IRN", Topic: "negotiate", Mode: redline.ModeCovert, Target: "USA"}
	if *e2.Query != want || e2.Credibility != Medium || !slices.Equal(e2.Rules, []Rating{C, II}) {
		t.Errorf("e2 = %+v, query %+v", e2, *e2.Query)
	}
	if f.Queries() != 1 {
		t.Errorf("Queries() = %d, want 1", f.Queries())
	}
}

func TestParseReviews(t *testing.T) {
	src := header + `evidence:
  - id: q
    text: Talks held
    query: {actor: IRN, topic: negotiate, from: 2013, to: 2025-06}
    credibility: low
    rules: {bluff: C, refusal: II}
    confirmed: [q.s.abc.10]
    overrides:
      q.e.abc.20: {refusal: N}
`
	f, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := f.Evidence[0]
	if len(e.Confirmed) != 1 || e.Confirmed[0].ID != "q.s.abc.10" || e.Confirmed[0].Line != 11 {
		t.Errorf("confirmed = %+v", e.Confirmed)
	}
	if len(e.Overrides) != 1 || e.Overrides[0].ID != "q.e.abc.20" || !slices.Equal(e.Overrides[0].Ratings, []Rating{"", N}) {
		t.Errorf("overrides = %+v", e.Overrides)
	}
}

// Every mistake is reported as file:line: message, all of them at once.
func TestParseProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{"x.yaml: the file is empty"}},
		{"comment only", "# nothing\n", []string{"x.yaml: the file is empty"}},
		{"syntax", "question: [a\nhypotheses: b\n", []string{"x.yaml:1: did not find expected ',' or ']'"}},
		{"tab", "question: a\n\thypotheses: b\n", []string{"x.yaml:2: found a tab character that violates indentation"}},
		{"not a mapping", "- a\n- b\n", []string{"x.yaml:1: want a mapping with question, hypotheses and evidence"}},
		{"two documents", header + "---\nquestion: again\n", []string{"x.yaml:5: a second YAML document; want one"}},
		{"alias", "question: &q Why?\nhypotheses: *q\n", []string{"x.yaml:2: anchors and aliases (*name) are not supported"}},
		{"unknown and missing", "questoin: Why?\n", []string{
			"x.yaml:1: file: unknown field \"questoin\"", "x.yaml:1: no hypotheses; want at least two", "x.yaml:1: no question"}},
		{"one hypothesis", "question: Why?\nhypotheses:\n  - {id: a, text: A}\n", []string{"x.yaml:3: 1 hypotheses; want at least two"}},
		{"bad hypotheses", "question: Why?\nhypotheses:\n  - {id: a, text: A, prior: 0}\n  - {id: a, text: B}\n  - {id: 'b c', text: C}\n  - {text: D}\n  - x\n  - {id: e}\n", []string{
			"x.yaml:3: prior \"0\": want a number above 0",
			"x.yaml:3: priors given for 1 of 2 hypotheses; give all or none",
			"x.yaml:4: hypothesis \"a\" given twice, first at line 3",
			"x.yaml:5: hypothesis id \"b c\": want 1-64 letters, digits, '-' or '_'",
			"x.yaml:6: hypothesis with no id",
			"x.yaml:7: hypothesis: want a mapping with id and text",
			"x.yaml:8: hypothesis \"e\" has no text",
		}},
		{"some priors", "question: Why?\nhypotheses:\n  - {id: a, text: A, prior: .3}\n  - {id: b, text: B}\n", []string{
			"x.yaml:3: priors given for 1 of 2 hypotheses; give all or none"}},
		{"NaN prior", "question: Why?\nhypotheses:\n  - {id: a, text: A, prior: .nan}\n  - {id: b, text: B, prior: 1}\n", []string{
			"x.yaml:3: prior \".nan\": want a number above 0"}},
		{"duplicate key", header + "question: twice\n", []string{"x.yaml:5: file: \"question\" given twice"}},
		{"ratings", header + "evidence:\n  - {id: e1, text: T, ratings: {bluff: X, nope: C}}\n", []string{
			"x.yaml:6: evidence \"e1\" ratings: no rating for hypothesis \"refusal\" (write NA if it does not apply)",
			"x.yaml:6: evidence \"e1\" ratings: rating \"X\": want CC, C, N, I, II or NA",
			"x.yaml:6: evidence \"e1\" ratings: unknown hypothesis \"nope\"",
		}},
		{"entry shape", header + "evidence:\n  - {text: T, ratings: {bluff: C, refusal: C}}\n  - {id: e2}\n  - {id: e3, ratings: {bluff: C, refusal: C}, query: {actor: IRN}, rules: {bluff: C, refusal: C}}\n  - {id: e4, text: T, credibility: huge, date: last year, ratings: {bluff: C, refusal: C}}\n  - {id: e4, text: T, ratings: {bluff: C, refusal: C}}\n", []string{
			"x.yaml:6: evidence with no id",
			"x.yaml:7: evidence \"e2\" has neither ratings nor a query",
			"x.yaml:8: evidence \"e3\" has both ratings and a query; want one",
			"x.yaml:9: credibility \"huge\": want low, medium or high",
			"x.yaml:9: date \"last year\": want a date such as 2013, 2013-03 or 2013-03-07",
			"x.yaml:10: evidence \"e4\" given twice, first at line 9",
		}},
		{"analyst with query parts", header + "evidence:\n  - id: e1\n    ratings: {bluff: C, refusal: C}\n    rules: {bluff: C, refusal: C}\n    watch: maybe\n", []string{
			"x.yaml:6: evidence \"e1\" has no text",
			"x.yaml:8: evidence \"e1\": rules, confirmed and overrides belong to query evidence",
			"x.yaml:9: watch \"maybe\": want true or false",
		}},
		{"queries", header + `evidence:
  - {id: q1, query: {actor: IRN}}
  - {id: q2, query: {}, rules: {bluff: C, refusal: C}}
  - {id: q3, query: {stance: against, mode: covert}, rules: {bluff: C, refusal: C}}
  - {id: q4, query: {stance: maybe, mode: secret, kind: words, colour: red}, rules: {bluff: C, refusal: C}}
  - {id: q5, query: {topic: negotiate, from: 2020, to: 2019-05}, rules: {bluff: C, refusal: C}}
  - {id: q6, query: {kind: events, stance: favor}, rules: {bluff: C, refusal: C}, watch: true}
  - {id: q7, query: actor, rules: {bluff: C, refusal: C}}
`, []string{
			"x.yaml:6: evidence \"q1\" has a query but no rules to rate what it matches",
			"x.yaml:7: evidence \"q2\" query names nothing to match; it would take every record",
			"x.yaml:8: evidence \"q3\" query has both a stance (statements only) and a mode (events only); no record has both",
			"x.yaml:9: evidence \"q4\" query has both a stance (statements only) and a mode (events only); no record has both",
			"x.yaml:9: evidence \"q4\" query: kind \"words\": want statements or events",
			"x.yaml:9: evidence \"q4\" query: mode \"secret\": want public, covert, alleged, negated, future or hypothetical",
			"x.yaml:9: evidence \"q4\" query: stance \"maybe\": want favor, against or neutral",
			"x.yaml:9: evidence \"q4\" query: unknown field \"colour\"",
			"x.yaml:10: evidence \"q5\" query: from 2020 is after to 2019-05",
			"x.yaml:11: evidence \"q6\" query asks for events with a stance; only statements have one",
			"x.yaml:11: evidence \"q6\": watch belongs to analyst evidence; a query that matches nothing is watched already",
			"x.yaml:12: evidence \"q7\" query: want a mapping (actor, topic, stance, mode, target, from, to, kind)",
		}},
		{"reviews", header + `evidence:
  - id: q
    query: {actor: IRN}
    rules: {bluff: C, refusal: C}
    confirmed: [q.s.a.1, other.s.a.1, q.s.a.1, "q."]
    overrides:
      q.s.a.1: {bluff: II}
      q.s.a.2: {}
      q.s.a.3: {refusal: maybe}
`, []string{
			"x.yaml:9: evidence \"q\": \"other.s.a.1\" is not one of its items (their ids start with \"q.\")",
			"x.yaml:9: evidence \"q\": \"q.\" is not one of its items (their ids start with \"q.\")",
			"x.yaml:9: evidence \"q\": item \"q.s.a.1\" reviewed twice, first at line 9",
			"x.yaml:11: evidence \"q\": item \"q.s.a.1\" reviewed twice, first at line 9",
			"x.yaml:12: evidence \"q\": the override of \"q.s.a.2\" rates nothing",
			"x.yaml:13: evidence \"q\" override of \"q.s.a.3\": rating \"maybe\": want CC, C, N, I, II or NA",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tc.src))
			var pl redline.ProblemList
			if !errors.As(err, &pl) {
				t.Fatalf("Parse = %v, want a problem list", err)
			}
			got := strings.Split(pl.Error(), "\n")
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
