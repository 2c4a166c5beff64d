package extract

import (
	"os"
	"path/filepath"
	"testing"

	"redline"
	"redline/petrarch"
	"redline/segment"
)

var _ EventCoder = (*petrarch.Events)(nil)

// phoenixDir holds PETRARCH-2's Phoenix dictionaries, outside the
// repository.
const phoenixDir = "../../shared/data/eventcoding/petrarch2/dictionaries"

// phoenixPipeline returns the pipeline with PETRARCH's coder and the full
// Phoenix dictionaries as its event stage, or skips.
func phoenixPipeline(tb testing.TB) *Pipeline {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(phoenixDir, petrarch.PhoenixFiles.Verbs)); err != nil {
		tb.Skipf("../shared/data not found: %v", err)
	}
	d, _, err := petrarch.Load(os.DirFS(phoenixDir), petrarch.PhoenixFiles)
	if err != nil {
		tb.Fatal(err)
	}
	p := mustPipeline(tb)
	p.Events = &petrarch.Events{Coder: petrarch.NewCoder(d), Lexicon: p.Lexicon}
	return p
}

// TestPetrarchEventsInPipeline runs the demo corpus with the Phoenix
// dictionaries: events are dated by the time layer and point into the
// text, as redline's own are.
func TestPetrarchEventsInPipeline(t *testing.T) {
	p := phoenixPipeline(t)
	n := 0
	for _, d := range demoDocs(t) {
		x := p.Run(d)
		for _, ev := range x.Events {
			n++
			if ev.Doc != d.ID || ev.Date.IsZero() || ev.Span.In(d.Text) != ev.Text || ev.CAMEO == "" || ev.Quad == 0 {
				t.Errorf("%s: event %+v: want its document, a date, its text at its span, a code and a quad class", d.Path, ev)
			}
		}
	}
	if n < 100 {
		t.Errorf("%d events over the demo corpus, want more than 100", n)
	}
}

// BenchmarkExtractPetrarch is BenchmarkExtract with PETRARCH's coder and
// the full Phoenix dictionaries in place of redline's event stage.
func BenchmarkExtractPetrarch(b *testing.B) {
	p := phoenixPipeline(b)
	docs := demoDocs(b)
	var size, sents, events int64
	for _, d := range docs {
		size += int64(len(d.Text))
		sents += int64(len(segment.Split(d.Text)))
		events += int64(len(p.Run(d).Events))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			p.Run(d)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events), "events/op")
	b.ReportMetric(float64(size), "text-bytes/op")
}

// BenchmarkPetrarchEvents times the event stage alone with the Phoenix
// dictionaries: sentences split beforehand.
func BenchmarkPetrarchEvents(b *testing.B) {
	p := phoenixPipeline(b)
	docs := demoDocs(b)
	sents := make([][]redline.Sentence, len(docs))
	var size, n int64
	for i, d := range docs {
		size += int64(len(d.Text))
		sents[i] = segment.Split(d.Text)
		n += int64(len(sents[i]))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for i, d := range docs {
			p.Events.CodeDocument(d, sents[i], nil, nil, nil)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
