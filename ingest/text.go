package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"redline"
)

// bom is the UTF-8 byte order mark, dropped from the start of inputs.
var bom = []byte("\xef\xbb\xbf")

// parseText reads one plain-text or Markdown document, with optional front
// matter, from data.
func parseText(name string, data []byte, opts Options) (*redline.Document, error) {
	if err := checkBytes(name, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, bom)
	if i := invalidUTF8(data); i >= 0 {
		return nil, errorf(name, lineAt(data, i), "invalid UTF-8 (byte %#x)", data[i])
	}
	fm, body, err := splitFrontMatter(name, normalize(string(data)))
	if err != nil {
		return nil, err
	}
	day, err := publication(fm.date, opts)
	if err != nil {
		return nil, &Error{Path: name, Line: fm.dateLine, Err: err}
	}
	doc := &redline.Document{Path: name, Title: fm.title, Source: fm.source, URL: fm.url}
	return finish(name, 0, doc, body, day, "add a date to its front matter or pass --date")
}

// checkBytes rejects an empty or binary file.
func checkBytes(name string, data []byte) error {
	if len(data) == 0 {
		return errorf(name, 0, "empty file")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errorf(name, 0, "binary file (contains NUL bytes)")
	}
	return nil
}

// finish fills in the text, ID and publication date of doc and checks
// that it has both a text and a date. Errors are at line, or name the
// whole input when line is 0; hint tells the user how to supply a date.
func finish(name string, line int, doc *redline.Document, text string, day redline.Date, hint string) (*redline.Document, error) {
	text = trimText(normalize(text))
	switch {
	case text == "":
		return nil, errorf(name, line, "no text")
	case strings.IndexByte(text, 0) >= 0:
		return nil, errorf(name, line, "text contains a NUL character")
	case day.IsZero():
		return nil, errorf(name, line, "no publication date (%s)", hint)
	}
	doc.Text = text
	doc.ID = redline.DocumentID(text)
	doc.Published = day
	return doc, nil
}

// normalize drops a leading byte order mark and turns CRLF line endings
// into LF.
func normalize(s string) string {
	s = strings.TrimPrefix(s, string(bom))
	return strings.ReplaceAll(s, "\r\n", "\n")
}

// trimText drops leading blank lines and trailing white space, keeping the
// indentation of the first line, so that the same text with or without a
// final newline is the same document.
func trimText(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || strings.TrimSpace(s[:i]) != "" {
			return s
		}
		s = s[i+1:]
	}
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineAt returns the 1-based line of offset i in b.
func lineAt(b []byte, i int) int {
	return bytes.Count(b[:i], []byte{'\n'}) + 1
}
