package ingest

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"redline"
)

// day is the --date used by tests that need one.
var day = time.Date(2025, 2, 7, 15, 0, 0, 0, time.UTC)

// result is everything one call to Read handed to its callback.
type result struct {
	Docs []redline.Document
	Errs []string
}

// MustRead reads path with Read and returns what it reported. It fails the
// test if Read returns an error or reports one that is not an *Error with
// a Path.
func MustRead(tb testing.TB, path string, stdin io.Reader, opts Options) result {
	tb.Helper()
	var res result
	err := Read(context.Background(), path, stdin, opts, func(doc *redline.Document, err error) error {
		if err != nil {
			res.Errs = append(res.Errs, CheckError(tb, err))
			return nil
		}
		res.Docs = append(res.Docs, *doc)
		return nil
	})
	if err != nil {
		tb.Fatalf("Read(%q) = %v, want nil", path, err)
	}
	return res
}

// CheckError fails the test unless err is an *Error with a Path, and
// returns its message.
func CheckError(tb testing.TB, err error) string {
	tb.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Path == "" {
		tb.Fatalf("error %#v is not an *Error with a Path", err)
	}
	return err.Error()
}

// MustWriteFiles writes files, named by slash-separated paths relative to
// a new temporary directory, and returns the directory.
func MustWriteFiles(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// doc returns the document Read should make of text.
func doc(path, title, published, text string) redline.Document {
	return redline.Document{
		ID:        redline.DocumentID(text),
		Path:      path,
		Title:     title,
		Published: redline.Date{Value: published, Grain: redline.GrainDay},
		Text:      text,
	}
}

func TestRead_File(t *testing.T) {
	tests := []struct {
		name string
		file string
		in   string
		opts Options
		want result
	}{
		{"Text", "a.txt", "Talks collapsed.\n", Options{Date: day},
			result{Docs: []redline.Document{doc("a.txt", "", "2025-02-07", "Talks collapsed.")}}},
		{"Markdown", "a.md", "---\ndate: 2024-01-02\n---\n# Talks\n\n*No* deal.\n", Options{},
			result{Docs: []redline.Document{doc("a.md", "", "2024-01-02", "# Talks\n\n*No* deal.")}}},
		{"MarkdownLong", "a.markdown", "Text", Options{Date: day},
			result{Docs: []redline.Document{doc("a.markdown", "", "2025-02-07", "Text")}}},
		{"UpperCaseExtension", "A.TXT", "Text", Options{Date: day},
			result{Docs: []redline.Document{doc("A.TXT", "", "2025-02-07", "Text")}}},
		{"CRLF", "a.txt", "---\r\ntitle: T\r\n---\r\nOne.\r\nTwo.\r\n", Options{Date: day},
			result{Docs: []redline.Document{doc("a.txt", "T", "2025-02-07", "One.\nTwo.")}}},
		{"BOM", "a.txt", "\xef\xbb\xbfOne.", Options{Date: day},
			result{Docs: []redline.Document{doc("a.txt", "", "2025-02-07", "One.")}}},
		{"OwnDateWins", "a.txt", "---\ndate: 2013-02-07\n---\nText", Options{Date: day},
			result{Docs: []redline.Document{doc("a.txt", "", "2013-02-07", "Text")}}},
		{"ErrNoDate", "a.txt", "Text", Options{},
			result{Errs: []string{"a.txt: no publication date (add a date to its front matter or pass --date)"}}},
		{"ErrEmpty", "a.txt", "", Options{Date: day},
			result{Errs: []string{"a.txt: empty file"}}},
		{"ErrBlank", "a.txt", " \n\t\n", Options{Date: day},
			result{Errs: []string{"a.txt: no text"}}},
		{"ErrEmptyAfterFrontMatter", "a.md", "---\ntitle: T\n---\n\n", Options{Date: day},
			result{Errs: []string{"a.md: no text"}}},
		{"ErrBinary", "a.txt", "GIF89a\x00\x01", Options{Date: day},
			result{Errs: []string{"a.txt: binary file (contains NUL bytes)"}}},
		{"ErrInvalidUTF8", "a.txt", "one\ntwo\nthr\xffee", Options{Date: day},
			result{Errs: []string{"a.txt:3: invalid UTF-8 (byte 0xff)"}}},
		{"ErrTooLarge", "a.txt", "0123456789", Options{Date: day, MaxSize: 9},
			result{Errs: []string{"a.txt: file is 10 bytes, larger than the limit of 9 bytes"}}},
		{"AtLimit", "a.txt", "0123456789", Options{Date: day, MaxSize: 10},
			result{Docs: []redline.Document{doc("a.txt", "", "2025-02-07", "0123456789")}}},
		{"ErrUnknownExtension", "a.pdf", "%PDF", Options{Date: day},
			result{Errs: []string{`a.pdf: unknown file type ".pdf" (want .txt, .md, .markdown, .html, .htm, .jsonl or .ndjson)`}}},
		{"ErrBadDate", "a.txt", "---\ntitle: T\ndate: yesterday\n---\nText", Options{Date: day},
			result{Errs: []string{`a.txt:3: bad date "yesterday" (want 2006-01-02, RFC 3339, 2006-01-02T15:04:05, January 2, 2006, 2 January 2006 or Jan 2, 2006)`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := MustWriteFiles(t, map[string]string{tt.file: tt.in})
			t.Chdir(dir)
			got := MustRead(t, tt.file, nil, tt.opts)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestRead_ErrNotExist(t *testing.T) {
	t.Chdir(t.TempDir())
	var got error
	err := Read(context.Background(), "missing.txt", nil, Options{}, func(_ *redline.Document, err error) error {
		got = err
		return nil
	})
	if err != nil {
		t.Fatalf("Read = %v, want nil", err)
	}
	if want := "missing.txt: no such file or directory"; got == nil || got.Error() != want {
		t.Errorf("Read reported %v, want %q", got, want)
	}
	if !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false, want true", got)
	}
}

func TestRead_Dir(t *testing.T) {
	dir := MustWriteFiles(t, map[string]string{
		"b.txt":             "B",
		"a/z.md":            "AZ",
		"a/b/c.txt":         "ABC",
		"a.txt":             "A",
		"c.jsonl":           `{"id":"x","text":"C"}`,
		"notes.pdf":         "skipped: unknown extension",
		"README":            "skipped: no extension",
		".hidden.txt":       "skipped: hidden",
		".git/HEAD.txt":     "skipped: hidden directory",
		"d/.cache/x.txt":    "skipped: hidden directory",
		"e/empty.txt":       "",
		"f/nothing/here.go": "package here",
	})
	t.Chdir(dir)
	got := MustRead(t, ".", nil, Options{Date: day})
	want := result{
		Docs: []redline.Document{
			doc("a/b/c.txt", "", "2025-02-07", "ABC"),
			doc("a/z.md", "", "2025-02-07", "AZ"),
			doc("a.txt", "", "2025-02-07", "A"),
			doc("b.txt", "", "2025-02-07", "B"),
			doc("c.jsonl#x", "", "2025-02-07", "C"),
		},
		Errs: []string{"e/empty.txt: empty file"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(dir) mismatch (-want +got):\n%s", diff)
	}

	t.Run("Empty", func(t *testing.T) {
		got := MustRead(t, "f", nil, Options{Date: day})
		if diff := cmp.Diff(result{}, got); diff != "" {
			t.Errorf("Read(dir with no inputs) mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("HiddenRoot", func(t *testing.T) {
		got := MustRead(t, ".git", nil, Options{Date: day})
		if len(got.Docs) != 1 || got.Docs[0].Path != filepath.Join(".git", "HEAD.txt") {
			t.Errorf("Read(.git) = %+v, want the one file in the named hidden directory", got)
		}
	})
}

func TestRead_Stdin(t *testing.T) {
	page := strings.ReplaceAll(testPage, "<!DOCTYPE html>", "\n  <!DOCTYPE html>")
	tests := []struct {
		name  string
		in    string
		want  []string // the Text of each document, or "error" for each error
		title string
	}{
		{"Text", "\n\nPlain text.\n", []string{"Plain text."}, ""},
		{"FrontMatter", "---\ntitle: T\n---\nBody", []string{"Body"}, "T"},
		{"JSONL", "\n{\"text\":\"one\"}\n\n{\"text\":\"two\"}\n", []string{"one", "two"}, ""},
		{"JSONLWithBOM", "\xef\xbb\xbf{\"text\":\"one\"}", []string{"one"}, ""},
		{"HTML", page, nil, "Talks collapse in Geneva"},
		{"Empty", "", []string{"error"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := MustRead(t, "-", strings.NewReader(tt.in), Options{Date: day})
			var got []string
			for _, d := range res.Docs {
				if d.Path != "-" && !strings.HasPrefix(d.Path, "-#L") {
					t.Errorf("Path = %q, want - or -#L<n>", d.Path)
				}
				if tt.want != nil {
					got = append(got, d.Text)
				}
				if d.Title != tt.title {
					t.Errorf("Title = %q, want %q", d.Title, tt.title)
				}
			}
			for range res.Errs {
				got = append(got, "error")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read(-) of %q mismatch (-want +got):\n%s\nerrors: %q", tt.in, diff, res.Errs)
			}
		})
	}
}

func TestRead_Stop(t *testing.T) {
	dir := MustWriteFiles(t, map[string]string{"a.txt": "A", "b.txt": "B", "c.txt": "C"})
	stop := errors.New("stop")
	var n int
	err := Read(context.Background(), dir, nil, Options{Date: day}, func(*redline.Document, error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("Read = %v after %d documents, want stop after 2", err, n)
	}
}

func TestRead_Cancel(t *testing.T) {
	dir := MustWriteFiles(t, map[string]string{"a.txt": "A", "b.txt": "B", "c.jsonl": "{\"text\":\"C\"}\n{\"text\":\"D\"}"})
	for _, path := range []string{dir, filepath.Join(dir, "c.jsonl")} {
		ctx, cancel := context.WithCancel(context.Background())
		var n int
		err := Read(ctx, path, nil, Options{Date: day}, func(*redline.Document, error) error {
			n++
			cancel()
			return nil
		})
		if err != context.Canceled || n != 1 {
			t.Errorf("Read(%q) = %v after %d documents, want context.Canceled after 1", path, err, n)
		}
	}
}
