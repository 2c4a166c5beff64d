package petrarch

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testDict is a small dictionary set exercising the coder's rules.
var testDict = map[string]string{
	"actors.txt": `ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
MORDOR [MOR]
ROHAN [ROH]
THE_SHIRE [FRO/BIL/SAM]
SARUMAN
	[WIZ <19991231]
	[WIZREB >20000101]
`,
	"agents.txt": `POLICE {} [~COP]
GOVERNMENT [~GOV]
FOREIGN_MINISTER [~GOVFRM]
STUDENT [~EDU]
MSF {} [NGO~]
`,
	"verbs.txt": `&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * &TIETYPES TIES [065]
- * (WITH +) [066]

--- ATTACK [190] ---
ATTACK
BOMB

--- ARREST [173] ---
ARREST

--- VISIT [042:043] ---
VISIT

--- MEET [040] ---
MEET {MEETS MET MEETING}
- % * [046]

--- FREE [080] ---
FREE
- + * FROM $ [084]

--- CRITICIZE [111] ---
CRITICIZE

--- SAY [010] ---
SAY {SAYS SAID SAYING}
`,
	"discards.txt": "BASEBALL\n",
	"pico.txt":     "050:0x0080\n111:0x1007f\n",
}

func TestCode(t *testing.T) {
	d := mustLoad(t, testDict, Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"},
		Discards: "discards.txt", Ontology: "pico.txt"})
	tests := []struct {
		name, text string
		date       int
		want       string // "SRC TGT CODE" events, ";"-separated
	}{
		{"verb code", "Arnor attacked Gondor.", 0, "ARN GON 190"},
		{"pattern with synset", "Arnor restored economic ties with Mordor.", 0, "ARN MOR 065"},
		{"prepositional group with target", "Arnor restored relations with Mordor.", 0, "ARN MOR 066"},
		{"synonym", "Arnor bombed Minas Tirith.", 0, "ARN GON 190"},
		{"compound source", "Arnor and Rohan attacked Gondor.", 0, "ARN GON 190;ROH GON 190"},
		{"compound target", "Arnor attacked Gondor, Rohan and Mordor.", 0, "ARN GON 190;ARN ROH 190;ARN MOR 190"},
		{"agents", "Gondor police arrested Arnor students.", 0, "GONCOP ARNEDU 173"},
		{"agent linked by of", "The government of Gondor arrested students.", 0, "GONGOV ---EDU 173"},
		{"possessive agent", "Gondor's foreign minister criticized Arnor.", 0, "GONGOVFRM ARN 111"},
		{"prefix agent", "MSF Arnor criticized Gondor.", 0, "NGOARN GON 111"},
		{"multi-actor code", "The Shire attacked Mordor.", 0, "FRO MOR 190;BIL MOR 190;SAM MOR 190"},
		{"dated code before", "Saruman attacked Rohan.", 19950101, "WIZ ROH 190"},
		{"dated code after", "Saruman attacked Rohan.", 20050101, "WIZREB ROH 190"},
		{"paired code", "Arnor visited Gondor.", 0, "ARN GON 042;GON ARN 043"},
		{"reciprocal compound", "Arnor and Gondor met on Monday.", 0, "ARN GON 046;GON ARN 046"},
		{"passive with by", "Gondor was attacked by Mordor.", 0, "MOR GON 190"},
		{"roles in a pattern", "Rohan was freed from Mordor.", 0, "MOR ROH 084"},
		{"noun, not verb", "An attack on Gondor angered Arnor.", 0, ""},
		{"comma clause deleted", "Arnor, the northern kingdom, attacked Gondor.", 0, "ARN GON 190"},
		{"coordinated verbs share a subject", "Arnor criticized Rohan and attacked Gondor.", 0, "ARN ROH 111;ARN GON 190"},
		{"clause under a coded verb", "Arnor restored ties with Gondor after Mordor attacked Rohan.", 0, "ARN GON 066"},
		{"pronoun subject", "Arnor said it attacked Gondor.", 0, "ARN GON 015"},
		{"threat", "Arnor said Arnor will attack Gondor.", 0, "ARN GON 138"},
		{"accusation", "Arnor said Mordor attacked Gondor.", 0, "ARN MOR 112"},
		{"negation through the ontology", "Arnor did not criticize Gondor.", 0, "ARN GON 050 negated"},
		{"negation the ontology does not pair", "Arnor did not attack Gondor.", 0, "ARN GON 190 negated"},
		{"negation of another verb", "Arnor will not try to attack Gondor.", 0, "ARN GON 190"},
		{"no target: no event", "Arnor attacked.", 0, ""},
		{"discard", "Arnor attacked Gondor at the baseball game.", 0, ""},
	}
	c := NewCoder(d)
	for _, tt := range tests {
		res := c.Code(tt.text, tt.date)
		var got []string
		for _, e := range res.Events {
			ev := e.Source + " " + e.Target + " " + e.Code
			if e.Negated {
				ev += " negated"
			}
			got = append(got, ev)
		}
		if g := strings.Join(got, ";"); g != tt.want {
			t.Errorf("%s: Code(%q) = %q, want %q", tt.name, tt.text, g, tt.want)
		}
	}
}

func TestCodeOptions(t *testing.T) {
	d := mustLoad(t, testDict, Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"}})
	c := NewCoder(d)
	c.Options.RequireDyad = false
	if got := c.Code("Arnor attacked.", 0).Events; len(got) != 1 || got[0].Target != "---" {
		t.Errorf("without a dyad: %+v, want one event with target ---", got)
	}
	c.Options.RequireDyad = true
	c.Options.NewActorLength = 4
	if got := c.Code("The Ministry of Magic attacked Gondor.", 0).Events; len(got) != 1 || got[0].Source != `"THE MINISTRY OF MAGIC"` {
		t.Errorf("new actor: %+v, want source \"THE MINISTRY OF MAGIC\"", got)
	}
	c.Options.NewActorLength = 3
	if got := c.Code("The Ministry of Magic attacked Gondor.", 0).Events; len(got) != 0 {
		t.Errorf("new actor too long: %+v, want no event", got)
	}
	c.Options = DefaultOptions().UD()
	if got := c.Code("The Shire attacked Mordor.", 0).Events; len(got) != 1 || got[0].Source != "FRO/BIL/SAM" {
		t.Errorf("UD: %+v, want the multi-actor code kept whole", got)
	}
	if got := c.Code("Gondor was criticized over its dispute with Mordor.", 0).Events; len(got) != 1 || got[0].Source != "MOR" {
		t.Errorf("UD passive without by: %+v, want MOR as source", got)
	}
}

func TestCodeSpans(t *testing.T) {
	d := mustLoad(t, testDict, Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"}})
	text := "Gondor police arrested Arnor students."
	evs := NewCoder(d).Code(text, 0).Events
	if len(evs) != 1 {
		t.Fatalf("events = %+v", evs)
	}
	e := evs[0]
	got := []string{e.SourceSpan.In(text), e.Verb.In(text), e.TargetSpan.In(text)}
	if diff := cmp.Diff([]string{"Gondor police", "arrested", "Arnor students"}, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

// TestCodeLongText codes a text far longer than a sentence a sentence at
// a time, so that the work stays linear in its length.
func TestCodeLongText(t *testing.T) {
	d := mustLoad(t, testDict, Files{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"}})
	text := strings.Repeat("Arnor attacked Gondor. Mordor criticized Rohan on Monday and on Tuesday. ", 2000)
	evs := NewCoder(d).Code(text, 0).Events
	if len(evs) != 2 {
		t.Errorf("events = %d, want the 2 distinct events", len(evs))
	}
	for _, e := range evs {
		if e.Verb.End > len(text) {
			t.Errorf("span %v outside the text", e.Verb)
		}
	}
	long := strings.Repeat("Arnor and Gondor and Rohan ", 3000) + "attacked Mordor."
	NewCoder(d).Code(long, 0) // one sentence of 12,000 words: must end
}
