package main

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSimulateTournamentJSON checks the library's documented tournament:
// cooperator, defector, tit-for-tat and grudger, 10 turns, 3 repetitions.
func TestSimulateTournamentJSON(t *testing.T) {
	code, out, errs := run(t, "", "simulate", "tournament", "--players", "cooperator,defector,tit-for-tat,grudger",
		"--turns", "10", "--repetitions", "3", "--noise", "0.0", "--prob-end", "0", "--seed", "1", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Players []struct {
			Name       string
			Scores     []float64
			Normalised float64
			Wins       []int
		}
		Ranking []string
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output is not the tournament JSON: %v\n%s", err, out)
	}
	want := []struct {
		name       string
		score      float64
		normalised float64
		wins       int
	}{
		{"cooperator", 60, 2.0, 0},
		{"defector", 78, 2.6, 3},
		{"tit-for-tat", 69, 2.3, 0},
		{"grudger", 69, 2.3, 0},
	}
	if len(got.Players) != len(want) {
		t.Fatalf("%d players, want %d", len(got.Players), len(want))
	}
	for i, w := range want {
		p := got.Players[i]
		if p.Name != w.name || !slices.Equal(p.Scores, []float64{w.score, w.score, w.score}) ||
			math.Abs(p.Normalised-w.normalised) > 1e-12 || !slices.Equal(p.Wins, []int{w.wins, w.wins, w.wins}) {
			t.Errorf("player %d = %+v, want %s scoring %v per repetition, normalised %v, %d wins per repetition",
				i, p, w.name, w.score, w.normalised, w.wins)
		}
	}
	if wantRank := []string{"defector", "tit-for-tat", "grudger", "cooperator"}; !slices.Equal(got.Ranking, wantRank) {
		t.Errorf("ranking %v, want %v", got.Ranking, wantRank)
	}
	// The table says the same.
	code, out, _ = run(t, "", "simulate", "tournament", "--players", "cooperator,defector,tit-for-tat,grudger", "--turns", "10", "--repetitions", "3")
	if code != exitOK || !strings.Contains(out, "1  defector       2.6000     9            78") {
		t.Errorf("table exit %d:\n%s", code, out)
	}
}

func TestSimulateMatchJSON(t *testing.T) {
	code, out, errs := run(t, "", "simulate", "match", "--players", "cooperator,alternator", "--turns", "25", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got matchJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Scores != [2]float64{39, 99} || got.Cooperations != [2]int{25, 13} || got.Winner == nil || *got.Winner != "alternator" ||
		strings.Join(got.Moves[:5], " ") != "CC CD CC CD CC" {
		t.Errorf("match = %+v", got)
	}
}

func TestSimulateMoranExact(t *testing.T) {
	code, out, errs := run(t, "", "simulate", "moran", "--players", "defector,cooperator:3", "--runs", "2000", "--exact", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got moranJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	d := got.Players[0]
	if d.Name != "defector" || d.Start != 1 || d.Exact == nil || math.Round(*d.Exact*1e5) != 66265 || math.Abs(d.Probability-*d.Exact) > 3*d.StdErr {
		t.Errorf("defector among cooperators = %+v", d)
	}
}

func TestSimulateEcosystemAndStrategies(t *testing.T) {
	code, out, errs := run(t, "", "simulate", "ecosystem", "--players", "cooperator,defector,tit-for-tat,grudger", "--turns", "200", "--repetitions", "1", "--steps", "10", "--json")
	if code != exitOK {
		t.Fatalf("ecosystem exit %d: %s", code, errs)
	}
	var eco ecosystemJSON
	if err := json.Unmarshal([]byte(out), &eco); err != nil || len(eco.Shares) != 11 {
		t.Fatalf("ecosystem JSON: %v, %d steps", err, len(eco.Shares))
	}
	if d := eco.Shares[10][1]; math.Abs(d-0.012693) > 5e-7 {
		t.Errorf("defector's share at step 10 = %v, want 0.012693", d)
	}
	code, out, _ = run(t, "", "simulate", "strategies")
	for _, name := range []string{"tit-for-tat", "grit", "gradual", "generous-tit-for-tat"} {
		if code != exitOK || !strings.Contains(out, name) {
			t.Errorf("strategies (exit %d) lacks %s:\n%s", code, name, out)
		}
	}
}

func TestSimulateUsage(t *testing.T) {
	tests := [][]string{
		{"simulate"},
		{"simulate", "duel"},
		{"simulate", "tournament"},
		{"simulate", "tournament", "--players", "tit-for-tat,hawk"},
		{"simulate", "tournament", "--players", "tft,alld", "--game", "1,2,3"},
		{"simulate", "tournament", "--players", "tft,alld", "--noise", "1.5"},
		{"simulate", "tournament", "--players", "tft,alld", "--repetitions", "0"},
		{"simulate", "match", "--players", "tft,alld,wsls"},
		{"simulate", "moran", "--players", "tft,alld", "--game", "chicken"},
		{"simulate", "moran", "--players", "tft,alld,wsls", "--exact"},
		{"simulate", "moran", "--players", "tft,gtft", "--exact"},
		{"simulate", "strategies", "extra"},
	}
	for _, args := range tests {
		if code, _, errs := run(t, "", args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want %d and a message", args, code, errs, exitUsage)
		}
	}
}
