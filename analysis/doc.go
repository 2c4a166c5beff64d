// Package analysis answers analysts' questions from the stored record:
// timelines per actor, stance reversals, say-do gaps, the red-line
// ledger, splits, precedents and deadlines. Each answer carries the records
// behind it, so it can be checked against the text.
//
// It reads through redline.Store and never touches a database directly.
//
// The analyses run over a digest of the records (redline.Digest) rather
// than over full statements and events: every string they compare is
// interned once, each distinct date is placed in the order of Date.Compare
// once, and records are grouped by sorting integers, so that a report over
// a million statements and a million events takes under a second. Build
// reads the store's digest and then only the records of the entries it
// shows. The functions over slices of records (Reversals, Gaps, Redlines,
// Splits) make a digest of the slices and run the same code. The
// analyses as they were first written, record by record, are kept in
// internal/oracle, and the tests require both to agree on random records.
package analysis
