package ingest

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
)

func TestRead_JSONL(t *testing.T) {
	full := redline.Document{
		ID: redline.DocumentID("Talks\ncollapsed."), Path: "n.jsonl#r-1", Title: "T", Source: "Reuters",
		URL: "https://example.org", Published: redline.Date{Value: "2013-02-07", Grain: redline.GrainDay},
		Text: "Talks\ncollapsed.",
	}
	tests := []struct {
		name string
		in   string
		opts Options
		want result
	}{
		{"AllFields", `{"id":"r-1","title":"T","date":"2013-02-07","url":"https://example.org","source":"Reuters","text":"Talks\r\ncollapsed.\n","extra":[1]}`,
			Options{}, result{Docs: []redline.Document{full}}},
		{"NumericID", `{"id":42,"text":"A"}`, Options{Date: day},
			result{Docs: []redline.Document{doc("n.jsonl#42", "", "2025-02-07", "A")}}},
		{"NoID", "\n\n{\"text\":\"A\"}\r\n", Options{Date: day},
			result{Docs: []redline.Document{doc("n.jsonl#L3", "", "2025-02-07", "A")}}},
		{"DateFallback", `{"text":"A","date":""}`, Options{Date: day},
			result{Docs: []redline.Document{doc("n.jsonl#L1", "", "2025-02-07", "A")}}},
		{"BadLinesDoNotStop", strings.Join([]string{
			`{"text":"one"}`,
			`{"text":"two"`,
			`["text"]`,
			`{"text":5}`,
			`{"title":"no text"}`,
			`{"text":"  "}`,
			`{"text":"bad date","date":"soon"}`,
			`{"text":"bad id","id":[1]}`,
			"{\"text\":\"bad \xff\"}",
			`{"text":"nul\u0000"}`,
			`{"text":"three"} {"text":"four"}`,
			`{"text":"five"}`,
		}, "\n"), Options{Date: day}, result{
			Docs: []redline.Document{
				doc("n.jsonl#L1", "", "2025-02-07", "one"),
				doc("n.jsonl#L12", "", "2025-02-07", "five"),
			},
			Errs: []string{
				"n.jsonl:2: invalid JSON at column 13: unexpected end of JSON input",
				`n.jsonl:3: want a JSON object, got "[\"text\"]"`,
				`n.jsonl:4: field "text": want string, got number`,
				`n.jsonl:5: no "text" field`,
				"n.jsonl:6: no text",
				`n.jsonl:7: bad date "soon" (want 2006-01-02, RFC 3339, 2006-01-02T15:04:05, January 2, 2006, 2 January 2006 or Jan 2, 2006)`,
				`n.jsonl:8: "id" is [1], want a string or a number`,
				"n.jsonl:9: invalid UTF-8 (byte 0xff at column 14)",
				"n.jsonl:10: text contains a NUL character",
				"n.jsonl:11: invalid JSON at column 18: invalid character '{' after top-level value",
			},
		}},
		{"ErrNoDate", `{"text":"A"}`, Options{},
			result{Errs: []string{`n.jsonl:1: no publication date (add a "date" field or pass --date)`}}},
		{"ErrEmpty", "", Options{}, result{Errs: []string{"n.jsonl: empty file"}}},
		{"ErrBlankOnly", "\n \n\t\n", Options{}, result{Errs: []string{"n.jsonl: empty file"}}},
		{"ErrBinary", "{\"text\":\"A\"}\n\x00\x01\x02\n{\"text\":\"B\"}", Options{Date: day}, result{
			Docs: []redline.Document{doc("n.jsonl#L1", "", "2025-02-07", "A")},
			Errs: []string{"n.jsonl:2: binary file (contains NUL bytes)"},
		}},
		{"ErrLongLine", "{\"text\":\"A\"}\n{\"text\":\"0123456789\"}\n{\"text\":\"B\"}\r\n", Options{Date: day, MaxSize: 16}, result{
			Docs: []redline.Document{doc("n.jsonl#L1", "", "2025-02-07", "A"), doc("n.jsonl#L3", "", "2025-02-07", "B")},
			Errs: []string{"n.jsonl:2: line is 21 bytes, larger than the limit of 16 bytes"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(MustWriteFiles(t, map[string]string{"n.jsonl": tt.in}))
			got := MustRead(t, "n.jsonl", nil, tt.opts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestLineReader(t *testing.T) {
	// Lines around the limit of 4 bytes, with and without CR, across the
	// 16-byte buffer of the bufio.Reader.
	in := "1234\n12345\r\n1234\r\n\n" + strings.Repeat("x", 40) + "\r\nab\r\nlast"
	lr := &lineReader{br: bufio.NewReaderSize(strings.NewReader(in), 16), max: 4}
	var got []string
	for {
		line, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, string(line))
	}
	want := []string{
		"1234",
		"line is 5 bytes, larger than the limit of 4 bytes",
		"1234",
		"",
		"line is 40 bytes, larger than the limit of 4 bytes",
		"ab",
		"last",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lines of %q mismatch (-want +got):\n%s", in, diff)
	}
	if lr.n != 7 {
		t.Errorf("line count = %d, want 7", lr.n)
	}
}

// TestRead_HugeLine streams a 50 MB line through a 1 MiB limit and checks
// that it is reported, that the next line is still read, and that the line
// was never held in memory whole.
func TestRead_HugeLine(t *testing.T) {
	const size = 50 << 20
	in := io.MultiReader(
		strings.NewReader(`{"text":"`),
		&repeatReader{b: 'a', n: size},
		strings.NewReader("\"}\n{\"text\":\"after\"}\n"),
	)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := MustRead(t, "-", in, Options{Date: day, MaxSize: 1 << 20})
	runtime.ReadMemStats(&after)
	want := result{
		Docs: []redline.Document{doc("-#L2", "", "2025-02-07", "after")},
		Errs: []string{"-:1: line is 52428811 bytes, larger than the limit of 1048576 bytes"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(50 MB line) mismatch (-want +got):\n%s", diff)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("Read(50 MB line) allocated %d bytes, want under 8 MiB", alloc)
	}
}

// repeatReader yields n copies of byte b without holding them.
type repeatReader struct {
	b byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	p = p[:min(len(p), r.n)]
	for i := range p {
		p[i] = r.b
	}
	r.n -= len(p)
	return len(p), nil
}

// TestRead_FiftyMegabytes reads real 50 MB files, made sparse so that
// writing them is instant, with the default limit: a text file is refused
// by its size before it is read, and a JSONL file's single 50 MB line is
// read through and reported.
func TestRead_FiftyMegabytes(t *testing.T) {
	const size = 50 << 20
	dir := t.TempDir()
	for _, name := range []string{"big.txt", "big.jsonl"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	got := MustRead(t, ".", nil, Options{Date: day})
	want := result{Errs: []string{
		"big.jsonl:1: line is 52428800 bytes, larger than the limit of 16777216 bytes",
		"big.txt: file is 52428800 bytes, larger than the limit of 16777216 bytes",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(50 MB files) mismatch (-want +got):\n%s", diff)
	}
}

func TestRead_StdinTooLarge(t *testing.T) {
	got := MustRead(t, "-", strings.NewReader("0123456789"), Options{Date: day, MaxSize: 9})
	want := result{Errs: []string{"-: input is larger than the limit of 9 bytes"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(-) mismatch (-want +got):\n%s", diff)
	}
}
