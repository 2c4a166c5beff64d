package actor

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/segment"
)

// matchDict is a small dictionary for the matcher tests.
var matchDict = map[string]string{
	"actors/states.yaml": `
- {id: IRN, name: Iran, kind: state, aliases: [Islamic Republic of Iran, the Islamic Republic], demonyms: [Iranian, Iranians], capitals: [Tehran]}
- id: USA
  name: United States
  kind: state
  aliases: [the United States, US, the US, U.S., America]
  demonyms: [American, Americans]
  capitals: [Washington]
  except: [Latin America, Washington Post]
- {id: COG, name: Congo, kind: state}
- {id: COD, name: DR Congo, kind: state, aliases: [Congo]}
`,
	"actors/organisations.yaml": `
- {id: UAL, name: United, kind: organisation}
- {id: KREMLIN, name: Kremlin, kind: organisation, country: IRN, aliases: [the Kremlin]}
`,
	"actors/people/irn.yaml": `
- id: ruhollah-khomeini
  name: Ruhollah Khomeini
  kind: person
  country: IRN
  gender: m
  aliases: [Khomeini]
  roles: [{title: Supreme Leader, of: IRN, from: 1979-12-03, to: 1989-06-03}]
- id: ali-khamenei
  name: Ali Khamenei
  kind: person
  country: IRN
  gender: m
  aliases: [Khamenei, Ayatollah Ali Khamenei]
  roles:
    - {title: President, of: IRN, from: 1981-10-13, to: 1989-08-15}
    - {title: Supreme Leader, of: IRN, from: 1989-06-04}
- id: mahmoud-ahmadinejad
  name: Mahmoud Ahmadinejad
  kind: person
  country: IRN
  gender: m
  aliases: [Ahmadinejad]
  roles: [{title: President, of: IRN, from: 2005-08-03, to: 2013-08-02}]
- id: hassan-rouhani
  name: Hassan Rouhani
  kind: person
  country: IRN
  gender: m
  aliases: [Rouhani]
  roles: [{title: President, of: IRN, from: 2013-08-03, to: 2021-08-02}]
- id: masoud-pezeshkian
  name: Masoud Pezeshkian
  kind: person
  country: IRN
  gender: m
  aliases: [Pezeshkian]
  roles: [{title: President, of: IRN, from: 2024-07-28}]
- id: abbas-araghchi
  name: Abbas Araghchi
  kind: person
  country: IRN
  gender: m
  aliases: [Araghchi, Araqchi]
  roles: [{title: Foreign Minister, of: IRN, from: 2024-08-21}]
`,
	"actors/people/usa.yaml": `
- id: george-h-w-bush
  name: George H. W. Bush
  kind: person
  country: USA
  gender: m
  aliases: [Bush]
  roles: [{title: President, of: USA, from: 1989-01-20, to: 1993-01-19}]
- id: george-w-bush
  name: George W. Bush
  kind: person
  country: USA
  gender: m
  aliases: [Bush]
  roles: [{title: President, of: USA, from: 2001-01-20, to: 2009-01-19}]
- id: donald-trump
  name: Donald Trump
  kind: person
  country: USA
  gender: m
  aliases: [Trump]
  roles:
    - {title: President, of: USA, from: 2017-01-20, to: 2021-01-19}
    - {title: President, of: USA, from: 2025-01-20}
- id: joe-biden
  name: Joe Biden
  kind: person
  country: USA
  gender: m
  aliases: [Biden]
  roles: [{title: President, of: USA, from: 2021-01-20, to: 2025-01-19}]
- id: antony-blinken
  name: Antony Blinken
  kind: person
  country: USA
  gender: m
  aliases: [Blinken]
  roles: [{title: Secretary of State, of: USA, from: 2021-01-26, to: 2025-01-20}]
- id: hillary-clinton
  name: Hillary Clinton
  kind: person
  country: USA
  gender: f
  roles: [{title: Secretary of State, of: USA, from: 2009-01-21, to: 2013-01-31}]
`,
}

// day returns midnight UTC of a date written "2006-01-02".
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// brief writes a mention as "span id kind country sN", the way the tables
// below expect it.
func brief(text string, m redline.Mention) string {
	return fmt.Sprintf("%s|%s|%s|%s|s%d", m.Span.In(text), m.Actor.ID, m.Kind, m.Country, m.Sentence)
}

func TestMatch(t *testing.T) {
	g := mustLoad(t, mapFS(matchDict))
	tests := []struct {
		name, text, date string
		want             []string
	}{
		{"Name", "Iran and the United States met.", "2025-02-07",
			[]string{"Iran|IRN|name|IRN|s0", "the United States|USA|name|USA|s0"}},
		{"SentenceStartThe", "The United States said no.", "2025-02-07",
			[]string{"The United States|USA|name|USA|s0"}},
		{"LongestMatch", "United said the United States flew.", "2025-02-07",
			[]string{"United|UAL|name|UAL|s0", "the United States|USA|name|USA|s0"}},
		{"USNotUs", "The US told us to wait. Let us see what U.S. officials say.", "2025-02-07",
			[]string{"The US|USA|name|USA|s0", "U.S.|USA|name|USA|s1"}},
		{"CaseSensitive", "the iran talks; TEHRAN; tehran.", "2025-02-07", nil},
		{"Possessive", "Iran's army and Iran’s navy.", "2025-02-07",
			[]string{"Iran|IRN|name|IRN|s0", "Iran|IRN|name|IRN|s0"}},
		{"Demonym", "Iranian officials met Americans.", "2025-02-07",
			[]string{"Iranian|IRN|demonym|IRN|s0", "Americans|USA|demonym|USA|s0"}},
		{"Capital", "Tehran said Washington lied.", "2025-02-07",
			[]string{"Tehran|IRN|capital|IRN|s0", "Washington|USA|capital|USA|s0"}},
		{"Except", "Latin America read the Washington Post.", "2025-02-07", nil},
		{"Hyphen", "US-led and Iranian-backed forces.", "2025-02-07",
			[]string{"US|USA|name|USA|s0", "Iranian|IRN|demonym|IRN|s0"}},
		{"Organisation", "The Kremlin said.", "2025-02-07",
			[]string{"The Kremlin|KREMLIN|name|IRN|s0"}},
		{"AmbiguousTie", "Congo said.", "2025-02-07", nil},
		{"SharedNameByDate1991", "Bush spoke.", "1991-01-16", []string{"Bush|george-h-w-bush|name|USA|s0"}},
		{"SharedNameByDate2003", "Bush spoke.", "2003-03-20", []string{"Bush|george-w-bush|name|USA|s0"}},
		{"SharedNameAfterBoth", "Bush spoke.", "2020-01-01", []string{"Bush|george-w-bush|name|USA|s0"}},
		{"RolePossessive2013", "Iran's president spoke.", "2013-09-01",
			[]string{"Iran's president|hassan-rouhani|role|IRN|s0"}},
		{"RolePossessive2012", "Iran's president spoke.", "2012-09-01",
			[]string{"Iran's president|mahmoud-ahmadinejad|role|IRN|s0"}},
		{"RolePossessive2025", "Iran’s President spoke.", "2025-02-07",
			[]string{"Iran’s President|masoud-pezeshkian|role|IRN|s0"}},
		{"RoleHandoverDay", "Iran's president spoke.", "2013-08-03",
			[]string{"Iran's president|hassan-rouhani|role|IRN|s0"}},
		{"RoleDemonym", "the Iranian president and the Iranian foreign minister", "2025-02-07",
			[]string{"the Iranian president|masoud-pezeshkian|role|IRN|s0", "the Iranian foreign minister|abbas-araghchi|role|IRN|s0"}},
		{"RoleOf", "The President of Iran met the president of the United States.", "2022-01-01",
			[]string{"The President of Iran|IRN|role|IRN|s0", "the president of the United States|joe-biden|role|USA|s0"}},
		{"RoleOfficeClass", "the US secretary of state and the American foreign minister", "2022-01-01",
			[]string{"the US secretary of state|antony-blinken|role|USA|s0", "the American foreign minister|antony-blinken|role|USA|s0"}},
		{"RoleNoHolder", "the US secretary of state", "2015-01-01",
			[]string{"the US secretary of state|USA|role|USA|s0"}},
		{"BareBefore1989", "The Supreme Leader spoke.", "1988-01-01",
			[]string{"The Supreme Leader|ruhollah-khomeini|role|IRN|s0"}},
		{"BareAfter1989", "The Supreme Leader spoke.", "1989-06-04",
			[]string{"The Supreme Leader|ali-khamenei|role|IRN|s0"}},
		{"BareNotUnique", "The president spoke.", "2025-02-07", nil},
		{"TitleName", "President Trump met President Biden.", "2019-01-01",
			[]string{"President Trump|donald-trump|role|USA|s0", "President Biden|joe-biden|role|USA|s0"}},
		{"SideTitleName", "Iranian Foreign Minister Abbas Araghchi spoke.", "2025-02-07",
			[]string{"Iranian Foreign Minister Abbas Araghchi|abbas-araghchi|role|IRN|s0"}},
		{"SupremeLeaderName", "Supreme Leader Ayatollah Ali Khamenei spoke.", "2025-02-07",
			[]string{"Supreme Leader Ayatollah Ali Khamenei|ali-khamenei|role|IRN|s0"}},
		{"Former", "the former Iranian president and Iran's ex-president", "2025-02-07",
			[]string{"Iranian|IRN|demonym|IRN|s0", "Iran|IRN|name|IRN|s0"}},
		{"FormerNamed", "former President Rouhani", "2025-02-07",
			[]string{"President Rouhani|hassan-rouhani|role|IRN|s0"}},
		{"Elect", "Iran's president-elect", "2025-02-07",
			[]string{"Iran|IRN|name|IRN|s0"}},
		{"PunctuationBreaksRole", "Iran, president of nothing", "2025-02-07",
			[]string{"Iran|IRN|name|IRN|s0"}},
		{"AlternativeSpelling", "Araqchi met Araghchi.", "2025-02-07",
			[]string{"Araqchi|abbas-araghchi|name|IRN|s0", "Araghchi|abbas-araghchi|name|IRN|s0"}},
		{"Sentences", "Iran spoke. Then America did.\n\nTehran replied.", "2025-02-07",
			[]string{"Iran|IRN|name|IRN|s0", "America|USA|name|USA|s1", "Tehran|IRN|capital|IRN|s2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range g.Match(tt.text, segment.Split(tt.text), day(tt.date)) {
				got = append(got, brief(tt.text, m))
			}
			if !cmp.Equal(got, tt.want) {
				t.Errorf("Match(%q, %s) = %q, want %q", tt.text, tt.date, got, tt.want)
			}
		})
	}
}

func TestMatchFields(t *testing.T) {
	g := mustLoad(t, mapFS(matchDict))
	text := "Hillary Clinton met Iranians."
	got := g.Match(text, segment.Split(text), day("2010-06-01"))
	want := []redline.Mention{{
		Actor:   redline.ActorRef{ID: "hillary-clinton", Name: "Hillary Clinton"},
		Country: "USA", Kind: redline.MentionName, Span: redline.Span{Start: 0, End: 15},
		Person: true, Gender: "f",
	}, {
		Actor:   redline.ActorRef{ID: "IRN", Name: "Iran"},
		Country: "IRN", Kind: redline.MentionDemonym, Span: redline.Span{Start: 20, End: 28},
		Plural: true,
	}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Match(%q) mismatch (-got +want):\n%s", text, diff)
	}
}

func TestMatchEmpty(t *testing.T) {
	g := mustLoad(t, mapFS(matchDict))
	if got := g.Match("", nil, day("2025-02-07")); got != nil {
		t.Errorf("Match(\"\") = %v, want nil", got)
	}
}

func TestHolder(t *testing.T) {
	g := mustLoad(t, mapFS(matchDict))
	tests := []struct {
		office, of, date, want string
		ok                     bool
	}{
		{"President", "IRN", "2013-09-01", "hassan-rouhani", true},
		{"president", "IRN", "2025-02-07", "masoud-pezeshkian", true},
		{"foreign-minister", "USA", "2022-01-01", "antony-blinken", true},
		{"Secretary of State", "USA", "2015-01-01", "", false},
		{"President", "XXX", "2015-01-01", "", false},
	}
	for _, tt := range tests {
		a, ok := g.Holder(tt.office, tt.of, day(tt.date))
		if a.ID != tt.want || ok != tt.ok {
			t.Errorf("Holder(%q, %q, %s) = %q, %v, want %q, %v", tt.office, tt.of, tt.date, a.ID, ok, tt.want, tt.ok)
		}
	}
}

func TestAgrees(t *testing.T) {
	he := redline.Mention{Person: true, Gender: "m"}
	she := redline.Mention{Person: true, Gender: "f"}
	state := redline.Mention{}
	people := redline.Mention{Plural: true}
	tests := []struct {
		m       redline.Mention
		pronoun string
		want    bool
	}{
		{he, "He", true}, {he, "she", false}, {she, "her", true}, {she, "his", false},
		{state, "it", true}, {state, "he", false}, {state, "they", true},
		{people, "they", true}, {people, "it", false}, {he, "they", false}, {he, "you", false},
	}
	for _, tt := range tests {
		if got := Agrees(tt.m, tt.pronoun); got != tt.want {
			t.Errorf("Agrees(%+v, %q) = %v, want %v", tt.m, tt.pronoun, got, tt.want)
		}
	}
}
