package escalation

import (
	"context"
	"math"
	"testing"
)

// BenchmarkTournament plays the round robin of table T3: ten strategies,
// 200 turns, one repetition, on one core.
func BenchmarkTournament(b *testing.B) {
	t := Tournament{Players: strategies(b, t2Names...), Rules: Rules{Turns: 200}, Repetitions: 1, Workers: 1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := t.Play(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch plays one noisy 200-turn match between two stateful
// strategies; allocations are per match, none per turn.
func BenchmarkMatch(b *testing.B) {
	p, q := mustLookup(b, "gradual"), mustLookup(b, "generous-tit-for-tat")
	s := Rules{Turns: 200, Noise: 0.05}.setup()
	ar := newArena()
	b.ReportAllocs()
	for b.Loop() {
		ar.seed(1, 0)
		ar.play(p.New(DefaultGame), q.New(DefaultGame), &s)
	}
}

// BenchmarkMoran estimates the fixation probability of one defector among
// three tit-for-tat players (table T6) over 30,000 runs on one core, and
// reports the estimate and its distance from the exact 0.09305 in standard
// errors.
func BenchmarkMoran(b *testing.B) {
	benchmarkMoran(b, 30000, Rules{Turns: 200}, false)
}

// BenchmarkMoranPlayed is BenchmarkMoran with every match of every step
// played, as the process runs with noise or stochastic strategies.
func BenchmarkMoranPlayed(b *testing.B) {
	benchmarkMoran(b, 30000, Rules{Turns: 200}, true)
}

func benchmarkMoran(b *testing.B, runs int, r Rules, played bool) {
	d, tft := mustLookup(b, "defector"), mustLookup(b, "tit-for-tat")
	d.Stochastic, tft.Stochastic = played, played
	m := Moran{Population: []Strategy{d, tft, tft, tft}, Rules: r, Runs: runs, Seed: 500000, Workers: 1}
	var p float64
	for b.Loop() {
		res, err := m.Run(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		p, _ = res.Fixation(0)
	}
	b.ReportMetric(p, "rho")
	b.ReportMetric((p-0.09305)/math.Sqrt(0.09305*(1-0.09305)/float64(runs)), "z")
}
