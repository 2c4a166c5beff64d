package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"redline"
)

// Documents returns stored documents, text included, ordered by the first
// day of their publication date, then ID. Documents without a calendar
// publication date come first.
//
// It returns ENOTFOUND when f.ID names a document that is not stored, and
// EINVALID for a negative limit or offset.
func (db *DB) Documents(ctx context.Context, f redline.DocumentFilter) ([]redline.Document, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find documents: %w", err)
	}
	defer tx.Rollback()
	return findDocuments(ctx, tx, f)
}

// findDocuments runs the query of Documents inside tx.
func findDocuments(ctx context.Context, tx *sql.Tx, f redline.DocumentFilter) ([]redline.Document, error) {
	var w filter
	w.eq("id", f.ID)
	page, err := w.page(f.Limit, f.Offset)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, path, source, url, title,
			published_value, published_grain, published_anchor, text
		FROM documents`+w.where()+`
		ORDER BY published_start, id`+page, w.args...)
	if err != nil {
		return nil, fmt.Errorf("find documents: %w", err)
	}
	docs, err := collect(rows, scanDocument)
	if err != nil {
		return nil, fmt.Errorf("find documents: %w", err)
	}
	if f.ID != "" && len(docs) == 0 {
		if err := documentExists(ctx, tx, f.ID); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// documentExists returns ENOTFOUND when no document has the given ID.
func documentExists(ctx context.Context, tx *sql.Tx, id string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("find document: %w", err)
	} else if n == 0 {
		return redline.Errorf(redline.ENOTFOUND, "document %s not found", id)
	}
	return nil
}

// scanDocument scans a row of findDocuments.
func scanDocument(rows *sql.Rows) (redline.Document, error) {
	var d redline.Document
	err := rows.Scan(&d.ID, &d.Path, &d.Source, &d.URL, &d.Title,
		&d.Published.Value, &d.Published.Grain, &d.Published.Anchor, &d.Text)
	return d, err
}
