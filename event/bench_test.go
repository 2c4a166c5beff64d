package event_test

import (
	"strings"
	"testing"
	"time"

	"redline/actor"
	"redline/dict"
	"redline/event"
	"redline/segment"
	"redline/verb"
)

// BenchmarkEvents measures the event stage alone: sentences coded per
// second, with segmentation and actor matching done beforehand.
func BenchmarkEvents(b *testing.B) {
	lex, err := verb.Load(dict.FS)
	if err != nil {
		b.Fatal(err)
	}
	g, err := actor.Load(dict.FS)
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Iran and the United States held secret talks in Muscat on Monday. "+
		"Washington imposed new sanctions on Tehran after the talks collapsed, officials said. "+
		"Russian troops reportedly shelled positions held by Ukraine near the border. "+
		"Israel refused to negotiate with Hamas, and Egypt urged both sides to agree to a ceasefire. ", 50)
	sents := segment.Split(text)
	mentions := g.Match(text, sents, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	c := &event.Coder{Lexicon: lex, SpeechActs: true, NewActors: true}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c.Code(text, sents, mentions, lex.Scan(text, sents), nil) // the stage includes its verb look-ups
	}
	b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
