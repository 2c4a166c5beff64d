package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"redline"
)

// Deadlines returns every stored deadline ordered by the first day of its
// date, then document ID and position in the document. Deadlines without a
// calendar date come first.
func (db *DB) Deadlines(ctx context.Context) ([]redline.Deadline, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find deadlines: %w", err)
	}
	defer tx.Rollback()
	return findDeadlines(ctx, tx)
}

// findDeadlines runs the query of Deadlines inside tx.
func findDeadlines(ctx context.Context, tx *sql.Tx) ([]redline.Deadline, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT d.id, x.sentence, x.action, x.date_value, x.date_grain, x.date_anchor,
			x.actor_id, x.actor_name, x.actor_sector, x.text, x.span_start, x.span_end
		FROM deadlines AS x JOIN documents AS d ON d.seq = x.doc
		ORDER BY x.date_start, d.id, x.ordinal`)
	if err != nil {
		return nil, fmt.Errorf("find deadlines: %w", err)
	}
	ds, err := collect(rows, scanDeadline)
	if err != nil {
		return nil, fmt.Errorf("find deadlines: %w", err)
	}
	return ds, nil
}

// scanDeadline scans a row of findDeadlines.
func scanDeadline(rows *sql.Rows) (redline.Deadline, error) {
	var (
		d     redline.Deadline
		actor nullRef
	)
	dest := []any{&d.Doc, &d.Sentence, &d.Action, &d.Date.Value, &d.Date.Grain, &d.Date.Anchor}
	dest = append(dest, actor.dest()...)
	dest = append(dest, &d.Text, &d.Span.Start, &d.Span.End)
	if err := rows.Scan(dest...); err != nil {
		return d, err
	}
	d.Actor = actor.ref()
	return d, nil
}
