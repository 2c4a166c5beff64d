package verb

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/dict"
	"redline/segment"
)

func TestRegularForms(t *testing.T) {
	tests := []struct{ in, third, past, gerund string }{
		{"negotiate", "negotiates", "negotiated", "negotiating"},
		{"deny", "denies", "denied", "denying"},
		{"dismiss", "dismisses", "dismissed", "dismissing"},
		{"ban", "bans", "banned", "banning"},
		{"vow", "vows", "vowed", "vowing"},
		{"meet", "meets", "meeted", "meeting"},
		{"tie", "ties", "tied", "tying"},
		{"agree", "agrees", "agreed", "agreeing"},
		{"play", "plays", "played", "playing"},
	}
	for _, tt := range tests {
		third, past, gerund := regularForms(tt.in)
		if third != tt.third || past != tt.past || gerund != tt.gerund {
			t.Errorf("regularForms(%q) = %q, %q, %q, want %q, %q, %q", tt.in, third, past, gerund, tt.third, tt.past, tt.gerund)
		}
	}
}

func mustLoad(tb testing.TB) *Lexicon {
	tb.Helper()
	l, err := Load(dict.FS)
	if err != nil {
		tb.Fatalf("Load(dict.FS): %v", err)
	}
	return l
}

// find returns the first match found in text by at, as the matched text.
func find(text string, at func(string, []redline.Token, int) (Match, bool)) (string, Match) {
	for _, s := range segment.Split(text) {
		for i := range s.Tokens {
			if m, ok := at(text, s.Tokens, i); ok {
				return redline.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[m.End-1].Span.End}.In(text), m
			}
		}
	}
	return "", Match{}
}

func TestEmbeddedLexicon(t *testing.T) {
	l := mustLoad(t)
	cues := []struct{ in, want, lemma string }{
		{"He ruled out talks.", "ruled out", "rule out"},
		{"KHAMENEI SAID SO", "SAID", "say"},
		{"Tehran has threatened to leave", "threatened", "threaten"},
		{"Pyongyang signalled openness", "signalled", "signal"},
		{"They denied it", "denied", "deny"},
	}
	for _, tt := range cues {
		got, m := find(tt.in, l.CueAt)
		if got != tt.want || m.Cue == nil || m.Cue.Lemma != tt.lemma {
			t.Errorf("CueAt in %q = %q (%+v), want %q lemma %q", tt.in, got, m.Cue, tt.want, tt.lemma)
		}
	}
	actions := []struct{ in, want, topic string }{
		{"Washington imposed sanctions on Tehran.", "imposed sanctions", "sanction"},
		{"the two sides held talks in Muscat", "held talks", "negotiate"},
		{"secret talks were under way", "talks", "negotiate"},
		{"Russia invaded Ukraine", "invaded", "attack"},
		{"They will pull out of the deal", "pull out of", "withdraw"},
		{"Deputy Secretary William Burns met them", "met", "meet"}, // "Burns" is a name, not "burn"
		{"Liberia denied on Thursday charges of genocide", "denied on Thursday charges", "deny"},
	}
	for _, tt := range actions {
		got, m := find(tt.in, l.ActionAt)
		if got != tt.want || m.Action == nil || m.Action.Topic != tt.topic {
			t.Errorf("ActionAt in %q = %q (%+v), want %q topic %q", tt.in, got, m.Action, tt.want, tt.topic)
		}
	}
	c, ok := l.Code("046")
	if want := (Code{"046", "Engage in negotiation", 7, "CONSULT", 1}); !ok || c != want {
		t.Errorf("Code(046) = %+v, %v, want %+v", c, ok, want)
	}
	topics := []struct{ code, want string }{
		{"046", "negotiate"}, {"163", "sanction"}, {"190", "attack"},
		{"125", "reject"},          // its own action comes before the refusals that give it
		{"1244", "ease-sanctions"}, // only refusals give it: the first
		{"1213", ""},
	}
	for _, tt := range topics {
		if got := l.Topic(tt.code); got != tt.want {
			t.Errorf("Topic(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestLoadProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"verbs/cameo.yaml": {Data: []byte("- {code: \"046\", name: Negotiate, goldstein: 7, plover: CONSULT, quad: 1}\n" +
			"- {code: \"x1\", name: Bad, goldstein: 0, plover: X, quad: 1}\n" +
			"- {code: \"047\", name: Bad quad, goldstein: 0, plover: X, quad: 9}\n")},
		"verbs/cues.yaml": {Data: []byte("- {lemma: say}\n- {lemma: warn, stance: angry}\n- {lemma: vow, colour: red}\n")},
		"verbs/actions.yaml": {Data: []byte("- topic: negotiate\n  cameo: \"046\"\n  verbs: [negotiate]\n" +
			"- topic: attack\n  cameo: \"999\"\n")},
	}
	_, err := Load(fsys)
	if err == nil {
		t.Fatal("Load succeeded, want problems")
	}
	want := []string{
		`verbs/actions.yaml:4: action "attack": CAMEO code "999" is not in verbs/cameo.yaml`,
		`verbs/cameo.yaml:2: code "x1" is not a 2-4 digit CAMEO code`,
		`verbs/cameo.yaml:3: code 047: quad 9 is not 1-4`,
		`verbs/cues.yaml:2: cue "warn": stance "angry" is not favor or against`,
		`verbs/cues.yaml:3: field colour not found in type verb.cueEntry`,
	}
	if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
		t.Errorf("Load problems mismatch (-want +got):\n%s", diff)
	}
}

func BenchmarkActionAt(b *testing.B) {
	l := mustLoad(b)
	text := strings.Repeat("Iran and the United States held secret talks in Muscat while Washington imposed sanctions. ", 100)
	sents := segment.Split(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			for i := range s.Tokens {
				l.ActionAt(text, s.Tokens, i)
				l.CueAt(text, s.Tokens, i)
			}
		}
	}
}

// TestScanAgreesWithLookups checks that Hits, looked up once per token,
// answer exactly what CueAt and ActionAt answer at each token.
func TestScanAgreesWithLookups(t *testing.T) {
	l := mustLoad(t)
	text := "Iran warned on Monday that it would retaliate. The talks were held in secret, officials said. " +
		"It was a cold day. Washington refused to meet and imposed sanctions; Tehran dismissed negotiations as useless."
	sents := segment.Split(text)
	h := l.Scan(text, sents)
	cues, actions := 0, 0
	for s, sent := range sents {
		hasAction := false
		for i := range sent.Tokens {
			_, ok := l.ActionAt(text, sent.Tokens, i)
			hasAction = hasAction || ok
		}
		if h.HasAction(s) != hasAction {
			t.Errorf("sentence %d: HasAction = %v, want %v", s, h.HasAction(s), hasAction)
		}
		for i := range sent.Tokens {
			wantCue, isCue := l.CueAt(text, sent.Tokens, i)
			gotCue, gotIsCue := h.CueAt(s, i)
			if isCue != gotIsCue || wantCue != gotCue {
				t.Errorf("sentence %d token %d: Hits.CueAt = %+v, %v; CueAt = %+v, %v", s, i, gotCue, gotIsCue, wantCue, isCue)
			}
			wantAct, isAct := l.ActionAt(text, sent.Tokens, i)
			gotAct, gotIsAct := h.ActionAt(s, i)
			if isAct != gotIsAct || wantAct != gotAct {
				t.Errorf("sentence %d token %d: Hits.ActionAt = %+v, %v; ActionAt = %+v, %v", s, i, gotAct, gotIsAct, wantAct, isAct)
			}
			if isCue {
				cues++
			}
			if isAct {
				actions++
			}
		}
	}
	if h.HasAction(2) {
		t.Error("HasAction is true for a sentence without an action")
	}
	if cues < 3 || actions < 4 {
		t.Errorf("found %d cues and %d actions; the text has at least 3 and 4", cues, actions)
	}
}

// A Hits reused for a second document answers as a fresh one does.
func TestScanIntoReuses(t *testing.T) {
	l := mustLoad(t)
	first := "Iran warned that it would retaliate, and Washington imposed sanctions. Tehran denied it. Officials said so."
	second := "The talks were held in secret. Israel attacked."
	var h Hits
	l.ScanInto(&h, first, segment.Split(first))
	sents := segment.Split(second)
	got, want := l.ScanInto(&h, second, sents), l.Scan(second, sents)
	for s, sent := range sents {
		if got.HasAction(s) != want.HasAction(s) {
			t.Errorf("sentence %d: HasAction %v, want %v", s, got.HasAction(s), want.HasAction(s))
		}
		for i := range sent.Tokens {
			gc, gok := got.CueAt(s, i)
			wc, wok := want.CueAt(s, i)
			ga, gaok := got.ActionAt(s, i)
			wa, waok := want.ActionAt(s, i)
			if gc != wc || gok != wok || ga != wa || gaok != waok {
				t.Errorf("sentence %d token %d: reused Hits differ from fresh ones", s, i)
			}
		}
	}
}
