package redline

import "context"

// Extraction is everything the pipeline found in one document.
type Extraction struct {
	Doc        Document    `json:"doc"`
	Times      []TimeExpr  `json:"times"`
	Statements []Statement `json:"statements"`
	Events     []Event     `json:"events"`
	Deadlines  []Deadline  `json:"deadlines"`
	Mentions   []Mention   `json:"-"`
}

// Store keeps extractions and answers queries over them. Implementations
// must be safe for concurrent use.
type Store interface {
	// SaveExtraction stores a document and everything extracted from it in
	// one transaction. It returns false, and changes nothing, when a document
	// with the same ID is already stored.
	SaveExtraction(ctx context.Context, x *Extraction) (created bool, err error)

	// Documents returns stored documents, ordered by publication date then ID.
	// Returns ENOTFOUND when the filter names an ID that is not stored.
	Documents(ctx context.Context, f DocumentFilter) ([]Document, error)

	// Statements returns stored statements ordered by date said, then
	// document and position.
	Statements(ctx context.Context, f StatementFilter) ([]Statement, error)

	// Events returns stored events ordered by date, then document and position.
	Events(ctx context.Context, f EventFilter) ([]Event, error)

	// Deadlines returns stored deadlines ordered by date.
	Deadlines(ctx context.Context) ([]Deadline, error)

	// Counts returns the number of stored documents, statements, events and
	// time expressions.
	Counts(ctx context.Context) (Counts, error)

	// Digest returns every stored statement and event in compact form, for
	// analyses over the whole record.
	Digest(ctx context.Context) (*Digest, error)

	// StatementsAt returns the statements with the given digest refs, in
	// the order of refs. Returns ENOTFOUND when a ref names no statement.
	StatementsAt(ctx context.Context, refs []int64) ([]Statement, error)

	// EventsAt returns the events with the given digest refs, in the order
	// of refs. Returns ENOTFOUND when a ref names no event.
	EventsAt(ctx context.Context, refs []int64) ([]Event, error)
}

// Counts sums up what a store holds.
type Counts struct {
	Documents  int `json:"documents"`
	Statements int `json:"statements"`
	Events     int `json:"events"`
	Times      int `json:"times"`
	Deadlines  int `json:"deadlines"`
}
