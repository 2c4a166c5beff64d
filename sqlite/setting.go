package sqlite

import (
	"context"
	"fmt"
)

// ClaimSetting stores value under key unless the store has a value for
// key already, and returns the value in force: value, or the one stored
// before. Claiming in one transaction keeps two writers from both taking
// a setting to be theirs.
//
// The one setting redline keeps is "event_coder", the coder whose events
// the store holds; a store with documents from before settings existed
// holds "redline".
func (db *DB) ClaimSetting(ctx context.Context, key, value string) (string, error) {
	if db.db == nil {
		return "", errNotOpen
	}
	select {
	case db.writer <- struct{}{}:
		defer func() { <-db.writer }()
	case <-ctx.Done():
		return "", fmt.Errorf("claim setting: %w", ctx.Err())
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return "", fmt.Errorf("claim setting: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, key, value); err != nil {
		return "", fmt.Errorf("claim setting %s: %w", key, err)
	}
	var got string
	if err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&got); err != nil {
		return "", fmt.Errorf("claim setting %s: %w", key, err)
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("claim setting: commit: %w", err)
	}
	return got, nil
}
