package petrarch

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/dict"
	"redline/segment"
	"redline/verb"
)

func TestRef(t *testing.T) {
	tests := []struct {
		code string
		want redline.ActorRef
	}{
		{"USA", redline.ActorRef{ID: "USA", Name: "USA"}},
		{"USAGOV", redline.ActorRef{ID: "USA", Name: "USAGOV", Sector: "GOV"}},
		{"IRNGOVFRM", redline.ActorRef{ID: "IRN", Name: "IRNGOVFRM", Sector: "GOV"}},
		{"IGOUNO", redline.ActorRef{ID: "IGOUNO", Name: "IGOUNO"}},
		{"NGOUSAHRI", redline.ActorRef{ID: "NGOUSAHRI", Name: "NGOUSAHRI"}},
		{"---GOV", redline.ActorRef{Name: "---GOV", Sector: "GOV"}},
		{"FRO/BIL/SAM", redline.ActorRef{ID: "FRO/BIL/SAM", Name: "FRO/BIL/SAM"}},
		{`"THE MINISTRY OF MAGIC"`, redline.ActorRef{Name: "THE MINISTRY OF MAGIC"}},
	}
	for _, tt := range tests {
		if got := Ref(tt.code); got != tt.want {
			t.Errorf("Ref(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}

// mustEvents returns the event stage over the test dictionaries.
func mustEvents(t *testing.T) *Events {
	t.Helper()
	d := mustLoad(t, testDict, Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"},
		Discards: "discards.txt"})
	lex, err := verb.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	return &Events{Coder: NewCoder(d), Lexicon: lex}
}

func codeDoc(e *Events, text, published string) []redline.Event {
	doc := &redline.Document{Text: text, Published: redline.Date{Value: published, Grain: redline.GrainDay}}
	return e.CodeDocument(doc, segment.Split(text), nil, nil, nil)
}

func TestEventsCodeDocument(t *testing.T) {
	e := mustEvents(t)
	text := "Talks went on. Gondor police arrested Arnor students. Arnor did not attack Rohan.\n\nSaruman attacked Rohan."
	got := codeDoc(e, text, "2005-01-01")
	want := []redline.Event{
		{Sentence: 1, Actor: redline.ActorRef{ID: "GON", Name: "GONCOP", Sector: "COP"},
			Target: &redline.ActorRef{ID: "ARN", Name: "ARNEDU", Sector: "EDU"}, Verb: "detain",
			CAMEO: "173", PLOVER: "COERCE", Mode: redline.ModePublic, Goldstein: -5, Quad: 4,
			Text: "arrested", Span: redline.Span{Start: 29, End: 37}},
		{Sentence: 2, Actor: redline.ActorRef{ID: "ARN", Name: "ARN"}, Target: &redline.ActorRef{ID: "ROH", Name: "ROH"},
			Verb: "attack", CAMEO: "190", PLOVER: "ASSAULT", Mode: redline.ModeNegated, Goldstein: -10, Quad: 4,
			Text: "attack", Span: redline.Span{Start: 68, End: 74}},
		// Saruman's code is the one in force on the publication day.
		{Sentence: 3, Actor: redline.ActorRef{ID: "WIZ", Name: "WIZREB", Sector: "REB"}, Target: &redline.ActorRef{ID: "ROH", Name: "ROH"},
			Verb: "attack", CAMEO: "190", PLOVER: "ASSAULT", Mode: redline.ModePublic, Goldstein: -10, Quad: 4,
			Text: "attacked", Span: redline.Span{Start: 91, End: 99}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CodeDocument (-want +got):\n%s", diff)
	}
	for _, ev := range got {
		if ev.Span.In(text) != ev.Text {
			t.Errorf("span %v holds %q, not %q", ev.Span, ev.Span.In(text), ev.Text)
		}
	}
	if got := codeDoc(e, "Saruman attacked Rohan.", "1995-01-01"); len(got) != 1 || got[0].Actor.Name != "WIZ" {
		t.Errorf("before the dated code: %+v, want WIZ", got)
	}
}

func TestEventsDiscards(t *testing.T) {
	e := mustEvents(t)
	if got := codeDoc(e, "Arnor attacked Gondor. Mordor attacked Rohan at the baseball game.", "2005-01-01"); len(got) != 1 {
		t.Errorf("sentence discard: %d events, want 1 (%+v)", len(got), got)
	}
	d := mustLoad(t, map[string]string{"verbs.txt": testDict["verbs.txt"], "actors.txt": testDict["actors.txt"], "discards.txt": "+BASEBALL\n"},
		Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Discards: "discards.txt"})
	e.Coder = NewCoder(d)
	if got := codeDoc(e, "Arnor attacked Gondor. Mordor attacked Rohan at the baseball game.", "2005-01-01"); len(got) != 0 {
		t.Errorf("story discard: %+v, want no events", got)
	}
}

// TestEventsCodeInfo takes what redline's CAMEO table lacks from the
// code's parent or root.
func TestEventsCodeInfo(t *testing.T) {
	e := mustEvents(t)
	tests := []struct {
		code, plover, topic string
		quad                int
	}{
		{"190", "ASSAULT", "attack", 4},
		{"1213", "REJECT", "reject", 3}, // CAMEO 2.0; redline's table stops at 121
		{"1952", "ASSAULT", "attack", 4},
	}
	for _, tt := range tests {
		info, topic := e.codeInfo(tt.code)
		if info.PLOVER != tt.plover || topic != tt.topic || info.Quad != tt.quad {
			t.Errorf("codeInfo(%s) = %+v, %q, want %s, %q, quad %d", tt.code, info, topic, tt.plover, tt.topic, tt.quad)
		}
	}
}
