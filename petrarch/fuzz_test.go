package petrarch

import (
	"strings"
	"testing"
	"testing/fstest"

	"redline"
)

// fuzzLoad loads data as the file the kind names, with a small verb file
// when the kind is not verbs, and checks that every problem points at a
// line of the file.
func fuzzLoad(t *testing.T, kind, data string) {
	fsys := fstest.MapFS{
		"verbs.txt": {Data: []byte("--- SAY [010] ---\nSAY\n- * TIES [064]\n")},
		kind:        {Data: []byte(data)},
	}
	f := Files{Verbs: "verbs.txt"}
	switch kind {
	case "actors.txt":
		f.Actors = []string{kind}
	case "agents.txt":
		f.Agents = []string{kind}
	case "discards.txt":
		f.Discards = kind
	case "issues.txt":
		f.Issues = kind
	case "pico.txt":
		f.Ontology = kind
	case "tverbs.txt":
		f = Files{Verbs: kind, TABARI: true}
	default:
		f.Verbs = kind
	}
	d, probs, err := Load(fsys, f)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	lines := strings.Count(data, "\n") + 1
	for _, p := range probs {
		if p.Line < 0 || p.Line > lines || p.File == "" {
			t.Errorf("problem %q is not at a line of the file", p.Error())
		}
	}
	// Whatever loaded must code without failing.
	c := NewCoder(d)
	c.Code("Arnor and Gondor's police restore ties with the Shire, officials said.", 19950101)
	c.Code(data, 20000101)
}

func FuzzLoadActors(f *testing.F) {
	f.Add("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n")
	f.Add("ARNOR_ [ARN]\nTHE_SHIRE [FRO/BIL/SAM]\nX [A 990101-010101] [---]\n")
	f.Add("\t[AAA950601-990815]\n[]\n<!-- open\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "actors.txt", data) })
}

func FuzzLoadAgents(f *testing.F) {
	f.Add("!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nMSF {} [NGO~]\n")
	f.Add("GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n!X!!Y! [~A]\n{ [~\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "agents.txt", data) })
}

func FuzzLoadVerbs(f *testing.F) {
	f.Add(testVerbs)
	f.Add("&A\n+&A\n--- X [010] ---\nX {}\n- * &A [011]\n- (IN {B C}) * $ ^ % [1:2]\n")
	f.Add("--- Y ---\n+Y_OFF {+YS_OFF}\n- { A | B } * [010]\n* Z [0]\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "verbs2.txt", data) })
}

func FuzzLoadTABARIVerbs(f *testing.F) {
	f.Add("<SYNSETS>\n&T\n+MILITARY\n</SYNSETS>\nABANDON [345]\n- * NEW_&T_RELATIONS [903]\n{ ABANDONS_ }\nACT_ [100]\n- * FOR { A_B | C } [1]\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "tverbs.txt", data) })
}

func FuzzLoadDiscards(f *testing.F) {
	f.Add("MONTHS LATER\n+TYPHOON # x\nEXACT_\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "discards.txt", data) })
}

func FuzzLoadIssues(f *testing.F) {
	f.Add("<ISSUE CATEGORY=\"X\">\nn:massacre [A]\npre+n:school [B]\n~a head start\n</ISSUE>\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "issues.txt", data) })
}

func FuzzLoadOntology(f *testing.F) {
	f.Add("110:0x1007f#0xFFFF+0x0080\n120:-0xFFFF\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzLoad(t, "pico.txt", data) })
}

// FuzzCode codes arbitrary text with a small dictionary, in PETRARCH's
// and UD-PETRARCH's conventions: it must never fail, and every span must
// lie in the text.
func FuzzCode(f *testing.F) {
	f.Add("Arnor said Arnor will attack Gondor, Rohan and Mordor.")
	f.Add("The government of Gondor, the northern kingdom, was freed from Mordor by MSF Arnor.")
	f.Add("Neither Arnor nor Gondor met ,, , and and the the Shire_Rohan's (police).")
	d, _, err := Load(mapFS(testDict), Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"},
		Discards: "discards.txt", Ontology: "pico.txt"})
	if err != nil {
		f.Fatal(err)
	}
	c := NewCoder(d)
	u := NewCoder(d)
	u.Options = u.Options.UD()
	u.Options.RequireDyad = false
	u.Options.NewActorLength = 4
	f.Fuzz(func(t *testing.T, text string) {
		for _, cc := range []*Coder{c, u} {
			for _, e := range cc.Code(text, 20000101).Events {
				for _, sp := range []redline.Span{e.Verb, e.SourceSpan, e.TargetSpan} {
					if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
						t.Fatalf("span %v out of the text %q", sp, text)
					}
				}
			}
		}
	})
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}
