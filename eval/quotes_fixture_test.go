package eval

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
)

const talksFixture = "testdata/meantime-events/1_talks.xml"

func mustReadEvents(tb testing.TB) *EventDoc {
	tb.Helper()
	ed, err := ReadMEANTIMEEvents(talksFixture)
	if err != nil {
		tb.Fatal(err)
	}
	return ed
}

// spanOfText returns the span of the n-th (from 0) occurrence of s in text.
func spanOfText(tb testing.TB, text, s string, n int) *redline.Span {
	tb.Helper()
	off := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[off:], s)
		if i < 0 {
			tb.Fatalf("%q not in %q", s, text)
		}
		off += i + len(s)
	}
	return &redline.Span{Start: off - len(s), End: off}
}

func TestReadMEANTIMEEvents(t *testing.T) {
	ed := mustReadEvents(t)
	want := "Talks stall\n\nEnvoy Ana Reyes said the rebels may attack. She added that talks did not resume."
	if ed.Text != want {
		t.Fatalf("Text = %q, want %q", ed.Text, want)
	}
	var got []string
	for _, e := range ed.Events {
		got = append(got, e.Text+":"+e.Class+":"+e.Certainty+":"+e.Polarity)
	}
	wantEv := []string{"Talks::CERTAIN:POS", "stall::CERTAIN:POS", "said:SPEECH_COGNITIVE:CERTAIN:POS",
		"attack:OTHER:POSSIBLE:POS", "added:SPEECH_COGNITIVE:CERTAIN:POS", "resume:OTHER:CERTAIN:NEG"}
	if diff := cmp.Diff(wantEv, got); diff != "" {
		t.Errorf("events mismatch (-want +got):\n%s", diff)
	}
	if ed.Full.End != len(ed.Text) {
		t.Errorf("Full = %v, want the whole text", ed.Full)
	}
	g := goldQuotes(ed)
	if len(g) != 2 || g[0].SpeakerText != "Envoy Ana Reyes" || g[1].SpeakerText != "She" ||
		!cmp.Equal(g[1].Names, []string{"Ana Reyes", "Envoy Ana Reyes"}) || len(g[0].Complements) != 1 {
		t.Errorf("goldQuotes = %+v", g)
	}
}

func TestScoreQuoteDoc(t *testing.T) {
	ed := mustReadEvents(t)
	at := func(s string, n int) *redline.Span { return spanOfText(t, ed.Text, s, n) }
	reyes := redline.ActorRef{Name: "Ana Reyes"}
	tests := []struct {
		name  string
		sts   []redline.Statement
		want  QuoteCounts
		kinds []string
	}{
		{"OK", []redline.Statement{
			{Speaker: reyes, SpeakerSpan: at("Ana Reyes", 0), CueSpan: at("said", 0), Span: *at("the rebels may attack", 0)},
			{Speaker: reyes, SpeakerSpan: at("She", 0), CueSpan: at("added", 0), Span: *at("talks did not resume", 0)},
		}, QuoteCounts{Gold: 2, Found: 2, Speaker: 2, Statements: 2, WithCue: 2, Cues: 2, CuesOnGold: 2}, nil},
		{"UnresolvedPronoun", []redline.Statement{
			{Speaker: redline.ActorRef{Name: "She"}, SpeakerSpan: at("She", 0), CueSpan: at("added", 0)},
		}, QuoteCounts{Gold: 2, Found: 1, Statements: 1, WithCue: 1, Cues: 1, CuesOnGold: 1}, []string{"missed", "speaker"}},
		{"ByContent", []redline.Statement{
			{Speaker: reyes, Span: *at("the rebels may attack", 0)},
		}, QuoteCounts{Gold: 2, Found: 1, ByContent: 1, Speaker: 1, Statements: 1}, []string{"missed"}},
		{"Extra", []redline.Statement{
			{Speaker: redline.ActorRef{Name: "Talks"}, CueSpan: at("stall", 0)},
		}, QuoteCounts{Gold: 2, Statements: 1, WithCue: 1, Cues: 1}, []string{"missed", "missed", "extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, errs := scoreQuoteDoc(ed, tt.sts)
			if ds.QuoteCounts != tt.want {
				t.Errorf("counts = %+v, want %+v", ds.QuoteCounts, tt.want)
			}
			var kinds []string
			for _, e := range errs {
				kinds = append(kinds, e.Kind)
			}
			if diff := cmp.Diff(tt.kinds, kinds); diff != "" {
				t.Errorf("error kinds mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		sys, gold string
		want      bool
	}{
		{"Gallois", "Louis Gallois", true}, {"General Motors Corporation", "General Motors", true},
		{"the USAF", "The USAF", true}, {"Airbus", "Boeing", false}, {"", "Boeing", false},
		{"Motors", "General Motors", true}, {"He", "Steve Jobs", false},
	} {
		if got := sameName(tt.sys, tt.gold); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.sys, tt.gold, got, tt.want)
		}
	}
}

func TestScoreFactualityFixture(t *testing.T) {
	ed := mustReadEvents(t)
	sc := ScoreFactuality("fixture", []*EventDoc{ed})
	s := sc.System
	if sc.Events != 6 || s.NonCertain.TP != 1 || s.NonCertain.FP != 0 || s.Negated.TP != 1 || s.Negated.FP != 0 ||
		s.Future.TP != 1 {
		t.Errorf("fixture scores: events %d, non-certain %+v, negated %+v, future %+v", sc.Events, s.NonCertain,
			s.Negated, s.Future)
	}
	var b strings.Builder
	if err := sc.Fprint(&b); err != nil || !strings.Contains(b.String(), "macro") {
		t.Errorf("Fprint = %q, %v", b.String(), err)
	}
}
