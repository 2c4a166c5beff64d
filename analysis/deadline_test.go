package analysis

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"redline"
)

var (
	dlE3  = redline.ActorRef{ID: "E3", Name: "E3"}
	dlPRK = redline.ActorRef{ID: "PRK", Name: "North Korea"}
	dlKOR = redline.ActorRef{ID: "KOR", Name: "South Korea"}
)

// dlStatement is a statement in document doc, sentence n.
func dlStatement(doc string, n int, speaker redline.ActorRef, topic string, threat bool, conds ...string) redline.Statement {
	return redline.Statement{Doc: doc, Sentence: n, Speaker: speaker, Said: day("2025-08-28"), Topic: topic,
		Stance: redline.StanceFavor, Threat: threat, Conditions: conds, Text: topic}
}

func TestDeadlinesConsequences(t *testing.T) {
	snapback := redline.Deadline{Doc: "d1", Sentence: 2, Action: "snapback", Date: day("2025-10"), Text: "the October snapback deadline"}
	promise := dlStatement("d1", 9, dlE3, "ease-sanctions", false)
	promise.Promise, promise.Text = true, "The E3 would delay snapback if Iran let inspectors back."
	tests := []struct {
		name string
		dl   redline.Deadline
		st   redline.Statement
		want string // the consequence's kind, or "" for none
	}{
		{"a condition mentions the action's topic", snapback, dlStatement("d1", 5, iran, "withdraw", true, "if UN sanctions return"), "threat"},
		{"a condition mentions the action itself", snapback, dlStatement("d1", 5, iran, "withdraw", false, "if the Europeans trigger snapback"), "condition"},
		{"a promise whose text mentions the action", snapback, promise, "promise"},
		{"a threat in the deadline's sentence", snapback, dlStatement("d1", 2, iran, "attack", true), "threat"},
		{"a threat elsewhere about something else", snapback, dlStatement("d1", 7, iran, "attack", true), ""},
		{"a plain statement is no consequence", snapback, dlStatement("d1", 2, iran, "sanction", false), ""},
		{"another document", snapback, dlStatement("d2", 5, iran, "withdraw", true, "if UN sanctions return"), ""},
		{"an unrelated condition", snapback, dlStatement("d1", 5, iran, "withdraw", true, "if Israel strikes again"), ""},
		{"a condition names the deadline's time", redline.Deadline{Doc: "d1", Sentence: 3, Date: day("2019"), Text: "the end of the year"},
			dlStatement("d1", 8, dlPRK, "meet", false, "until the end of the year for a courageous decision"), "condition"},
		{"an action with no content words", redline.Deadline{Doc: "d1", Sentence: 3, Action: "be", Date: day("2019")},
			dlStatement("d1", 8, dlPRK, "meet", true, "if the summit can be held"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Deadlines([]redline.Deadline{tt.dl}, []redline.Statement{tt.st}, time.Time{})
			if len(got) != 1 {
				t.Fatalf("Deadlines = %d entries, want 1", len(got))
			}
			cs := got[0].Consequences
			switch {
			case tt.want == "" && len(cs) != 0:
				t.Errorf("Consequences = %+v, want none", cs)
			case tt.want != "" && (len(cs) != 1 || cs[0].Kind != tt.want || cs[0].Why == ""):
				t.Errorf("Consequences = %+v, want one %s with a reason", cs, tt.want)
			}
		})
	}
}

func TestDeadlinesCountdown(t *testing.T) {
	dls := []redline.Deadline{
		{Doc: "a", Action: "snapback", Date: day("2025-10")},
		{Doc: "b", Action: "ceasefire", Date: day("2025-05-12")},
		{Doc: "c", Action: "talks", Date: day("2019")},
	}
	tests := []struct {
		after string
		want  []string // action and countdown
	}{
		{"", []string{"talks -", "ceasefire -", "snapback -"}},
		{"2025-05-01", []string{"ceasefire 11", "snapback 153"}},
		{"2025-08-28", []string{"snapback 34"}},
		{"2025-10-15", []string{"snapback 0"}}, // under way: October has begun
		{"2025-11-01", nil},
	}
	for _, tt := range tests {
		var after time.Time
		if tt.after != "" {
			after = day(tt.after).Start()
		}
		var got []string
		for _, e := range Deadlines(dls, nil, after) {
			days := "-"
			if e.Days != nil {
				days = strconv.Itoa(*e.Days)
			}
			got = append(got, e.Action+" "+days)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Deadlines(after %s) = %v, want %v", tt.after, got, tt.want)
		}
	}
	if got := Deadlines(nil, nil, time.Time{}); got == nil {
		t.Error("Deadlines(nil) = nil, want an empty list")
	}
}

func TestScenarioTree(t *testing.T) {
	snapback := redline.Statement{Speaker: dlE3, Target: &iran, Said: day("2025-08-28"), Topic: "sanction",
		Stance: redline.StanceFavor, Threat: true, Text: "The E3 triggered snapback."}
	npt := redline.Statement{Speaker: iran, Said: day("2025-07"), Topic: "withdraw", Stance: redline.StanceFavor,
		Threat: true, Conditions: []string{"if UN sanctions return"}, Text: "Iran could leave the NPT if UN sanctions return."}
	strike := redline.Statement{Speaker: usa, Target: &iran, Said: day("2025-09"), Topic: "attack", Stance: redline.StanceFavor,
		Threat: true, Conditions: []string{"if Iran leaves the NPT"}, Text: "Washington would strike if Iran leaves the NPT."}
	refusal := snapback
	refusal.Speaker, refusal.Stance = khamenei, redline.StanceAgainst
	elsewhere := redline.Statement{Speaker: dlPRK, Target: &dlKOR, Said: day("2025-09"), Topic: "attack", Stance: redline.StanceFavor,
		Threat: true, Conditions: []string{"if sanctions return"}, Text: "Pyongyang would strike if sanctions return."}
	old := npt
	old.Said = day("2015-07")
	tests := []struct {
		name  string
		stmts []redline.Statement
		want  string // the tree, as speakers and topics
	}{
		{"snapback, then NPT exit, then strikes", []redline.Statement{strike, npt, snapback}, "[E3:sanction [IRN:withdraw [USA:attack]]]"},
		{"reported twice, counted once", []redline.Statement{snapback, npt, npt}, "[E3:sanction [IRN:withdraw]]"},
		{"a refusal threatens no action", []redline.Statement{refusal, npt}, "[IRN:withdraw]"},
		{"an unconditional threat with nothing under it", []redline.Statement{snapback}, ""},
		{"no shared party", []redline.Statement{snapback, elsewhere}, "[PRK:attack]"},
		{"too far apart in time", []redline.Statement{snapback, old}, "[IRN:withdraw]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScenarioTree(tt.stmts)
			if s := scenarioString(got); s != tt.want {
				t.Errorf("ScenarioTree = %s, want %s", s, tt.want)
			}
		})
	}
}

func TestScenarioTreeCycleEnds(t *testing.T) {
	a := redline.Statement{Speaker: iran, Target: &usa, Said: day("2025-01"), Topic: "attack", Stance: redline.StanceFavor,
		Threat: true, Conditions: []string{"if the United States imposes sanctions"}}
	b := redline.Statement{Speaker: usa, Target: &iran, Said: day("2025-02"), Topic: "sanction", Stance: redline.StanceFavor,
		Threat: true, Conditions: []string{"if Iran attacks"}}
	got := ScenarioTree([]redline.Statement{a, b})
	if s := scenarioString(got); s != "[IRN:attack [USA:sanction]]" {
		t.Errorf("ScenarioTree on a cycle = %s, want [IRN:attack [USA:sanction]]", s)
	}
	if got[0].Then[0].Link != "attack" || got[0].Then[0].If != "if Iran attacks" {
		t.Errorf("link = %q via %q, want attack via \"if Iran attacks\"", got[0].Then[0].Link, got[0].Then[0].If)
	}
}

func scenarioString(ss []Scenario) string {
	s := ""
	for _, sc := range ss {
		s += "[" + sc.Statement.Speaker.ID + ":" + sc.Statement.Topic
		if sub := scenarioString(sc.Then); sub != "" {
			s += " " + sub
		}
		s += "]"
	}
	return s
}

func TestStems(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"sanctions", "sanction"}, {"sanctioned", "sanction"}, {"negotiations", "negotiate"},
		{"negotiating", "negotiated"}, {"leaves", "leave"}, {"attacked", "attack"}, {"tariffs", "tariff"},
	} {
		if sa, sb := stems(tt.a), stems(tt.b); !slices.Equal(sa, sb) {
			t.Errorf("stems(%q) = %v, stems(%q) = %v; want equal", tt.a, sa, tt.b, sb)
		}
	}
}
