package segment_test

import (
	"context"
	"testing"

	"redline"
	"redline/examples"
	"redline/ingest"
	"redline/segment"
)

// BenchmarkSplit splits every document of the demo corpus once per
// iteration; its MB/s is the segmenter's throughput on news prose.
func BenchmarkSplit(b *testing.B) {
	var texts []string
	var size int64
	err := ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			return err
		}
		texts = append(texts, d.Text)
		size += int64(len(d.Text))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			segment.Split(text)
		}
	}
}
