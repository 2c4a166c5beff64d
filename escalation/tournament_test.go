package escalation

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// strategies looks up each name.
func strategies(tb testing.TB, names ...string) []Strategy {
	tb.Helper()
	ss := make([]Strategy, len(names))
	for i, n := range names {
		ss[i] = mustLookup(tb, n)
	}
	return ss
}

// mustTournament plays a tournament of the named strategies.
func mustTournament(tb testing.TB, turns, reps int, names ...string) *Results {
	tb.Helper()
	t := Tournament{Players: strategies(tb, names...), Rules: Rules{Turns: turns}, Repetitions: reps, Seed: 1}
	r, err := t.Play(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

var approx = cmpopts.EquateApprox(0, 1e-9)

// TestTournamentDocs checks the tournament of the library's "accessing
// tournament results" page: Cooperator, Defector, TitForTat and Grudger,
// 10 turns, 3 repetitions.
func TestTournamentDocs(t *testing.T) {
	r := mustTournament(t, 10, 3, "cooperator", "defector", "tit-for-tat", "grudger")
	checks := []struct {
		what      string
		got, want any
	}{
		{"scores", r.Scores, [][]float64{{60, 60, 60}, {78, 78, 78}, {69, 69, 69}, {69, 69, 69}}},
		{"normalised scores", r.NormalisedScores, [][]float64{{2, 2, 2}, {2.6, 2.6, 2.6}, {2.3, 2.3, 2.3}, {2.3, 2.3, 2.3}}},
		{"wins", r.Wins, [][]int{{0, 0, 0}, {3, 3, 3}, {0, 0, 0}, {0, 0, 0}}},
		{"ranking", r.Ranking, []int{1, 2, 3, 0}},
		{"ranked names", r.RankedNames(), []string{"defector", "tit-for-tat", "grudger", "cooperator"}},
		{"payoff matrix", r.PayoffMatrix, [][]float64{{3, 0, 3, 3}, {5, 1, 1.4, 1.4}, {3, 0.9, 3, 3}, {3, 0.9, 3, 3}}},
		{"cooperation", r.Cooperation, [][]int{{30, 30, 30, 30}, {0, 0, 0, 0}, {30, 3, 30, 30}, {30, 3, 30, 30}}},
		{"initial cooperation", r.InitialCooperation, []int{9, 0, 9, 9}},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got, approx); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.what, diff)
		}
	}
}

// totals returns each player's score in the first repetition.
func totals(r *Results) []float64 {
	var s []float64
	for _, row := range r.Scores {
		s = append(s, row[0])
	}
	return s
}

// TestSampleTournaments checks the library's integration tests
// test_sample_tournaments.py (10 turns, one repetition) and
// test_tournament.py (5 turns, three repetitions).
func TestSampleTournaments(t *testing.T) {
	tests := []struct {
		turns, reps int
		players     []string
		want        []float64
	}{
		{10, 1, []string{"cooperator", "defector"}, []float64{0, 50}},
		{10, 1, []string{"tit-for-tat", "defector"}, []float64{9, 14}},
		{10, 1, []string{"cooperator", "tit-for-tat"}, []float64{30, 30}},
		{10, 1, []string{"cooperator", "tit-for-tat", "defector"}, []float64{30, 39, 64}},
		{10, 1, []string{"cooperator", "tit-for-tat", "defector", "grudger"}, []float64{60, 69, 78, 69}},
		{10, 1, []string{"cooperator", "defector", "grudger", "go-by-majority", "tit-for-tat"}, []float64{90, 92, 99, 99, 99}},
		{5, 3, []string{"cooperator", "defector", "grudger", "go-by-majority", "tit-for-tat"}, []float64{45, 52, 49, 49, 49}},
	}
	for _, tt := range tests {
		r := mustTournament(t, tt.turns, tt.reps, tt.players...)
		for rep := range tt.reps {
			for i, want := range tt.want {
				if got := r.Scores[i][rep]; got != want {
					t.Errorf("%v, %d turns: %s scored %v in repetition %d, want %v", tt.players, tt.turns, tt.players[i], got, rep, want)
				}
			}
		}
	}
}

// TestDefaultRanking checks the library's front-page example: three
// players with the default 200 turns and 10 repetitions.
func TestDefaultRanking(t *testing.T) {
	r := mustTournament(t, 0, 0, "cooperator", "alternator", "tit-for-tat")
	want := []string{"alternator", "tit-for-tat", "cooperator"}
	if got := r.RankedNames(); !slices.Equal(got, want) {
		t.Errorf("ranking %v, want %v", got, want)
	}
	if r.Repetitions != DefaultRepetitions || len(r.Scores[0]) != DefaultRepetitions {
		t.Errorf("repetitions %d, want %d", r.Repetitions, DefaultRepetitions)
	}
}

// TestRoundRobinTen checks the round robin of the ten strategies of
// table T2 at 200 and 1000 turns (reasoning note, table T3).
func TestRoundRobinTen(t *testing.T) {
	type row struct {
		name       string
		total      float64
		normalised float64
		wins       int
	}
	tests := []struct {
		turns int
		want  []row // in ranked order
	}{
		{200, []row{
			{"gradual", 4952, 2.751111, 1},
			{"tit-for-tat", 4797, 2.665, 0},
			{"tit-for-two-tats", 4695, 2.608333, 0},
			{"grudger", 4599, 2.555, 1},
			{"hard-tit-for-tat", 4599, 2.555, 1},
			{"win-stay-lose-shift", 4551, 2.528333, 0},
			{"cooperator", 4497, 2.498333, 0},
			{"suspicious-tit-for-tat", 3812, 2.117778, 3},
			{"alternator", 3546, 1.97, 3},
			{"defector", 3472, 1.928889, 8},
		}},
		{1000, []row{
			{"gradual", 24934, 2.770444, 1},
			{"tit-for-tat", 23997, 2.666333, 0},
			{"tit-for-two-tats", 23495, 2.610556, 0},
			{"grudger", 22999, 2.555444, 1},
			{"hard-tit-for-tat", 22999, 2.555444, 1},
			{"win-stay-lose-shift", 22748, 2.527556, 0},
			{"cooperator", 22497, 2.499667, 0},
			{"suspicious-tit-for-tat", 19014, 2.112667, 4},
			{"alternator", 17382, 1.931333, 3},
			{"defector", 17088, 1.898667, 8},
		}},
	}
	for _, tt := range tests {
		r := mustTournament(t, tt.turns, 1, t2Names...)
		for k, i := range r.Ranking {
			got := row{r.Names[i], r.Scores[i][0], math.Round(r.NormalisedScores[i][0]*1e6) / 1e6, r.Wins[i][0]}
			if got != tt.want[k] {
				t.Errorf("%d turns, rank %d: %+v, want %+v", tt.turns, k+1, got, tt.want[k])
			}
		}
	}
}

// TestFourPlayers200 checks table T4: Cooperator, Defector, TitForTat and
// Grudger over 200 turns, one repetition.
func TestFourPlayers200(t *testing.T) {
	r := mustTournament(t, 200, 1, "cooperator", "defector", "tit-for-tat", "grudger")
	if diff := cmp.Diff([]float64{1200, 1408, 1399, 1399}, totals(r)); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	var norm []float64
	for i := range r.Names {
		norm = append(norm, math.Round(r.Median(i)*1e4)/1e4)
	}
	if diff := cmp.Diff([]float64{2.0, 2.3467, 2.3317, 2.3317}, norm); diff != "" {
		t.Errorf("normalised (-want +got):\n%s", diff)
	}
	if got, want := r.RankedNames(), []string{"defector", "tit-for-tat", "grudger", "cooperator"}; !slices.Equal(got, want) {
		t.Errorf("ranking %v, want %v", got, want)
	}
	want := [][]float64{{3, 0, 3, 3}, {5, 1, 1.02, 1.02}, {3, 0.995, 3, 3}, {3, 0.995, 3, 3}}
	if diff := cmp.Diff(want, r.PayoffMatrix, approx); diff != "" {
		t.Errorf("payoff matrix (-want +got):\n%s", diff)
	}
}

// TestTournamentSeeded checks that a noisy tournament is a function of its
// seed, whatever the number of workers.
func TestTournamentSeeded(t *testing.T) {
	play := func(seed uint64, workers int) *Results {
		tr := Tournament{
			Players:     strategies(t, "tit-for-tat", "generous-tit-for-tat", "random", "grit", "win-stay-lose-shift"),
			Rules:       Rules{Turns: 50, Noise: 0.05, ProbEnd: 0.02},
			Repetitions: 4, Seed: seed, Workers: workers,
		}
		r, err := tr.Play(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b := play(7, 1), play(7, 3)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("same seed, different workers (-1 +3):\n%s", diff)
	}
	if c := play(8, 1); cmp.Equal(a.Scores, c.Scores) {
		t.Error("seeds 7 and 8 gave the same scores")
	}
}

func TestTournamentErrors(t *testing.T) {
	tests := []Tournament{
		{Players: strategies(t, "cooperator")},
		{Players: strategies(t, "cooperator", "defector"), Rules: Rules{Noise: 2}},
		{Players: strategies(t, "cooperator", "defector"), Rules: Rules{Turns: -1}},
		{Players: strategies(t, "cooperator", "defector"), Rules: Rules{ProbEnd: -0.1}},
		{Players: strategies(t, "cooperator", "defector"), Repetitions: -1},
	}
	for _, tr := range tests {
		if _, err := tr.Play(context.Background()); err == nil {
			t.Errorf("Play(%+v) gave no error", tr)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tr := Tournament{Players: strategies(t, "cooperator", "defector")}
	if _, err := tr.Play(ctx); err != context.Canceled {
		t.Errorf("Play with a cancelled context = %v, want context.Canceled", err)
	}
}
