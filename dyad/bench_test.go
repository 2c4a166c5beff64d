package dyad

import (
	"context"
	"testing"

	"redline/escalation"
)

// BenchmarkProject times a projection of 10,000 futures of 52 weeks after
// a record of 1,305 weeks (25 years): between the two fitted rules, which
// answer the last week only and get exact values too, and with GRIT on
// one side, which is replayed over the whole record in every future.
func BenchmarkProject(b *testing.B) {
	m := play(1305, [4]float64{0.85, 0.3, 0.6, 0.15}, [4]float64{0.7, 0.2, 0.55, 0.25}, 5)
	rules := Fit(m)
	grit, _ := Lookup("grit")
	for _, bc := range []struct {
		name    string
		players [2]escalation.Strategy
	}{
		{"fitted-fitted", [2]escalation.Strategy{rules[0].Strategy("fitted"), rules[1].Strategy("fitted")}},
		{"grit-fitted", [2]escalation.Strategy{grit, rules[1].Strategy("fitted")}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Project(context.Background(), m, bc.players, Options{Noise: 0.05, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
