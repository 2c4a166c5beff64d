package event

import (
	"fmt"
	"strings"
	"testing"

	"redline"
	"redline/dict"
	"redline/segment"
	"redline/verb"
)

var testActors = map[string]redline.Mention{
	"Iran":       {Actor: redline.ActorRef{ID: "IRN", Name: "Iran"}, Country: "IRN"},
	"Tehran":     {Actor: redline.ActorRef{ID: "IRN", Name: "Iran"}, Country: "IRN"},
	"Washington": {Actor: redline.ActorRef{ID: "USA", Name: "United States"}, Country: "USA"},
	"Russia":     {Actor: redline.ActorRef{ID: "RUS", Name: "Russia"}, Country: "RUS"},
	"Ukraine":    {Actor: redline.ActorRef{ID: "UKR", Name: "Ukraine"}, Country: "UKR"},
	"American":   {Actor: redline.ActorRef{ID: "USA", Name: "United States"}, Country: "USA"},
	"Iranian":    {Actor: redline.ActorRef{ID: "IRN", Name: "Iran"}, Country: "IRN"},
}

func code(t *testing.T, text string, skip ...redline.Span) []redline.Event {
	t.Helper()
	lex, err := verb.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	return codeWith(t, &Coder{Lexicon: lex}, text, skip...)
}

// codeWith codes text with c, taking actors from testActors.
func codeWith(t testing.TB, c *Coder, text string, skip ...redline.Span) []redline.Event {
	t.Helper()
	sents := segment.Split(text)
	var ms []redline.Mention
	for i, s := range sents {
		for _, tok := range s.Tokens {
			if m, ok := testActors[tok.Span.In(text)]; ok {
				m.Span, m.Sentence = tok.Span, i
				ms = append(ms, m)
			}
		}
	}
	return c.Code(text, sents, ms, c.Lexicon.Scan(text, sents), skip)
}

func TestCode(t *testing.T) {
	type want struct{ actor, target, cameo, plover, mode string }
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"public sanction", "Washington imposed sanctions on Tehran.", []want{{"USA", "IRN", "163", "SANCTION", "public"}}},
		{"invasion", "Russia invaded Ukraine on 24 February.", []want{{"RUS", "UKR", "190", "ASSAULT", "public"}}},
		{"passive swaps", "Ukraine was attacked by Russia.", []want{{"RUS", "UKR", "190", "ASSAULT", "public"}}},
		{"covert nominal, both ways", "American and Iranian officials held secret talks in Muscat.",
			[]want{{"USA", "IRN", "046", "CONSULT", "covert"}, {"IRN", "USA", "046", "CONSULT", "covert"}}},
		{"negated", "Tehran refused to negotiate with Washington.", []want{{"IRN", "USA", "125", "REJECT", "negated"}}},
		{"future", "Washington will impose sanctions on Tehran.", []want{{"USA", "IRN", "1312", "THREATEN", "future"}}},
		{"hypothetical", "Tehran would attack Washington's bases.", []want{{"IRN", "USA", "1384", "THREATEN", "hypothetical"}}},
		{"alleged", "Iran reportedly attacked Ukraine.", []want{{"IRN", "UKR", "190", "ASSAULT", "alleged"}}},
		{"named only, not coded", "The talks with Washington are a trap.", nil},
		{"frame: threat of sanctions", "Washington threatened to impose sanctions on Tehran.", []want{{"USA", "IRN", "1312", "THREATEN", "public"}}},
		{"frame: appeal for talks", "Russia urged Ukraine to negotiate.", []want{{"RUS", "UKR", "026", "REQUEST", "public"}}},
		{"frame: intent to aid", "Russia agreed to send aid to Ukraine.", []want{{"RUS", "UKR", "033", "AGREE", "public"}}},
		{"frame: demand release", "Tehran demanded that Washington release the prisoners.", []want{{"IRN", "USA", "1053", "REQUEST", "public"}}},
		{"appositive skipped", "Iran, a rival of Russia, attacked Ukraine.", []want{{"IRN", "UKR", "190", "ASSAULT", "public"}}},
		{"purpose is background", "Russia invaded Ukraine to seize territory.", []want{{"RUS", "UKR", "190", "ASSAULT", "public"}}},
		{"discarded sport", "Russia attacked Ukraine in the World Cup qualifier.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := code(t, tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Code(%q) = %d events, want %d: %+v", tt.in, len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				tgt := ""
				if g.Target != nil {
					tgt = g.Target.ID
				}
				gw := want{g.Actor.ID, tgt, g.CAMEO, g.PLOVER, string(g.Mode)}
				if gw != w {
					t.Errorf("Code(%q)[%d] = %+v, want %+v", tt.in, i, gw, w)
				}
			}
		})
	}
}

func TestSector(t *testing.T) {
	got := code(t, "Iranian negotiators met American officials in Oman.")
	if len(got) == 0 || got[0].Actor.Sector != "GOV" || got[0].Target == nil || got[0].Target.Sector != "GOV" {
		t.Fatalf("Code = %+v, want IRN/GOV meeting USA/GOV", got)
	}
}

func TestSpeechActs(t *testing.T) {
	lex, err := verb.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Iran said it will attack Ukraine.", "IRN>UKR 1384"},
		{"Iran said Russia attacked Ukraine.", "IRN>RUS 112"},
		{"Russia said Ukraine must release the prisoners.", "RUS>UKR 1053"},
	}
	for _, tt := range tests {
		cue := strings.Index(tt.in, " said ") + len(" said ")
		skip := redline.Span{Start: cue, End: len(tt.in) - 1}
		got := codeWith(t, &Coder{Lexicon: lex, SpeechActs: true}, tt.in, skip)
		if len(got) != 1 || describe(got[0]) != tt.want {
			t.Errorf("SpeechActs Code(%q) = %v, want %s", tt.in, got, tt.want)
		}
		if off := codeWith(t, &Coder{Lexicon: lex}, tt.in, skip); len(off) != 0 {
			t.Errorf("Code(%q) without SpeechActs = %v, want none", tt.in, off)
		}
	}
}

func TestNewActors(t *testing.T) {
	lex, err := verb.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	text := "The Homeland Union attacked Ukraine."
	if got := codeWith(t, &Coder{Lexicon: lex}, text); len(got) != 0 {
		t.Errorf("Code without NewActors = %v, want none", got)
	}
	got := codeWith(t, &Coder{Lexicon: lex, NewActors: true}, text)
	if len(got) != 1 || got[0].Actor.ID != "" || got[0].Actor.Name != "Homeland Union" {
		t.Errorf("Code with NewActors = %+v, want the Homeland Union as actor", got)
	}
}

func TestDedupe(t *testing.T) {
	day := redline.Date{Value: "2020-01-01", Grain: redline.GrainDay}
	ev := redline.Event{Doc: "d", Actor: redline.ActorRef{ID: "IRN"}, CAMEO: "190", Date: day}
	other := ev
	other.Date.Value = "2020-01-02"
	if got := Dedupe([]redline.Event{ev, ev, other}); len(got) != 2 {
		t.Errorf("Dedupe = %d events, want 2 (one a day)", len(got))
	}
	// Many events, past the point where Dedupe keeps a map: every distinct
	// one is kept once, in order, and a target (even an empty one) tells
	// events apart.
	var evs, want []redline.Event
	for i := range 50 {
		e := ev
		e.CAMEO = fmt.Sprintf("%03d", i)
		want = append(want, e)
		evs = append(evs, e, e)
	}
	withTarget := ev
	withTarget.Target = &redline.ActorRef{}
	want = append(want, withTarget)
	evs = append(evs, withTarget, withTarget, evs[0])
	got := Dedupe(evs)
	if len(got) != len(want) {
		t.Fatalf("Dedupe = %d events, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].CAMEO != want[i].CAMEO || (got[i].Target == nil) != (want[i].Target == nil) {
			t.Errorf("event %d = %s %v, want %s %v", i, got[i].CAMEO, got[i].Target, want[i].CAMEO, want[i].Target)
		}
	}
}

func describe(e redline.Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = e.Target.ID
	}
	return e.Actor.ID + ">" + tgt + " " + e.CAMEO
}

func TestCodeSkipsReportedContent(t *testing.T) {
	text := "Iran said Washington attacked Tehran."
	skip := redline.Span{Start: 10, End: len(text) - 1}
	if got := code(t, text, skip); len(got) != 0 {
		t.Errorf("Code with the content skipped = %+v, want none", got)
	}
}
