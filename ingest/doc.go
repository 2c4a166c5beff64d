// Package ingest reads files into redline.Document values: articles,
// speeches and transcripts, one at a time, with no language processing and
// no store. Read is the entry point; it walks a file, a directory or
// standard input and hands each document, or each problem, to a callback,
// so memory does not grow with the corpus.
//
// # Formats
//
// The extension of a file names its format, ignoring case:
//
//   - .txt, .md, .markdown: plain text, kept exactly as written (Markdown
//     markup is not stripped, so spans found later are byte offsets into
//     the file's text). The text may start with front matter: a line
//     "---", lines "key: value", and a closing line "---". The keys title,
//     date, source and url are used; other keys, and indented lines below
//     them, are ignored. Values may be quoted with "..." (with backslash
//     escapes) or '...'.
//   - .html, .htm: a web page, reduced to its main content by trafilatura
//     (navigation, footers, comments and boilerplate are dropped), with one
//     paragraph per block element, separated by blank lines. Title, site
//     name (as Source), canonical URL and publication date come from the
//     page's metadata.
//   - .jsonl, .ndjson: one JSON object per line with the fields id, title,
//     date, url, source and text; other fields are ignored, and blank lines
//     are skipped.
//
// Standard input has no extension, so its format is sniffed from its first
// byte that is not white space: '{' is JSONL, '<' is HTML, and anything
// else is text.
//
// # Documents
//
// A document's Text has its byte order mark dropped, CRLF line endings
// turned into LF, and leading blank lines and trailing white space
// trimmed; its ID is redline.DocumentID of that text, so the same text
// read from anywhere is the same document. Path is the path the file was
// read from, as given to Read (Stdin for standard input). A JSONL record
// has no path of its own, so its Path is the file's followed by "#" and
// the record's id ("news.jsonl#reuters-123"), or by "#L" and its line
// number when it has no id ("news.jsonl#L7"). The record's id is a label
// for finding it again, not the document's ID, which is always the hash
// of its text.
//
// Published is the day-grain date of the document's own date, which may be
// written 2006-01-02, in RFC 3339, as 2006-01-02T15:04:05, or as January 2,
// 2006, 2 January 2006 or Jan 2, 2006. A document without one takes
// Options.Date; if that is zero too, the document is an error.
//
// # Errors
//
// Each bad input is reported to the callback as an *Error naming the file,
// and the line where there is one, and reading goes on with the next
// input: a path that does not exist, a file with an unknown extension
// (inside a directory such files are skipped silently), an empty or binary
// file, invalid UTF-8 in a text or JSONL file, a document larger than
// Options.MaxSize (for JSONL, a line), malformed front matter or JSON, a
// bad date, a document with no text, and a document with no date. A bad
// line of a JSONL file does not stop the lines after it. Web pages are
// decoded from the charset they declare or that is detected, so invalid
// UTF-8 there is not an error.
package ingest
