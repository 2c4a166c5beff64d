package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"redline"
)

// CheckDoc fails the test unless doc keeps the invariants every document
// Read returns keeps.
func CheckDoc(tb testing.TB, doc *redline.Document) {
	tb.Helper()
	switch {
	case !utf8.ValidString(doc.Text):
		tb.Errorf("Text %q is not valid UTF-8", doc.Text)
	case doc.ID != redline.DocumentID(doc.Text):
		tb.Errorf("ID = %q, want DocumentID(Text)", doc.ID)
	case strings.TrimSpace(doc.Text) == "":
		tb.Errorf("Text %q is blank", doc.Text)
	case strings.Contains(doc.Text, "\r\n"), strings.HasPrefix(doc.Text, string(bom)):
		tb.Errorf("Text %q has CRLF or a BOM", doc.Text)
	case doc.Published.Grain != redline.GrainDay:
		tb.Errorf("Published = %v, want a day", doc.Published)
	case doc.Path == "":
		tb.Errorf("Path is empty")
	}
	for _, s := range []string{doc.Title, doc.Source, doc.URL} {
		if !utf8.ValidString(s) {
			tb.Errorf("metadata %q is not valid UTF-8", s)
		}
	}
}

// fuzzRead reads data as an input of format f and checks every document
// and error it reports.
func fuzzRead(t *testing.T, name string, data []byte, f format, opts Options) {
	r := &reader{ctx: context.Background(), opts: opts, fn: func(doc *redline.Document, err error) error {
		if err != nil {
			CheckError(t, err)
			return nil
		}
		CheckDoc(t, doc)
		return nil
	}}
	if err := r.read(input{name: name, r: bytes.NewReader(data), size: -1, format: f}); err != nil {
		t.Fatalf("read = %v, want nil", err)
	}
}

func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\ndate: 2013-02-07\nsource: S\nurl: u\n---\nBody\n",
		"---\ntitle: \"quoted \\\"x\\\"\"\ntags:\n  - a\n---\r\nBody",
		"---\ntitle: 'it''s'\n---\n",
		"---\nno key\n---\nBody",
		"\xef\xbb\xbf---\ndate: 7 February 2013\n---\nBody",
		"Plain text\xff",
		"---",
		"",
	} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, withDate bool) {
		opts := Options{MaxSize: 1 << 16}
		if withDate {
			opts.Date = day
		}
		fuzzRead(t, "f.md", data, formatText, opts)
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"T","date":"2013-02-07","url":"u","source":"S","text":"Body"}`,
		"{\"id\":1,\"text\":\"a\\r\\nb\"}\r\n\r\n{\"text\":\"c\"}",
		`{"text":"x"} {"text":"y"}`,
		"{\"text\":\"\\u0000\\ufeff\"}\n[1]\n\x00",
		`{"text":"` + strings.Repeat("long ", 30) + `"}`,
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.jsonl", data, formatJSONL, Options{Date: day, MaxSize: 64})
	})
}

// FuzzRead reads any bytes as standard input, so that every format is
// reached through sniffing.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Plain text.",
		"---\ntitle: T\n---\nBody",
		`{"text":"JSONL"}`,
		"<html><head><title>T</title></head><body><article><p>Hello</p></article></body></html>",
		"<p>a<br>b<pre> c\n d</pre><table><tr><td>x</td></tr></table>",
		"  \n<\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read(context.Background(), Stdin, bytes.NewReader(data), Options{Date: day, MaxSize: 1 << 16},
			func(doc *redline.Document, err error) error {
				if err != nil {
					CheckError(t, err)
					return nil
				}
				CheckDoc(t, doc)
				return nil
			})
		if err != nil {
			t.Fatalf("Read = %v, want nil", err)
		}
	})
}
