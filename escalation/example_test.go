package escalation_test

import (
	"context"
	"fmt"

	"redline/escalation"
)

func ExamplePlay() {
	tft, _ := escalation.Lookup("tit-for-tat")
	stft, _ := escalation.Lookup("suspicious-tit-for-tat")
	m, _ := escalation.Play(tft, stft, escalation.Rules{Turns: 6}, 1)
	fmt.Println(m.Moves[0], m.Moves[1], m.Scores)
	// Output: [C D C D C D] [D C D C D C] [15 15]
}

func ExampleTournament() {
	var players []escalation.Strategy
	for _, name := range []string{"cooperator", "defector", "tit-for-tat", "grudger"} {
		s, _ := escalation.Lookup(name)
		players = append(players, s)
	}
	t := escalation.Tournament{Players: players, Rules: escalation.Rules{Turns: 10}, Repetitions: 3, Seed: 1}
	r, _ := t.Play(context.Background())
	for _, i := range r.Ranking {
		fmt.Printf("%-12s %v %.1f\n", r.Names[i], r.Scores[i], r.Median(i))
	}
	// Output:
	// defector     [78 78 78] 2.6
	// tit-for-tat  [69 69 69] 2.3
	// grudger      [69 69 69] 2.3
	// cooperator   [60 60 60] 2.0
}

func ExampleFixationExact() {
	d, _ := escalation.Lookup("defector")
	tft, _ := escalation.Lookup("tit-for-tat")
	rho, _ := escalation.FixationExact(d, tft, 4, 1, escalation.Rules{Turns: 200})
	fmt.Printf("%.5f\n", rho)
	// Output: 0.09305
}

func ExampleGRIT() {
	grit := escalation.GRIT{Period: 5, Length: 2, Steps: 2}.Strategy()
	d, _ := escalation.Lookup("defector")
	m, _ := escalation.Play(grit, d, escalation.Rules{Turns: 16}, 1)
	fmt.Println(grit.Name, m.Moves[0])
	// Output: grit-5-2-2 [C D D D D C C D D D C C D D D D]
}
