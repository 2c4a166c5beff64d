package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"redline"
)

// filter gathers the conditions and arguments of a query. Column names and
// SQL come from this package only; every value is bound as a parameter.
type filter struct {
	conds []string
	args  []any
	// byDate reads the date index in order even though there are
	// conditions, for conditions that many records meet (see from).
	byDate bool
}

// add adds a condition and the arguments of its placeholders.
func (f *filter) add(cond string, args ...any) {
	f.conds = append(f.conds, cond)
	f.args = append(f.args, args...)
}

// eq adds "col = v", unless v is empty, which matches everything.
func (f *filter) eq(col, v string) {
	if v != "" {
		f.add(col+" = ?", v)
	}
}

// days adds "col >= from" and "col < to" for the bounds that are set; col
// holds ISO days, which compare as text.
func (f *filter) days(col string, from, to time.Time) {
	if !from.IsZero() {
		f.add(col+" >= ?", from.UTC().Format(time.DateOnly))
	}
	if !to.IsZero() {
		f.add(col+" < ?", to.UTC().Format(time.DateOnly))
	}
}

// where returns the WHERE clause, or "" when there are no conditions.
func (f *filter) where() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}

// from returns the FROM clause for table, joined to documents, forcing the
// date index when there are no conditions. Records order by date, then
// document ID, which lives in the joined table; lacking a filter, SQLite's
// planner then sorts the whole table, when reading the date index in order
// and sorting only the records that tie on date lets a page stop early.
func (f *filter) from(table, alias, dateIndex string) string {
	from := " FROM " + table + " AS " + alias
	if len(f.conds) == 0 || f.byDate {
		from += " INDEXED BY " + dateIndex
	}
	return from + " JOIN documents AS d ON d.seq = " + alias + ".doc"
}

// page returns a LIMIT and OFFSET clause and adds its arguments, which must
// come last. A zero limit means no limit. It returns EINVALID when limit or
// offset is negative.
func (f *filter) page(limit, offset int) (string, error) {
	if limit < 0 || offset < 0 {
		return "", redline.Errorf(redline.EINVALID, "negative limit or offset")
	}
	if limit == 0 {
		limit = -1 // SQLite reads a negative limit as none
	}
	f.args = append(f.args, limit, offset)
	return " LIMIT ? OFFSET ?", nil
}

// collect scans every row of rows with scan and closes rows.
func collect[T any](rows *sql.Rows, scan func(*sql.Rows) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// nullRef receives the columns of an optional actor.
type nullRef struct {
	id, name, sector sql.NullString
}

// dest returns the scan destinations for the id, name and sector columns.
func (r *nullRef) dest() []any {
	return []any{&r.id, &r.name, &r.sector}
}

// ref returns the actor, or nil when the columns were NULL.
func (r *nullRef) ref() *redline.ActorRef {
	if !r.id.Valid {
		return nil
	}
	return &redline.ActorRef{ID: r.id.String, Name: r.name.String, Sector: r.sector.String}
}

// Counts returns the number of stored documents, statements, events, time
// expressions and deadlines.
func (db *DB) Counts(ctx context.Context) (redline.Counts, error) {
	var c redline.Counts
	tx, err := db.beginRead(ctx)
	if err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	defer tx.Rollback()

	err = tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM statements),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM times),
		(SELECT count(*) FROM deadlines)`,
	).Scan(&c.Documents, &c.Statements, &c.Events, &c.Times, &c.Deadlines)
	if err != nil {
		return redline.Counts{}, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
