// Package examples bundles redline's demo corpus into the binary, so that
// "redline demo" works from any directory.
package examples

import "embed"

// Corpus holds the demo articles under corpus/, rooted there: paths read
// "2025-02-07-khamenei-rejects-talks.md".
var Corpus = mustSub("corpus")

//go:embed corpus
var files embed.FS
