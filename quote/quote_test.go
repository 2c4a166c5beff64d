package quote

import (
	"strings"
	"testing"

	"redline"
	"redline/dict"
	"redline/segment"
	"redline/verb"
)

// mentionsOf marks every occurrence of the given names as mentions, so the
// quote stage can be tested without the actor dictionary.
func mentionsOf(text string, sents []redline.Sentence, actors map[string]redline.Mention) []redline.Mention {
	var out []redline.Mention
	for i, s := range sents {
		for _, tok := range s.Tokens {
			if m, ok := actors[tok.Span.In(text)]; ok {
				m.Span, m.Sentence = tok.Span, i
				out = append(out, m)
			}
		}
	}
	return out
}

var testActors = map[string]redline.Mention{
	"Khamenei":   {Actor: redline.ActorRef{ID: "ali-khamenei", Name: "Ali Khamenei"}, Country: "IRN", Person: true, Gender: "m"},
	"Tehran":     {Actor: redline.ActorRef{ID: "IRN", Name: "Iran"}, Country: "IRN"},
	"Washington": {Actor: redline.ActorRef{ID: "USA", Name: "United States"}, Country: "USA"},
	"US":         {Actor: redline.ActorRef{ID: "USA", Name: "United States"}, Country: "USA"},
	"Kim":        {Actor: redline.ActorRef{ID: "kim-jong-un", Name: "Kim Jong-un"}, Country: "PRK", Person: true, Gender: "m"},
	"Leader":     {Actor: redline.ActorRef{ID: "ali-khamenei", Name: "Ali Khamenei"}, Country: "IRN", Person: true, Gender: "m", Kind: redline.MentionRole},
}

func extract(t *testing.T, text string) []redline.Statement {
	t.Helper()
	lex, err := verb.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	sents := segment.Split(text)
	x := &Extractor{Lexicon: lex}
	return x.Extract(text, sents, mentionsOf(text, sents, testActors), lex.Scan(text, sents))
}

func TestExtract(t *testing.T) {
	type want struct {
		speaker, kind, text, topic, target, stance, commitment string
		conditions                                             int
		threat, promise                                        bool
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"quote then cue", `"Negotiating with the US is not wise," Khamenei said.`,
			[]want{{"ali-khamenei", "direct", "Negotiating with the US is not wise,", "negotiate", "USA", "against", "none", 0, false, false}}},
		{"cue then quote, curly", "Khamenei said: “We will never negotiate with Washington.”",
			[]want{{"ali-khamenei", "direct", "We will never negotiate with Washington.", "negotiate", "USA", "against", "absolute", 0, false, false}}},
		{"pronoun speaker", "Khamenei spoke to commanders. \"Any hostile move will be met with a hostile response,\" he said.",
			[]want{{"ali-khamenei", "direct", "Any hostile move will be met with a hostile response,", "", "", "neutral", "firm", 0, true, false}}},
		{"split quote", `"We will not," Khamenei said, "negotiate under pressure."`,
			[]want{{"ali-khamenei", "direct", `We will not, negotiate under pressure.`, "negotiate", "", "against", "firm", 0, false, false}}},
		{"reported speech", "Khamenei dismissed negotiations with Washington as useless.",
			[]want{{"ali-khamenei", "indirect", "negotiations with Washington as useless", "negotiate", "USA", "against", "firm", 0, false, false}}},
		{"conditional threat", "Tehran has threatened to leave the NPT if the US restores sanctions.",
			[]want{{"IRN", "indirect", "to leave the NPT if the US restores sanctions", "withdraw", "USA", "favor", "firm", 1, true, false}}},
		{"hedged openness", "Khamenei said Iran may still engage in talks with the US.",
			[]want{{"ali-khamenei", "indirect", "Iran may still engage in talks with the US", "negotiate", "USA", "favor", "hedged", 0, false, false}}},
		{"floating quote", "This is what Khamenei said:\n\n\"Talks with America solve none of our problems.\"",
			[]want{{"ali-khamenei", "direct", "Talks with America solve none of our problems.", "negotiate", "", "against", "none", 0, false, false}}},
		{"scare quotes are not statements", `The "maximum pressure" campaign went on.`, nil},
		{"unbalanced mark", `Khamenei said: "We will not talk`,
			[]want{{"ali-khamenei", "direct", "We will not talk", "", "", "neutral", "firm", 0, false, false}}},
		{"passive cue with agent", "Tehran was told by Washington that talks would resume.",
			[]want{{"USA", "indirect", "talks would resume", "negotiate", "", "favor", "none", 0, false, false}}},
		{"passive cue without agent", "It was announced that talks with Washington would resume.", nil},
		{"a role mention is not an unknown name", "Iran's Supreme Leader said talks with Washington had gone well.",
			[]want{{"ali-khamenei", "indirect", "talks with Washington had gone well", "negotiate", "USA", "favor", "none", 0, false, false}}},
		{"author claim is not attributed", "Washington imposed sanctions on Tehran.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract(t, tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Extract(%q) found %d statements, want %d: %+v", tt.in, len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				target := ""
				if g.Target != nil {
					target = g.Target.ID
				}
				gw := want{g.Speaker.ID, string(g.Kind), g.Text, g.Topic, target, string(g.Stance), string(g.Commitment),
					len(g.Conditions), g.Threat, g.Promise}
				if gw != w {
					t.Errorf("Extract(%q)[%d]\n got %+v\nwant %+v", tt.in, i, gw, w)
				}
				if g.Span.In(tt.in) == "" || !strings.Contains(tt.in, g.Span.In(tt.in)) {
					t.Errorf("span %v does not point into the text", g.Span)
				}
			}
		})
	}
}
