package ach_test

import (
	"context"
	"fmt"

	"redline/ach"
)

func Example() {
	src := `question: Is the rejection of talks a bluff?
hypotheses:
  - {id: bluff, text: "A strategic bluff; talks go on through back channels"}
  - {id: refusal, text: "A genuine refusal"}
evidence:
  - id: oman
    text: "Secret talks in Oman while the leader publicly rejected talks (2013)"
    credibility: high
    relevance: high
    ratings: {bluff: C, refusal: II}
  - id: speech
    text: "The leader calls talks neither wise nor honourable (2025)"
    ratings: {bluff: C, refusal: C}
`
	f, err := ach.Parse("bluff.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := ach.Build(context.Background(), f, nil, nil) // no queries, no store
	if err != nil {
		fmt.Println(err)
		return
	}
	r := ach.Score(m)
	for _, h := range r.Hypotheses {
		fmt.Printf("%-7s inconsistency %d, weighted %.4f, posterior %.4f\n", h.ID, h.Inconsistency, h.WeightedInconsistency, h.Posterior)
	}
	for _, e := range r.Evidence {
		fmt.Printf("%-7s diagnosticity %.3f\n", e.ID, e.Diagnosticity)
	}
	// Output:
	// bluff   inconsistency 0, weighted 0.0000, posterior 0.9961
	// refusal inconsistency 2, weighted -4.0000, posterior 0.0039
	// oman    diagnosticity 5.545
	// speech  diagnosticity 0.000
}
