package ingest

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
)

// format is the way an input encodes its documents.
type format int

const (
	formatUnknown format = iota
	formatText           // plain text or Markdown, with optional front matter
	formatHTML           // a web page, reduced to its main content
	formatJSONL          // one JSON object per line, one document each
)

// knownExtensions lists the extensions formatOf recognises, for messages.
const knownExtensions = ".txt, .md, .markdown, .html, .htm, .jsonl or .ndjson"

// formatOf returns the format named by the extension of path, ignoring
// case, or formatUnknown.
func formatOf(path string) format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown":
		return formatText
	case ".html", ".htm":
		return formatHTML
	case ".jsonl", ".ndjson":
		return formatJSONL
	}
	return formatUnknown
}

// sniffSize is how many bytes of standard input sniff looks at.
const sniffSize = 64 << 10

// sniff returns the format of the input buffered in br, judged by its
// first byte that is not a byte order mark or white space: '{' is JSONL,
// '<' is HTML, anything else is text. It peeks and consumes nothing.
func sniff(br *bufio.Reader) format {
	head, _ := br.Peek(sniffSize)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n\f\v")
	switch {
	case len(head) == 0:
		return formatText
	case head[0] == '{':
		return formatJSONL
	case head[0] == '<':
		return formatHTML
	}
	return formatText
}
