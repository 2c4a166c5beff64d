package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"redline"
)

// Statements returns stored statements ordered by the first day of the date
// said, then document ID and position in the document. Statements without a
// calendar date come first. Each filter field that is set must match:
// Country matches the country stored for the speaker (see DB.CountryOf), and
// Search is an FTS5 query over statement text, with porter stemming, so
// "negotiations" finds "negotiate".
//
// It returns EINVALID when Search is not a valid FTS5 query or the limit or
// offset is negative.
func (db *DB) Statements(ctx context.Context, f redline.StatementFilter) ([]redline.Statement, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find statements: %w", err)
	}
	defer tx.Rollback()
	return findStatements(ctx, tx, f)
}

// findStatements runs the query of Statements inside tx.
func findStatements(ctx context.Context, tx *sql.Tx, f redline.StatementFilter) ([]redline.Statement, error) {
	var w filter
	var err error
	w.eq("d.id", f.Doc)
	w.eq("s.speaker_id", f.Speaker)
	w.eq("s.speaker_country", f.Country)
	w.eq("s.topic", f.Topic)
	w.eq("s.target_id", f.Target)
	w.days("s.said_start", f.From, f.To)
	if f.Search != "" {
		if err := checkSearch(ctx, tx, f.Search); err != nil {
			return nil, err
		}
		// A page of a query that many statements match fills soonest by
		// reading statements in date order and keeping the matches; one
		// that few match, by reading its matches and sorting them. A
		// filter on another column leaves the choice to its index.
		plan := searchSparse
		if f.Doc == "" && f.Speaker == "" && f.Country == "" && f.Topic == "" && f.Target == "" {
			if plan, err = searchPlan(ctx, tx, f.Search); err != nil {
				return nil, err
			}
		}
		if plan == searchCommon {
			w.add("EXISTS (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? AND rowid = s.id)", f.Search)
		} else {
			w.add("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)", f.Search)
		}
		w.byDate = plan != searchSparse
	}
	page, err := w.page(f.Limit, f.Offset)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+statementColumns+w.from("statements", "s", "statements_said")+w.where()+`
		ORDER BY s.said_start, d.id, s.ordinal`+page, w.args...)
	if err != nil {
		return nil, fmt.Errorf("find statements: %w", err)
	}
	ss, err := collect(rows, scanStatement)
	if err != nil {
		return nil, fmt.Errorf("find statements: %w", err)
	}
	return ss, nil
}

// statementColumns are the columns scanStatement reads, from statements s
// joined to documents d.
const statementColumns = `d.id, s.sentence, s.speaker_id, s.speaker_name, s.speaker_sector,
	s.said_value, s.said_grain, s.said_anchor, s.kind, s.cue, s.text, s.span_start, s.span_end,
	s.topic, s.target_id, s.target_name, s.target_sector,
	s.stance, s.score, s.commitment, s.conditions, s.threat, s.promise,
	s.speaker_start, s.speaker_end, s.cue_start, s.cue_end`

// scanStatement scans a row of statementColumns.
func scanStatement(rows *sql.Rows) (redline.Statement, error) {
	var (
		s          redline.Statement
		target     nullRef
		conditions sql.NullString
	)
	dest := []any{&s.Doc, &s.Sentence, &s.Speaker.ID, &s.Speaker.Name, &s.Speaker.Sector,
		&s.Said.Value, &s.Said.Grain, &s.Said.Anchor, &s.Kind, &s.Cue, &s.Text, &s.Span.Start, &s.Span.End,
		&s.Topic}
	dest = append(dest, target.dest()...)
	var speakerSpan, cueSpan nullSpan
	dest = append(dest, &s.Stance, &s.Score, &s.Commitment, &conditions, &s.Threat, &s.Promise,
		&speakerSpan.start, &speakerSpan.end, &cueSpan.start, &cueSpan.end)
	if err := rows.Scan(dest...); err != nil {
		return s, err
	}
	s.SpeakerSpan, s.CueSpan = speakerSpan.span(), cueSpan.span()
	s.Target = target.ref()
	if conditions.Valid {
		if err := json.Unmarshal([]byte(conditions.String), &s.Conditions); err != nil {
			return s, fmt.Errorf("conditions of statement in %s: %w", s.Doc, err)
		}
	}
	return s, nil
}

// nullSpan scans an optional span stored as two nullable columns.
type nullSpan struct{ start, end sql.NullInt64 }

func (n nullSpan) span() *redline.Span {
	if !n.start.Valid || !n.end.Valid {
		return nil
	}
	return &redline.Span{Start: int(n.start.Int64), End: int(n.end.Int64)}
}

// checkSearch runs the full-text query q against the index alone, so that
// SQLite's complaints about it can be told apart from other failures. It
// returns EINVALID when SQLite cannot parse q.
func checkSearch(ctx context.Context, tx *sql.Tx, q string) error {
	var n int
	err := tx.QueryRowContext(ctx, `
		SELECT count(*) FROM statements_fts
		WHERE statements_fts MATCH ? AND rowid = 0`, q).Scan(&n)
	var e *msqlite.Error
	if errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_ERROR {
		return redline.Errorf(redline.EINVALID, "malformed search %q: %s", q, reason(e))
	} else if err != nil {
		return fmt.Errorf("check search: %w", err)
	}
	return nil
}

// How a full-text query is answered, by how many statements it matches.
const (
	searchSparse = iota // read the matches by rowid and sort them by date
	searchDense         // read statements in date order, keeping those in the set of matches
	searchCommon        // read statements in date order, looking each up in the index
)

// searchPlan chooses how to answer a full-text query from how many
// statements it matches. It reads the first matches only, in rowid order,
// and takes the share of statements a query matches among the first rows
// for its share of them all. Reading the set of matches costs about a
// microsecond a match; looking a statement up in the index costs a hundred
// times that, but a page of a query that a sixteenth of the statements
// match is found in a few hundred look-ups.
func searchPlan(ctx context.Context, tx *sql.Tx, q string) (int, error) {
	const dense = 2000
	var n, last, total int64
	err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(max(rowid), 0), (SELECT coalesce(max(id), 0) FROM statements) FROM (
		SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?)`, q, dense).Scan(&n, &last, &total)
	switch {
	case err != nil:
		return 0, fmt.Errorf("plan search: %w", err)
	case n < dense || last == 0:
		return searchSparse, nil
	case n*total/last >= total/16:
		return searchCommon, nil
	}
	return searchDense, nil
}

// reason returns SQLite's message in e without the generic prefix and the
// result code: `fts5: syntax error near "AND"`.
func reason(e *msqlite.Error) string {
	msg := e.Error()
	if _, after, ok := strings.Cut(msg, ": "); ok {
		msg = after
	}
	if i := strings.LastIndex(msg, " ("); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
