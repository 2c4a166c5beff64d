// Package redline holds the domain model shared by every part of redline:
// documents, actors with dated roles, what actors say (statements), what they
// do (events), the time expressions that date both, and deadlines.
//
// The model follows the records of the design: every record that came from
// text carries the byte span of that text, the document it came from and the
// index of its sentence, so any result can be traced back to its words.
// Dates are calendar values with a grain ("2013" is a year, "2013-02" a month,
// "2025-02-07" a day) written the way TimeML writes them.
//
// Stages of the extraction pipeline (segment, actor, timex, quote, event) are
// pure packages that take text and dictionaries and return these types;
// stores (sqlite) implement the service interfaces declared here; analyses
// read through those interfaces. This package imports only the standard
// library so that none of them can form an import cycle.
package redline
