package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"redline"
	"redline/dict"
	"redline/examples"
	"redline/ingest"
	"redline/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func mustPipeline(tb testing.TB) *Pipeline {
	tb.Helper()
	p, err := Load(dict.FS)
	if err != nil {
		tb.Fatalf("Load(dict.FS): %v", err)
	}
	return p
}

// demoDocs reads the bundled demo corpus.
func demoDocs(tb testing.TB) []*redline.Document {
	tb.Helper()
	var docs []*redline.Document
	err := ingest.ReadFS(context.Background(), examples.Corpus, ".", ingest.Options{}, func(d *redline.Document, err error) error {
		if err != nil {
			tb.Fatalf("demo corpus: %v", err)
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(docs) == 0 {
		tb.Fatal("demo corpus is empty")
	}
	return docs
}

// TestGolden runs the pipeline over the demo corpus and compares each
// extraction with testdata/<path>.golden.json. Run with -update after a
// deliberate change, and read the diff before committing it.
func TestGolden(t *testing.T) {
	p := mustPipeline(t)
	for _, d := range demoDocs(t) {
		x := p.Run(d)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(x); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join("testdata", strings.NewReplacer("/", "_", "#", "_").Replace(d.Path)+".golden.json")
		if *update {
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test ./extract -update to create it)", err)
		}
		if !bytes.Equal(want, buf.Bytes()) {
			t.Errorf("%s: extraction differs from %s; run go test ./extract -update and review the diff", d.Path, name)
		}
	}
}

// TestRecordsPointIntoText checks every span of every record against the text.
func TestRecordsPointIntoText(t *testing.T) {
	p := mustPipeline(t)
	for _, d := range demoDocs(t) {
		x := p.Run(d)
		for _, tm := range x.Times {
			if tm.Span.In(d.Text) != tm.Text {
				t.Errorf("%s: time %q has span %v = %q", d.Path, tm.Text, tm.Span, tm.Span.In(d.Text))
			}
		}
		for _, st := range x.Statements {
			if st.Span.In(d.Text) == "" || (st.Speaker.ID == "" && st.Speaker.Name == "") || st.Said.IsZero() {
				t.Errorf("%s: statement %+v lacks span, speaker or date", d.Path, st)
			}
		}
		for _, ev := range x.Events {
			if ev.Span.In(d.Text) != ev.Text || ev.Date.IsZero() || ev.PLOVER == "" {
				t.Errorf("%s: event %+v lacks span, date or code", d.Path, ev)
			}
		}
	}
}

func TestStreamKeepsOrder(t *testing.T) {
	p := mustPipeline(t)
	docs := demoDocs(t)
	var got []string
	feed := func(send func(Input) error) error {
		for i := 0; i < 5; i++ {
			for _, d := range docs {
				if err := send(Input{Doc: d}); err != nil {
					return err
				}
			}
			if err := send(Input{Err: os.ErrNotExist}); err != nil {
				return err
			}
		}
		return nil
	}
	err := p.Stream(context.Background(), 4, feed, func(o Output) error {
		if o.Err != nil {
			got = append(got, "error")
		} else {
			got = append(got, o.X.Doc.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := 0; i < 5; i++ {
		for _, d := range docs {
			want = append(want, d.ID)
		}
		want = append(want, "error")
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Stream reordered its output:\n got %v\nwant %v", got, want)
	}
}

func TestStreamStopsOnEmitError(t *testing.T) {
	p := mustPipeline(t)
	docs := demoDocs(t)
	stop := os.ErrClosed
	n := 0
	err := p.Stream(context.Background(), 2, func(send func(Input) error) error {
		for i := 0; i < 1000; i++ {
			if err := send(Input{Doc: docs[i%len(docs)]}); err != nil {
				return err
			}
		}
		return nil
	}, func(Output) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("Stream = %v after %d outputs, want %v after 3", err, n, stop)
	}
}

// BenchmarkExtract runs the whole pipeline over the demo corpus on one
// goroutine and reports MB/s and sentences/s per core.
func BenchmarkExtract(b *testing.B) {
	p := mustPipeline(b)
	docs := demoDocs(b)
	var size, sents int64
	for _, d := range docs {
		size += int64(len(d.Text))
		sents += int64(len(segment.Split(d.Text)))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			p.Run(d)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(size), "text-bytes/op")
}
