package escalation

import (
	"strings"
	"testing"
)

func TestGRIT(t *testing.T) {
	// Against a defector: one opening cooperation, then a step of two
	// cooperations every ten turns, five steps in all.
	m := mustPlay(t, "grit", "defector", 200)
	if m.Cooperations[0] != 1+5*2 || m.Scores != [2]float64{189, 244} {
		t.Errorf("grit vs defector: %d cooperations, scores %v; want 11, [189 244]", m.Cooperations[0], m.Scores)
	}
	if got, want := moves(m, 14), "CD DD DD DD DD DD DD DD DD DD CD CD DD DD"; got != want {
		t.Errorf("grit vs defector opens %s, want %s", got, want)
	}
	// Against tit-for-tat nothing happens: both cooperate throughout.
	if m := mustPlay(t, "grit", "tit-for-tat", 200); m.Scores != [2]float64{600, 600} {
		t.Errorf("grit vs tit-for-tat: %v, want [600 600]", m.Scores)
	}
	// Against suspicious tit-for-tat, the first step ends the echo of
	// alternating defections that tit-for-tat never leaves.
	m = mustPlay(t, "grit", "suspicious-tit-for-tat", 200)
	if got := moves(m, 14); !strings.HasPrefix(got, "CD DC CD DC CD DC CD DC CD DC CD CC CC CC") {
		t.Errorf("grit vs suspicious-tit-for-tat opens %s", got)
	}
	if tft := mustPlay(t, "tit-for-tat", "suspicious-tit-for-tat", 200); m.Scores[0] <= tft.Scores[0] || m.Scores[1] <= tft.Scores[1] {
		t.Errorf("grit vs suspicious-tit-for-tat %v, not better for both than tit-for-tat's %v", m.Scores, tft.Scores)
	}
}

func TestGRITSettings(t *testing.T) {
	g := GRIT{Period: 4, Length: 3, Steps: 0}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	s := g.Strategy()
	if s.Name != "grit-4-3-0" {
		t.Errorf("name %q, want grit-4-3-0", s.Name)
	}
	m, err := Play(s, mustLookup(t, "defector"), Rules{Turns: 16}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Steps of three cooperations begin every four turns, without limit.
	if got, want := moves(m, 16), "CD DD DD DD CD CD CD DD CD CD CD DD CD CD CD DD"; got != want {
		t.Errorf("grit-4-3-0 vs defector: %s, want %s", got, want)
	}
	for _, bad := range []GRIT{{Period: 0, Length: 1}, {Period: 1, Length: 0}, {Period: 1, Length: 1, Steps: -1}} {
		if bad.Validate() == nil {
			t.Errorf("%+v validated", bad)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tit-for-tat", "tit-for-tat"},
		{"Tit For Tat", "tit-for-tat"},
		{"TFT", "tit-for-tat"},
		{"wsls", "win-stay-lose-shift"},
		{"tit_for_2_tats", "tit-for-two-tats"},
		{"grit", "grit"},
		{"grit-10-2-5", "grit"},
		{"grit-4-3-0", "grit-4-3-0"},
		{"GRIT-20-1-2", "grit-20-1-2"},
	}
	for _, tt := range tests {
		s, ok := Lookup(tt.in)
		if !ok || s.Name != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, s.Name, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "titfortat", "grit-0-1-1", "grit-4-3-0x", "grit-04-3-0"} {
		if s, ok := Lookup(bad); ok {
			t.Errorf("Lookup(%q) = %q, want nothing", bad, s.Name)
		}
	}
	names := Names()
	if len(names) != len(Strategies()) || names[0] != "cooperator" {
		t.Errorf("Names() = %v", names)
	}
	for _, s := range Strategies() {
		if s.Description == "" || s.New == nil || strings.ContainsAny(s.Name, " _") || strings.ToLower(s.Name) != s.Name {
			t.Errorf("strategy %+v: want a kebab-case name, a description and a constructor", s)
		}
		if m, ok := AsMemoryOne(s, DefaultGame); ok && m.stochastic() != s.Stochastic {
			t.Errorf("%s: Stochastic %v, vector says %v", s.Name, s.Stochastic, m.stochastic())
		}
	}
}
