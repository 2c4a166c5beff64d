package event

import (
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
	return (&Coder{Lexicon: lex}).Code(text, sents, ms, skip)
}

func TestCode(t *testing.T) {
	type want struct{ actor, target, cameo, plover, mode string }
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"public sanction", "Washington imposed sanctions on Tehran.", []want{{"USA", "IRN", "163", "SANCTION", "public"}}},
		{"invasion", "Russia invaded Ukraine on 24 February.", []want{{"RUS", "UKR", "190", "FIGHT", "public"}}},
		{"passive swaps", "Ukraine was attacked by Russia.", []want{{"RUS", "UKR", "190", "FIGHT", "public"}}},
		{"covert nominal, both ways", "American and Iranian officials held secret talks in Muscat.",
			[]want{{"USA", "IRN", "046", "CONSULT", "covert"}, {"IRN", "USA", "046", "CONSULT", "covert"}}},
		{"negated", "Tehran refused to negotiate with Washington.", []want{{"IRN", "USA", "1246", "REJECT", "negated"}}},
		{"future", "Washington will impose sanctions on Tehran.", []want{{"USA", "IRN", "163", "SANCTION", "future"}}},
		{"hypothetical", "Tehran would attack Washington's bases.", []want{{"IRN", "USA", "190", "FIGHT", "hypothetical"}}},
		{"alleged", "Iran reportedly attacked Ukraine.", []want{{"IRN", "UKR", "190", "FIGHT", "alleged"}}},
		{"named only, not coded", "The talks with Washington are a trap.", nil},
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

func TestCodeSkipsReportedContent(t *testing.T) {
	text := "Iran said Washington attacked Tehran."
	skip := redline.Span{Start: 10, End: len(text) - 1}
	if got := code(t, text, skip); len(got) != 0 {
		t.Errorf("Code with the content skipped = %+v, want none", got)
	}
}
