package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"redline"
)

// SaveExtraction stores x.Doc and every time expression, statement, event
// and deadline of x in one transaction. Each record is stored under the
// document's ID and its index in its slice; its own Doc field may be empty.
// It returns false, and changes nothing, when the document is already
// stored. Mentions are not stored.
//
// It returns EINVALID when x has no document ID or a record names another
// document.
func (db *DB) SaveExtraction(ctx context.Context, x *redline.Extraction) (created bool, err error) {
	n, err := db.SaveExtractions(ctx, []*redline.Extraction{x})
	return n == 1, err
}

// SaveExtractions stores many extractions as SaveExtraction stores one, all
// in one transaction, and returns how many documents were new. Bulk loads
// are several times faster this way than one transaction per document.
// When it fails, it stores none of them.
//
// It returns EINVALID when an extraction has no document ID or a record
// names another document.
func (db *DB) SaveExtractions(ctx context.Context, xs []*redline.Extraction) (created int, err error) {
	for _, x := range xs {
		if err := validateExtraction(x); err != nil {
			return 0, err
		}
	}
	if db.db == nil {
		return 0, errNotOpen
	}
	select {
	case db.writer <- struct{}{}:
		defer func() { <-db.writer }()
	case <-ctx.Done():
		return 0, fmt.Errorf("save extraction: %w", ctx.Err())
	}

	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("save extraction: begin: %w", err)
	}
	defer tx.Rollback()
	g, err := db.newDigester(ctx, tx)
	if err != nil {
		return 0, fmt.Errorf("save extraction: %w", err)
	}
	committed := false
	defer func() { g.close(committed) }()
	for _, x := range xs {
		ok, err := db.saveIn(ctx, tx, g, x)
		if err != nil {
			return 0, fmt.Errorf("save extraction %s: %w", x.Doc.ID, err)
		}
		if ok {
			created++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("save extraction: commit: %w", err)
	}
	committed = true
	return created, nil
}

// saveIn stores x and its digest inside tx and reports whether its
// document was new.
func (db *DB) saveIn(ctx context.Context, tx *sql.Tx, g *digester, x *redline.Extraction) (bool, error) {
	seq, err := insertDocument(ctx, tx, &x.Doc)
	if err != nil {
		return false, err
	} else if seq == 0 {
		return false, nil // already stored
	}
	if err := db.insertRecords(ctx, tx, seq, x); err != nil {
		return false, err
	}
	return true, g.save(ctx, seq, x.Statements, x.Events)
}

// insertRecords inserts everything x holds besides its document, which is
// stored under the sequence number doc.
func (db *DB) insertRecords(ctx context.Context, tx *sql.Tx, doc int64, x *redline.Extraction) error {
	if err := insertTimes(ctx, tx, doc, x.Times); err != nil {
		return err
	}
	if err := insertStatements(ctx, tx, doc, x.Statements, db.countryOf); err != nil {
		return err
	}
	if err := indexStatements(ctx, tx, doc); err != nil {
		return err
	}
	if err := insertEvents(ctx, tx, doc, x.Events, db.countryOf); err != nil {
		return err
	}
	return insertDeadlines(ctx, tx, doc, x.Deadlines)
}

// countryOf returns the country stored for an actor.
func (db *DB) countryOf(id string) string {
	if db.CountryOf == nil {
		return id
	}
	return db.CountryOf(id)
}

// validateExtraction checks that x names its document and that no record
// claims to come from another one.
func validateExtraction(x *redline.Extraction) error {
	if x == nil || x.Doc.ID == "" {
		return redline.Errorf(redline.EINVALID, "extraction has no document id")
	}
	id := x.Doc.ID
	if max(len(x.Times), len(x.Statements), len(x.Events), len(x.Deadlines)) > maxOrdinal+1 {
		return redline.Errorf(redline.EINVALID, "document %s has more than %d records of one kind", id, maxOrdinal+1)
	}
	check := func(what string, i int, doc string) error {
		if doc != "" && doc != id {
			return redline.Errorf(redline.EINVALID, "%s %d of document %s names document %s", what, i, id, doc)
		}
		return nil
	}
	for i, s := range x.Statements {
		if err := check("statement", i, s.Doc); err != nil {
			return err
		}
	}
	for i, e := range x.Events {
		if err := check("event", i, e.Doc); err != nil {
			return err
		}
	}
	for i, d := range x.Deadlines {
		if err := check("deadline", i, d.Doc); err != nil {
			return err
		}
	}
	return nil
}

// insertDocument inserts d and returns its sequence number, or 0 when a
// document with its ID is already stored.
func insertDocument(ctx context.Context, tx *sql.Tx, d *redline.Document) (int64, error) {
	start, _ := dateRange(d.Published)
	res, err := tx.ExecContext(ctx, `
		INSERT INTO documents (id, path, source, url, title,
			published_value, published_grain, published_anchor, published_start, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`,
		d.ID, d.Path, d.Source, d.URL, d.Title,
		d.Published.Value, string(d.Published.Grain), string(d.Published.Anchor), start, d.Text)
	if err != nil {
		return 0, fmt.Errorf("insert document: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, fmt.Errorf("insert document: %w", err)
	} else if n == 0 {
		return 0, nil
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert document: %w", err)
	}
	return seq, nil
}

// insertEach prepares query once and executes it with args(i) for i in
// [0, n).
func insertEach(ctx context.Context, tx *sql.Tx, what, query string, n int, args func(i int) ([]any, error)) error {
	if n == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return fmt.Errorf("insert %s: %w", what, err)
	}
	defer stmt.Close()
	for i := range n {
		a, err := args(i)
		if err != nil {
			return fmt.Errorf("insert %s %d: %w", what, i, err)
		}
		if _, err := stmt.ExecContext(ctx, a...); err != nil {
			return fmt.Errorf("insert %s %d: %w", what, i, err)
		}
	}
	return nil
}

// insertTimes inserts the time expressions of the document numbered doc.
func insertTimes(ctx context.Context, tx *sql.Tx, doc int64, ts []redline.TimeExpr) error {
	const query = `
		INSERT INTO times (doc, ordinal, text, span_start, span_end,
			value, grain, type, mod, anchor)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	return insertEach(ctx, tx, "time", query, len(ts), func(i int) ([]any, error) {
		t := &ts[i]
		return []any{doc, i, t.Text, t.Span.Start, t.Span.End,
			t.Value, string(t.Grain), string(t.Type), t.Mod, string(t.Anchor)}, nil
	})
}

// insertStatements inserts the statements of the document numbered doc.
func insertStatements(ctx context.Context, tx *sql.Tx, doc int64, ss []redline.Statement, country func(string) string) error {
	const query = `
		INSERT INTO statements (doc, ordinal, sentence,
			speaker_id, speaker_name, speaker_sector, speaker_country,
			said_value, said_grain, said_anchor, said_start, said_end,
			kind, cue, text, span_start, span_end, topic,
			target_id, target_name, target_sector,
			stance, score, commitment, conditions, threat, promise,
			speaker_start, speaker_end, cue_start, cue_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	return insertEach(ctx, tx, "statement", query, len(ss), func(i int) ([]any, error) {
		s := &ss[i]
		conditions, err := conditionsJSON(s.Conditions)
		if err != nil {
			return nil, err
		}
		start, end := dateRange(s.Said)
		targetID, targetName, targetSector := refArgs(s.Target)
		return []any{doc, i, s.Sentence,
			s.Speaker.ID, s.Speaker.Name, s.Speaker.Sector, country(s.Speaker.ID),
			s.Said.Value, string(s.Said.Grain), string(s.Said.Anchor), start, end,
			string(s.Kind), s.Cue, s.Text, s.Span.Start, s.Span.End, s.Topic,
			targetID, targetName, targetSector,
			string(s.Stance), s.Score, string(s.Commitment), conditions, s.Threat, s.Promise,
			spanStart(s.SpeakerSpan), spanEnd(s.SpeakerSpan), spanStart(s.CueSpan), spanEnd(s.CueSpan)}, nil
	})
}

// spanStart and spanEnd give the bounds of an optional span, or NULL.
func spanStart(sp *redline.Span) any {
	if sp == nil {
		return nil
	}
	return sp.Start
}

func spanEnd(sp *redline.Span) any {
	if sp == nil {
		return nil
	}
	return sp.End
}

// indexStatements adds the statements of the document numbered doc to the
// full-text index in one statement.
func indexStatements(ctx context.Context, tx *sql.Tx, doc int64) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO statements_fts (rowid, text)
		SELECT id, text FROM statements WHERE doc = ?`, doc)
	if err != nil {
		return fmt.Errorf("index statements: %w", err)
	}
	return nil
}

// insertEvents inserts the events of the document numbered doc.
func insertEvents(ctx context.Context, tx *sql.Tx, doc int64, es []redline.Event, country func(string) string) error {
	const query = `
		INSERT INTO events (doc, ordinal, sentence,
			actor_id, actor_name, actor_sector, actor_country,
			target_id, target_name, target_sector, verb, cameo, plover,
			date_value, date_grain, date_anchor, date_start, date_end,
			mode, goldstein, quad, text, span_start, span_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	return insertEach(ctx, tx, "event", query, len(es), func(i int) ([]any, error) {
		e := &es[i]
		start, end := dateRange(e.Date)
		targetID, targetName, targetSector := refArgs(e.Target)
		return []any{doc, i, e.Sentence,
			e.Actor.ID, e.Actor.Name, e.Actor.Sector, country(e.Actor.ID),
			targetID, targetName, targetSector, e.Verb, e.CAMEO, e.PLOVER,
			e.Date.Value, string(e.Date.Grain), string(e.Date.Anchor), start, end,
			string(e.Mode), e.Goldstein, e.Quad, e.Text, e.Span.Start, e.Span.End}, nil
	})
}

// insertDeadlines inserts the deadlines of the document numbered doc.
func insertDeadlines(ctx context.Context, tx *sql.Tx, doc int64, ds []redline.Deadline) error {
	const query = `
		INSERT INTO deadlines (doc, ordinal, sentence, action,
			date_value, date_grain, date_anchor, date_start, date_end,
			actor_id, actor_name, actor_sector, text, span_start, span_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	return insertEach(ctx, tx, "deadline", query, len(ds), func(i int) ([]any, error) {
		d := &ds[i]
		start, end := dateRange(d.Date)
		actorID, actorName, actorSector := refArgs(d.Actor)
		return []any{doc, i, d.Sentence, d.Action,
			d.Date.Value, string(d.Date.Grain), string(d.Date.Anchor), start, end,
			actorID, actorName, actorSector, d.Text, d.Span.Start, d.Span.End}, nil
	})
}

// dateRange returns the first day d covers and the day after its last as
// ISO days, or two nils when d is not a calendar date.
func dateRange(d redline.Date) (start, end any) {
	s, e, ok := d.Interval()
	if !ok {
		return nil, nil
	}
	return s.Format(time.DateOnly), e.Format(time.DateOnly)
}

// refArgs returns the columns of an optional actor: three NULLs for nil.
func refArgs(r *redline.ActorRef) (id, name, sector any) {
	if r == nil {
		return nil, nil, nil
	}
	return r.ID, r.Name, r.Sector
}

// conditionsJSON encodes conditions as a JSON array, or NULL when nil.
func conditionsJSON(c []string) (any, error) {
	if c == nil {
		return nil, nil
	}
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("conditions: %w", err)
	}
	return string(b), nil
}
