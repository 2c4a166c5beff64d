package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"redline"
)

// Events returns stored events ordered by the first day of their date, then
// document ID and position in the document. Events without a calendar date
// come first. Each filter field that is set must match; Country matches the
// country stored for the actor (see DB.CountryOf).
//
// It returns EINVALID when the limit or offset is negative.
func (db *DB) Events(ctx context.Context, f redline.EventFilter) ([]redline.Event, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	defer tx.Rollback()
	return findEvents(ctx, tx, f)
}

// findEvents runs the query of Events inside tx.
func findEvents(ctx context.Context, tx *sql.Tx, f redline.EventFilter) ([]redline.Event, error) {
	var w filter
	w.eq("d.id", f.Doc)
	w.eq("e.actor_id", f.Actor)
	w.eq("e.actor_country", f.Country)
	w.eq("e.target_id", f.Target)
	w.eq("e.plover", f.PLOVER)
	w.eq("e.mode", string(f.Mode))
	w.days("e.date_start", f.From, f.To)
	page, err := w.page(f.Limit, f.Offset)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+eventColumns+w.from("events", "e", "events_date")+w.where()+`
		ORDER BY e.date_start, d.id, e.ordinal`+page, w.args...)
	if err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	es, err := collect(rows, scanEvent)
	if err != nil {
		return nil, fmt.Errorf("find events: %w", err)
	}
	return es, nil
}

// eventColumns are the columns scanEvent reads, from events e joined to
// documents d.
const eventColumns = `d.id, e.sentence, e.actor_id, e.actor_name, e.actor_sector,
	e.target_id, e.target_name, e.target_sector, e.verb, e.cameo, e.plover,
	e.date_value, e.date_grain, e.date_anchor, e.mode, e.goldstein, e.quad,
	e.text, e.span_start, e.span_end`

// scanEvent scans a row of eventColumns.
func scanEvent(rows *sql.Rows) (redline.Event, error) {
	var (
		e      redline.Event
		target nullRef
	)
	dest := []any{&e.Doc, &e.Sentence, &e.Actor.ID, &e.Actor.Name, &e.Actor.Sector}
	dest = append(dest, target.dest()...)
	dest = append(dest, &e.Verb, &e.CAMEO, &e.PLOVER,
		&e.Date.Value, &e.Date.Grain, &e.Date.Anchor, &e.Mode, &e.Goldstein, &e.Quad,
		&e.Text, &e.Span.Start, &e.Span.End)
	if err := rows.Scan(dest...); err != nil {
		return e, err
	}
	e.Target = target.ref()
	return e, nil
}
