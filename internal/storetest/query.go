package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"redline"
)

// labels names each fixture record by its document and index: "d3/s2" is
// statement 2 of d3, "d1/e0" event 0 of d1, "d2/x0" deadline 0 of d2. Keys
// are the document ID and the record text, which the fixtures keep unique.
func labels() map[string]string {
	m := make(map[string]string)
	for _, x := range Fixtures() {
		for i, s := range x.Statements {
			m[labelKey(x.Doc.ID, "s", s.Text)] = fmt.Sprintf("%s/s%d", x.Doc.ID, i)
		}
		for i, e := range x.Events {
			m[labelKey(x.Doc.ID, "e", e.Text)] = fmt.Sprintf("%s/e%d", x.Doc.ID, i)
		}
		for i, d := range x.Deadlines {
			m[labelKey(x.Doc.ID, "x", d.Text)] = fmt.Sprintf("%s/x%d", x.Doc.ID, i)
		}
	}
	return m
}

func labelKey(doc, kind, text string) string { return doc + "\x00" + kind + "\x00" + text }

// label returns the label of a stored record, or its text when it is not
// one of the fixtures.
func label(m map[string]string, doc, kind, text string) string {
	if l, ok := m[labelKey(doc, kind, text)]; ok {
		return l
	}
	return fmt.Sprintf("%s/%s?%q", doc, kind, text)
}

// allStatements is every fixture statement in store order: no calendar date
// first, then by first day, then document ID, then position.
var allStatements = []string{"d3/s2", "d2/s0", "d2/s1", "d1/s0", "d1/s1", "d3/s0", "d3/s1"}

func testStatements(t *testing.T, open func(testing.TB) redline.Store) {
	s := open(t)
	MustSave(t, s, Fixtures()...)
	tests := []struct {
		name string
		in   redline.StatementFilter
		want []string
	}{
		{"All", redline.StatementFilter{}, allStatements},
		{"Doc", redline.StatementFilter{Doc: "d2"}, []string{"d2/s0", "d2/s1"}},
		{"Speaker", redline.StatementFilter{Speaker: "ali-khamenei"}, []string{"d2/s0", "d2/s1", "d1/s0"}},
		{"SpeakerState", redline.StatementFilter{Speaker: "IRN"}, []string{"d3/s0"}},
		{"Country", redline.StatementFilter{Country: "IRN"}, []string{"d2/s0", "d2/s1", "d1/s0", "d1/s1", "d3/s0"}},
		{"CountryOfPerson", redline.StatementFilter{Country: "USA"}, []string{"d3/s1"}},
		{"Topic", redline.StatementFilter{Topic: "withdraw"}, []string{"d3/s0"}},
		{"Target", redline.StatementFilter{Target: "USA"}, []string{"d2/s0", "d2/s1", "d1/s0"}},
		{"Combined", redline.StatementFilter{Country: "IRN", Topic: "negotiate", Doc: "d1"}, []string{"d1/s0", "d1/s1"}},
		{"NoMatch", redline.StatementFilter{Speaker: "nobody"}, nil},
		{"Limit", redline.StatementFilter{Limit: 2}, allStatements[:2]},
		{"Offset", redline.StatementFilter{Limit: 2, Offset: 2}, allStatements[2:4]},
		{"OffsetOnly", redline.StatementFilter{Offset: 5}, allStatements[5:]},
		{"OffsetPastEnd", redline.StatementFilter{Offset: 7}, nil},
		{"FilterAndPage", redline.StatementFilter{Country: "IRN", Limit: 2, Offset: 1}, []string{"d2/s1", "d1/s0"}},
		{"From", redline.StatementFilter{From: day(2025, 1, 1)}, []string{"d1/s0", "d1/s1", "d3/s0", "d3/s1"}},
		{"To", redline.StatementFilter{To: day(2013, 2, 7)}, []string{"d2/s0"}},
		{"FromTo", redline.StatementFilter{From: day(2025, 2, 7), To: day(2025, 3, 1)}, []string{"d1/s0", "d1/s1", "d3/s0"}},
		{"FromAndSpeaker", redline.StatementFilter{Speaker: "ali-khamenei", From: day(2013, 2, 5)}, []string{"d2/s1", "d1/s0"}},
	}
	m := labels()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, statementLabels(t, s, m, tt.in)); diff != "" {
				t.Errorf("Statements(%+v) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	t.Run("ErrNegativeLimit", func(t *testing.T) {
		_, err := s.Statements(context.Background(), redline.StatementFilter{Limit: -1})
		wantErrorCode(t, "Statements(Limit: -1)", err, redline.EINVALID)
	})
}

// statementLabels returns the labels of the statements s returns for f.
func statementLabels(t *testing.T, s redline.Store, m map[string]string, f redline.StatementFilter) []string {
	t.Helper()
	ss, err := s.Statements(context.Background(), f)
	if err != nil {
		t.Fatalf("Statements(%+v): %v", f, err)
	}
	var got []string
	for _, st := range ss {
		got = append(got, label(m, st.Doc, "s", st.Text))
	}
	return got
}

func testSearch(t *testing.T, open func(testing.TB) redline.Store) {
	s := open(t)
	MustSave(t, s, Fixtures()...)
	tests := []struct {
		name string
		in   redline.StatementFilter
		want []string
	}{
		{"Stemmed", redline.StatementFilter{Search: "negotiations"}, []string{"d2/s1", "d1/s0", "d1/s1"}},
		{"CaseFolded", redline.StatementFilter{Search: "NEGOTIATE"}, []string{"d2/s1", "d1/s0", "d1/s1"}},
		{"Phrase", redline.StatementFilter{Search: `"snapback occurs"`}, []string{"d3/s0"}},
		{"Prefix", redline.StatementFilter{Search: "snap*"}, []string{"d3/s2", "d3/s0"}},
		{"Boolean", redline.StatementFilter{Search: "iran NOT bombing"}, []string{"d2/s1", "d1/s1"}},
		{"WithFilter", redline.StatementFilter{Search: "negotiate", Speaker: "ali-khamenei"}, []string{"d2/s1", "d1/s0"}},
		{"WithPage", redline.StatementFilter{Search: "negotiate", Limit: 1, Offset: 1}, []string{"d1/s0"}},
		{"NoMatch", redline.StatementFilter{Search: "zeppelin"}, nil},
	}
	m := labels()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, statementLabels(t, s, m, tt.in)); diff != "" {
				t.Errorf("Statements(%+v) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	for _, q := range []string{`AND`, `"unbalanced`, `(iran`, `iran OR`, `nosuchcolumn:iran`} {
		t.Run("ErrInvalid "+q, func(t *testing.T) {
			_, err := s.Statements(context.Background(), redline.StatementFilter{Search: q})
			wantErrorCode(t, fmt.Sprintf("Statements(Search: %q)", q), err, redline.EINVALID)
		})
	}
}

// allEvents is every fixture event in store order.
var allEvents = []string{"d2/e0", "d2/e1", "d1/e0", "d1/e1", "d3/e0", "d3/e1"}

func testEvents(t *testing.T, open func(testing.TB) redline.Store) {
	s := open(t)
	MustSave(t, s, Fixtures()...)
	tests := []struct {
		name string
		in   redline.EventFilter
		want []string
	}{
		{"All", redline.EventFilter{}, allEvents},
		{"Doc", redline.EventFilter{Doc: "d3"}, []string{"d3/e0", "d3/e1"}},
		{"Actor", redline.EventFilter{Actor: "IRN"}, []string{"d2/e0", "d1/e0", "d3/e0"}},
		{"Country", redline.EventFilter{Country: "IRN"}, []string{"d2/e0", "d2/e1", "d1/e0", "d3/e0"}},
		{"Target", redline.EventFilter{Target: "IRN"}, []string{"d1/e1", "d3/e1"}},
		{"PLOVER", redline.EventFilter{PLOVER: "CONSULT"}, []string{"d2/e0", "d1/e0"}},
		{"Mode", redline.EventFilter{Mode: redline.ModeCovert}, []string{"d2/e0", "d1/e0"}},
		{"ModeHypothetical", redline.EventFilter{Mode: redline.ModeHypothetical}, []string{"d3/e1"}},
		{"Combined", redline.EventFilter{Country: "IRN", Mode: redline.ModePublic}, []string{"d2/e1", "d3/e0"}},
		{"NoMatch", redline.EventFilter{PLOVER: "ASSAULT"}, nil},
		{"From", redline.EventFilter{From: day(2025, 2, 2)}, []string{"d1/e1", "d3/e0", "d3/e1"}},
		{"To", redline.EventFilter{To: day(2013, 2, 1)}, []string{"d2/e0"}},
		{"FromToMode", redline.EventFilter{Mode: redline.ModeCovert, From: day(2013, 1, 1), To: day(2014, 1, 1)}, []string{"d2/e0"}},
		{"Limit", redline.EventFilter{Limit: 1}, allEvents[:1]},
		{"Offset", redline.EventFilter{Limit: 3, Offset: 2}, allEvents[2:5]},
		{"OffsetPastEnd", redline.EventFilter{Offset: 6}, nil},
	}
	m := labels()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := s.Events(context.Background(), tt.in)
			if err != nil {
				t.Fatalf("Events(%+v): %v", tt.in, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, label(m, e.Doc, "e", e.Text))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Events(%+v) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
	t.Run("ErrNegativeOffset", func(t *testing.T) {
		_, err := s.Events(context.Background(), redline.EventFilter{Offset: -1})
		wantErrorCode(t, "Events(Offset: -1)", err, redline.EINVALID)
	})
}

// day returns midnight UTC of a calendar day.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func testDeadlines(t *testing.T, open func(testing.TB) redline.Store) {
	s := open(t)
	if ds, err := s.Deadlines(context.Background()); err != nil || len(ds) != 0 {
		t.Fatalf("Deadlines() on empty store = %v, %v; want none, nil", ds, err)
	}
	MustSave(t, s, Fixtures()...)
	ds, err := s.Deadlines(context.Background())
	if err != nil {
		t.Fatalf("Deadlines: %v", err)
	}
	m := labels()
	var got []string
	for _, d := range ds {
		got = append(got, label(m, d.Doc, "x", d.Text))
	}
	if diff := cmp.Diff([]string{"d2/x0", "d3/x0"}, got); diff != "" {
		t.Errorf("Deadlines() mismatch (-want +got):\n%s", diff)
	}
}
