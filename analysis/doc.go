// Package analysis answers analysts' questions from the stored record:
// timelines per actor, stance reversals, and say-do gaps. Each answer
// carries the records behind it, so it can be checked against the text.
//
// It reads through redline.Store and never touches a database directly.
package analysis
