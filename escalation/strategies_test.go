package escalation

import (
	"math"
	"strings"
	"testing"
)

// mustLookup returns the registered strategy called name.
func mustLookup(tb testing.TB, name string) Strategy {
	tb.Helper()
	s, ok := Lookup(name)
	if !ok {
		tb.Fatalf("Lookup(%q) found nothing", name)
	}
	return s
}

// mustPlay plays a match of the given length in the default game.
func mustPlay(tb testing.TB, a, b string, turns int) *MatchResult {
	tb.Helper()
	m, err := Play(mustLookup(tb, a), mustLookup(tb, b), Rules{Turns: turns}, 1)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// moves writes a match as "CD DC ..." (the two sides' moves per turn).
func moves(m *MatchResult, turns int) string {
	var b strings.Builder
	for t := range min(turns, m.Turns()) {
		if t > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(m.Moves[0][t].String() + m.Moves[1][t].String())
	}
	return b.String()
}

// t2Names is the order of the table of 200-turn match totals (reasoning
// note C2, T2), run with the Axelrod library 4.13.0.
var t2Names = []string{
	"cooperator", "defector", "tit-for-tat", "grudger", "alternator",
	"win-stay-lose-shift", "tit-for-two-tats", "suspicious-tit-for-tat",
	"hard-tit-for-tat", "gradual",
}

// t2 holds the row player's total against each column.
var t2 = [][]float64{
	{600, 0, 600, 600, 300, 600, 600, 597, 600, 600},
	{1000, 200, 204, 204, 600, 600, 208, 200, 204, 252},
	{600, 199, 600, 600, 498, 600, 600, 500, 600, 600},
	{600, 199, 600, 600, 597, 600, 600, 203, 600, 600},
	{800, 100, 503, 107, 400, 450, 800, 500, 107, 179},
	{600, 100, 600, 600, 450, 600, 600, 401, 600, 600},
	{600, 198, 600, 600, 300, 600, 600, 597, 600, 600},
	{602, 200, 500, 203, 500, 401, 602, 200, 203, 601},
	{600, 199, 600, 600, 597, 600, 600, 203, 600, 600},
	{600, 187, 600, 600, 569, 600, 600, 596, 600, 600},
}

func TestPairwiseTotals(t *testing.T) {
	for i, a := range t2Names {
		for j, b := range t2Names {
			m := mustPlay(t, a, b, 200)
			if m.Scores[0] != t2[i][j] || m.Scores[1] != t2[j][i] {
				t.Errorf("%s vs %s = %v, want %v, %v", a, b, m.Scores, t2[i][j], t2[j][i])
			}
		}
	}
}

func TestOpenings(t *testing.T) {
	tests := []struct {
		a, b   string
		turns  int
		want   string
		scores [2]float64 // over the first 12 turns, if set
	}{
		{"cooperator", "alternator", 5, "CC CD CC CD CC", [2]float64{}},
		{"alternator", "tit-for-tat", 5, "CC DC CD DC CD", [2]float64{}},
		{"tit-for-tat", "suspicious-tit-for-tat", 12, "CD DC CD DC CD DC CD DC CD DC CD DC", [2]float64{30, 30}},
		{"win-stay-lose-shift", "defector", 12, "CD DD CD DD CD DD CD DD CD DD CD DD", [2]float64{6, 36}},
		{"tit-for-two-tats", "alternator", 12, "CC CD CC CD CC CD CC CD CC CD CC CD", [2]float64{18, 48}},
		{"gradual", "defector", 12, "CD DD CD CD DD DD DD DD CD CD DD DD", [2]float64{7, 32}},
	}
	for _, tt := range tests {
		m := mustPlay(t, tt.a, tt.b, tt.turns)
		if got := moves(m, tt.turns); got != tt.want {
			t.Errorf("%s vs %s: %s, want %s", tt.a, tt.b, got, tt.want)
		}
		if tt.scores != ([2]float64{}) && m.Scores != tt.scores {
			t.Errorf("%s vs %s: scores %v, want %v", tt.a, tt.b, m.Scores, tt.scores)
		}
	}
}

func TestCooperatorAlternator25(t *testing.T) {
	m := mustPlay(t, "cooperator", "alternator", 25)
	if m.Scores != [2]float64{39, 99} || m.PerTurn() != [2]float64{1.56, 3.96} || m.Cooperations != [2]int{25, 13} || m.Winner() != 1 {
		t.Errorf("scores %v, per turn %v, cooperations %v, winner %d; want (39, 99), (1.56, 3.96), (25, 13), 1",
			m.Scores, m.PerTurn(), m.Cooperations, m.Winner())
	}
}

// TestOriginalGradual checks the library's reproduction of Beaufils et
// al. (1997): original-gradual against each opponent over 1000 turns.
func TestOriginalGradual(t *testing.T) {
	tests := []struct {
		opponent string
		own, opp float64 // opp 0: not recorded
	}{
		{"cooperator", 3000, 0},
		{"defector", 915, 1340},
		{"tit-for-tat", 3000, 0},
		{"grudger", 3000, 0},
		{"cycler-ddc", 2219, 979},
		{"cycler-ccd", 3472, 767},
		{"go-by-majority", 3000, 0},
		{"suspicious-tit-for-tat", 2996, 3001},
		{"prober", 2999, 0},
		{"original-gradual", 3000, 0},
		{"win-stay-lose-shift", 3000, 0},
	}
	for _, tt := range tests {
		m := mustPlay(t, "original-gradual", tt.opponent, 1000)
		if m.Scores[0] != tt.own || (tt.opp != 0 && m.Scores[1] != tt.opp) {
			t.Errorf("original-gradual vs %s = %v, want %v, %v", tt.opponent, m.Scores, tt.own, tt.opp)
		}
	}
}

func TestGenerosity(t *testing.T) {
	tests := []struct {
		g    Game
		want float64
	}{
		{DefaultGame, 1.0 / 3},
		{Game{}, 1.0 / 3},
		{Chicken, 0},
		{Game{R: 3, S: 3, T: 5, P: 1}, 0}, // R = S: undefined
		{Game{R: 4, S: 0, T: 5, P: 1}, 0.75},
	}
	for _, tt := range tests {
		if got := Generosity(tt.g); math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("Generosity(%v) = %v, want %v", tt.g, got, tt.want)
		}
	}
}
