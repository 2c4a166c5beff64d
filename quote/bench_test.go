package quote_test

import (
	"context"
	"testing"

	"redline"
	"redline/dict"
	"redline/examples"
	"redline/extract"
	"redline/ingest"
	"redline/segment"
)

// BenchmarkStatements times the statement stage alone over the demo
// corpus, given the sentences and actor mentions the earlier stages make.
func BenchmarkStatements(b *testing.B) {
	p, err := extract.Load(dict.FS)
	if err != nil {
		b.Fatal(err)
	}
	type prepared struct {
		text     string
		sents    []redline.Sentence
		mentions []redline.Mention
	}
	var docs []prepared
	var size int64
	err = ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			return err
		}
		sents := segment.Split(d.Text)
		docs = append(docs, prepared{d.Text, sents, p.Actors.Match(d.Text, sents, d.Published.Start())})
		size += int64(len(d.Text))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			p.Quotes.Extract(d.text, d.sents, d.mentions, p.Lexicon.Scan(d.text, d.sents)) // the stage includes its verb look-ups
		}
	}
}
