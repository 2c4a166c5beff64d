// Package http serves redline's record over HTTP: a JSON API under
// /api/v1/ and a dashboard of server-rendered pages, both read from a
// redline.Store.
//
// Everything the server sends is made here or embedded in the binary
// (templates, style sheet, a little JavaScript, the OpenAPI description in
// package assets), so it works offline and needs no build step. Charts are
// SVG drawn in Go: the stance chart comes from package render, the line
// charts of the reciprocity and simulation pages from line.go. Pages work
// without JavaScript; the script only adds filtering and keyboard help.
//
// Article text is hostile input. Pages go through html/template, whose
// contextual escaping shows "<script>" in a quote as text; SVG text is
// XML-escaped; JSON escapes <, > and &; and a Content-Security-Policy
// allows scripts and styles from the server's own files only.
//
// Analyses over the whole record cost up to a second or more at a million
// records, far more than an API call may take, so the server keeps a
// snapshot of the store's digest and memoises each analysis it computes on
// it (cache.go). A poller notices when another process (redline ingest)
// has added records and moves to a new snapshot; until the new one is
// read, requests are answered from the old one.
//
// Competing hypotheses, reciprocity and simulation come from packages the
// command wires in through the optional fields of Extensions; a field left
// nil makes its routes answer 501 and its page say the capability is not
// in this build.
package http
