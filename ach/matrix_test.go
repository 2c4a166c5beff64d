package ach

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"redline"
)

// fakeStore answers queries from slices, filtering as the SQLite store
// does: by ID for speakers, actors and targets, and by the country map
// for Country.
type fakeStore struct {
	statements []redline.Statement
	events     []redline.Event
	country    map[string]string
	err        error
	calls      int
}

func (s *fakeStore) countryOf(id string) string {
	if c, ok := s.country[id]; ok {
		return c
	}
	return id
}

func (s *fakeStore) Statements(_ context.Context, f redline.StatementFilter) ([]redline.Statement, error) {
	s.calls++
	var out []redline.Statement
	for _, st := range s.statements {
		if (f.Speaker == "" || st.Speaker.ID == f.Speaker) && (f.Country == "" || s.countryOf(st.Speaker.ID) == f.Country) &&
			(f.Topic == "" || st.Topic == f.Topic) && (f.Target == "" || st.Target != nil && st.Target.ID == f.Target) {
			out = append(out, st)
		}
	}
	return out, s.err
}

func (s *fakeStore) Events(_ context.Context, f redline.EventFilter) ([]redline.Event, error) {
	s.calls++
	var out []redline.Event
	for _, e := range s.events {
		if (f.Actor == "" || e.Actor.ID == f.Actor) && (f.Country == "" || s.countryOf(e.Actor.ID) == f.Country) &&
			(f.Mode == "" || e.Mode == f.Mode) && (f.Target == "" || e.Target != nil && e.Target.ID == f.Target) {
			out = append(out, e)
		}
	}
	return out, s.err
}

var _ Store = (*fakeStore)(nil)

func ref(id string) *redline.ActorRef { return &redline.ActorRef{ID: id, Name: id} }

func day(v string) redline.Date { return redline.Date{Value: v, Grain: redline.GrainDay} }

// demoStore holds a few records of the Iran-US story.
func demoStore() *fakeStore {
	return &fakeStore{
		country: map[string]string{"ali-khamenei": "IRN", "abbas-araghchi": "IRN", "william-burns": "USA", "donald-trump": "USA"},
		statements: []redline.Statement{
			{Doc: "aaaa1111bbbb2222", Sentence: 1, Span: redline.Span{Start: 40, End: 90}, Speaker: *ref("ali-khamenei"),
				Said: day("2013-02-07"), Topic: "negotiate", Target: ref("USA"), Stance: redline.StanceAgainst, Text: "negotiations will not solve the problem"},
			{Doc: "cccc3333dddd4444", Sentence: 0, Span: redline.Span{Start: 0, End: 30}, Speaker: *ref("ali-khamenei"),
				Said: day("2018-08-13"), Topic: "negotiate", Target: ref("donald-trump"), Stance: redline.StanceAgainst, Text: "never with the current administration"},
			{Doc: "eeee5555ffff6666", Sentence: 2, Span: redline.Span{Start: 200, End: 260}, Speaker: *ref("abbas-araghchi"),
				Said: day("2025-04-12"), Topic: "negotiate", Target: ref("USA"), Stance: redline.StanceFavor, Text: "indirect talks in Oman"},
			{Doc: "eeee5555ffff6666", Sentence: 3, Span: redline.Span{Start: 300, End: 340}, Speaker: *ref("IRN"),
				Said: redline.Date{}, Topic: "negotiate", Target: ref("USA"), Stance: redline.StanceAgainst, Text: "undated"},
		},
		events: []redline.Event{
			{Doc: "9999aaaa0000bbbb", Sentence: 4, Span: redline.Span{Start: 120, End: 126}, Actor: *ref("william-burns"),
				Target: ref("IRN"), Verb: "negotiate", Mode: redline.ModeCovert, Date: redline.Date{Value: "2013-03", Grain: redline.GrainMonth}, Text: "met"},
			{Doc: "9999aaaa0000bbbb", Sentence: 5, Span: redline.Span{Start: 150, End: 160}, Actor: *ref("IRN"),
				Target: ref("USA"), Verb: "negotiate", Mode: redline.ModeCovert, Date: redline.Date{Value: "2013", Grain: redline.GrainYear}, Text: "talks"},
		},
	}
}

func mustBuild(tb testing.TB, src string, st *fakeStore) *Matrix {
	tb.Helper()
	f, err := Parse("q.yaml", []byte(header+src))
	if err != nil {
		tb.Fatal(err)
	}
	m, err := Build(context.Background(), f, st, st.countryOf)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func ids(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func TestQueryMatching(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		want        []string
	}{
		{"a state's id matches its people; target by country; undated first", "{actor: IRN, topic: negotiate, target: USA, kind: statements}",
			[]string{"q.s.eeee5555ffff.300", "q.s.aaaa1111bbbb.40", "q.s.cccc3333dddd.0", "q.s.eeee5555ffff.200"}},
		{"stance narrows to statements", "{actor: IRN, stance: against, target: USA}",
			[]string{"q.s.eeee5555ffff.300", "q.s.aaaa1111bbbb.40", "q.s.cccc3333dddd.0"}},
		{"a person by id", "{actor: abbas-araghchi}", []string{"q.s.eeee5555ffff.200"}},
		{"date range drops undated records", "{actor: IRN, topic: negotiate, from: 2014, to: 2025-04-12}",
			[]string{"q.s.cccc3333dddd.0", "q.s.eeee5555ffff.200"}},
		{"mode narrows to events", "{actor: USA, mode: covert, target: IRN}", []string{"q.e.9999aaaa0000.120"}},
		{"events by topic and year", "{topic: negotiate, kind: events, from: 2013-03, to: 2013-03}",
			[]string{"q.e.9999aaaa0000.150", "q.e.9999aaaa0000.120"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mustBuild(t, "evidence:\n  - {id: q, query: "+tc.query+", rules: {bluff: C, refusal: II}}\n", demoStore())
			if got := ids(m.Items); !slices.Equal(got, tc.want) {
				t.Errorf("items = %v\nwant %v", got, tc.want)
			}
			for _, it := range m.Items {
				if !it.Suggested || !slices.Equal(it.Ratings, []Rating{C, II}) || it.Record == nil || it.Credibility != Medium {
					t.Errorf("item %s = %+v; want the rules, suggested, medium", it.ID, it)
				}
			}
		})
	}
}

func TestReviews(t *testing.T) {
	src := `evidence:
  - id: q
    query: {actor: IRN, stance: against, target: USA, from: 2013}
    credibility: high
    rules: {bluff: C, refusal: II}
    confirmed: [q.s.aaaa1111bbbb.40]
    overrides:
      q.s.cccc3333dddd.0: {refusal: C}
      q.s.gone.1: {bluff: NA, refusal: NA}
`
	m := mustBuild(t, src, demoStore())
	if len(m.Items) != 2 {
		t.Fatalf("items = %v", ids(m.Items))
	}
	confirmed, overridden := m.Items[0], m.Items[1]
	if confirmed.Suggested || !slices.Equal(confirmed.Ratings, []Rating{C, II}) || confirmed.Credibility != High {
		t.Errorf("confirmed item = %+v", confirmed)
	}
	if overridden.Suggested || !slices.Equal(overridden.Ratings, []Rating{C, C}) {
		t.Errorf("overridden item = %+v; want bluff kept from the rules, refusal C", overridden)
	}
	if len(m.Warnings) != 1 || !strings.HasPrefix(m.Warnings[0].Error(), "q.yaml:13: override of q.s.gone.1: no record") {
		t.Errorf("warnings = %v; want the stale override named with its line", m.Warnings)
	}
	// Rebuilding gives the same ids.
	again := mustBuild(t, src, demoStore())
	if !slices.Equal(ids(again.Items), ids(m.Items)) {
		t.Errorf("ids changed between builds: %v, %v", ids(m.Items), ids(again.Items))
	}
}

func TestPendingAndWatch(t *testing.T) {
	src := `evidence:
  - {id: seen, text: Seen, ratings: {bluff: C, refusal: I}}
  - {id: later, text: Not yet, watch: true, ratings: {bluff: CC, refusal: II}}
  - {id: none, text: Covert talks after 2025, query: {actor: IRN, mode: covert, from: 2026}, credibility: high, rules: {bluff: CC, refusal: II}}
`
	m := mustBuild(t, src, demoStore())
	if got := ids(m.Items); !slices.Equal(got, []string{"seen"}) {
		t.Errorf("items = %v, want [seen]", got)
	}
	if got := ids(m.Pending); !slices.Equal(got, []string{"later", "none"}) {
		t.Errorf("pending = %v, want [later none]", got)
	}
	if len(m.Warnings) != 0 {
		t.Errorf("warnings = %v", m.Warnings)
	}
	r := Score(m)
	if len(r.Indicators) != 2 || r.Indicators[0].ID != "none" || r.Indicators[0].Query == nil || !r.Indicators[0].Suggested {
		t.Errorf("indicators = %+v; want the high-credibility query first", r.Indicators)
	}
}

func TestDuplicateKeysGetSuffixes(t *testing.T) {
	st := demoStore()
	st.statements = append(st.statements, st.statements[0])
	st.statements[len(st.statements)-1].Span.End = 95 // same start, another statement
	m := mustBuild(t, "evidence:\n  - {id: q, query: {actor: ali-khamenei, from: 2013, to: 2013}, rules: {bluff: C, refusal: I}}\n", st)
	if got := ids(m.Items); !slices.Equal(got, []string{"q.s.aaaa1111bbbb.40", "q.s.aaaa1111bbbb.40-2"}) {
		t.Errorf("items = %v", got)
	}
}

func TestBuildErrors(t *testing.T) {
	f, err := Parse("q.yaml", []byte(header+"evidence:\n  - {id: q, query: {actor: IRN}, rules: {bluff: C, refusal: I}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), f, nil, nil); redline.ErrorCode(err) != redline.EINVALID || !strings.Contains(err.Error(), "q.yaml:6") {
		t.Errorf("Build with no store = %v; want EINVALID naming the line", err)
	}
	st := demoStore()
	st.err = errors.New("disk on fire")
	if _, err := Build(context.Background(), f, st, nil); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("Build with a failing store = %v", err)
	}
}

// Reviews of a query that matched nothing are reported too.
func TestReviewsOfAnEmptyQuery(t *testing.T) {
	m := mustBuild(t, "evidence:\n  - {id: q, query: {actor: PRK}, rules: {bluff: C, refusal: I}, confirmed: [q.s.abc.1]}\n", demoStore())
	if len(m.Items) != 0 || len(m.Pending) != 1 || len(m.Warnings) != 1 || m.Warnings[0].Line != 6 {
		t.Errorf("items %v, pending %v, warnings %v; want one pending query and one warning", ids(m.Items), ids(m.Pending), m.Warnings)
	}
}
