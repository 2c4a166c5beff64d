// Package render writes an analysis.Report as a document for people to
// read and share: Markdown for notes and pull requests, and one
// self-contained HTML file (inline CSS, an inline SVG chart, no scripts and
// no external resources) that works offline.
//
// Every string that came from an article is hostile input. Markdown output
// escapes the characters that could break a table or inject HTML or links;
// HTML output goes through html/template, whose contextual escaping turns
// "<script>" in a quote into text; the SVG chart, drawn in Go, escapes its
// text as XML.
//
// The package is pure: it reads the report and the Options and writes to
// the given writer. It never reads the clock; the caller passes the time of
// generation as a string, so the same report always renders the same bytes
// and golden tests can compare them.
//
// Report sections that are still untyped or may change shape (red lines and
// precedents) are rendered generically, one JSON object per item, by
// reflection over whatever slice the report holds; see Items.
package render
